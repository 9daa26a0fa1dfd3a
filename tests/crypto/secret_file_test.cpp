#include "crypto/secret_file.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "crypto/bytes.hpp"
#include "temp_dir.hpp"

namespace finhelm::crypto {
namespace {

using testing::TempDir;

void WriteFile(const std::filesystem::path& path, const std::string& contents, mode_t mode) {
  std::ofstream(path, std::ios::binary) << contents;
  ASSERT_EQ(::chmod(path.c_str(), mode), 0);
}

mode_t ModeOf(const std::filesystem::path& path) {
  struct stat info {};
  EXPECT_EQ(::stat(path.c_str(), &info), 0);
  return info.st_mode & 07777;
}

TEST(ReadSecretFile, ReadsAnOwnerOnlyFileExactly) {
  TempDir dir;
  WriteFile(dir / "secret", std::string("pass\0word\n", 10), 0600);
  auto secret = ReadSecretFile(dir / "secret");
  ASSERT_TRUE(secret.ok()) << secret.error().message;
  EXPECT_EQ(secret->AsStringView(), std::string_view("pass\0word\n", 10));

  WriteFile(dir / "read_only", "x", 0400);
  EXPECT_TRUE(ReadSecretFile(dir / "read_only").ok());
  WriteFile(dir / "empty", "", 0600);
  EXPECT_TRUE(ReadSecretFile(dir / "empty")->empty());
}

// proves DATA-4 (secret files are permission-checked)
TEST(ReadSecretFile, RefusesFilesOpenToGroupOrOthers) {
  TempDir dir;
  for (mode_t mode : {0644u, 0640u, 0604u, 0620u, 0602u, 0610u, 0601u, 0660u, 0666u, 0777u}) {
    WriteFile(dir / "secret", "key", mode);
    auto secret = ReadSecretFile(dir / "secret");
    ASSERT_FALSE(secret.ok()) << std::oct << mode;
    EXPECT_EQ(secret.error().code, ErrorCode::kPermissionDenied);
    EXPECT_NE(secret.error().message.find("chmod 600"), std::string::npos);
  }
  WriteFile(dir / "secret", "key", 0644);
  EXPECT_NE(ReadSecretFile(dir / "secret").error().message.find("mode 0644"), std::string::npos);
}

TEST(ReadSecretFile, RefusesFilesOwnedBySomeoneElse) {
  if (::geteuid() != 0) GTEST_SKIP() << "changing a file's owner needs root";
  TempDir dir;
  WriteFile(dir / "secret", "key", 0600);
  ASSERT_EQ(::chown((dir / "secret").c_str(), 65534, 65534), 0);
  auto secret = ReadSecretFile(dir / "secret");
  ASSERT_FALSE(secret.ok());
  EXPECT_EQ(secret.error().code, ErrorCode::kPermissionDenied);
  EXPECT_NE(secret.error().message.find("owned by uid 65534"), std::string::npos);
}

TEST(ReadSecretFile, FollowsSymlinksButChecksTheTarget) {
  TempDir dir;
  WriteFile(dir / "good", "key", 0600);
  WriteFile(dir / "open", "key", 0644);
  std::filesystem::create_symlink(dir / "good", dir / "link_good");
  std::filesystem::create_symlink(dir / "open", dir / "link_open");
  EXPECT_EQ(ReadSecretFile(dir / "link_good")->AsStringView(), "key");
  EXPECT_EQ(ReadSecretFile(dir / "link_open").error().code, ErrorCode::kPermissionDenied);
}

TEST(ReadSecretFile, RefusesWhatIsNotASmallRegularFile) {
  TempDir dir;
  EXPECT_EQ(ReadSecretFile(dir / "missing").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(ReadSecretFile(dir.path()).error().code, ErrorCode::kInvalidArgument);
  ASSERT_EQ(::mkfifo((dir / "fifo").c_str(), 0600), 0);
  EXPECT_EQ(ReadSecretFile(dir / "fifo").error().code, ErrorCode::kInvalidArgument);
  WriteFile(dir / "huge", std::string(kMaxSecretFileBytes + 1, 'k'), 0600);
  EXPECT_EQ(ReadSecretFile(dir / "huge").error().code, ErrorCode::kInvalidArgument);
  WriteFile(dir / "largest", std::string(kMaxSecretFileBytes, 'k'), 0600);
  EXPECT_TRUE(ReadSecretFile(dir / "largest").ok());
}

TEST(WriteNewSecretFile, CreatesMode0600EvenUnderARestrictiveUmask) {
  TempDir dir;
  const mode_t previous = ::umask(0277);
  const Status written = WriteNewSecretFile(dir / "secret", AsBytes("key"));
  ::umask(previous);
  ASSERT_TRUE(written.ok()) << written.error().message;
  EXPECT_EQ(ModeOf(dir / "secret"), 0600u);
  EXPECT_EQ(ReadSecretFile(dir / "secret")->AsStringView(), "key");
}

TEST(WriteNewSecretFile, NeverReplacesOrFollowsWhatIsThere) {
  TempDir dir;
  ASSERT_TRUE(WriteNewSecretFile(dir / "secret", AsBytes("first")).ok());
  EXPECT_EQ(WriteNewSecretFile(dir / "secret", AsBytes("second")).error().code,
            ErrorCode::kConflict);
  EXPECT_EQ(ReadSecretFile(dir / "secret")->AsStringView(), "first");

  std::filesystem::create_symlink(dir / "target", dir / "dangling");
  EXPECT_EQ(WriteNewSecretFile(dir / "dangling", AsBytes("x")).error().code, ErrorCode::kConflict);
  EXPECT_FALSE(std::filesystem::exists(dir / "target"));
}

}  // namespace
}  // namespace finhelm::crypto

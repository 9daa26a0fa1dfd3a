#include "crypto/key_file.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "crypto/encoding.hpp"
#include "crypto/random.hpp"
#include "crypto/secret_file.hpp"
#include "temp_dir.hpp"

namespace finhelm::crypto {
namespace {

using testing::TempDir;

std::string NewKeyBase64() {
  return std::string(Base64EncodeSecret(RandomSecretBytes(kMasterKeyBytes).bytes()).AsStringView());
}

Result<MasterKeyRing> Parse(const std::string& text) { return ParseMasterKeyFile(AsBytes(text)); }

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST(ParseMasterKeyFile, ReadsVersionedKeysAndPicksTheHighest) {
  const std::string text = "# comment\n\n2:" + NewKeyBase64() + "\r\n  7:" + NewKeyBase64() +
                           "\t\n   \n# 9:not-a-key\n3:" + NewKeyBase64();
  auto ring = Parse(text);
  ASSERT_TRUE(ring.ok()) << ring.error().message;
  EXPECT_EQ(ring->current_version(), 7u);
  EXPECT_EQ(ring->versions(), (std::vector<std::uint32_t>{2, 3, 7}));
  EXPECT_EQ(Parse("4294967295:" + NewKeyBase64())->current_version(), 4294967295u);
}

TEST(ParseMasterKeyFile, RefusesMalformedLinesWithoutQuotingKeys) {
  const std::string key = NewKeyBase64();
  const std::string short_key =
      std::string(Base64EncodeSecret(RandomSecretBytes(16).bytes()).AsStringView());
  const std::vector<std::string> bad_files = {std::string(),
                                              "# only comments\n",
                                              "1" + key,
                                              "0:" + key,
                                              "01:" + key,
                                              "-1:" + key,
                                              "+1:" + key,
                                              "4294967296:" + key,
                                              "a:" + key,
                                              ":" + key,
                                              "1:",
                                              "1:" + short_key,
                                              "1:" + key.substr(0, 43),
                                              "1:" + key + "=",
                                              "1: " + key,
                                              "1:" + key + " extra",
                                              "1:" + key + "\n1:" + NewKeyBase64(),
                                              "1:" + key + "\n2:" + key + "\n3:%%%"};
  for (const std::string& bad : bad_files) {
    auto ring = Parse(bad);
    ASSERT_FALSE(ring.ok()) << bad;
    EXPECT_EQ(ring.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(ring.error().message.find(key.substr(0, 8)), std::string::npos);
  }
  EXPECT_NE(Parse("1:" + key + "\n\n3:%%%").error().message.find("line 3"), std::string::npos);
}

TEST(MasterKeyFile, GeneratesAFileThatLoads) {
  TempDir dir;
  ASSERT_TRUE(GenerateMasterKeyFile(dir / "master.keys").ok());
  struct stat info {};
  ASSERT_EQ(::stat((dir / "master.keys").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 07777, 0600u);
  auto ring = LoadMasterKeyRing(dir / "master.keys");
  ASSERT_TRUE(ring.ok()) << ring.error().message;
  EXPECT_EQ(ring->versions(), std::vector<std::uint32_t>{1});

  TempDir other;
  ASSERT_TRUE(GenerateMasterKeyFile(other / "master.keys").ok());
  EXPECT_NE(ReadAll(dir / "master.keys"), ReadAll(other / "master.keys"));
}

TEST(MasterKeyFile, GenerateNeverOverwrites) {
  TempDir dir;
  ASSERT_TRUE(GenerateMasterKeyFile(dir / "master.keys").ok());
  const std::string before = ReadAll(dir / "master.keys");
  EXPECT_EQ(GenerateMasterKeyFile(dir / "master.keys").error().code, ErrorCode::kConflict);
  EXPECT_EQ(ReadAll(dir / "master.keys"), before);
}

// proves DATA-4 (the master key file is permission-checked)
TEST(MasterKeyFile, LoadRefusesAFileOthersCanRead) {
  TempDir dir;
  ASSERT_TRUE(GenerateMasterKeyFile(dir / "master.keys").ok());
  ASSERT_EQ(::chmod((dir / "master.keys").c_str(), 0644), 0);
  auto ring = LoadMasterKeyRing(dir / "master.keys");
  ASSERT_FALSE(ring.ok());
  EXPECT_EQ(ring.error().code, ErrorCode::kPermissionDenied);
}

TEST(MasterKeyFile, AddVersionKeepsOldKeysAndMakesTheNewOneCurrent) {
  TempDir dir;
  const std::filesystem::path path = dir / "master.keys";
  ASSERT_TRUE(GenerateMasterKeyFile(path).ok());
  auto old_ring = LoadMasterKeyRing(path);
  ASSERT_TRUE(old_ring.ok());
  const DataKey data_key = DataKey::Generate(1);
  const std::vector<std::uint8_t> wrapped = old_ring->WrapDataKey(data_key, "org");

  auto added = AddMasterKeyVersion(path);
  ASSERT_TRUE(added.ok()) << added.error().message;
  EXPECT_EQ(*added, 2u);
  auto new_ring = LoadMasterKeyRing(path);
  ASSERT_TRUE(new_ring.ok()) << new_ring.error().message;
  EXPECT_EQ(new_ring->versions(), (std::vector<std::uint32_t>{1, 2}));
  EXPECT_TRUE(new_ring->UnwrapDataKey(wrapped, "org", 1).ok());
  EXPECT_FALSE(std::filesystem::exists(dir / "master.keys.new"));

  EXPECT_EQ(*AddMasterKeyVersion(path), 3u);
  EXPECT_EQ(LoadMasterKeyRing(path)->current_version(), 3u);
}

TEST(MasterKeyFile, AddVersionAppendsAfterALastLineWithoutNewline) {
  TempDir dir;
  const std::filesystem::path path = dir / "master.keys";
  const std::string text = "5:" + NewKeyBase64();
  ASSERT_TRUE(WriteNewSecretFile(path, AsBytes(text)).ok());
  EXPECT_EQ(*AddMasterKeyVersion(path), 6u);
  EXPECT_EQ(LoadMasterKeyRing(path)->versions(), (std::vector<std::uint32_t>{5, 6}));
}

TEST(MasterKeyFile, AddVersionRefusesALeftoverStagingFile) {
  TempDir dir;
  const std::filesystem::path path = dir / "master.keys";
  ASSERT_TRUE(GenerateMasterKeyFile(path).ok());
  ASSERT_TRUE(WriteNewSecretFile(dir / "master.keys.new", AsBytes("stale")).ok());
  EXPECT_EQ(AddMasterKeyVersion(path).error().code, ErrorCode::kConflict);
  EXPECT_EQ(LoadMasterKeyRing(path)->current_version(), 1u);
}

}  // namespace
}  // namespace finhelm::crypto

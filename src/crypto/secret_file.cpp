#include "crypto/secret_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "core/unique_fd.hpp"

namespace finhelm::crypto {
namespace {

std::string Quoted(const std::filesystem::path& path) { return "'" + path.string() + "'"; }

Error IoError(ErrorCode code, std::string_view action, const std::filesystem::path& path,
              int error_number) {
  return MakeError(code, "cannot " + std::string(action) + " secret file " + Quoted(path) + ": " +
                             std::strerror(error_number));
}

ErrorCode CodeForOpenError(int error_number) {
  switch (error_number) {
    case ENOENT:
    case ENOTDIR:
      return ErrorCode::kNotFound;
    case EACCES:
    case EPERM:
      return ErrorCode::kPermissionDenied;
    default:
      return ErrorCode::kUnavailable;
  }
}

// "0644": the form chmod takes, so the message and the fix read alike.
std::string OctalMode(mode_t mode) {
  std::string out = "0000";
  auto bits = static_cast<unsigned>(mode & 07777);
  for (std::size_t i = out.size(); i-- > 0; bits >>= 3) {
    out[i] = static_cast<char>('0' + (bits & 7));
  }
  return out;
}

Status CheckSecretFileStat(const struct stat& info, const std::filesystem::path& path) {
  if (!S_ISREG(info.st_mode)) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "secret file " + Quoted(path) + " is not a regular file");
  }
  if ((info.st_mode & 077) != 0) {
    return MakeError(ErrorCode::kPermissionDenied,
                     "secret file " + Quoted(path) + " has mode " + OctalMode(info.st_mode) +
                         ", open to group or others; run: chmod 600 " + Quoted(path));
  }
  const uid_t self = ::geteuid();
  if (info.st_uid != self) {
    return MakeError(ErrorCode::kPermissionDenied,
                     "secret file " + Quoted(path) + " is owned by uid " +
                         std::to_string(info.st_uid) + ", not by uid " + std::to_string(self) +
                         " that runs FinHelm; run: chown " + std::to_string(self) + " " +
                         Quoted(path));
  }
  if (info.st_size < 0 || static_cast<std::uintmax_t>(info.st_size) > kMaxSecretFileBytes) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "secret file " + Quoted(path) + " is larger than " +
                         std::to_string(kMaxSecretFileBytes) + " bytes");
  }
  return Status::Ok();
}

// Writes all of `contents`, retrying short writes and interruptions.
bool WriteAll(int fd, ByteSpan contents) {
  std::size_t done = 0;
  while (done < contents.size()) {
    const ssize_t written = ::write(fd, contents.data() + done, contents.size() - done);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return false;
    done += static_cast<std::size_t>(written);
  }
  return true;
}

}  // namespace

Result<SecretBytes> ReadSecretFile(const std::filesystem::path& path) {
  // O_NONBLOCK keeps a FIFO planted at the path from blocking start-up; the regular-file
  // check below then refuses it.
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
  if (!fd.valid()) {
    const int error_number = errno;
    return IoError(CodeForOpenError(error_number), "open", path, error_number);
  }
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) return IoError(ErrorCode::kUnavailable, "stat", path, errno);
  if (Status checked = CheckSecretFileStat(info, path); !checked.ok()) return checked.error();

  // One byte of headroom tells a file that grew after fstat from one that fits exactly.
  const auto expected = static_cast<std::size_t>(info.st_size);
  SecretBytes contents(expected + 1);
  std::size_t done = 0;
  while (done < contents.size()) {
    const ssize_t got = ::read(fd.get(), contents.data() + done, contents.size() - done);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return IoError(ErrorCode::kUnavailable, "read", path, errno);
    if (got == 0) break;
    done += static_cast<std::size_t>(got);
  }
  if (done > expected) {
    return MakeError(ErrorCode::kUnavailable,
                     "secret file " + Quoted(path) + " changed while being read");
  }
  contents.Truncate(done);
  return contents;
}

Status WriteNewSecretFile(const std::filesystem::path& path, ByteSpan contents) {
  UniqueFd fd(
      ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY, 0600));
  if (!fd.valid()) {
    const int error_number = errno;
    if (error_number == EEXIST) {
      return MakeError(ErrorCode::kConflict,
                       "secret file " + Quoted(path) + " already exists; it is never replaced");
    }
    return IoError(CodeForOpenError(error_number), "create", path, error_number);
  }
  // A restrictive umask may have dropped the owner's bits; the mode must be exactly 0600.
  const bool written = ::fchmod(fd.get(), 0600) == 0 && WriteAll(fd.get(), contents) &&
                       ::fsync(fd.get()) == 0 && fd.Close() == 0;
  if (!written) {
    const int error_number = errno;
    ::unlink(path.c_str());
    return IoError(ErrorCode::kUnavailable, "write", path, error_number);
  }
  return Status::Ok();
}

}  // namespace finhelm::crypto

#include "imports/upload_store.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/unique_fd.hpp"
#include "crypto/hash.hpp"
#include "crypto/random.hpp"

namespace finhelm::imports {
namespace {

Error Unavailable(const char* what) {
  return MakeError(ErrorCode::kUnavailable, std::string(what) + ": " + std::strerror(errno));
}

bool IsStoredName(std::string_view name) {
  return name.size() == 32 && name.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

}  // namespace

Result<StoredUpload> UploadStore::Save(std::string_view content) const {
  std::error_code error;
  std::filesystem::create_directories(directory_, error);
  if (error) return MakeError(ErrorCode::kUnavailable, "create uploads: " + error.message());
  if (::chmod(directory_.c_str(), 0700) != 0) return Unavailable("chmod uploads");

  StoredUpload stored;
  stored.stored_name = crypto::RandomId128Hex();
  const std::filesystem::path path = directory_ / stored.stored_name;
  UniqueFd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
  if (!fd.valid()) return Unavailable("create upload");
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t wrote = ::write(fd.get(), content.data() + written, content.size() - written);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0) {
      ::unlink(path.c_str());
      return Unavailable("write upload");
    }
    written += static_cast<std::size_t>(wrote);
  }
  if (::fsync(fd.get()) != 0 || fd.Close() != 0) {
    ::unlink(path.c_str());
    return Unavailable("sync upload");
  }
  stored.sha256 = crypto::Sha256Hex(content);
  stored.bytes = content.size();
  return stored;
}

Result<std::filesystem::path> UploadStore::PathOf(std::string_view stored_name) const {
  if (!IsStoredName(stored_name)) {
    return MakeError(ErrorCode::kInvalidArgument, "not a stored upload name");
  }
  return directory_ / std::string(stored_name);
}

Status UploadStore::Remove(std::string_view stored_name) const {
  auto path = PathOf(stored_name);
  if (!path.ok()) return path.error();
  if (::unlink(path->c_str()) != 0 && errno != ENOENT) return Unavailable("delete upload");
  return Status::Ok();
}

}  // namespace finhelm::imports

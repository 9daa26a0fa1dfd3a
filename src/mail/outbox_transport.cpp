#include "mail/outbox_transport.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "crypto/random.hpp"

namespace finhelm::mail {
namespace {

Error FileError(std::string_view what) {
  return MakeError(ErrorCode::kUnavailable, std::string(what) + ": " + std::strerror(errno));
}

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  int Release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

Status WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return FileError("write to the outbox");
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
  return Status::Ok();
}

}  // namespace

Status OutboxTransport::Send(const MailMessage& message) {
  if (::mkdir(directory_.c_str(), 0700) != 0 && errno != EEXIST) {
    return FileError("create the outbox");
  }
  std::int64_t now = clock_.NowUnixSeconds();
  std::string name = std::to_string(now) + "-" + crypto::RandomId128Hex();
  auto rendered = RenderRfc5322(message, name + "@finhelm.outbox", now);
  if (!rendered.ok()) return rendered.error();

  std::string temporary = directory_ + "/." + name + ".tmp";
  std::string final_path = directory_ + "/" + name + ".eml";
  FileDescriptor file(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
  if (file.get() < 0) return FileError("open an outbox file");
  Status written = WriteAll(file.get(), *rendered);
  if (written.ok() && ::fsync(file.get()) != 0) written = FileError("sync an outbox file");
  if (::close(file.Release()) != 0 && written.ok()) written = FileError("close an outbox file");
  if (written.ok() && ::rename(temporary.c_str(), final_path.c_str()) != 0) {
    written = FileError("publish an outbox file");
  }
  if (!written.ok()) ::unlink(temporary.c_str());
  return written;
}

}  // namespace finhelm::mail

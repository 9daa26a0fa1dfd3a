// UniqueFd: ownership of a POSIX file descriptor.
#pragma once

#include <unistd.h>

#include <utility>

namespace finhelm {

// Closes the descriptor on destruction. Writers call Close() themselves, because a
// failed close can be the first report of a failed write.
class UniqueFd {
 public:
  UniqueFd() : fd_(-1) {}
  explicit UniqueFd(int fd) : fd_(fd) {}
  UniqueFd(UniqueFd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  UniqueFd& operator=(UniqueFd&& other) noexcept {
    if (this != &other) {
      Reset();
      fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
  }
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  ~UniqueFd() { Reset(); }

  bool valid() const { return fd_ >= 0; }
  int get() const { return fd_; }
  // Closes now; returns close(2)'s result (0 on success, -1 with errno set).
  int Close() { return ::close(std::exchange(fd_, -1)); }
  // Closes now, if open, ignoring close(2)'s result.
  void Reset() {
    if (fd_ >= 0) ::close(std::exchange(fd_, -1));
  }

 private:
  int fd_;
};

}  // namespace finhelm

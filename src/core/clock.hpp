// Clock: the source of wall-clock time, injectable so that tests can move time forward
// without waiting (session timeouts, token expiry, job leases).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace finhelm {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point Now() const = 0;

  // Seconds since the Unix epoch, the unit stored in the database.
  std::int64_t NowUnixSeconds() const {
    return std::chrono::duration_cast<std::chrono::seconds>(Now().time_since_epoch()).count();
  }
};

class SystemClock final : public Clock {
 public:
  std::chrono::system_clock::time_point Now() const override {
    return std::chrono::system_clock::now();
  }
};

// A clock that only moves when told to. Thread-safe.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(std::chrono::system_clock::time_point start)
      : ticks_(start.time_since_epoch().count()) {}

  std::chrono::system_clock::time_point Now() const override {
    return std::chrono::system_clock::time_point(
        std::chrono::system_clock::duration(ticks_.load()));
  }
  void Advance(std::chrono::system_clock::duration by) { ticks_ += by.count(); }

 private:
  std::atomic<std::chrono::system_clock::rep> ticks_;
};

}  // namespace finhelm

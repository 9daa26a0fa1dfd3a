// LoginThrottle: the per-account half of AUTH-5.
//
// After 5 consecutive failures for an account, each further attempt must wait twice as
// long as the one before: 1 s after the 5th failure, 2 s after the 6th, up to 15 min. An
// attempt inside the wait is refused without checking the password, even a right one
// (so the wait cannot be used to test guesses). A success clears the count. Nothing
// locks an account for good.
//
// The key is the normalized email whether or not an account has it, so that throttling
// behaves the same for unknown emails (AUTH-4). Stored in the database, so that every
// instance sharing it agrees.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "storage/connection.hpp"

namespace finhelm::identity {

struct LoginThrottlePolicy {
  int free_failures = 5;
  std::chrono::seconds first_wait{1};
  std::chrono::seconds longest_wait{15 * 60};
};

// What the throttle knows of a key: its consecutive failures and the wait still owed.
struct ThrottleState {
  std::int64_t failures = 0;
  std::optional<std::chrono::seconds> wait;
};

class LoginThrottle {
 public:
  LoginThrottle(const Clock& clock, LoginThrottlePolicy policy = {})
      : clock_(clock), policy_(policy) {}

  // The failures recorded for `key` and how long it must still wait.
  Result<ThrottleState> Check(storage::Connection& connection, std::string_view key) const;

  // How long the caller must still wait before `key` may try again; nullopt when it may
  // try now.
  Result<std::optional<std::chrono::seconds>> WaitFor(storage::Connection& connection,
                                                      std::string_view key) const;
  Status RecordFailure(storage::Connection& connection, std::string_view key) const;
  Status RecordSuccess(storage::Connection& connection, std::string_view key) const;

  // The wait after `failures` consecutive failures (0 while under the free failures).
  std::chrono::seconds WaitAfter(std::int64_t failures) const;

 private:
  const Clock& clock_;
  LoginThrottlePolicy policy_;
};

}  // namespace finhelm::identity

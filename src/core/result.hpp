// Result<T>: the value of an operation that can fail in an expected way.
//
// FinHelm's error policy (docs/architecture.md): expected failures -- invalid input, not
// found, conflict, a remote that refused -- are returned as values, never thrown. An
// Error carries a machine-readable code and a message for the log; what the client sees
// is decided in one place (http/problem.hpp) from the code alone.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace finhelm {

enum class ErrorCode {
  kInvalidArgument,  // The caller's input is malformed or out of range.
  kNotFound,
  kConflict,  // The state of the world forbids the change (duplicate, stale).
  kPermissionDenied,
  kUnauthenticated,
  kResourceExhausted,  // A limit was reached (rate, size, pool).
  kUnavailable,        // A dependency is down; retrying later may succeed.
  kDataLoss,           // Stored data failed an integrity check.
  kInternal,           // A bug or an unexpected failure of the platform.
};

// Returns the stable lower_snake_case name of `code`, for logs and metrics.
const char* ErrorCodeName(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;  // Detail for the log; never shown to clients as-is.
};

inline Error MakeError(ErrorCode code, std::string message) {
  return Error{code, std::move(message)};
}

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(state_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(state_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(state_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const {
    assert(!ok());
    return std::get<1>(state_);
  }

 private:
  std::variant<T, Error> state_;
};

// Status: a Result that carries no value.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT

  static Status Ok() { return Status(); }
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const {
    assert(!ok_);
    return error_;
  }

 private:
  Error error_;
  bool ok_ = true;
};

}  // namespace finhelm

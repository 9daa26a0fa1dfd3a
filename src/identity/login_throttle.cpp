#include "identity/login_throttle.hpp"

#include <algorithm>

namespace finhelm::identity {
namespace {

using storage::Sql;

constexpr Sql kSelect = "SELECT failures, blocked_until FROM login_throttle WHERE account_key = ?";
constexpr Sql kUpsert =
    "INSERT INTO login_throttle (account_key, failures, blocked_until) VALUES (?, ?, ?) "
    "ON CONFLICT (account_key) DO UPDATE SET failures = excluded.failures, "
    "blocked_until = excluded.blocked_until";
constexpr Sql kDelete = "DELETE FROM login_throttle WHERE account_key = ?";

}  // namespace

std::chrono::seconds LoginThrottle::WaitAfter(std::int64_t failures) const {
  if (failures < policy_.free_failures) return std::chrono::seconds(0);
  std::int64_t doublings = failures - policy_.free_failures;
  std::int64_t wait = policy_.first_wait.count();
  for (std::int64_t i = 0; i < doublings && wait < policy_.longest_wait.count(); ++i) wait *= 2;
  return std::chrono::seconds(std::min(wait, policy_.longest_wait.count()));
}

Result<ThrottleState> LoginThrottle::Check(storage::Connection& connection,
                                           std::string_view key) const {
  auto row = connection.QueryOptional(kSelect, {key});
  if (!row.ok()) return row.error();
  ThrottleState state;
  if (!row->has_value()) return state;
  state.failures = (*row)->Int(0);
  std::int64_t remaining = (*row)->Int(1) - clock_.NowUnixSeconds();
  if (remaining > 0) state.wait = std::chrono::seconds(remaining);
  return state;
}

Result<std::optional<std::chrono::seconds>> LoginThrottle::WaitFor(storage::Connection& connection,
                                                                   std::string_view key) const {
  auto state = Check(connection, key);
  if (!state.ok()) return state.error();
  return state->wait;
}

Status LoginThrottle::RecordFailure(storage::Connection& connection, std::string_view key) const {
  auto row = connection.QueryOptional(kSelect, {key});
  if (!row.ok()) return row.error();
  std::int64_t failures = row->has_value() ? (*row)->Int(0) + 1 : 1;
  std::int64_t blocked_until = clock_.NowUnixSeconds() + WaitAfter(failures).count();
  auto stored = connection.Execute(kUpsert, {key, failures, blocked_until});
  if (!stored.ok()) return stored.error();
  return Status::Ok();
}

Status LoginThrottle::RecordSuccess(storage::Connection& connection, std::string_view key) const {
  auto deleted = connection.Execute(kDelete, {key});
  if (!deleted.ok()) return deleted.error();
  return Status::Ok();
}

}  // namespace finhelm::identity

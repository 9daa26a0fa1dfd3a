#include "identity/personal_data.hpp"

#include <string>

#include "storage/connection.hpp"

namespace finhelm::identity {
namespace {

using storage::Sql;

constexpr Sql kSelectSessions{
    "SELECT id, stage, user_agent, client_address, created_at, last_seen_at, expires_at "
    "FROM sessions WHERE user_id = ? ORDER BY created_at"};
constexpr Sql kSelectSecondFactor{"SELECT confirmed_at FROM totp_credentials WHERE user_id = ?"};
constexpr Sql kCountRecoveryCodes{
    "SELECT COUNT(*) FROM recovery_codes WHERE user_id = ? AND used_at IS NULL"};
// Cross-tenant by design: the user's own actions, in every organization they acted in.
// The actor column names them; nothing else of any organization is read.
constexpr Sql kSelectAuditEvents = Sql::CrossTenant(
    "SELECT id, organization_id, occurred_at_ms, event, target, address, request_id, details "
    "FROM audit_events WHERE actor = ? ORDER BY id LIMIT ?");

}  // namespace

Result<PersonalData> CollectPersonalData(storage::Connection& connection, UserId user) {
  auto account = FindUserById(connection, user);
  if (!account.ok()) return account.error();
  if (!*account) return MakeError(ErrorCode::kNotFound, "no such user");
  PersonalData data;
  data.user = std::move(**account);
  data.user.password_hash.clear();
  auto memberships = MembershipsOf(connection, user);
  if (!memberships.ok()) return memberships.error();
  data.memberships = std::move(*memberships);

  auto sessions = connection.Query(kSelectSessions, {user.value});
  if (!sessions.ok()) return sessions.error();
  for (const storage::Row& row : *sessions) {
    data.sessions.push_back(
        {row.Text(0), row.Text(1), row.Text(2), row.Text(3), row.Int(4), row.Int(5), row.Int(6)});
  }
  auto factor = connection.QueryOptional(kSelectSecondFactor, {user.value});
  if (!factor.ok()) return factor.error();
  if (*factor) data.second_factor_confirmed_at = (*factor)->OptionalInt(0);
  auto codes = connection.QueryOptional(kCountRecoveryCodes, {user.value});
  if (!codes.ok()) return codes.error();
  data.recovery_codes_left = *codes ? (*codes)->Int(0) : 0;

  auto events = connection.Query(
      kSelectAuditEvents, {"user:" + std::to_string(user.value), kMaxExportedAuditEvents + 1});
  if (!events.ok()) return events.error();
  for (const storage::Row& row : *events) {
    if (static_cast<std::int64_t>(data.audit_events.size()) == kMaxExportedAuditEvents) {
      data.audit_events_truncated = true;
      break;
    }
    data.audit_events.push_back({row.Int(0), row.Int(1), row.Int(2), row.Text(3), row.Text(4),
                                 row.Text(5), row.Text(6), row.Text(7)});
  }
  return data;
}

}  // namespace finhelm::identity

#include "identity/sessions.hpp"

#include "crypto/hash.hpp"
#include "crypto/random.hpp"

namespace finhelm::identity {
namespace {

using storage::Row;
using storage::Sql;

constexpr Sql kInsertSession =
    "INSERT INTO sessions (id, token_hash, user_id, stage, csrf_token, user_agent, "
    "client_address, created_at, last_seen_at, authenticated_at, expires_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
// Every authenticated request runs this, so it also reads whether the user has a
// confirmed second factor (AUTH-6) instead of asking in a second query.
constexpr Sql kSelectByTokenHash =
    "SELECT id, user_id, stage, csrf_token, user_agent, client_address, created_at, "
    "last_seen_at, authenticated_at, expires_at, "
    "(SELECT COUNT(*) FROM totp_credentials t "
    "WHERE t.user_id = sessions.user_id AND t.confirmed_at IS NOT NULL) "
    "FROM sessions WHERE token_hash = ?";
constexpr Sql kSelectByUser =
    "SELECT id, user_id, stage, csrf_token, user_agent, client_address, created_at, "
    "last_seen_at, authenticated_at, expires_at FROM sessions "
    "WHERE user_id = ? AND stage = 'full' AND expires_at > ? AND last_seen_at > ? "
    "ORDER BY created_at DESC, id";
constexpr Sql kTouch = "UPDATE sessions SET last_seen_at = ? WHERE id = ?";
constexpr Sql kReauthenticated = "UPDATE sessions SET authenticated_at = ? WHERE id = ?";
constexpr Sql kDeleteById = "DELETE FROM sessions WHERE id = ?";
constexpr Sql kCountMfaFailure =
    "UPDATE sessions SET mfa_failures = mfa_failures + 1 WHERE id = ? RETURNING mfa_failures";
constexpr Sql kDeleteOfUser = "DELETE FROM sessions WHERE user_id = ? AND id = ?";
constexpr Sql kDeleteAllOfUserExcept = "DELETE FROM sessions WHERE user_id = ? AND id <> ?";
constexpr Sql kDeleteExpired = "DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?";

Session SessionFromRow(const Row& row) {
  Session session;
  session.id = row.Text(0);
  session.user = UserId{row.Int(1)};
  session.stage = row.Text(2) == "full" ? SessionStage::kFull : SessionStage::kMfaPending;
  session.csrf_token = row.Text(3);
  session.user_agent = row.Text(4);
  session.client_address = row.Text(5);
  session.created_at = row.Int(6);
  session.last_seen_at = row.Int(7);
  session.authenticated_at = row.Int(8);
  session.expires_at = row.Int(9);
  return session;
}

}  // namespace

std::string_view SessionStageName(SessionStage stage) {
  return stage == SessionStage::kFull ? "full" : "mfa_pending";
}

Result<IssuedSession> SessionStore::Create(storage::Connection& connection, UserId user,
                                           SessionStage stage, std::string_view user_agent,
                                           std::string_view client_address) {
  return Insert(connection, user, stage, user_agent, client_address, clock_.NowUnixSeconds());
}

Result<IssuedSession> SessionStore::Insert(storage::Connection& connection, UserId user,
                                           SessionStage stage, std::string_view user_agent,
                                           std::string_view client_address,
                                           std::int64_t authenticated_at) {
  std::int64_t now = clock_.NowUnixSeconds();
  auto lifetime =
      stage == SessionStage::kFull ? policy_.absolute_timeout : policy_.mfa_pending_timeout;
  IssuedSession issued;
  issued.token = crypto::RandomToken();
  Session& session = issued.session;
  session.id = crypto::RandomId128Hex();
  session.user = user;
  session.stage = stage;
  session.csrf_token = crypto::RandomToken();
  session.user_agent = std::string(user_agent);
  session.client_address = std::string(client_address);
  session.created_at = now;
  session.last_seen_at = now;
  session.authenticated_at = authenticated_at;
  session.expires_at = now + lifetime.count();
  auto inserted = connection.Execute(
      kInsertSession,
      {session.id, crypto::Sha256Hex(issued.token), user.value, SessionStageName(stage),
       session.csrf_token, session.user_agent, session.client_address, session.created_at,
       session.last_seen_at, session.authenticated_at, session.expires_at});
  if (!inserted.ok()) return inserted.error();
  return issued;
}

Result<Resolution> SessionStore::Resolve(storage::Connection& connection, std::string_view token,
                                         std::string_view user_agent) {
  Resolution resolution;
  auto row = connection.QueryOptional(kSelectByTokenHash, {crypto::Sha256Hex(token)});
  if (!row.ok()) return row.error();
  if (!row->has_value()) {
    resolution.ended = SessionEnd::kUnknown;
    return resolution;
  }
  Session session = SessionFromRow(**row);
  session.mfa_enrolled = (*row)->Int(10) > 0;
  std::int64_t now = clock_.NowUnixSeconds();
  if (now >= session.expires_at) {
    resolution.ended = SessionEnd::kAbsolute;
  } else if (now - session.last_seen_at >= policy_.idle_timeout.count()) {
    resolution.ended = SessionEnd::kIdle;
  } else if (session.user_agent != user_agent) {
    resolution.ended = SessionEnd::kAgentChanged;
  }
  if (resolution.ended != SessionEnd::kNone) {
    resolution.ended_user = session.user;
    auto deleted = connection.Execute(kDeleteById, {session.id});
    if (!deleted.ok()) return deleted.error();
    return resolution;
  }
  if (now - session.last_seen_at >= policy_.touch_interval.count()) {
    auto touched = connection.Execute(kTouch, {now, session.id});
    if (!touched.ok()) return touched.error();
    session.last_seen_at = now;
  }
  resolution.session = std::move(session);
  return resolution;
}

Result<IssuedSession> SessionStore::Rotate(storage::Connection& connection, const Session& old,
                                           SessionStage stage) {
  auto deleted = connection.Execute(kDeleteById, {old.id});
  if (!deleted.ok()) return deleted.error();
  return Insert(connection, old.user, stage, old.user_agent, old.client_address,
                clock_.NowUnixSeconds());
}

Result<std::int64_t> SessionStore::RecordMfaFailure(storage::Connection& connection,
                                                    std::string_view session_id) {
  auto row = connection.QueryOptional(kCountMfaFailure, {session_id});
  if (!row.ok()) return row.error();
  if (!row->has_value()) return MakeError(ErrorCode::kNotFound, "no such session");
  return (*row)->Int(0);
}

Status SessionStore::MarkReauthenticated(storage::Connection& connection,
                                         std::string_view session_id) {
  auto updated = connection.Execute(kReauthenticated, {clock_.NowUnixSeconds(), session_id});
  if (!updated.ok()) return updated.error();
  return Status::Ok();
}

Status SessionStore::Destroy(storage::Connection& connection, UserId user,
                             std::string_view session_id) {
  auto deleted = connection.Execute(kDeleteOfUser, {user.value, session_id});
  if (!deleted.ok()) return deleted.error();
  if (*deleted == 0) return MakeError(ErrorCode::kNotFound, "no such session");
  return Status::Ok();
}

Status SessionStore::DestroyAllOf(storage::Connection& connection, UserId user,
                                  std::string_view keep) {
  auto deleted = connection.Execute(kDeleteAllOfUserExcept, {user.value, keep});
  if (!deleted.ok()) return deleted.error();
  return Status::Ok();
}

Result<std::vector<Session>> SessionStore::List(storage::Connection& connection, UserId user) {
  std::int64_t now = clock_.NowUnixSeconds();
  auto rows =
      connection.Query(kSelectByUser, {user.value, now, now - policy_.idle_timeout.count()});
  if (!rows.ok()) return rows.error();
  std::vector<Session> sessions;
  sessions.reserve(rows->size());
  for (const Row& row : *rows) sessions.push_back(SessionFromRow(row));
  return sessions;
}

Result<std::int64_t> SessionStore::PurgeExpired(storage::Connection& connection) {
  std::int64_t now = clock_.NowUnixSeconds();
  return connection.Execute(kDeleteExpired, {now, now - policy_.idle_timeout.count()});
}

}  // namespace finhelm::identity

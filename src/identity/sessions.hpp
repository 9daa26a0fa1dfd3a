// SessionStore: server-side sessions behind the `__Host-fh_session` cookie (SESS-1..6).
//
// The cookie holds a 256-bit random token; the database holds only its SHA-256, so a
// copy of the database cannot be replayed as a cookie. A session is either
// `mfa_pending` (password checked, second factor still owed: it authenticates nothing but
// the MFA step) or `full`. It ends at the first of: idle timeout since it was last seen,
// absolute timeout since it was created, logout or revocation, a password change or
// reset, or being presented by a different User-Agent than created it (SESS-5).
//
// Each call takes the connection to run on, so that callers can put session changes in
// the same transaction as the change that causes them. Thread-safe: no state besides
// the clock and the policy.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "identity/users.hpp"
#include "storage/connection.hpp"

namespace finhelm::identity {

inline constexpr std::string_view kSessionCookie = "__Host-fh_session";

struct SessionPolicy {
  std::chrono::seconds idle_timeout{15 * 60};       // SESS-2
  std::chrono::seconds absolute_timeout{8 * 3600};  // SESS-2
  std::chrono::seconds mfa_pending_timeout{5 * 60};
  // How often last_seen_at is written: a session seen again within this time is not
  // rewritten on every request.
  std::chrono::seconds touch_interval{30};
};

enum class SessionStage { kMfaPending, kFull };

struct Session {
  std::string id;  // Public id (128-bit hex) for listing and revocation; not a credential.
  UserId user;
  SessionStage stage = SessionStage::kFull;
  std::string csrf_token;
  std::string user_agent;
  std::string client_address;
  std::int64_t created_at = 0;
  std::int64_t last_seen_at = 0;
  std::int64_t authenticated_at = 0;  // Last time the password (and MFA) was proven.
  std::int64_t expires_at = 0;        // Absolute end.
  bool mfa_enrolled = false;          // The user has a confirmed second factor; set by Resolve.
};

// A session just created: the token goes into the cookie and is never stored.
struct IssuedSession {
  Session session;
  std::string token;
};

// Why Resolve found no session, for the log and the audit trail.
enum class SessionEnd { kNone, kUnknown, kIdle, kAbsolute, kAgentChanged };

struct Resolution {
  std::optional<Session> session;
  SessionEnd ended = SessionEnd::kNone;  // Set when a presented token was refused.
  UserId ended_user;                     // Whose session ended, unless kUnknown.
};

class SessionStore {
 public:
  SessionStore(const Clock& clock, SessionPolicy policy) : clock_(clock), policy_(policy) {}

  const SessionPolicy& policy() const { return policy_; }

  // Creates a session with a fresh token and CSRF token.
  Result<IssuedSession> Create(storage::Connection& connection, UserId user, SessionStage stage,
                               std::string_view user_agent, std::string_view client_address);

  // Finds the session of `token` and checks its timeouts and User-Agent. A session past a
  // timeout or presented by another agent is deleted (the latter must be audited as
  // suspicious by the caller). A live session's last_seen_at is refreshed.
  Result<Resolution> Resolve(storage::Connection& connection, std::string_view token,
                             std::string_view user_agent);

  // Replaces the session by a new one of `stage` with a new token (SESS-3): at login
  // after the MFA step, and on a change of privilege. The old token stops working.
  Result<IssuedSession> Rotate(storage::Connection& connection, const Session& old,
                               SessionStage stage);

  // Counts a wrong second-factor code against a pending session and returns the count.
  Result<std::int64_t> RecordMfaFailure(storage::Connection& connection,
                                        std::string_view session_id);

  // Records that the user just proved their password (and MFA): AUTH-8's clock.
  Status MarkReauthenticated(storage::Connection& connection, std::string_view session_id);

  // Deletes one session of `user`; kNotFound when the user has no session with this id.
  Status Destroy(storage::Connection& connection, UserId user, std::string_view session_id);
  // Deletes every session of `user` except `keep` (which may be empty).
  Status DestroyAllOf(storage::Connection& connection, UserId user, std::string_view keep = {});

  // The user's live sessions, newest first.
  Result<std::vector<Session>> List(storage::Connection& connection, UserId user);

  // Deletes sessions past their absolute or idle end (DATA-6); returns how many.
  Result<std::int64_t> PurgeExpired(storage::Connection& connection);

 private:
  Result<IssuedSession> Insert(storage::Connection& connection, UserId user, SessionStage stage,
                               std::string_view user_agent, std::string_view client_address,
                               std::int64_t authenticated_at);

  const Clock& clock_;
  SessionPolicy policy_;
};

std::string_view SessionStageName(SessionStage stage);

}  // namespace finhelm::identity

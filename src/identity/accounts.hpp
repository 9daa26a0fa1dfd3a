// Accounts: the identity flows of SPEC section 4 (register, verify, log in and out,
// forgotten and reset password, password change), independent of HTTP.
//
// Every flow that takes an email answers the same way, in the same time, whether or not
// an account has it (AUTH-4): both paths hash a password once and queue one job, and
// differences are told to the account's owner by email, never to the caller. Methods
// block (Argon2id, the database): call them from worker threads. Thread-safe.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "identity/login_throttle.hpp"
#include "identity/mfa.hpp"
#include "identity/password_hasher.hpp"
#include "identity/password_policy.hpp"
#include "identity/sessions.hpp"
#include "jobs/job_queue.hpp"

namespace finhelm::storage {
class Database;
}

namespace finhelm::identity {

// Where a request comes from: bound into new sessions (SESS-5, SESS-6).
struct ClientContext {
  std::string address;
  std::string user_agent;
};

// Why a request was refused, field by field, for a 422.
struct InputProblem {
  std::string field;  // JSON pointer ("/password").
  std::string code;
  std::string message;
};

struct LoginOutcome {
  enum class Kind { kSignedIn, kMfaRequired, kRefused, kThrottled, kEmailUnverified };
  Kind kind = Kind::kRefused;
  std::optional<IssuedSession> session;  // For kSignedIn and kMfaRequired.
  std::chrono::seconds retry_after{0};   // For kThrottled.
  std::optional<UserId> user;            // Who signed in, or whose password failed.
};

struct MfaOutcome {
  enum class Kind { kSignedIn, kRefused, kChallengeVoided, kNoChallenge };
  Kind kind = Kind::kNoChallenge;
  std::optional<IssuedSession> session;  // For kSignedIn.
  std::optional<UserId> user;
  SecondFactor factor = SecondFactor::kNone;
};

// The answer to a signed-in user proving who they are again (AUTH-8).
struct ProofOutcome {
  enum class Kind { kProven, kRefused, kThrottled };
  Kind kind = Kind::kRefused;
  std::chrono::seconds retry_after{0};  // For kThrottled.
};

struct PasswordChange {
  ProofOutcome proof;
  std::vector<InputProblem> problems;  // Empty when the password was changed.
};

inline constexpr int kMaxMfaFailures = 5;  // AUTH-6: the fifth wrong code voids the challenge.

class Accounts {
 public:
  // Every reference must outlive the Accounts.
  Accounts(storage::Database& database, const Clock& clock, const PasswordPolicy& policy,
           const PasswordHasher& hasher, SessionStore& sessions, const LoginThrottle& throttle,
           jobs::JobQueue& jobs, const MfaStore& mfa);

  // Creates an unverified account and queues its verification email. When the email is
  // taken, creates nothing and queues a notice to the account's owner instead. Returns
  // the problems of the input (empty on success, whichever path ran).
  Result<std::vector<InputProblem>> Register(std::string_view email, std::string_view password,
                                             std::string_view name);

  // Marks the token's account verified; kNotFound for a token that cannot be used.
  Status VerifyEmail(std::string_view token);

  // Checks the password under the throttle of AUTH-5 and starts a session: a full one, or
  // for a user with a second factor a pending one that only CompleteMfa accepts.
  Result<LoginOutcome> Login(std::string_view email, std::string_view password,
                             const ClientContext& client);

  // Checks the second factor against the pending session of `pending_token`; on success
  // replaces it by a full session with a new token (SESS-3).
  Result<MfaOutcome> CompleteMfa(std::string_view pending_token, std::string_view code,
                                 const ClientContext& client);

  // Removes the user's second factor after checking the password and a current code
  // (AUTH-8), under the account's login throttle.
  Result<ProofOutcome> RemoveMfa(const Session& session, std::string_view password,
                                 std::string_view code);

  // Queues a reset email if an account has `email`. Always succeeds for a valid email.
  Status ForgotPassword(std::string_view email);

  // Sets a new password from a reset token and ends every session of the user (AUTH-3,
  // SESS-4). Problems of the new password come back as for Register; a token that
  // cannot be used is kNotFound.
  Result<std::vector<InputProblem>> ResetPassword(std::string_view token,
                                                  std::string_view password);

  // Changes the password of the session's user after checking the current one under the
  // account's login throttle; every other session of the user ends (SESS-4). Unless the
  // proof is kProven nothing changes; the problems are those of the new password.
  Result<PasswordChange> ChangePassword(const Session& session, std::string_view current_password,
                                        std::string_view password);

  // Checks `password`, and `code` when the user has a second factor, for an already
  // signed-in user (AUTH-8) under the account's login throttle, and records the time.
  Result<ProofOutcome> Reauthenticate(const Session& session, std::string_view password,
                                      std::string_view code);

  // Starts a change of the session user's email to `email` (email_change.hpp): the same
  // answer whether or not the address is taken. kInvalidArgument for a malformed or
  // unchanged address.
  Status RequestEmailChange(const Session& session, std::string_view email);
  // Applies the change of an emailed token; kNotFound or kConflict as ConfirmEmailChange.
  Result<UserId> ConfirmEmailChange(std::string_view token);

  SessionStore& sessions() { return sessions_; }
  const MfaStore& mfa() const { return mfa_; }

 private:
  Result<ProofOutcome> ProveIdentity(storage::Connection& connection, const Session& session,
                                     std::string_view password, std::string_view code,
                                     bool code_required);
  std::vector<InputProblem> CheckNewPassword(std::string_view password, std::string_view email,
                                             std::string_view name) const;

  storage::Database& database_;
  const Clock& clock_;
  const PasswordPolicy& policy_;
  const PasswordHasher& hasher_;
  SessionStore& sessions_;
  const LoginThrottle& throttle_;
  jobs::JobQueue& jobs_;
  const MfaStore& mfa_;
};

}  // namespace finhelm::identity

#include "identity/accounts.hpp"

#include "identity/account_mail.hpp"
#include "identity/email_address.hpp"
#include "identity/email_change.hpp"
#include "identity/one_time_tokens.hpp"
#include "identity/users.hpp"
#include "observability/log.hpp"
#include "storage/database.hpp"
#include "storage/transaction.hpp"

namespace finhelm::identity {
namespace {

constexpr std::size_t kMaxNameCodePoints = 200;

std::vector<InputProblem> InvalidEmail() {
  return {{"/email", "invalid_email", "Enter a valid email address."}};
}

}  // namespace

Accounts::Accounts(storage::Database& database, const Clock& clock, const PasswordPolicy& policy,
                   const PasswordHasher& hasher, SessionStore& sessions,
                   const LoginThrottle& throttle, jobs::JobQueue& jobs, const MfaStore& mfa)
    : database_(database),
      clock_(clock),
      policy_(policy),
      hasher_(hasher),
      sessions_(sessions),
      throttle_(throttle),
      jobs_(jobs),
      mfa_(mfa) {}

std::vector<InputProblem> Accounts::CheckNewPassword(std::string_view password,
                                                     std::string_view email,
                                                     std::string_view name) const {
  std::vector<InputProblem> problems;
  for (PasswordProblem& problem : policy_.Check(password, email, name)) {
    problems.push_back({"/password", std::move(problem.code), std::move(problem.message)});
  }
  return problems;
}

Result<std::vector<InputProblem>> Accounts::Register(std::string_view email,
                                                     std::string_view password,
                                                     std::string_view name) {
  auto normalized = NormalizeEmail(email);
  if (!normalized.ok()) return InvalidEmail();
  auto clean_name = NormalizeNfkc(name);
  std::vector<InputProblem> problems;
  if (!clean_name.ok() || clean_name->empty() || HasControlCharacters(*clean_name) ||
      CountCodePoints(*clean_name) > kMaxNameCodePoints) {
    problems.push_back({"/name", "invalid_name", "Enter your name (at most 200 characters)."});
  }
  std::vector<InputProblem> password_problems =
      CheckNewPassword(password, *normalized, clean_name.ok() ? *clean_name : std::string());
  problems.insert(problems.end(), password_problems.begin(), password_problems.end());
  if (!problems.empty()) return problems;

  auto hash = hasher_.Hash(password);
  if (!hash.ok()) return hash.error();
  auto connection = database_.Acquire();
  if (!connection.ok()) return connection.error();
  auto transaction = storage::Transaction::Begin(**connection);
  if (!transaction.ok()) return transaction.error();
  auto existing = FindUserByEmail(**connection, *normalized);
  if (!existing.ok()) return existing.error();
  AccountMail mail;
  if (existing->has_value()) {
    mail = {(*existing)->id, std::nullopt, AccountMailKind::kAlreadyRegistered};
  } else {
    auto created = CreateUser(**connection, {*normalized, *clean_name, *hash}, clock_);
    if (!created.ok()) return created.error();
    mail = {*created, std::nullopt, AccountMailKind::kVerifyEmail};
    log::Info("account_registered", {{"user_id", created->value}});
  }
  if (Status queued = EnqueueAccountMail(**connection, jobs_, mail); !queued.ok()) {
    return queued.error();
  }
  if (Status committed = transaction->Commit(); !committed.ok()) return committed.error();
  return std::vector<InputProblem>();
}

Status Accounts::VerifyEmail(std::string_view token) {
  auto connection = database_.Acquire();
  if (!connection.ok()) return connection.error();
  auto transaction = storage::Transaction::Begin(**connection);
  if (!transaction.ok()) return transaction.error();
  auto user = ConsumeOneTimeToken(**connection, token, TokenPurpose::kVerifyEmail, clock_);
  if (!user.ok()) return user.error();
  if (Status marked = MarkEmailVerified(**connection, *user, clock_); !marked.ok()) return marked;
  if (Status committed = transaction->Commit(); !committed.ok()) return committed;
  log::Info("account_email_verified", {{"user_id", user->value}});
  return Status::Ok();
}

Result<LoginOutcome> Accounts::Login(std::string_view email, std::string_view password,
                                     const ClientContext& client) {
  LoginOutcome outcome;
  auto normalized = NormalizeEmail(email);
  // An email that cannot exist is still throttled and hashed like any other, under its
  // raw form, so that nothing about the answer depends on its shape.
  std::string key = normalized.ok() ? *normalized : std::string(email.substr(0, 254));
  auto connection = database_.Acquire();
  if (!connection.ok()) return connection.error();
  auto throttle = throttle_.Check(**connection, key);
  if (!throttle.ok()) return throttle.error();
  if (throttle->wait) {
    outcome.kind = LoginOutcome::Kind::kThrottled;
    outcome.retry_after = *throttle->wait;
    return outcome;
  }
  auto user = normalized.ok() ? FindUserByEmail(**connection, *normalized)
                              : Result<std::optional<User>>(std::optional<User>());
  if (!user.ok()) return user.error();
  bool matches = false;
  if (user->has_value()) {
    matches = hasher_.Verify(password, (*user)->password_hash);
    outcome.user = (*user)->id;
  } else {
    hasher_.VerifyAgainstDummy(password);
  }
  if (!matches) {
    if (Status recorded = throttle_.RecordFailure(**connection, key); !recorded.ok()) {
      return recorded.error();
    }
    outcome.kind = LoginOutcome::Kind::kRefused;
    return outcome;
  }
  const User& account = **user;
  // Only a key with failures has a row to clear: most sign-ins write nothing here.
  if (throttle->failures > 0) {
    if (Status cleared = throttle_.RecordSuccess(**connection, key); !cleared.ok()) {
      return cleared.error();
    }
  }
  if (hasher_.NeedsRehash(account.password_hash)) {
    // AUTH-1: a hash made with weaker parameters is replaced while the password is known.
    auto upgraded = hasher_.Hash(password);
    if (upgraded.ok()) {
      Status stored = StorePasswordHash(**connection, account.id, *upgraded, false, clock_);
      if (!stored.ok()) log::Warn("password_rehash_failed", {{"user_id", account.id.value}});
    }
  }
  if (!account.email_verified()) {
    outcome.kind = LoginOutcome::Kind::kEmailUnverified;
    return outcome;
  }
  auto enrolled = mfa_.IsEnrolled(**connection, account.id);
  if (!enrolled.ok()) return enrolled.error();
  SessionStage stage = *enrolled ? SessionStage::kMfaPending : SessionStage::kFull;
  auto session =
      sessions_.Create(**connection, account.id, stage, client.user_agent, client.address);
  if (!session.ok()) return session.error();
  outcome.kind = *enrolled ? LoginOutcome::Kind::kMfaRequired : LoginOutcome::Kind::kSignedIn;
  outcome.session = std::move(*session);
  return outcome;
}

Result<MfaOutcome> Accounts::CompleteMfa(std::string_view pending_token, std::string_view code,
                                         const ClientContext& client) {
  MfaOutcome outcome;
  auto connection = database_.Acquire();
  if (!connection.ok()) return connection.error();
  auto resolved = sessions_.Resolve(**connection, pending_token, client.user_agent);
  if (!resolved.ok()) return resolved.error();
  if (!resolved->session || resolved->session->stage != SessionStage::kMfaPending) {
    return outcome;  // kNoChallenge
  }
  const Session& pending = *resolved->session;
  outcome.user = pending.user;
  auto factor = mfa_.Verify(**connection, pending.user, code);
  if (!factor.ok()) return factor.error();
  if (*factor == SecondFactor::kNone) {
    auto failures = sessions_.RecordMfaFailure(**connection, pending.id);
    if (!failures.ok()) return failures.error();
    outcome.kind = MfaOutcome::Kind::kRefused;
    if (*failures >= kMaxMfaFailures) {
      if (Status ended = sessions_.Destroy(**connection, pending.user, pending.id); !ended.ok()) {
        return ended.error();
      }
      outcome.kind = MfaOutcome::Kind::kChallengeVoided;
    }
    return outcome;
  }
  auto session = sessions_.Rotate(**connection, pending, SessionStage::kFull);
  if (!session.ok()) return session.error();
  outcome.kind = MfaOutcome::Kind::kSignedIn;
  outcome.factor = *factor;
  outcome.session = std::move(*session);
  return outcome;
}

Result<ProofOutcome> Accounts::ProveIdentity(storage::Connection& connection,
                                             const Session& session, std::string_view password,
                                             std::string_view code, bool code_required) {
  ProofOutcome outcome;
  auto user = FindUserById(connection, session.user);
  if (!user.ok()) return user.error();
  if (!user->has_value()) return outcome;
  // The account's login throttle (AUTH-5): a stolen session cannot guess the password or
  // the code here any faster than at the sign-in form.
  const std::string& key = (*user)->email;
  auto throttle = throttle_.Check(connection, key);
  if (!throttle.ok()) return throttle.error();
  if (throttle->wait) {
    outcome.kind = ProofOutcome::Kind::kThrottled;
    outcome.retry_after = *throttle->wait;
    return outcome;
  }
  bool proven = hasher_.Verify(password, (*user)->password_hash);
  if (proven && code_required) {
    auto factor = mfa_.Verify(connection, session.user, code);
    if (!factor.ok()) return factor.error();
    proven = *factor != SecondFactor::kNone;
  }
  if (!proven) {
    if (Status recorded = throttle_.RecordFailure(connection, key); !recorded.ok()) {
      return recorded.error();
    }
    return outcome;
  }
  if (throttle->failures > 0) {
    if (Status cleared = throttle_.RecordSuccess(connection, key); !cleared.ok()) {
      return cleared.error();
    }
  }
  outcome.kind = ProofOutcome::Kind::kProven;
  return outcome;
}

Result<ProofOutcome> Accounts::RemoveMfa(const Session& session, std::string_view password,
                                         std::string_view code) {
  auto connection = database_.Acquire();
  if (!connection.ok()) return connection.error();
  auto proof = ProveIdentity(**connection, session, password, code, true);
  if (!proof.ok() || proof->kind != ProofOutcome::Kind::kProven) return proof;
  if (Status removed = mfa_.Remove(**connection, session.user); !removed.ok()) {
    return removed.error();
  }
  if (Status marked = sessions_.MarkReauthenticated(**connection, session.id); !marked.ok()) {
    return marked.error();
  }
  return proof;
}

Status Accounts::ForgotPassword(std::string_view email) {
  auto normalized = NormalizeEmail(email);
  if (!normalized.ok()) return MakeError(ErrorCode::kInvalidArgument, "not an email address");
  auto connection = database_.Acquire();
  if (!connection.ok()) return connection.error();
  return EnqueueAccountMail(**connection, jobs_,
                            {std::nullopt, *normalized, AccountMailKind::kPasswordReset});
}

Result<std::vector<InputProblem>> Accounts::ResetPassword(std::string_view token,
                                                          std::string_view password) {
  auto connection = database_.Acquire();
  if (!connection.ok()) return connection.error();
  auto transaction = storage::Transaction::Begin(**connection);
  if (!transaction.ok()) return transaction.error();
  auto user_id = ConsumeOneTimeToken(**connection, token, TokenPurpose::kResetPassword, clock_);
  if (!user_id.ok()) return user_id.error();
  auto user = FindUserById(**connection, *user_id);
  if (!user.ok()) return user.error();
  if (!user->has_value()) return MakeError(ErrorCode::kNotFound, "the token's user is gone");
  std::vector<InputProblem> problems = CheckNewPassword(password, (*user)->email, (*user)->name);
  if (!problems.empty()) return problems;  // Rolled back: the token stays usable.
  auto hash = hasher_.Hash(password);
  if (!hash.ok()) return hash.error();
  if (Status stored = StorePasswordHash(**connection, *user_id, *hash, true, clock_);
      !stored.ok()) {
    return stored.error();
  }
  if (Status ended = sessions_.DestroyAllOf(**connection, *user_id); !ended.ok()) {
    return ended.error();
  }
  // The reset proves control of the mailbox, which is what verification asks.
  if (Status marked = MarkEmailVerified(**connection, *user_id, clock_); !marked.ok()) {
    return marked.error();
  }
  if (Status committed = transaction->Commit(); !committed.ok()) return committed.error();
  log::Info("account_password_reset", {{"user_id", user_id->value}});
  return problems;
}

Result<PasswordChange> Accounts::ChangePassword(const Session& session,
                                                std::string_view current_password,
                                                std::string_view password) {
  auto connection = database_.Acquire();
  if (!connection.ok()) return connection.error();
  auto user = FindUserById(**connection, session.user);
  if (!user.ok()) return user.error();
  if (!user->has_value()) return MakeError(ErrorCode::kUnauthenticated, "the user is gone");
  PasswordChange change;
  auto proof = ProveIdentity(**connection, session, current_password, "", false);
  if (!proof.ok()) return proof.error();
  change.proof = *proof;
  if (change.proof.kind != ProofOutcome::Kind::kProven) return change;
  change.problems = CheckNewPassword(password, (*user)->email, (*user)->name);
  if (!change.problems.empty()) return change;
  auto hash = hasher_.Hash(password);
  if (!hash.ok()) return hash.error();
  auto transaction = storage::Transaction::Begin(**connection);
  if (!transaction.ok()) return transaction.error();
  if (Status stored = StorePasswordHash(**connection, session.user, *hash, true, clock_);
      !stored.ok()) {
    return stored.error();
  }
  if (Status ended = sessions_.DestroyAllOf(**connection, session.user, session.id); !ended.ok()) {
    return ended.error();
  }
  if (Status marked = sessions_.MarkReauthenticated(**connection, session.id); !marked.ok()) {
    return marked.error();
  }
  if (Status committed = transaction->Commit(); !committed.ok()) return committed.error();
  log::Info("account_password_changed", {{"user_id", session.user.value}});
  return change;
}

Status Accounts::RequestEmailChange(const Session& session, std::string_view email) {
  auto normalized = NormalizeEmail(email);
  if (!normalized.ok()) return MakeError(ErrorCode::kInvalidArgument, "not an email address");
  auto connection = database_.Acquire();
  if (!connection.ok()) return connection.error();
  return identity::RequestEmailChange(**connection, jobs_, clock_, session.user, *normalized);
}

Result<UserId> Accounts::ConfirmEmailChange(std::string_view token) {
  auto connection = database_.Acquire();
  if (!connection.ok()) return connection.error();
  return identity::ConfirmEmailChange(**connection, clock_, token);
}

Result<ProofOutcome> Accounts::Reauthenticate(const Session& session, std::string_view password,
                                              std::string_view code) {
  auto connection = database_.Acquire();
  if (!connection.ok()) return connection.error();
  auto enrolled = mfa_.IsEnrolled(**connection, session.user);
  if (!enrolled.ok()) return enrolled.error();
  // AUTH-8: "and MFA where enrolled".
  auto proof = ProveIdentity(**connection, session, password, code, *enrolled);
  if (!proof.ok() || proof->kind != ProofOutcome::Kind::kProven) return proof;
  if (Status marked = sessions_.MarkReauthenticated(**connection, session.id); !marked.ok()) {
    return marked.error();
  }
  return proof;
}

}  // namespace finhelm::identity

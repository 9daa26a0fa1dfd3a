// Account mail: the durable job that sends verification, reset and "already registered"
// messages (issue #3, "sending is a durable job").
//
// The payload names the user and the message, never a token: the job issues the token
// itself when it runs, so no token is ever stored in clear, in the jobs table or
// anywhere else. A retried job issues a fresh token (for a reset, voiding the first), so
// the newest message is always the one that works. Jobs belong to organization 0, the
// installation (storage migration 5), because an account may have no organization yet.
#pragma once

#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "identity/users.hpp"
#include "jobs/job_queue.hpp"
#include "jobs/job_registry.hpp"
#include "mail/mail_message.hpp"
#include "storage/connection.hpp"

namespace finhelm::storage {
class Database;
}

namespace finhelm::identity {

inline constexpr OrganizationId kInstallationOrganization{0};

// kConfirmEmailChange goes to the pending new address, kEmailChangeNotice to the current
// one (email_change.hpp).
enum class AccountMailKind {
  kVerifyEmail,
  kPasswordReset,
  kAlreadyRegistered,
  kConfirmEmailChange,
  kEmailChangeNotice,
};

// The addressee is a user id, or for a password reset the email as typed (normalized):
// the request is answered before anyone looks the email up, so that known and unknown
// emails take the same time (AUTH-4); the job sends nothing when no account has it.
struct AccountMail {
  std::optional<UserId> user;
  std::optional<std::string> email;
  AccountMailKind kind = AccountMailKind::kVerifyEmail;
};

std::string EncodeAccountMail(const AccountMail& mail);
Result<AccountMail> DecodeAccountMail(std::string_view json);

inline constexpr jobs::JobKind<AccountMail> kAccountMailJob{"mail.account", EncodeAccountMail,
                                                            DecodeAccountMail};

// Queues the message on `connection` (inside the caller's transaction, if any).
Status EnqueueAccountMail(storage::Connection& connection, jobs::JobQueue& queue,
                          const AccountMail& mail);

struct AccountMailSettings {
  std::string public_url;  // "https://finhelm.example.com", no trailing slash.
};

// Registers the job's handler. Every reference must outlive the job runners.
Status RegisterAccountMailJob(jobs::JobRegistry& registry, storage::Database& database,
                              const Clock& clock, mail::MailTransport& transport,
                              AccountMailSettings settings);

}  // namespace finhelm::identity

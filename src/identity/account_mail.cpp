#include "identity/account_mail.hpp"

#include <nlohmann/json.hpp>

#include "identity/email_change.hpp"
#include "identity/one_time_tokens.hpp"
#include "jobs/job_context.hpp"
#include "mail/mail_templates.hpp"
#include "storage/database.hpp"
#include "storage/org_scope.hpp"
#include "storage/transaction.hpp"

namespace finhelm::identity {
namespace {

constexpr std::string_view kKindNames[] = {"verify_email", "password_reset", "already_registered",
                                           "confirm_email_change", "email_change_notice"};

// The messages about a pending email change; nullopt when it is no longer pending.
Result<std::optional<mail::MailMessage>> ComposeEmailChange(storage::Connection& connection,
                                                            const Clock& clock, const User& account,
                                                            AccountMailKind kind,
                                                            const std::string& base) {
  using Message = std::optional<mail::MailMessage>;
  if (kind == AccountMailKind::kEmailChangeNotice) {
    auto pending = PendingEmail(connection, clock, account.id);
    if (!pending.ok()) return pending.error();
    if (!pending->has_value()) return Message();
    return Message(mail::EmailChangeNoticeMail(account.email, account.name, **pending,
                                               base + "/forgot-password"));
  }
  auto change = IssueEmailChangeToken(connection, clock, account.id);
  if (!change.ok()) return change.error();
  if (!change->has_value()) return Message();
  return Message(mail::EmailChangeMail((*change)->new_email, account.name,
                                       base + "/confirm-email#token=" + (*change)->token));
}

// Builds the message for `mail`, issuing its token in its own committed transaction first,
// so that the link in the message works as soon as it is delivered.
// nullopt when the addressee has no account (any more): nothing to send.
Result<std::optional<mail::MailMessage>> Compose(storage::Connection& connection,
                                                 const Clock& clock, const AccountMail& mail,
                                                 const AccountMailSettings& settings) {
  auto user = mail.user ? FindUserById(connection, *mail.user)
                        : FindUserByEmail(connection, mail.email.value_or(""));
  if (!user.ok()) return user.error();
  if (!user->has_value()) return std::optional<mail::MailMessage>();
  const User& account = **user;
  const std::string& base = settings.public_url;
  if (mail.kind == AccountMailKind::kConfirmEmailChange ||
      mail.kind == AccountMailKind::kEmailChangeNotice) {
    return ComposeEmailChange(connection, clock, account, mail.kind, base);
  }
  if (mail.kind == AccountMailKind::kAlreadyRegistered) {
    return std::optional(mail::AlreadyRegisteredMail(account.email, account.name, base + "/login",
                                                     base + "/forgot-password"));
  }
  TokenPurpose purpose = mail.kind == AccountMailKind::kVerifyEmail ? TokenPurpose::kVerifyEmail
                                                                    : TokenPurpose::kResetPassword;
  auto transaction = storage::Transaction::Begin(connection);
  if (!transaction.ok()) return transaction.error();
  auto token = IssueOneTimeToken(connection, account.id, purpose, clock);
  if (!token.ok()) return token.error();
  if (Status committed = transaction->Commit(); !committed.ok()) return committed.error();
  if (purpose == TokenPurpose::kVerifyEmail) {
    return std::optional(mail::VerificationMail(account.email, account.name,
                                                base + "/verify-email#token=" + *token));
  }
  return std::optional(mail::PasswordResetMail(account.email, account.name,
                                               base + "/reset-password#token=" + *token));
}

}  // namespace

std::string EncodeAccountMail(const AccountMail& mail) {
  nlohmann::json payload = {{"kind", kKindNames[static_cast<int>(mail.kind)]}};
  if (mail.user) payload["user_id"] = mail.user->value;
  if (mail.email) payload["email"] = *mail.email;
  return payload.dump();
}

Result<AccountMail> DecodeAccountMail(std::string_view json) {
  auto parsed = nlohmann::json::parse(json, nullptr, false);
  bool has_user =
      parsed.is_object() && parsed.contains("user_id") && parsed["user_id"].is_number_integer();
  bool has_email = parsed.is_object() && parsed.contains("email") && parsed["email"].is_string();
  if (parsed.is_discarded() || has_user == has_email || !parsed.contains("kind") ||
      !parsed["kind"].is_string()) {
    return MakeError(ErrorCode::kInvalidArgument, "malformed account mail payload");
  }
  AccountMail mail;
  if (has_user) mail.user = UserId{parsed["user_id"].get<std::int64_t>()};
  if (has_email) mail.email = parsed["email"].get<std::string>();
  std::string kind = parsed["kind"].get<std::string>();
  for (std::size_t i = 0; i < std::size(kKindNames); ++i) {
    if (kind == kKindNames[i]) {
      mail.kind = static_cast<AccountMailKind>(i);
      return mail;
    }
  }
  return MakeError(ErrorCode::kInvalidArgument, "unknown account mail kind");
}

Status EnqueueAccountMail(storage::Connection& connection, jobs::JobQueue& queue,
                          const AccountMail& mail) {
  storage::OrgScope installation(connection, kInstallationOrganization);
  auto queued = queue.Enqueue(installation, kAccountMailJob, mail);
  if (!queued.ok()) return queued.error();
  return Status::Ok();
}

Status RegisterAccountMailJob(jobs::JobRegistry& registry, storage::Database& database,
                              const Clock& clock, mail::MailTransport& transport,
                              AccountMailSettings settings) {
  return registry.Register<AccountMail>(
      kAccountMailJob,
      [&database, &clock, &transport, settings = std::move(settings)](
          jobs::JobContext& context, const AccountMail& mail) -> Status {
        auto connection = database.Acquire();
        if (!connection.ok()) return connection.error();
        auto message = Compose(**connection, clock, mail, settings);
        if (!message.ok()) return message.error();
        if (message->has_value()) {
          if (Status sent = transport.Send(**message); !sent.ok()) return sent;
        }
        return context.Complete({});
      });
}

}  // namespace finhelm::identity

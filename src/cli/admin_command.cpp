// `finhelm admin ...`: operator commands that act on accounts and the audit log from the
// shell. Each change they make is itself audited, with the actor "operator".
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <string>

#include "audit/audit_log.hpp"
#include "cli/commands.hpp"
#include "cli/startup.hpp"
#include "core/clock.hpp"
#include "identity/email_address.hpp"
#include "identity/memberships.hpp"
#include "identity/mfa.hpp"
#include "identity/password_hasher.hpp"
#include "identity/password_policy.hpp"
#include "identity/sessions.hpp"
#include "identity/users.hpp"
#include "storage/transaction.hpp"

namespace finhelm::cli {
namespace {

// The password, from standard input (never the command line, which others can read).
std::string ReadPassword() {
  if (::isatty(STDIN_FILENO) != 0) std::fprintf(stderr, "Password: ");
  std::string password;
  std::getline(std::cin, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

}  // namespace

int AdminAuditVerify(const CommonOptions& options) {
  int exit_status = kExitOk;
  auto installation = OpenInstallation(options, exit_status);
  if (!installation) return exit_status;
  auto& database = installation->database;
  auto connection = database->Acquire();
  if (!connection.ok()) {
    std::fprintf(stderr, "finhelm: %s\n", connection.error().message.c_str());
    return kExitFailure;
  }
  auto report = audit::Verify(**connection);
  if (!report.ok()) {
    std::fprintf(stderr, "finhelm: %s\n", report.error().message.c_str());
    return kExitFailure;
  }
  if (!report->intact) {
    std::printf("audit log BROKEN after %lld intact events: %s\n",
                static_cast<long long>(report->events_checked), report->problem.c_str());
    return kExitFailure;
  }
  std::printf("audit log intact: %lld events\n", static_cast<long long>(report->events_checked));
  return kExitOk;
}

int AdminCreateUser(const CommonOptions& options, const AdminCreateUserOptions& user) {
  int exit_status = kExitOk;
  auto installation = OpenInstallation(options, exit_status);
  if (!installation) return exit_status;
  auto& database = installation->database;
  auto email = identity::NormalizeEmail(user.email);
  if (!email.ok()) {
    std::fprintf(stderr, "finhelm: not an email address: %s\n", user.email.c_str());
    return kExitBadConfig;
  }
  auto policy = identity::PasswordPolicy::Load({});
  if (!policy.ok()) {
    std::fprintf(stderr, "finhelm: %s\n", policy.error().message.c_str());
    return kExitFailure;
  }
  std::string password = ReadPassword();
  auto problems = policy->Check(password, *email, user.name);
  if (!problems.empty()) {
    for (const auto& problem : problems) {
      std::fprintf(stderr, "password: %s\n", problem.message.c_str());
    }
    return kExitBadConfig;
  }
  identity::PasswordHasher hasher;
  auto hash = hasher.Hash(password);
  if (!hash.ok()) {
    std::fprintf(stderr, "finhelm: %s\n", hash.error().message.c_str());
    return kExitFailure;
  }
  SystemClock clock;
  auto connection = database->Acquire();
  if (!connection.ok()) {
    std::fprintf(stderr, "finhelm: %s\n", connection.error().message.c_str());
    return kExitFailure;
  }
  auto fail = [](const Error& error) {
    std::fprintf(stderr, "finhelm: %s\n", error.message.c_str());
    return error.code == ErrorCode::kConflict ? kExitBadConfig : kExitFailure;
  };
  auto transaction = storage::Transaction::Begin(**connection);
  if (!transaction.ok()) return fail(transaction.error());
  auto created = identity::CreateUser(**connection, {*email, user.name, *hash}, clock);
  if (!created.ok()) return fail(created.error());
  if (Status verified = identity::MarkEmailVerified(**connection, *created, clock);
      !verified.ok()) {
    return fail(verified.error());
  }
  std::string target = "user:" + std::to_string(created->value);
  if (Status audited = audit::Record(**connection, clock,
                                     {OrganizationId{0}, "user_created", "operator", target, "", "",
                                      R"({"via":"finhelm admin create-user"})"},
                                     true);
      !audited.ok()) {
    return fail(audited.error());
  }
  if (Status committed = transaction->Commit(); !committed.ok()) return fail(committed.error());
  std::printf("created user %lld (%s)\n", static_cast<long long>(created->value), email->c_str());
  if (user.organization_name) {
    auto organization = identity::CreateOrganizationWithAdmin(**connection, *user.organization_name,
                                                              *created, clock);
    if (!organization.ok()) return fail(organization.error());
    Status audited = audit::Record(
        **connection, clock,
        {*organization, "organization_created", "operator",
         "org:" + std::to_string(organization->value), "", "", R"({"admin":")" + target + "\"}"});
    if (!audited.ok()) return fail(audited.error());
    std::printf("created organization %lld with the user as admin\n",
                static_cast<long long>(organization->value));
  }
  return kExitOk;
}

int AdminResetMfa(const CommonOptions& options, const std::string& email_text) {
  int exit_status = kExitOk;
  auto installation = OpenInstallation(options, exit_status);
  if (!installation) return exit_status;
  auto& database = installation->database;
  auto email = identity::NormalizeEmail(email_text);
  if (!email.ok()) {
    std::fprintf(stderr, "finhelm: not an email address: %s\n", email_text.c_str());
    return kExitBadConfig;
  }
  SystemClock clock;
  auto connection = database->Acquire();
  if (!connection.ok()) {
    std::fprintf(stderr, "finhelm: %s\n", connection.error().message.c_str());
    return kExitFailure;
  }
  auto user = identity::FindUserByEmail(**connection, *email);
  if (!user.ok() || !user->has_value()) {
    std::fprintf(stderr, "finhelm: no user has the email %s\n", email->c_str());
    return kExitBadConfig;
  }
  identity::UserId id = (**user).id;
  // Removing a factor needs no key: the sealed secret is deleted, never opened.
  auto transaction = storage::Transaction::Begin(**connection);
  Status reset = transaction.ok() ? identity::RemoveSecondFactor(**connection, id)
                                  : Status(transaction.error());
  if (reset.ok()) {
    identity::SessionStore sessions(clock, identity::SessionPolicy{});
    reset = sessions.DestroyAllOf(**connection, id);
  }
  if (reset.ok()) {
    reset = audit::Record(
        **connection, clock,
        {OrganizationId{0}, "mfa_reset_by_operator", "operator", "user:" + std::to_string(id.value),
         "", "", R"({"via":"finhelm admin reset-mfa"})"},
        true);
  }
  if (reset.ok()) reset = transaction->Commit();
  if (!reset.ok()) {
    std::fprintf(stderr, "finhelm: %s\n", reset.error().message.c_str());
    return kExitFailure;
  }
  std::printf("removed the second factor of user %lld and ended their sessions\n",
              static_cast<long long>(id.value));
  return kExitOk;
}

}  // namespace finhelm::cli

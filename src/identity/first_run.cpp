#include "identity/first_run.hpp"

#include "crypto/hash.hpp"
#include "crypto/random.hpp"
#include "identity/email_address.hpp"
#include "identity/memberships.hpp"
#include "storage/organizations.hpp"
#include "storage/transaction.hpp"

namespace finhelm::identity {
namespace {

using storage::Sql;

constexpr Sql kVoidTokens = "UPDATE setup_tokens SET used_at = ? WHERE used_at IS NULL";
constexpr Sql kInsertToken =
    "INSERT INTO setup_tokens (token_hash, created_at, expires_at) VALUES (?, ?, ?)";
constexpr Sql kUseToken =
    "UPDATE setup_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL "
    "AND expires_at > ?";

constexpr std::size_t kMaxNameCodePoints = 200;

bool IsAcceptableName(const Result<std::string>& name) {
  return name.ok() && !name->empty() && !HasControlCharacters(*name) &&
         CountCodePoints(*name) <= kMaxNameCodePoints;
}

}  // namespace

Result<std::optional<std::string>> IssueSetupToken(storage::Connection& connection,
                                                   const Clock& clock) {
  auto transaction = storage::Transaction::Begin(connection);
  if (!transaction.ok()) return transaction.error();
  auto empty = NoUsersYet(connection);
  if (!empty.ok()) return empty.error();
  if (!*empty) return std::optional<std::string>();
  std::int64_t now = clock.NowUnixSeconds();
  auto voided = connection.Execute(kVoidTokens, {now});
  if (!voided.ok()) return voided.error();
  std::string token = crypto::RandomToken();
  auto inserted = connection.Execute(
      kInsertToken,
      {crypto::Sha256Hex(token), now, now + std::chrono::seconds(kSetupTokenLifetime).count()});
  if (!inserted.ok()) return inserted.error();
  if (Status committed = transaction->Commit(); !committed.ok()) return committed.error();
  return std::optional<std::string>(std::move(token));
}

Result<SetupOutcome> CompleteSetup(storage::Connection& connection, const SetupRequest& request,
                                   const PasswordPolicy& policy, const PasswordHasher& hasher,
                                   const Clock& clock) {
  SetupOutcome outcome;
  auto email = NormalizeEmail(request.email);
  auto name = NormalizeNfkc(request.name);
  auto organization_name = NormalizeNfkc(request.organization_name);
  if (!email.ok()) outcome.problems.push_back({"/email", "invalid_email", "Enter a valid email."});
  if (!IsAcceptableName(name)) {
    outcome.problems.push_back({"/name", "invalid_name", "Enter your name."});
  }
  if (!IsAcceptableName(organization_name)) {
    outcome.problems.push_back(
        {"/organization_name", "invalid_name", "Name the organization (at most 200 characters)."});
  }
  if (email.ok() && name.ok()) {
    for (PasswordProblem& problem : policy.Check(request.password, *email, *name)) {
      outcome.problems.push_back({"/password", problem.code, problem.message});
    }
  }
  if (!outcome.problems.empty()) return outcome;

  auto hash = hasher.Hash(request.password);
  if (!hash.ok()) return hash.error();
  auto transaction = storage::Transaction::Begin(connection);
  if (!transaction.ok()) return transaction.error();
  auto empty = NoUsersYet(connection);
  if (!empty.ok()) return empty.error();
  if (!*empty) return MakeError(ErrorCode::kConflict, "the installation already has users");
  std::int64_t now = clock.NowUnixSeconds();
  auto used = connection.Execute(kUseToken, {now, crypto::Sha256Hex(request.token), now});
  if (!used.ok()) return used.error();
  if (*used != 1) return MakeError(ErrorCode::kNotFound, "setup token not usable");
  auto user = CreateUser(connection, {*email, *name, *hash}, clock);
  if (!user.ok()) return user.error();
  if (Status verified = MarkEmailVerified(connection, *user, clock); !verified.ok()) {
    return verified.error();
  }
  auto organization = storage::CreateOrganization(connection, *organization_name, clock);
  if (!organization.ok()) return organization.error();
  storage::OrgScope scope(connection, *organization);
  if (Status added = AddMember(scope, *user, access::Role::kAdmin, clock); !added.ok()) {
    return added.error();
  }
  if (Status committed = transaction->Commit(); !committed.ok()) return committed.error();
  outcome.user = *user;
  outcome.organization = *organization;
  return outcome;
}

}  // namespace finhelm::identity

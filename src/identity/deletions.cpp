#include "identity/deletions.hpp"

#include "storage/transaction.hpp"

namespace finhelm::identity {
namespace {

using storage::Sql;

// The user's own admin memberships with no other admin beside them: the user id
// constrains every row.
constexpr Sql kSelectSoleAdministrations = Sql::CrossTenant(
    "SELECT m.organization_id FROM memberships m JOIN organizations o ON o.id = m.organization_id "
    "WHERE m.user_id = ? AND m.role = 'admin' AND o.deleted_at IS NULL AND NOT EXISTS ("
    "SELECT 1 FROM memberships other WHERE other.organization_id = m.organization_id "
    "AND other.role = 'admin' AND other.user_id <> m.user_id)");
constexpr Sql kSelectEmail = "SELECT email FROM users WHERE id = ?";
constexpr Sql kDeleteThrottle = "DELETE FROM login_throttle WHERE account_key = ?";
constexpr Sql kDeleteUser = "DELETE FROM users WHERE id = ?";

constexpr Sql kMarkDeleted =
    "UPDATE organizations SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL";
constexpr Sql kDeleteMemberships = "DELETE FROM memberships WHERE organization_id = :org_id";
constexpr Sql kDeleteInvitations = "DELETE FROM invitations WHERE organization_id = :org_id";
constexpr Sql kDeleteServiceClients = "DELETE FROM service_clients WHERE organization_id = :org_id";
// A running job keeps its row until its worker finishes; it then finds nothing to act on.
constexpr Sql kDeleteJobs =
    "DELETE FROM jobs WHERE organization_id = :org_id AND status <> 'running'";
constexpr Sql kDeleteDataKeys = "DELETE FROM data_keys WHERE organization_id = :org_id";
// The books, children before what they point at.
constexpr Sql kDeleteOpenItems = "DELETE FROM open_items WHERE organization_id = :org_id";
constexpr Sql kDeleteLines = "DELETE FROM ledger_lines WHERE organization_id = :org_id";
constexpr Sql kDeleteTransactions =
    "DELETE FROM ledger_transactions WHERE organization_id = :org_id";
constexpr Sql kDeleteBudgets = "DELETE FROM budgets WHERE organization_id = :org_id";
constexpr Sql kDeleteCounterparties = "DELETE FROM counterparties WHERE organization_id = :org_id";
constexpr Sql kDetachAccounts =
    "UPDATE ledger_accounts SET parent_id = NULL WHERE organization_id = :org_id";
constexpr Sql kDeleteAccounts = "DELETE FROM ledger_accounts WHERE organization_id = :org_id";
constexpr Sql kDeleteRejections = "DELETE FROM import_rejections WHERE organization_id = :org_id";
constexpr Sql kDeleteMappings = "DELETE FROM import_mappings WHERE organization_id = :org_id";
constexpr Sql kDeleteImports = "DELETE FROM imports WHERE organization_id = :org_id";

}  // namespace

Result<std::vector<OrganizationId>> OrganizationsOnlyAdministeredBy(storage::Connection& connection,
                                                                    UserId user) {
  auto rows = connection.Query(kSelectSoleAdministrations, {user.value});
  if (!rows.ok()) return rows.error();
  std::vector<OrganizationId> organizations;
  for (const storage::Row& row : *rows) organizations.push_back(OrganizationId{row.Int(0)});
  return organizations;
}

Status DeleteUser(storage::Connection& connection, UserId user) {
  auto transaction = storage::Transaction::Begin(connection);
  if (!transaction.ok()) return transaction.error();
  auto sole = OrganizationsOnlyAdministeredBy(connection, user);
  if (!sole.ok()) return sole.error();
  if (!sole->empty()) {
    return MakeError(ErrorCode::kConflict, "the user is the only admin of an organization");
  }
  auto email = connection.QueryOptional(kSelectEmail, {user.value});
  if (!email.ok()) return email.error();
  if (!email->has_value()) return MakeError(ErrorCode::kNotFound, "no such user");
  if (auto cleared = connection.Execute(kDeleteThrottle, {(*email)->Text(0)}); !cleared.ok()) {
    return cleared.error();
  }
  if (auto deleted = connection.Execute(kDeleteUser, {user.value}); !deleted.ok()) {
    return deleted.error();
  }
  return transaction->Commit();
}

Status DeleteOrganization(storage::OrgScope& scope, const Clock& clock) {
  storage::Connection& connection = scope.connection();
  auto transaction = storage::Transaction::Begin(connection);
  if (!transaction.ok()) return transaction.error();
  auto marked =
      connection.Execute(kMarkDeleted, {clock.NowUnixSeconds(), scope.organization().value});
  if (!marked.ok()) return marked.error();
  if (*marked == 0) return MakeError(ErrorCode::kNotFound, "no such organization");
  // One transaction for everything, so the organization is never half gone. A ledger of
  // millions of lines makes it a long one; a purge job in batches would shorten it.
  for (const Sql* statement :
       {&kDeleteMemberships, &kDeleteInvitations, &kDeleteServiceClients, &kDeleteJobs,
        &kDeleteDataKeys, &kDeleteOpenItems, &kDeleteLines, &kDeleteTransactions, &kDeleteBudgets,
        &kDeleteCounterparties, &kDetachAccounts, &kDeleteAccounts, &kDeleteRejections,
        &kDeleteMappings, &kDeleteImports}) {
    if (auto deleted = scope.Execute(*statement); !deleted.ok()) return deleted.error();
  }
  return transaction->Commit();
}

}  // namespace finhelm::identity

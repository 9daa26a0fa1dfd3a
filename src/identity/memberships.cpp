#include "identity/memberships.hpp"

#include "storage/organizations.hpp"
#include "storage/transaction.hpp"

namespace finhelm::identity {
namespace {

using storage::Sql;

constexpr Sql kInsertMember =
    "INSERT INTO memberships (organization_id, user_id, role, created_at) "
    "VALUES (:org_id, ?, ?, ?)";
constexpr Sql kSelectRole =
    "SELECT role FROM memberships WHERE organization_id = :org_id AND user_id = ?";
// A user's own memberships: the user id constrains every row.
constexpr Sql kSelectMembershipsOfUser = Sql::CrossTenant(
    "SELECT m.organization_id, o.name, m.role FROM memberships m "
    "JOIN organizations o ON o.id = m.organization_id WHERE m.user_id = ? ORDER BY o.name, o.id");

}  // namespace

Status AddMember(storage::OrgScope& scope, UserId user, access::Role role, const Clock& clock) {
  auto inserted =
      scope.Execute(kInsertMember, {user.value, access::RoleName(role), clock.NowUnixSeconds()});
  if (!inserted.ok()) return inserted.error();
  return Status::Ok();
}

Result<std::optional<access::Role>> RoleOf(storage::OrgScope& scope, UserId user) {
  auto row = scope.QueryOptional(kSelectRole, {user.value});
  if (!row.ok()) return row.error();
  if (!row->has_value()) return std::optional<access::Role>();
  auto role = access::ParseRole((*row)->Text(0));
  if (!role) return MakeError(ErrorCode::kDataLoss, "unknown role in memberships");
  return std::optional<access::Role>(*role);
}

Result<std::vector<Membership>> MembershipsOf(storage::Connection& connection, UserId user) {
  auto rows = connection.Query(kSelectMembershipsOfUser, {user.value});
  if (!rows.ok()) return rows.error();
  std::vector<Membership> memberships;
  for (const storage::Row& row : *rows) {
    auto role = access::ParseRole(row.Text(2));
    if (!role) return MakeError(ErrorCode::kDataLoss, "unknown role in memberships");
    memberships.push_back({OrganizationId{row.Int(0)}, row.Text(1), *role});
  }
  return memberships;
}

Result<OrganizationId> CreateOrganizationWithAdmin(storage::Connection& connection,
                                                   std::string_view name, UserId creator,
                                                   const Clock& clock) {
  auto transaction = storage::Transaction::Begin(connection);
  if (!transaction.ok()) return transaction.error();
  auto organization = storage::CreateOrganization(connection, name, clock);
  if (!organization.ok()) return organization.error();
  storage::OrgScope scope(connection, *organization);
  if (Status added = AddMember(scope, creator, access::Role::kAdmin, clock); !added.ok()) {
    return added.error();
  }
  if (Status committed = transaction->Commit(); !committed.ok()) return committed.error();
  return *organization;
}

}  // namespace finhelm::identity

// OrgScope: the only way to run statements on tenant data (ACL-4).
//
// An OrgScope pairs a Connection with one OrganizationId. Tenant statements mark the
// place of the organization with `:org_id` (sql.hpp); the scope binds its own
// organization there, so a caller cannot pass a different one, and cannot forget it:
//   - through OrgScope, a statement without :org_id is refused;
//   - through a bare Connection, a statement naming a tenant table (tenant_tables.hpp)
//     or containing :org_id is refused, unless it is declared Sql::CrossTenant.
// Refusals return ErrorCode::kInternal and log `storage_tenant_scope_violation`: they
// are bugs in FinHelm, found by the first test that runs the statement.
//
// What the check cannot see is whether the `:org_id` constrains every row, e.g. a WHERE
// clause `organization_id = :org_id OR ...`. Tenant statements therefore keep one form,
// `WHERE organization_id = :org_id AND ...`, and each is reviewed as a constant.
//
// An OrgScope borrows its connection; it composes with Transaction on that connection.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/result.hpp"
#include "storage/connection.hpp"
#include "storage/organization_id.hpp"

namespace finhelm::storage {

class OrgScope {
 public:
  OrgScope(Connection& connection, OrganizationId organization)
      : connection_(connection), organization_(organization), bound_(organization.value) {}

  OrganizationId organization() const { return organization_; }
  Dialect dialect() const { return connection_.dialect(); }
  // The borrowed connection, for statements on global tables in the same transaction.
  Connection& connection() const { return connection_; }

  // As the Connection methods of the same names, with :org_id bound to organization().
  Result<std::vector<Row>> Query(const Sql& sql, Params params = {});
  Result<std::optional<Row>> QueryOptional(const Sql& sql, Params params = {});
  Result<std::int64_t> Execute(const Sql& sql, Params params = {});
  // Query with parameters held elsewhere, for statements with many rows of them.
  Result<std::vector<Row>> QueryRows(const Sql& sql, std::span<const Value> params);

 private:
  Connection& connection_;
  OrganizationId organization_;
  Value bound_;
};

}  // namespace finhelm::storage

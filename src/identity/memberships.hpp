// Memberships: which users belong to which organization, with which role (ACL-1).
//
// The table is a tenant table (storage/tenant_tables.hpp): statements on one
// organization's members run through its OrgScope. Listing a user's own organizations
// spans tenants by nature and is the one cross-tenant read here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "access/permission.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "identity/users.hpp"
#include "storage/connection.hpp"
#include "storage/org_scope.hpp"

namespace finhelm::identity {

struct Membership {
  OrganizationId organization;
  std::string organization_name;
  access::Role role = access::Role::kViewer;
};

// Adds `user` to the scope's organization; kConflict when already a member.
Status AddMember(storage::OrgScope& scope, UserId user, access::Role role, const Clock& clock);

// The user's role in the scope's organization; nullopt when not a member.
Result<std::optional<access::Role>> RoleOf(storage::OrgScope& scope, UserId user);

// Every organization the user belongs to, by name.
Result<std::vector<Membership>> MembershipsOf(storage::Connection& connection, UserId user);

// Creates an organization with `creator` as its first admin, in one transaction.
Result<OrganizationId> CreateOrganizationWithAdmin(storage::Connection& connection,
                                                   std::string_view name, UserId creator,
                                                   const Clock& clock);

}  // namespace finhelm::identity

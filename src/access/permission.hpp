// The permission table of SPEC section 5: the one module that says which role may do what.
//
// Every route declares the Permission it needs (ACL-1); the router cannot hold a route
// without one, and a test checks each route's permission against the OpenAPI document.
#pragma once

#include <optional>
#include <string_view>

namespace finhelm::access {

enum class Role { kViewer, kAccountant, kAdmin };

enum class Permission {
  kPublic,         // Anyone, signed in or not (health, login, the contract).
  kAuthenticated,  // Any signed-in user, outside an organization (my account).
  kReadOrg,        // Ledger, reports, forecasts, analytics, saved insights.
  kOperateOrg,     // Create insights, import, export, sync.
  kManageOrg,      // Connect QuickBooks, manage members and service clients.
  kAuditOrg,       // Read the audit log.
  kDeleteOrg,      // Delete the organization: the audit row of SPEC section 5, kept apart
                   // so that no machine scope can ever carry it.
};

// True when `role` holds `permission` in an organization it belongs to.
bool RoleAllows(Role role, Permission permission);

// True for permissions that only make sense inside an organization (/v1/orgs/{org}/...).
bool IsOrganizationScoped(Permission permission);

// Machine clients (AUTH-7) hold scopes instead of a role; a scope is named like the one
// permission it grants ("org:read"). Only these permissions can be granted to a machine:
// the user's own account, members, service clients and QuickBooks stay with signed-in
// people (cookie-only), whatever a token says.
bool IsGrantableScope(Permission permission);
// The permission a scope name grants; nullopt for an unknown or ungrantable name.
std::optional<Permission> ParseScope(std::string_view name);

std::string_view PermissionName(Permission permission);
std::optional<Permission> ParsePermission(std::string_view name);
std::string_view RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);

}  // namespace finhelm::access

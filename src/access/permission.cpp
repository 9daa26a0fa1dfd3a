#include "access/permission.hpp"

#include <array>
#include <utility>

namespace finhelm::access {
namespace {

constexpr std::array<std::pair<Permission, std::string_view>, 7> kPermissionNames = {{
    {Permission::kPublic, "public"},
    {Permission::kAuthenticated, "authenticated"},
    {Permission::kReadOrg, "org:read"},
    {Permission::kOperateOrg, "org:operate"},
    {Permission::kManageOrg, "org:manage"},
    {Permission::kAuditOrg, "org:audit"},
    {Permission::kDeleteOrg, "org:delete"},
}};

constexpr std::array<std::pair<Role, std::string_view>, 3> kRoleNames = {{
    {Role::kViewer, "viewer"},
    {Role::kAccountant, "accountant"},
    {Role::kAdmin, "admin"},
}};

}  // namespace

bool RoleAllows(Role role, Permission permission) {
  switch (permission) {
    case Permission::kPublic:
    case Permission::kAuthenticated:
    case Permission::kReadOrg:
      return true;
    case Permission::kOperateOrg:
      return role == Role::kAccountant || role == Role::kAdmin;
    case Permission::kManageOrg:
    case Permission::kAuditOrg:
    case Permission::kDeleteOrg:
      return role == Role::kAdmin;
  }
  return false;
}

bool IsOrganizationScoped(Permission permission) {
  return permission != Permission::kPublic && permission != Permission::kAuthenticated;
}

bool IsGrantableScope(Permission permission) {
  return permission == Permission::kReadOrg || permission == Permission::kOperateOrg ||
         permission == Permission::kAuditOrg;
}

std::optional<Permission> ParseScope(std::string_view name) {
  auto permission = ParsePermission(name);
  if (!permission || !IsGrantableScope(*permission)) return std::nullopt;
  return permission;
}

std::string_view PermissionName(Permission permission) {
  for (const auto& [value, name] : kPermissionNames) {
    if (value == permission) return name;
  }
  return "unknown";
}

std::optional<Permission> ParsePermission(std::string_view name) {
  for (const auto& [value, text] : kPermissionNames) {
    if (text == name) return value;
  }
  return std::nullopt;
}

std::string_view RoleName(Role role) {
  for (const auto& [value, name] : kRoleNames) {
    if (value == role) return name;
  }
  return "unknown";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (const auto& [value, text] : kRoleNames) {
    if (text == name) return value;
  }
  return std::nullopt;
}

}  // namespace finhelm::access

#include "storage/organizations.hpp"

namespace finhelm::storage {
namespace {

constexpr Sql kInsertOrganization =
    "INSERT INTO organizations (name, created_at) VALUES (?, ?) RETURNING id";
constexpr Sql kSelectOrganization =
    "SELECT id, name, created_at FROM organizations WHERE id = ? AND deleted_at IS NULL";

}  // namespace

Result<OrganizationId> CreateOrganization(Connection& connection, std::string_view name,
                                          const Clock& clock) {
  auto row = connection.QueryOptional(kInsertOrganization, {name, clock.NowUnixSeconds()});
  if (!row.ok()) return row.error();
  if (!row->has_value()) return MakeError(ErrorCode::kInternal, "insert returned no id");
  return OrganizationId{(*row)->Int(0)};
}

Result<std::optional<Organization>> FindOrganization(Connection& connection, OrganizationId id) {
  auto row = connection.QueryOptional(kSelectOrganization, {id.value});
  if (!row.ok()) return row.error();
  if (!row->has_value()) return std::optional<Organization>();
  const Row& found = **row;
  return std::optional<Organization>(
      Organization{OrganizationId{found.Int(0)}, found.Text(1), found.Int(2)});
}

}  // namespace finhelm::storage

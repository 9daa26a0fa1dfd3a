// Organizations: the tenants. The table is global (not in kTenantTables): its rows are
// the organizations themselves, looked up by id.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "storage/connection.hpp"
#include "storage/organization_id.hpp"

namespace finhelm::storage {

struct Organization {
  OrganizationId id;
  std::string name;
  std::int64_t created_at = 0;  // Unix seconds
};

Result<OrganizationId> CreateOrganization(Connection& connection, std::string_view name,
                                          const Clock& clock);

// Returns nullopt when no organization has this id, or it was deleted.
Result<std::optional<Organization>> FindOrganization(Connection& connection, OrganizationId id);

}  // namespace finhelm::storage

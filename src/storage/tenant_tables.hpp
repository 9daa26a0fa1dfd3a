// The tables that hold tenant data (ACL-4).
//
// Every table with an `organization_id` column belongs here. A statement that reads or
// writes one of them must go through OrgScope (storage/org_scope.hpp), which binds the
// organization itself, or be declared Sql::CrossTenant for the few system tasks that
// span organizations (the job queue's workers, retention). Adding a tenant table to a
// migration without listing it here is the one way to escape the check; the migrations
// test compares this list with the schema to catch that.
#pragma once

#include <array>
#include <string_view>

namespace finhelm::storage {

inline constexpr std::array<std::string_view, 6> kTenantTables = {
    "audit_events", "data_keys", "invitations", "jobs", "memberships", "service_clients",
};

}  // namespace finhelm::storage

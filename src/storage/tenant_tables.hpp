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

inline constexpr std::array<std::string_view, 15> kTenantTables = {
    "audit_events",    "budgets",         "counterparties",
    "data_keys",       "import_mappings", "import_rejections",
    "imports",         "invitations",     "jobs",
    "ledger_accounts", "ledger_lines",    "ledger_transactions",
    "memberships",     "open_items",      "service_clients",
};

}  // namespace finhelm::storage

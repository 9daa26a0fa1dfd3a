// Migration 14: a user's own audit events, found without reading the whole log (DATA-6:
// the personal data export, identity/personal_data.hpp), and the old events retention
// purges, found in order (audit/audit_retention.hpp) -- the log's ids follow time.
#pragma once

#include "storage/migration.hpp"

namespace finhelm::storage::migrations {

inline constexpr Migration kMigration0014{
    .version = 14,
    .name = "personal_data",
    .script =
        {
            .sqlite = R"sql(
CREATE INDEX audit_events_by_actor ON audit_events (actor, id);
)sql",
            .postgres = R"sql(
CREATE INDEX audit_events_by_actor ON audit_events (actor, id);
)sql",
        },
};

}  // namespace finhelm::storage::migrations

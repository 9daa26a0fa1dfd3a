// Migration 12: deleted organizations (DATA-6, AUTH-8).
//
// A deleted organization keeps its row as a tombstone, so that its audit events, which
// are append-only and part of the installation's hash chain (AUD-2), still have their
// organization until retention purges them; everything else of the organization is
// removed when it is deleted.
#pragma once

#include "storage/migration.hpp"

namespace finhelm::storage::migrations {

inline constexpr Migration kMigration0012{
    .version = 12,
    .name = "deletions",
    .script =
        {
            .sqlite = R"sql(
ALTER TABLE organizations ADD COLUMN deleted_at INTEGER;
)sql",
            .postgres = R"sql(
ALTER TABLE organizations ADD COLUMN deleted_at BIGINT;
)sql",
        },
};

}  // namespace finhelm::storage::migrations

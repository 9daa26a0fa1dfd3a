// Migration 1: the ledger of applied migrations. `IF NOT EXISTS` because Migrate runs it
// before it can know whether anything was applied.
#pragma once

#include "storage/migration.hpp"

namespace finhelm::storage::migrations {

inline constexpr Migration kMigration0001{
    .version = 1,
    .name = "schema_migrations",
    .script = Portable(R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
  version BIGINT PRIMARY KEY,
  name TEXT NOT NULL,
  checksum TEXT NOT NULL,
  applied_at BIGINT NOT NULL
);
)sql"),
};

}  // namespace finhelm::storage::migrations

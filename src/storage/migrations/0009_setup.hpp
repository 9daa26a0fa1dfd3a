// Migration 9: first-run setup tokens (issue #3). While the installation has no user,
// each start of the server issues one, printed as a link on its standard output; it
// creates the first admin and organization once, within an hour. Stored as SHA-256 only.
#pragma once

#include "storage/migration.hpp"

namespace finhelm::storage::migrations {

inline constexpr Migration kMigration0009{
    .version = 9,
    .name = "setup",
    .script = Portable(R"sql(
CREATE TABLE setup_tokens (
  token_hash TEXT PRIMARY KEY,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);
)sql"),
};

}  // namespace finhelm::storage::migrations

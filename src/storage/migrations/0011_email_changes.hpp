// Migration 11: pending email changes (issue #3, AUTH-8).
//
// A user has at most one pending change. The new address must be confirmed from a link
// sent to it (24 h, single use) before it replaces the old one; the token is made by the
// mail job when it runs and stored only as its SHA-256, as for every emailed token.
#pragma once

#include "storage/migration.hpp"

namespace finhelm::storage::migrations {

inline constexpr Migration kMigration0011{
    .version = 11,
    .name = "email_changes",
    .script =
        {
            .sqlite = R"sql(
CREATE TABLE email_changes (
  user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  new_email TEXT NOT NULL,
  token_hash TEXT UNIQUE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);
)sql",
            .postgres = R"sql(
CREATE TABLE email_changes (
  user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  new_email TEXT NOT NULL,
  token_hash TEXT UNIQUE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);
)sql",
        },
};

}  // namespace finhelm::storage::migrations

// Migration 7: TOTP second factors and recovery codes (AUTH-6).
//
// The TOTP secret is stored only sealed (DATA-2) under the installation's data key, with
// the row identity as associated data; `last_step` is the newest 30-second step a code
// was accepted for, so that no code is accepted twice. Recovery codes are stored as their
// SHA-256 (each is 80 random bits). `mfa_failures` counts wrong codes against one login
// challenge: the fifth voids it.
#pragma once

#include "storage/migration.hpp"

namespace finhelm::storage::migrations {

inline constexpr Migration kMigration0007{
    .version = 7,
    .name = "mfa",
    .script =
        {
            .sqlite = R"sql(
CREATE TABLE totp_credentials (
  user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  sealed_secret BLOB NOT NULL,
  confirmed_at INTEGER,
  last_step INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
CREATE TABLE recovery_codes (
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash TEXT NOT NULL,
  used_at INTEGER,
  PRIMARY KEY (user_id, code_hash)
);
ALTER TABLE sessions ADD COLUMN mfa_failures INTEGER NOT NULL DEFAULT 0;
)sql",
            .postgres = R"sql(
CREATE TABLE totp_credentials (
  user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  sealed_secret BYTEA NOT NULL,
  confirmed_at BIGINT,
  last_step BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);
CREATE TABLE recovery_codes (
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash TEXT NOT NULL,
  used_at BIGINT,
  PRIMARY KEY (user_id, code_hash)
);
ALTER TABLE sessions ADD COLUMN mfa_failures BIGINT NOT NULL DEFAULT 0;
)sql",
        },
};

}  // namespace finhelm::storage::migrations

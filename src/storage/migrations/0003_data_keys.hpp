// Migration 3: per-organization data keys for envelope encryption (DATA-2). Each key is
// stored only wrapped by the master key; a ciphertext names the version it was sealed
// with, so retired versions stay until nothing refers to them. Deleting the organization
// deletes its keys (crypto-shredding, DATA-3).
#pragma once

#include "storage/migration.hpp"

namespace finhelm::storage::migrations {

inline constexpr Migration kMigration0003{
    .version = 3,
    .name = "data_keys",
    .script =
        {
            .sqlite = R"sql(
CREATE TABLE data_keys (
  organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  version INTEGER NOT NULL CHECK (version > 0),
  wrapped_key BLOB NOT NULL,
  created_at INTEGER NOT NULL,
  retired_at INTEGER,
  PRIMARY KEY (organization_id, version)
);
)sql",
            .postgres = R"sql(
CREATE TABLE data_keys (
  organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  version BIGINT NOT NULL CHECK (version > 0),
  wrapped_key BYTEA NOT NULL,
  created_at BIGINT NOT NULL,
  retired_at BIGINT,
  PRIMARY KEY (organization_id, version)
);
)sql",
        },
};

}  // namespace finhelm::storage::migrations

// Migration 10: machine clients and the keys that sign their tokens (AUTH-7).
//
// A service client belongs to one organization and holds scopes; its secret (256 bits)
// is shown once and stored only as its SHA-256. Revocation is a timestamp, so the audit
// trail keeps the client's name. Signing keys are the installation's: one is `current`
// (the unique index allows no second), the others are `retired` and stay published until
// `publish_until`, when the last token they signed has expired. The Ed25519 seed is
// stored only sealed under the installation's data key (DATA-2).
#pragma once

#include "storage/migration.hpp"

namespace finhelm::storage::migrations {

inline constexpr Migration kMigration0010{
    .version = 10,
    .name = "machine_clients",
    .script =
        {
            .sqlite = R"sql(
CREATE TABLE service_clients (
  id TEXT PRIMARY KEY,
  organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  scopes TEXT NOT NULL,
  secret_hash TEXT NOT NULL,
  created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  last_used_at INTEGER,
  revoked_at INTEGER
);
CREATE INDEX service_clients_by_organization ON service_clients (organization_id, created_at);
CREATE TABLE signing_keys (
  kid TEXT PRIMARY KEY,
  state TEXT NOT NULL CHECK (state IN ('current', 'retired')),
  public_key BLOB NOT NULL,
  sealed_seed BLOB NOT NULL,
  created_at INTEGER NOT NULL,
  retired_at INTEGER,
  publish_until INTEGER
);
CREATE UNIQUE INDEX signing_keys_one_current ON signing_keys (state) WHERE state = 'current';
)sql",
            .postgres = R"sql(
CREATE TABLE service_clients (
  id TEXT PRIMARY KEY,
  organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  scopes TEXT NOT NULL,
  secret_hash TEXT NOT NULL,
  created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  created_at BIGINT NOT NULL,
  last_used_at BIGINT,
  revoked_at BIGINT
);
CREATE INDEX service_clients_by_organization ON service_clients (organization_id, created_at);
CREATE TABLE signing_keys (
  kid TEXT PRIMARY KEY,
  state TEXT NOT NULL CHECK (state IN ('current', 'retired')),
  public_key BYTEA NOT NULL,
  sealed_seed BYTEA NOT NULL,
  created_at BIGINT NOT NULL,
  retired_at BIGINT,
  publish_until BIGINT
);
CREATE UNIQUE INDEX signing_keys_one_current ON signing_keys (state) WHERE state = 'current';
)sql",
        },
};

}  // namespace finhelm::storage::migrations

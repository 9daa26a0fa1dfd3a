// Migration 8: invitations to an organization (issue #3).
//
// An invitation names an email and a role; its token (256 bits) is sent by email and
// stored only as its SHA-256. It is used once, expires after 7 days, and can be revoked.
#pragma once

#include "storage/migration.hpp"

namespace finhelm::storage::migrations {

inline constexpr Migration kMigration0008{
    .version = 8,
    .name = "invitations",
    .script =
        {
            .sqlite = R"sql(
CREATE TABLE invitations (
  id TEXT PRIMARY KEY,
  organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  email TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('viewer', 'accountant', 'admin')),
  token_hash TEXT UNIQUE,
  invited_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  accepted_at INTEGER,
  revoked_at INTEGER
);
CREATE INDEX invitations_by_organization ON invitations (organization_id, created_at);
)sql",
            .postgres = R"sql(
CREATE TABLE invitations (
  id TEXT PRIMARY KEY,
  organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  email TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('viewer', 'accountant', 'admin')),
  token_hash TEXT UNIQUE,
  invited_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  accepted_at BIGINT,
  revoked_at BIGINT
);
CREATE INDEX invitations_by_organization ON invitations (organization_id, created_at);
)sql",
        },
};

}  // namespace finhelm::storage::migrations

// Migration 6: the append-only, hash-chained audit log (AUD-1, AUD-2; audit/audit_log.hpp).
//
// Every event stores the SHA-256 of the one before it; `audit_chain` holds the newest
// event's id and hash, and how far retention has purged, so that deleting the newest
// events is detected as surely as editing or deleting any other. Updates are refused by
// a trigger: nothing may rewrite an event in place.
#pragma once

#include "storage/migration.hpp"

namespace finhelm::storage::migrations {

inline constexpr Migration kMigration0006{
    .version = 6,
    .name = "audit",
    .script =
        {
            .sqlite = R"sql(
CREATE TABLE audit_events (
  id INTEGER PRIMARY KEY,
  organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  occurred_at_ms INTEGER NOT NULL,
  event TEXT NOT NULL,
  actor TEXT NOT NULL,
  target TEXT NOT NULL,
  address TEXT NOT NULL,
  request_id TEXT NOT NULL,
  details TEXT NOT NULL,
  previous_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_events_by_organization ON audit_events (organization_id, id);
CREATE TRIGGER audit_events_append_only BEFORE UPDATE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit events are append-only');
END;
CREATE TABLE audit_chain (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_event_id INTEGER NOT NULL,
  last_hash TEXT NOT NULL,
  purged_through_id INTEGER NOT NULL
);
INSERT INTO audit_chain (id, last_event_id, last_hash, purged_through_id)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0);
)sql",
            .postgres = R"sql(
CREATE TABLE audit_events (
  id BIGINT PRIMARY KEY,
  organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  occurred_at_ms BIGINT NOT NULL,
  event TEXT NOT NULL,
  actor TEXT NOT NULL,
  target TEXT NOT NULL,
  address TEXT NOT NULL,
  request_id TEXT NOT NULL,
  details TEXT NOT NULL,
  previous_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_events_by_organization ON audit_events (organization_id, id);
CREATE FUNCTION audit_events_refuse_update() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit events are append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_update();
CREATE TABLE audit_chain (
  id BIGINT PRIMARY KEY CHECK (id = 1),
  last_event_id BIGINT NOT NULL,
  last_hash TEXT NOT NULL,
  purged_through_id BIGINT NOT NULL
);
INSERT INTO audit_chain (id, last_event_id, last_hash, purged_through_id)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0);
)sql",
        },
};

}  // namespace finhelm::storage::migrations

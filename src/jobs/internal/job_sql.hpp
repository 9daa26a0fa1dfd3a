// The statements of the job queue, shared by JobQueue (tenant side: enqueue, read) and
// JobRunner (worker side: claim, finish). Worker statements are CrossTenant: a worker
// serves every organization. Each one that touches a claimed job checks `lease_owner`, a
// token unique to the claim, so a worker whose lease was taken over changes nothing.
#pragma once

#include "storage/sql.hpp"

namespace finhelm::jobs::internal {

using storage::DialectSql;
using storage::Sql;

inline constexpr Sql kInsertJob = R"sql(
INSERT INTO jobs (organization_id, kind, payload, status, max_attempts, run_after_ms,
                  idempotency_key, created_at, updated_at)
VALUES (:org_id, ?, ?, 'queued', ?, ?, ?, ?, ?)
ON CONFLICT (organization_id, kind, idempotency_key) DO NOTHING
RETURNING id)sql";

inline constexpr Sql kSelectJobIdByKey = R"sql(
SELECT id FROM jobs
WHERE organization_id = :org_id AND kind = ? AND idempotency_key = ?)sql";

inline constexpr Sql kSelectJob = R"sql(
SELECT id, kind, payload, status, attempts, max_attempts, run_after_ms, progress_percent,
       progress_message, last_error
FROM jobs WHERE organization_id = :org_id AND id = ?)sql";

inline constexpr Sql kCountByStatus =
    Sql::CrossTenant("SELECT status, COUNT(*) FROM jobs GROUP BY status");

// A worker that died on the last attempt leaves a running job no one may retry.
inline constexpr Sql kBuryExpiredFinalAttempts = Sql::CrossTenant(R"sql(
UPDATE jobs
SET status = 'dead', last_error = 'lease expired on the final attempt', lease_owner = NULL,
    lease_expires_at_ms = NULL, updated_at = ?
WHERE status = 'running' AND lease_expires_at_ms <= ? AND attempts >= max_attempts)sql");

// Retention: finished jobs older than their kind of retention go, a bounded batch at a time
// so that a large backlog never holds the write lock for long.
inline constexpr Sql kPurgeFinished = Sql::CrossTenant(R"sql(
DELETE FROM jobs
WHERE id IN (
  SELECT id FROM jobs
  WHERE (status = 'succeeded' AND updated_at < ?) OR (status = 'dead' AND updated_at < ?)
  LIMIT ?))sql");

// SQLite: one statement under BEGIN IMMEDIATE, which already excludes other writers.
inline constexpr Sql kClaimSqlite = Sql::CrossTenant(R"sql(
UPDATE jobs
SET status = 'running', attempts = attempts + 1, lease_owner = ?, lease_expires_at_ms = ?,
    updated_at = ?
WHERE id = (
  SELECT id FROM jobs
  WHERE (status = 'queued' AND run_after_ms <= ?)
     OR (status = 'running' AND lease_expires_at_ms <= ? AND attempts < max_attempts)
  ORDER BY run_after_ms, id
  LIMIT 1)
RETURNING id, organization_id, kind, payload, attempts, max_attempts)sql");

// PostgreSQL: lock one claimable row, skipping rows other workers hold, then take it.
inline constexpr Sql kSelectClaimablePostgres = Sql::CrossTenant(R"sql(
SELECT id FROM jobs
WHERE (status = 'queued' AND run_after_ms <= ?)
   OR (status = 'running' AND lease_expires_at_ms <= ? AND attempts < max_attempts)
ORDER BY run_after_ms, id
LIMIT 1
FOR UPDATE SKIP LOCKED)sql");

inline constexpr Sql kMarkClaimedPostgres = Sql::CrossTenant(R"sql(
UPDATE jobs
SET status = 'running', attempts = attempts + 1, lease_owner = ?, lease_expires_at_ms = ?,
    updated_at = ?
WHERE id = ?
RETURNING id, organization_id, kind, payload, attempts, max_attempts)sql");

inline constexpr Sql kRecordProgress = Sql::CrossTenant(R"sql(
UPDATE jobs
SET progress_percent = ?, progress_message = ?, lease_expires_at_ms = ?, updated_at = ?
WHERE id = ? AND status = 'running' AND lease_owner = ?)sql");

inline constexpr Sql kMarkSucceeded = Sql::CrossTenant(R"sql(
UPDATE jobs
SET status = 'succeeded', progress_percent = 100, last_error = NULL, lease_owner = NULL,
    lease_expires_at_ms = NULL, updated_at = ?
WHERE id = ? AND status = 'running' AND lease_owner = ?)sql");

inline constexpr Sql kScheduleRetry = Sql::CrossTenant(R"sql(
UPDATE jobs
SET status = 'queued', run_after_ms = ?, last_error = ?, lease_owner = NULL,
    lease_expires_at_ms = NULL, updated_at = ?
WHERE id = ? AND status = 'running' AND lease_owner = ?)sql");

inline constexpr Sql kMarkDead = Sql::CrossTenant(R"sql(
UPDATE jobs
SET status = 'dead', last_error = ?, lease_owner = NULL, lease_expires_at_ms = NULL,
    updated_at = ?
WHERE id = ? AND status = 'running' AND lease_owner = ?)sql");

}  // namespace finhelm::jobs::internal

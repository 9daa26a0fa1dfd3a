// The test-only effect table: a job's durable effect, written in the transaction that
// completes the job, keyed by job id so that "exactly once in effect" can be counted.
// Shared by the jobs tests and the job_worker test executable.
#pragma once

#include "storage/sql.hpp"

namespace finhelm::jobs::testing {

inline constexpr storage::DialectSql kCreateEffects = storage::Portable(
    "CREATE TABLE IF NOT EXISTS job_effects "
    "(job_id BIGINT PRIMARY KEY, organization_id BIGINT NOT NULL, note TEXT NOT NULL)");
inline constexpr storage::Sql kInsertEffect =
    "INSERT INTO job_effects (job_id, organization_id, note) VALUES (?, :org_id, ?) "
    "ON CONFLICT (job_id) DO NOTHING";
inline constexpr storage::Sql kCountEffects =
    "SELECT COUNT(*) FROM job_effects WHERE organization_id = :org_id AND job_id = ?";

inline constexpr const char* kEffectKind = "test.effect";

}  // namespace finhelm::jobs::testing

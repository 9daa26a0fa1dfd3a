// The scheduled rotation of the machine-token signing keys (AUTH-7), as a durable job.
//
// Every sweep of the retention thread (hourly) enqueues one `signing_keys.rotate` job
// under an idempotency key naming the hour, so however many servers share the database,
// one job runs per hour. The job rotates when the current key is older than the period
// and deletes retired keys whose tokens have all expired. `finhelm keys rotate-signing`
// rotates at once.
#pragma once

#include <chrono>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "identity/signing_keys.hpp"
#include "jobs/job_queue.hpp"
#include "jobs/job_registry.hpp"

namespace finhelm::storage {
class Database;
}

namespace finhelm::identity {

struct SigningKeyRotation {
  std::int64_t period_seconds = 0;
};

std::string EncodeSigningKeyRotation(const SigningKeyRotation& rotation);
Result<SigningKeyRotation> DecodeSigningKeyRotation(std::string_view json);

inline constexpr jobs::JobKind<SigningKeyRotation> kSigningKeyRotationJob{
    "signing_keys.rotate", EncodeSigningKeyRotation, DecodeSigningKeyRotation};

Status RegisterSigningKeyRotationJob(jobs::JobRegistry& registry, SigningKeys& keys);

// Enqueues this hour's rotation job unless some server already has.
Status ScheduleSigningKeyRotation(storage::Database& database, jobs::JobQueue& queue,
                                  const Clock& clock, std::chrono::seconds period);

}  // namespace finhelm::identity

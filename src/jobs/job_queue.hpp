// JobQueue: puts jobs in the durable queue and reads them back.
//
// Enqueue takes an OrgScope, so a job belongs to the caller's organization (ACL-4) and is
// written on the caller's connection: inside a Transaction, the job exists if and only if
// the rest of the work commits. Payloads are JSON text; JobKind<Payload> (job_registry.hpp)
// gives them a type. Thread-safe: JobQueue holds no state besides the clock. Finished jobs
// are deleted after their retention by JobRunner::PurgeFinished.
#pragma once

#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "jobs/job.hpp"
#include "jobs/job_registry.hpp"
#include "storage/connection.hpp"
#include "storage/org_scope.hpp"

namespace finhelm::jobs {

class JobQueue {
 public:
  explicit JobQueue(const Clock& clock) : clock_(clock) {}

  // Adds a job of `kind` for the scope's organization. With an idempotency key already
  // used for this organization and kind, returns that job (created = false) instead.
  Result<EnqueueResult> Enqueue(storage::OrgScope& scope, std::string_view kind,
                                std::string payload_json, const EnqueueOptions& options = {});

  template <typename Payload>
  Result<EnqueueResult> Enqueue(storage::OrgScope& scope, const JobKind<Payload>& kind,
                                const Payload& payload, const EnqueueOptions& options = {}) {
    return Enqueue(scope, kind.name, kind.encode(payload), options);
  }

  // The job with this id in the scope's organization, or kNotFound (also for another
  // organization's job: no existence oracle).
  Result<JobSnapshot> Get(storage::OrgScope& scope, JobId id);

  // Counts of jobs by status across all organizations, for metrics.
  static Result<QueueDepth> Depth(storage::Connection& connection);

 private:
  const Clock& clock_;
};

}  // namespace finhelm::jobs

// JobContext: what a running handler sees of its job, and how it reports back.
//
// Exactly once in effect: a job may run more than once (its worker can die mid-way and
// the lease expire), so a handler makes its durable effect inside Complete(). Complete
// marks the job succeeded and runs the effect in one transaction, and only while this
// worker still holds the lease; a second run that reaches Complete after the first
// committed changes nothing. Work done before Complete must be safe to repeat.
//
// Used by one thread, the worker running the handler.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "jobs/job.hpp"
#include "storage/organization_id.hpp"

namespace finhelm::storage {
class Database;
class OrgScope;
}  // namespace finhelm::storage

namespace finhelm::jobs {

// A job as a worker claimed it: its row and the token of this claim's lease.
struct ClaimedJob {
  JobId id;
  OrganizationId organization;
  std::string kind;
  std::string payload;
  int attempt = 0;  // 1 on the first run
  int max_attempts = 0;
  std::string lease_token;
};

class JobContext {
 public:
  using Effect = std::function<Status(storage::OrgScope&)>;

  JobContext(storage::Database& database, const Clock& clock, std::chrono::milliseconds lease,
             const std::atomic<bool>& stopping, ClaimedJob job);
  JobContext(const JobContext&) = delete;
  JobContext& operator=(const JobContext&) = delete;

  JobId id() const { return job_.id; }
  OrganizationId organization() const { return job_.organization; }
  const std::string& kind() const { return job_.kind; }
  const std::string& payload() const { return job_.payload; }
  int attempt() const { return job_.attempt; }
  int max_attempts() const { return job_.max_attempts; }
  const std::string& lease_token() const { return job_.lease_token; }

  // True once the runner is stopping: a long handler should return an error soon (the
  // job is retried later) rather than hold up shutdown.
  bool stop_requested() const { return stopping_.load(); }

  // Records progress (0 to 100) and a short message, and renews the lease. A handler that
  // runs longer than the lease must call this more often than the lease lasts. Fails with
  // kConflict when the lease was lost: the handler should stop.
  Status ReportProgress(int percent, std::string_view message);

  // Marks the job succeeded and runs `effect` (may be empty) in the same transaction,
  // scoped to the job's organization. Fails with kConflict, and changes nothing, when the
  // lease was lost; with the effect's error, rolled back, when the effect fails.
  Status Complete(const Effect& effect);
  bool completed() const { return completed_; }

 private:
  storage::Database& database_;
  const Clock& clock_;
  const std::chrono::milliseconds lease_;
  const std::atomic<bool>& stopping_;
  const ClaimedJob job_;
  bool completed_ = false;
};

}  // namespace finhelm::jobs

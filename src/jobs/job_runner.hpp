// JobRunner: worker threads that claim and run durable jobs.
//
// A worker claims one job at a time with a lease (a token and an expiry), runs its
// handler, and records the outcome:
//   - success: succeeded (JobContext::Complete, or after the handler returns Ok);
//   - failure with attempts left: queued again, run_after = now + BackoffDelay;
//   - failure on the last attempt, or kInvalidArgument, or no handler on the last
//     attempt: dead, with last_error, for an operator to inspect.
// A job whose worker died is claimed again once its lease expires. Claims never hand one
// job to two workers: PostgreSQL locks the row with FOR UPDATE SKIP LOCKED, SQLite claims
// under BEGIN IMMEDIATE. Lease and backoff decisions read the injected Clock.
//
// Thread-safe. Several runners, in one or many processes, may share a database.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "jobs/backoff.hpp"
#include "jobs/job_context.hpp"
#include "jobs/job_registry.hpp"

namespace finhelm::storage {
class Database;
}

namespace finhelm::jobs {

struct JobRunnerOptions {
  std::string worker_id = "worker";  // names this process in leases and logs
  std::size_t threads = 2;
  // How long a claim lasts without ReportProgress; a job is retried after this if its
  // worker dies. Longer than most handlers, shorter than an operator's patience.
  std::chrono::milliseconds lease{std::chrono::seconds(60)};
  // How long an idle worker waits before looking for work again.
  std::chrono::milliseconds poll_interval{500};
  BackoffPolicy backoff;
  // Retention (DATA-6): succeeded jobs are deleted this long after they finished, dead
  // jobs (kept longer, for an operator to inspect) this long after they died. An idle
  // worker purges at most once per purge_interval.
  std::chrono::seconds succeeded_retention{std::chrono::hours(24 * 7)};
  std::chrono::seconds dead_retention{std::chrono::hours(24 * 30)};
  std::chrono::seconds purge_interval{std::chrono::hours(1)};
};

class JobRunner {
 public:
  // `database`, `registry` and `clock` must outlive the runner.
  JobRunner(storage::Database& database, const JobRegistry& registry, const Clock& clock,
            JobRunnerOptions options);
  JobRunner(const JobRunner&) = delete;
  JobRunner& operator=(const JobRunner&) = delete;
  ~JobRunner();  // Stop()

  // Starts options.threads workers. Call once.
  void Start();
  // Tells workers to stop claiming, wakes idle ones, and waits for running handlers to
  // return. Idempotent. Not to be called from a handler (it would wait for itself).
  void Stop();

  // Claims and runs at most one job on the calling thread; returns whether it ran one.
  // For tests and one-shot commands; workers call it in a loop.
  Result<bool> RunOnce();

  // Deletes the finished jobs that retention allows to go; returns how many.
  Result<std::int64_t> PurgeFinished();

 private:
  Result<std::optional<ClaimedJob>> Claim();
  Status RecordFailure(const ClaimedJob& job, const Error& error);
  Status RecordSuccess(JobContext& context);
  std::string NewLeaseToken();
  double UniformDraw();
  void WorkerLoop();
  void PurgeIfDue();

  storage::Database& database_;
  const JobRegistry& registry_;
  const Clock& clock_;
  const JobRunnerOptions options_;

  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::condition_variable wake_;      // with mutex_: wakes idle workers on Stop
  std::vector<std::thread> threads_;  // guarded by mutex_
  std::mt19937_64 random_;            // guarded by mutex_
  std::int64_t last_purge_s_ = 0;     // guarded by mutex_
};

}  // namespace finhelm::jobs

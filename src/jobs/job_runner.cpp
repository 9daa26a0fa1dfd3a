#include "jobs/job_runner.hpp"

#include <algorithm>
#include <exception>
#include <utility>

#include "jobs/internal/job_sql.hpp"
#include "jobs/internal/unix_millis.hpp"
#include "observability/log.hpp"
#include "storage/database.hpp"
#include "storage/transaction.hpp"

namespace finhelm::jobs {
namespace {

constexpr std::size_t kMaxStoredErrorLength = 1000;
constexpr std::int64_t kMaxErrorPollMs = 30'000;
constexpr std::int64_t kPurgeBatch = 1000;

std::string DescribeError(const Error& error) {
  std::string text = std::string(ErrorCodeName(error.code)) + ": " + error.message;
  if (text.size() > kMaxStoredErrorLength) text.resize(kMaxStoredErrorLength);
  return text;
}

ClaimedJob ToClaimedJob(const storage::Row& row, std::string lease_token) {
  return ClaimedJob{
      JobId{row.Int(0)},     OrganizationId{row.Int(1)},   row.Text(2),
      row.Text(3),           static_cast<int>(row.Int(4)), static_cast<int>(row.Int(5)),
      std::move(lease_token)};
}

}  // namespace

JobRunner::JobRunner(storage::Database& database, const JobRegistry& registry, const Clock& clock,
                     JobRunnerOptions options)
    : database_(database),
      registry_(registry),
      clock_(clock),
      options_(std::move(options)),
      random_(std::random_device{}()) {}

JobRunner::~JobRunner() { Stop(); }

void JobRunner::Start() {
  std::lock_guard lock(mutex_);
  for (std::size_t i = 0; i < options_.threads; ++i) {
    threads_.emplace_back([this] { WorkerLoop(); });
  }
}

void JobRunner::Stop() {
  std::vector<std::thread> threads;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    threads.swap(threads_);
  }
  wake_.notify_all();
  for (std::thread& thread : threads) thread.join();
}

void JobRunner::WorkerLoop() {
  int failures_in_a_row = 0;
  while (!stopping_) {
    auto ran = RunOnce();
    if (ran.ok() && *ran) {
      failures_in_a_row = 0;
      continue;  // there may be more work right away
    }
    auto wait = options_.poll_interval;
    if (!ran.ok()) {
      // While the database is down every worker fails at once: log and poll less often.
      ++failures_in_a_row;
      log::Warn("job_worker_error", {{"worker", options_.worker_id},
                                     {"failures_in_a_row", failures_in_a_row},
                                     {"code", ErrorCodeName(ran.error().code)},
                                     {"detail", ran.error().message}});
      wait = std::min(options_.poll_interval * (1 << std::min(failures_in_a_row, 6)),
                      std::chrono::milliseconds(kMaxErrorPollMs));
    } else {
      failures_in_a_row = 0;
      PurgeIfDue();
    }
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, wait, [this] { return stopping_.load(); });
  }
}

void JobRunner::PurgeIfDue() {
  const std::int64_t now_s = clock_.NowUnixSeconds();
  {
    std::lock_guard lock(mutex_);
    if (now_s - last_purge_s_ < options_.purge_interval.count()) return;
    last_purge_s_ = now_s;  // One worker purges; a failure waits for the next interval.
  }
  auto purged = PurgeFinished();
  if (!purged.ok()) {
    log::Warn("job_purge_failed",
              {{"code", ErrorCodeName(purged.error().code)}, {"detail", purged.error().message}});
  } else if (*purged > 0) {
    log::Info("jobs_purged", {{"jobs", *purged}});
  }
}

Result<std::int64_t> JobRunner::PurgeFinished() {
  const std::int64_t now_s = clock_.NowUnixSeconds();
  const std::int64_t succeeded_before = now_s - options_.succeeded_retention.count();
  const std::int64_t dead_before = now_s - options_.dead_retention.count();
  std::int64_t total = 0;
  while (!stopping_) {
    auto connection = database_.Acquire();
    if (!connection.ok()) return connection.error();
    auto deleted =
        (*connection)
            ->Execute(internal::kPurgeFinished, {succeeded_before, dead_before, kPurgeBatch});
    if (!deleted.ok()) return deleted.error();
    total += *deleted;
    if (*deleted < kPurgeBatch) break;
  }
  return total;
}

std::string JobRunner::NewLeaseToken() {
  std::lock_guard lock(mutex_);
  return options_.worker_id + "/" + std::to_string(random_());
}

double JobRunner::UniformDraw() {
  std::lock_guard lock(mutex_);
  return std::uniform_real_distribution<double>(0.0, 1.0)(random_);
}

Result<std::optional<ClaimedJob>> JobRunner::Claim() {
  auto connection = database_.Acquire();
  if (!connection.ok()) return connection.error();
  auto tx = storage::Transaction::Begin(**connection);
  if (!tx.ok()) return tx.error();
  const std::int64_t now_ms = internal::UnixMillis(clock_);
  const std::int64_t now_s = clock_.NowUnixSeconds();
  auto buried = (*connection)->Execute(internal::kBuryExpiredFinalAttempts, {now_s, now_ms});
  if (!buried.ok()) return buried.error();
  if (*buried > 0) log::Warn("job_dead_after_lease_expired", {{"jobs", *buried}});

  std::string token = NewLeaseToken();
  const std::int64_t expires_ms = now_ms + options_.lease.count();
  Result<std::optional<storage::Row>> claimed = std::optional<storage::Row>();
  if ((*connection)->dialect() == storage::Dialect::kSqlite) {
    claimed =
        (*connection)
            ->QueryOptional(internal::kClaimSqlite, {token, expires_ms, now_s, now_ms, now_ms});
  } else {
    auto candidate =
        (*connection)->QueryOptional(internal::kSelectClaimablePostgres, {now_ms, now_ms});
    if (!candidate.ok()) return candidate.error();
    if (candidate->has_value()) {
      claimed = (*connection)
                    ->QueryOptional(internal::kMarkClaimedPostgres,
                                    {token, expires_ms, now_s, (*candidate)->Int(0)});
    }
  }
  if (!claimed.ok()) return claimed.error();
  if (Status committed = tx->Commit(); !committed.ok()) return committed.error();
  if (!claimed->has_value()) return std::optional<ClaimedJob>();
  return std::optional<ClaimedJob>(ToClaimedJob(**claimed, std::move(token)));
}

Result<bool> JobRunner::RunOnce() {
  auto claimed = Claim();
  if (!claimed.ok()) return claimed.error();
  if (!claimed->has_value()) return false;
  ClaimedJob job = std::move(**claimed);
  const auto started = std::chrono::steady_clock::now();

  JobContext context(database_, clock_, options_.lease, stopping_, job);
  Status outcome = Status::Ok();
  if (const JobHandler* handler = registry_.Find(job.kind); handler == nullptr) {
    // Another instance, newer than this one, may know the kind: retry rather than bury.
    outcome = MakeError(ErrorCode::kNotFound, "no handler for this job kind");
  } else {
    try {
      outcome = (*handler)(context);
    } catch (const std::exception& thrown) {
      // Handlers report failures as values; a throw is a bug, but must not kill the worker.
      outcome = MakeError(ErrorCode::kInternal, std::string("handler threw: ") + thrown.what());
    }
  }
  const auto elapsed_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                              std::chrono::steady_clock::now() - started)
                              .count();

  Status recorded = Status::Ok();
  if (context.completed()) {
    if (!outcome.ok()) log::Warn("job_failed_after_complete", {{"job_id", job.id.value}});
  } else if (outcome.ok()) {
    recorded = RecordSuccess(context);
  } else {
    recorded = RecordFailure(job, outcome.error());
  }
  if (!recorded.ok()) return recorded.error();
  if (context.completed()) {
    log::Info("job_succeeded", {{"job_id", job.id.value},
                                {"kind", job.kind},
                                {"attempt", job.attempt},
                                {"duration_ms", static_cast<std::int64_t>(elapsed_ms)}});
  }
  return true;
}

Status JobRunner::RecordSuccess(JobContext& context) {
  Status completed = context.Complete(nullptr);
  if (!completed.ok() && completed.error().code == ErrorCode::kConflict) {
    log::Warn("job_lease_lost", {{"job_id", context.id().value}, {"kind", context.kind()}});
    return Status::Ok();
  }
  return completed;
}

Status JobRunner::RecordFailure(const ClaimedJob& job, const Error& error) {
  auto connection = database_.Acquire();
  if (!connection.ok()) return connection.error();
  const bool hopeless = error.code == ErrorCode::kInvalidArgument;
  const bool dead = hopeless || job.attempt >= job.max_attempts;
  const std::string description = DescribeError(error);
  const std::int64_t now_s = clock_.NowUnixSeconds();
  Result<std::int64_t> updated = std::int64_t{0};
  std::chrono::milliseconds delay{0};
  if (dead) {
    updated =
        (*connection)
            ->Execute(internal::kMarkDead, {description, now_s, job.id.value, job.lease_token});
  } else {
    delay = BackoffDelay(options_.backoff, job.attempt, UniformDraw());
    updated = (*connection)
                  ->Execute(internal::kScheduleRetry,
                            {internal::UnixMillis(clock_) + delay.count(), description, now_s,
                             job.id.value, job.lease_token});
  }
  if (!updated.ok()) return updated.error();
  if (*updated == 0) {
    log::Warn("job_lease_lost", {{"job_id", job.id.value}, {"kind", job.kind}});
  } else if (dead) {
    log::Error("job_dead", {{"job_id", job.id.value},
                            {"kind", job.kind},
                            {"attempts", job.attempt},
                            {"code", ErrorCodeName(error.code)},
                            {"detail", error.message}});
  } else {
    log::Warn("job_retry_scheduled", {{"job_id", job.id.value},
                                      {"kind", job.kind},
                                      {"attempt", job.attempt},
                                      {"delay_ms", static_cast<std::int64_t>(delay.count())},
                                      {"code", ErrorCodeName(error.code)},
                                      {"detail", error.message}});
  }
  return Status::Ok();
}

}  // namespace finhelm::jobs

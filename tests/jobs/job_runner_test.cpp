#include "jobs/job_runner.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <thread>

#include "storage/database.hpp"
#include "tests/jobs/jobs_fixture.hpp"

namespace finhelm::jobs {
namespace {

using std::chrono::milliseconds;
using storage::testing::Backend;
using testing::JobsTest;
using testing::kInsertEffect;

constexpr milliseconds kLease{30'000};

JobRunnerOptions RunnerOptions(std::string worker_id) {
  JobRunnerOptions options;
  options.worker_id = std::move(worker_id);
  options.lease = kLease;
  options.backoff = BackoffPolicy{milliseconds(1000), milliseconds(4000)};
  return options;
}

Status WriteEffect(JobContext& context) {
  return context.Complete([&](storage::OrgScope& scope) -> Status {
    auto inserted = scope.Execute(kInsertEffect, {context.id().value, "done"});
    return inserted.ok() ? Status::Ok() : Status(inserted.error());
  });
}

using JobRunnerTest = JobsTest;

TEST_P(JobRunnerTest, CompletesWithItsEffectInOneTransaction) {
  JobRegistry registry;
  ASSERT_TRUE(registry.Register("test.effect", WriteEffect).ok());
  JobRunner runner(database(), registry, clock_, RunnerOptions("w"));
  auto job = Enqueue("test.effect");
  ASSERT_TRUE(runner.RunOnce().value());
  JobSnapshot done = Get(job->id);
  EXPECT_EQ(done.status, JobStatus::kSucceeded);
  EXPECT_EQ(done.progress_percent, 100);
  EXPECT_EQ(CountEffects(job->id), 1);
  EXPECT_FALSE(runner.RunOnce().value()) << "nothing left to claim";
}

TEST_P(JobRunnerTest, FailingEffectRollsBackAndRetries) {
  JobRegistry registry;
  ASSERT_TRUE(
      registry
          .Register("test.effect",
                    [](JobContext& context) {
                      return context.Complete([&](storage::OrgScope& scope) -> Status {
                        EXPECT_TRUE(scope.Execute(kInsertEffect, {context.id().value, "x"}).ok());
                        return MakeError(ErrorCode::kUnavailable, "remote down");
                      });
                    })
          .ok());
  JobRunner runner(database(), registry, clock_, RunnerOptions("w"));
  auto job = Enqueue("test.effect");
  ASSERT_TRUE(runner.RunOnce().value());
  EXPECT_EQ(Get(job->id).status, JobStatus::kQueued);
  EXPECT_EQ(CountEffects(job->id), 0);
}

TEST_P(JobRunnerTest, RetriesWithBackoffThenDeadLetters) {
  JobRegistry registry;
  ASSERT_TRUE(
      registry
          .Register("test.flaky",
                    [](JobContext&) { return MakeError(ErrorCode::kUnavailable, "remote down"); })
          .ok());
  JobRunnerOptions options = RunnerOptions("w");
  JobRunner runner(database(), registry, clock_, options);
  EnqueueOptions three;
  three.max_attempts = 3;
  auto job = Enqueue("test.flaky", three);

  for (int attempt = 1; attempt <= 2; ++attempt) {
    std::int64_t before = NowMs();
    ASSERT_TRUE(runner.RunOnce().value()) << "attempt " << attempt;
    JobSnapshot retry = Get(job->id);
    EXPECT_EQ(retry.status, JobStatus::kQueued);
    EXPECT_EQ(retry.attempts, attempt);
    EXPECT_GE(retry.run_after_ms, before);
    EXPECT_LE(retry.run_after_ms, before + BackoffCeiling(options.backoff, attempt).count());
    EXPECT_NE(retry.last_error.value_or("").find("unavailable: remote down"), std::string::npos);
    clock_.Advance(BackoffCeiling(options.backoff, attempt));
  }
  ASSERT_TRUE(runner.RunOnce().value());
  JobSnapshot dead = Get(job->id);
  EXPECT_EQ(dead.status, JobStatus::kDead);
  EXPECT_EQ(dead.attempts, 3);
  clock_.Advance(std::chrono::hours(1));
  EXPECT_FALSE(runner.RunOnce().value()) << "dead letters are not retried";
}

// DATA-6: finished jobs do not accumulate forever; unfinished ones are never touched.
TEST_P(JobRunnerTest, PurgesFinishedJobsAfterTheirRetention) {
  JobRegistry registry;
  ASSERT_TRUE(registry.Register("test.effect", WriteEffect).ok());
  ASSERT_TRUE(registry
                  .Register("test.hopeless",
                            [](JobContext&) {
                              return MakeError(ErrorCode::kInvalidArgument, "bad payload");
                            })
                  .ok());
  JobRunnerOptions options = RunnerOptions("w");
  options.succeeded_retention = std::chrono::hours(24 * 7);
  options.dead_retention = std::chrono::hours(24 * 30);
  JobRunner runner(database(), registry, clock_, options);
  auto succeeded = Enqueue("test.effect");
  auto dead = Enqueue("test.hopeless");
  ASSERT_TRUE(runner.RunOnce().value());
  ASSERT_TRUE(runner.RunOnce().value());
  EnqueueOptions later;
  later.delay = std::chrono::hours(24 * 365);
  auto waiting = Enqueue("test.effect", later);
  ASSERT_EQ(Get(succeeded->id).status, JobStatus::kSucceeded);
  ASSERT_EQ(Get(dead->id).status, JobStatus::kDead);

  EXPECT_EQ(runner.PurgeFinished().value(), 0) << "nothing is old enough yet";
  clock_.Advance(std::chrono::hours(24 * 7) + std::chrono::seconds(1));
  EXPECT_EQ(runner.PurgeFinished().value(), 1);
  auto connection = database().Acquire();
  storage::OrgScope scope(**connection, org_);
  EXPECT_EQ(queue_.Get(scope, succeeded->id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(Get(dead->id).status, JobStatus::kDead) << "dead letters are kept longer";

  clock_.Advance(std::chrono::hours(24 * 23));
  EXPECT_EQ(runner.PurgeFinished().value(), 1);
  EXPECT_EQ(queue_.Get(scope, dead->id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(Get(waiting->id).status, JobStatus::kQueued);
}

TEST_P(JobRunnerTest, UnknownKindIsRetriedLater) {
  JobRegistry registry;
  JobRunner runner(database(), registry, clock_, RunnerOptions("w"));
  auto job = Enqueue("test.unknown");
  ASSERT_TRUE(runner.RunOnce().value());
  JobSnapshot snapshot = Get(job->id);
  EXPECT_EQ(snapshot.status, JobStatus::kQueued);
  EXPECT_NE(snapshot.last_error.value_or("").find("not_found"), std::string::npos);
}

// A worker whose lease expires mid-job loses it: another worker reclaims the job, and the
// first one's late Complete changes nothing.
TEST_P(JobRunnerTest, ExpiredLeaseIsReclaimedAndStaleCompleteIsRefused) {
  JobRegistry registry;
  JobRunner second(database(), registry, clock_, RunnerOptions("second"));
  Status stale_complete = Status::Ok();
  ASSERT_TRUE(registry
                  .Register("test.effect",
                            [&](JobContext& context) -> Status {
                              if (context.attempt() > 1) return WriteEffect(context);
                              clock_.Advance(kLease + milliseconds(1));
                              EXPECT_TRUE(second.RunOnce().value()) << "reclaimed";
                              stale_complete = WriteEffect(context);
                              EXPECT_EQ(context.ReportProgress(50, "late").error().code,
                                        ErrorCode::kConflict);
                              return stale_complete;
                            })
                  .ok());
  JobRunner first(database(), registry, clock_, RunnerOptions("first"));
  auto job = Enqueue("test.effect");
  ASSERT_TRUE(first.RunOnce().value());

  ASSERT_FALSE(stale_complete.ok());
  EXPECT_EQ(stale_complete.error().code, ErrorCode::kConflict);
  JobSnapshot done = Get(job->id);
  EXPECT_EQ(done.status, JobStatus::kSucceeded) << "the stale failure did not overwrite it";
  EXPECT_EQ(done.attempts, 2);
  EXPECT_EQ(CountEffects(job->id), 1);
}

TEST_P(JobRunnerTest, LeaseExpiredOnFinalAttemptIsDeadLettered) {
  JobRegistry registry;
  JobRunner second(database(), registry, clock_, RunnerOptions("second"));
  ASSERT_TRUE(registry
                  .Register("test.effect",
                            [&](JobContext&) -> Status {
                              clock_.Advance(kLease + milliseconds(1));
                              EXPECT_FALSE(second.RunOnce().value()) << "not retried";
                              return Status::Ok();
                            })
                  .ok());
  JobRunner first(database(), registry, clock_, RunnerOptions("first"));
  EnqueueOptions once;
  once.max_attempts = 1;
  auto job = Enqueue("test.effect", once);
  ASSERT_TRUE(first.RunOnce().value());
  JobSnapshot dead = Get(job->id);
  EXPECT_EQ(dead.status, JobStatus::kDead);
  EXPECT_NE(dead.last_error.value_or("").find("lease expired"), std::string::npos);
}

TEST_P(JobRunnerTest, ProgressIsRecordedAndRenewsTheLease) {
  JobRegistry registry;
  JobRunner second(database(), registry, clock_, RunnerOptions("second"));
  ASSERT_TRUE(registry
                  .Register("test.effect",
                            [&](JobContext& context) -> Status {
                              clock_.Advance(kLease - milliseconds(1));
                              EXPECT_TRUE(context.ReportProgress(40, "rows 400/1000").ok());
                              JobSnapshot now = Get(context.id());
                              EXPECT_EQ(now.progress_percent, 40);
                              EXPECT_EQ(now.progress_message, "rows 400/1000");
                              clock_.Advance(milliseconds(2));
                              EXPECT_FALSE(second.RunOnce().value()) << "lease was renewed";
                              EXPECT_FALSE(context.ReportProgress(101, "").ok());
                              return WriteEffect(context);
                            })
                  .ok());
  JobRunner first(database(), registry, clock_, RunnerOptions("first"));
  auto job = Enqueue("test.effect");
  ASSERT_TRUE(first.RunOnce().value());
  EXPECT_EQ(Get(job->id).status, JobStatus::kSucceeded);
}

class ConcurrentJobRunnerTest : public JobsTest {
 protected:
  storage::DatabaseOptions PoolOptions() const override {
    storage::DatabaseOptions options;
    options.max_connections = 6;
    return options;
  }
};

TEST_P(ConcurrentJobRunnerTest, ConcurrentClaimersNeverDoubleClaim) {
  constexpr int kJobs = 40;
  std::mutex mutex;
  std::map<std::int64_t, int> runs;
  JobRegistry registry;
  ASSERT_TRUE(registry
                  .Register("test.effect",
                            [&](JobContext& context) {
                              {
                                std::lock_guard lock(mutex);
                                ++runs[context.id().value];
                              }
                              return WriteEffect(context);
                            })
                  .ok());
  for (int i = 0; i < kJobs; ++i) ASSERT_TRUE(Enqueue("test.effect").ok());

  SystemClock real_clock;
  JobRunnerOptions options;
  options.threads = 4;
  options.poll_interval = milliseconds(10);
  JobRunner runner(database(), registry, real_clock, options);
  runner.Start();
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  std::int64_t succeeded = 0;
  while (succeeded < kJobs && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(milliseconds(20));
    auto connection = database().Acquire();
    succeeded = JobQueue::Depth(**connection).value().succeeded;
  }
  runner.Stop();
  EXPECT_EQ(succeeded, kJobs);
  std::lock_guard lock(mutex);
  EXPECT_EQ(runs.size(), static_cast<std::size_t>(kJobs));
  for (const auto& [id, count] : runs) EXPECT_EQ(count, 1) << "job " << id;
}

TEST_P(ConcurrentJobRunnerTest, StopWaitsForRunningHandlers) {
  std::atomic<bool> started{false};
  std::atomic<bool> finished{false};
  JobRegistry registry;
  ASSERT_TRUE(registry
                  .Register("test.slow",
                            [&](JobContext& context) -> Status {
                              started = true;
                              while (!context.stop_requested()) {
                                std::this_thread::sleep_for(milliseconds(5));
                              }
                              std::this_thread::sleep_for(milliseconds(100));
                              finished = true;
                              return MakeError(ErrorCode::kUnavailable, "stopping");
                            })
                  .ok());
  auto job = Enqueue("test.slow");
  JobRunnerOptions options;
  options.threads = 2;
  options.poll_interval = milliseconds(10);
  SystemClock real_clock;
  JobRunner runner(database(), registry, real_clock, options);
  runner.Start();
  while (!started) std::this_thread::sleep_for(milliseconds(5));
  runner.Stop();
  EXPECT_TRUE(finished) << "Stop returned before the handler did";
  EXPECT_EQ(Get(job->id).status, JobStatus::kQueued) << "interrupted job is retried later";
}

INSTANTIATE_TEST_SUITE_P(jobs, JobRunnerTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         storage::testing::BackendName);
INSTANTIATE_TEST_SUITE_P(jobs, ConcurrentJobRunnerTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         storage::testing::BackendName);

}  // namespace
}  // namespace finhelm::jobs

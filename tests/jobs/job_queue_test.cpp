#include "jobs/job_queue.hpp"

#include <gtest/gtest.h>

#include "jobs/job_runner.hpp"
#include "storage/database.hpp"
#include "tests/jobs/jobs_fixture.hpp"

namespace finhelm::jobs {
namespace {

using storage::testing::Backend;
using testing::JobsTest;

struct Greeting {
  std::string name;
};
std::string EncodeGreeting(const Greeting& greeting) { return greeting.name; }
Result<Greeting> DecodeGreeting(std::string_view json) {
  if (json.empty()) return MakeError(ErrorCode::kInvalidArgument, "empty");
  return Greeting{std::string(json)};
}
constexpr JobKind<Greeting> kGreetingJob{"test.greeting", EncodeGreeting, DecodeGreeting};

using JobQueueTest = JobsTest;

TEST_P(JobQueueTest, EnqueueIsIdempotentPerOrganizationAndKind) {
  EnqueueOptions keyed;
  keyed.idempotency_key = "webhook-42";
  auto first = Enqueue("test.a", keyed);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_TRUE(first->created);
  auto again = Enqueue("test.a", keyed);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_FALSE(again->created);
  EXPECT_EQ(again->id, first->id);

  auto other_kind = Enqueue("test.b", keyed);
  EXPECT_TRUE(other_kind->created);
  auto connection = database().Acquire();
  storage::OrgScope other(**connection, other_org_);
  auto other_org = queue_.Enqueue(other, "test.a", "{}", keyed);
  ASSERT_TRUE(other_org.ok());
  EXPECT_TRUE(other_org->created);

  EXPECT_NE(Enqueue("test.a")->id, Enqueue("test.a")->id) << "no key, no deduplication";
}

// proves ACL-4: another organization's job does not exist for this one.
TEST_P(JobQueueTest, GetIsScopedToTheOrganization) {
  auto job = Enqueue("test.a");
  auto connection = database().Acquire();
  storage::OrgScope other(**connection, other_org_);
  auto seen = queue_.Get(other, job->id);
  ASSERT_FALSE(seen.ok());
  EXPECT_EQ(seen.error().code, ErrorCode::kNotFound);
}

TEST_P(JobQueueTest, DepthCountsJobsByStatus) {
  JobRegistry registry;
  ASSERT_TRUE(registry.Register("test.ok", [](JobContext&) { return Status::Ok(); }).ok());
  JobRunner runner(database(), registry, clock_, {});
  ASSERT_TRUE(Enqueue("test.ok").ok());
  ASSERT_TRUE(runner.RunOnce().value());
  ASSERT_TRUE(Enqueue("test.ok").ok());
  ASSERT_TRUE(Enqueue("test.ok").ok());
  auto connection = database().Acquire();
  auto depth = JobQueue::Depth(**connection);
  ASSERT_TRUE(depth.ok()) << depth.error().message;
  EXPECT_EQ(depth->queued, 2);
  EXPECT_EQ(depth->succeeded, 1);
  EXPECT_EQ(depth->running, 0);
  EXPECT_EQ(depth->dead, 0);
}

TEST_P(JobQueueTest, TypedPayloadReachesTheHandler) {
  JobRegistry registry;
  std::string greeted;
  ASSERT_TRUE(registry
                  .Register<Greeting>(kGreetingJob,
                                      [&](JobContext&, const Greeting& greeting) {
                                        greeted = greeting.name;
                                        return Status::Ok();
                                      })
                  .ok());
  EXPECT_EQ(
      registry.Register("test.greeting", [](JobContext&) { return Status::Ok(); }).error().code,
      ErrorCode::kConflict);
  auto connection = database().Acquire();
  storage::OrgScope scope(**connection, org_);
  auto job = queue_.Enqueue(scope, kGreetingJob, Greeting{"Ada"});
  ASSERT_TRUE(job.ok());
  JobRunner runner(database(), registry, clock_, {});
  ASSERT_TRUE(runner.RunOnce().value());
  EXPECT_EQ(greeted, "Ada");
  EXPECT_EQ(Get(job->id).status, JobStatus::kSucceeded);
}

TEST_P(JobQueueTest, InvalidPayloadGoesStraightToDeadLetters) {
  JobRegistry registry;
  ASSERT_TRUE(registry
                  .Register<Greeting>(kGreetingJob,
                                      [](JobContext&, const Greeting&) { return Status::Ok(); })
                  .ok());
  auto connection = database().Acquire();
  storage::OrgScope scope(**connection, org_);
  auto job = queue_.Enqueue(scope, "test.greeting", "");
  JobRunner runner(database(), registry, clock_, {});
  ASSERT_TRUE(runner.RunOnce().value());
  JobSnapshot snapshot = Get(job->id);
  EXPECT_EQ(snapshot.status, JobStatus::kDead);
  EXPECT_EQ(snapshot.attempts, 1);
  EXPECT_NE(snapshot.last_error.value_or("").find("invalid_argument"), std::string::npos);
}

TEST_P(JobQueueTest, DelayedJobWaitsForRunAfter) {
  JobRegistry registry;
  ASSERT_TRUE(registry.Register("test.ok", [](JobContext&) { return Status::Ok(); }).ok());
  EnqueueOptions later;
  later.delay = std::chrono::seconds(10);
  auto job = Enqueue("test.ok", later);
  JobRunner runner(database(), registry, clock_, {});
  EXPECT_FALSE(runner.RunOnce().value());
  clock_.Advance(std::chrono::seconds(10));
  EXPECT_TRUE(runner.RunOnce().value());
  EXPECT_EQ(Get(job->id).status, JobStatus::kSucceeded);
}

INSTANTIATE_TEST_SUITE_P(jobs, JobQueueTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         storage::testing::BackendName);

}  // namespace
}  // namespace finhelm::jobs

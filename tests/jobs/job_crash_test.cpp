// The SIGKILL test: a worker process killed mid-job loses no job and repeats no effect.
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "jobs/job_queue.hpp"
#include "storage/database.hpp"
#include "tests/jobs/jobs_fixture.hpp"

extern char** environ;

namespace finhelm::jobs {
namespace {

using namespace std::chrono_literals;
using storage::testing::Backend;
using testing::JobsTest;

// Starts job_worker on this test's database; returns its pid.
pid_t StartWorker(const std::string& url) {
  std::vector<std::string> arguments = {FINHELM_JOB_WORKER_PATH, "--url", url, "--lease-ms", "1000",
                                        "--block-attempts",      "1"};
  std::vector<char*> argv;
  for (std::string& argument : arguments) argv.push_back(argument.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, FINHELM_JOB_WORKER_PATH, nullptr, nullptr, argv.data(), environ);
  EXPECT_EQ(rc, 0) << "cannot start " << FINHELM_JOB_WORKER_PATH;
  return pid;
}

// Waits for the child to end and returns its wait status.
int Reap(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return status;
}

class JobCrashTest : public JobsTest {
 protected:
  // Polls until the job reaches `status`, for at most 20 s.
  bool WaitForStatus(JobId id, JobStatus status) {
    auto deadline = std::chrono::steady_clock::now() + 20s;
    while (std::chrono::steady_clock::now() < deadline) {
      if (Get(id).status == status) return true;
      std::this_thread::sleep_for(20ms);
    }
    return false;
  }
};

TEST_P(JobCrashTest, KilledWorkerJobCompletesExactlyOnceAfterRestart) {
  // Enqueued at the real time: the worker processes read the system clock.
  SystemClock real_clock;
  JobQueue queue(real_clock);
  auto connection = database().Acquire();
  storage::OrgScope scope(**connection, org_);
  auto job = queue.Enqueue(scope, testing::kEffectKind, "{}");
  ASSERT_TRUE(job.ok()) << job.error().message;

  pid_t first = StartWorker(url());
  ASSERT_TRUE(WaitForStatus(job->id, JobStatus::kRunning)) << "the worker never claimed the job";
  ASSERT_EQ(::kill(first, SIGKILL), 0);
  int killed = Reap(first);
  ASSERT_TRUE(WIFSIGNALED(killed) && WTERMSIG(killed) == SIGKILL);
  EXPECT_EQ(Get(job->id).status, JobStatus::kRunning) << "the dead worker still holds the lease";
  EXPECT_EQ(CountEffects(job->id), 0);

  pid_t second = StartWorker(url());
  bool succeeded = WaitForStatus(job->id, JobStatus::kSucceeded);
  ASSERT_EQ(::kill(second, SIGTERM), 0);
  int stopped = Reap(second);
  ASSERT_TRUE(succeeded) << "the restarted worker did not reclaim the job";
  EXPECT_TRUE(WIFEXITED(stopped) && WEXITSTATUS(stopped) == 0) << "graceful stop on SIGTERM";

  JobSnapshot done = Get(job->id);
  EXPECT_EQ(done.attempts, 2);
  EXPECT_EQ(CountEffects(job->id), 1) << "exactly once in effect";
}

INSTANTIATE_TEST_SUITE_P(jobs, JobCrashTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         storage::testing::BackendName);

}  // namespace
}  // namespace finhelm::jobs

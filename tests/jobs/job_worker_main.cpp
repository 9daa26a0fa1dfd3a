// job_worker: a test-only process that runs job workers on a database until SIGTERM.
//
//   job_worker --url URL [--lease-ms N] [--block-attempts N]
//
// It registers one kind, test.effect, whose handler writes its effect row in the
// transaction that completes the job (tests/jobs/test_effects.hpp). While the job's
// attempt is at most --block-attempts, the handler reports progress and then blocks
// forever, so that a test can SIGKILL the process mid-job. Exits 0 after SIGTERM once
// running handlers have returned; 2 on bad arguments or an unusable database.
#include <signal.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>
#include <thread>

#include "core/clock.hpp"
#include "jobs/job_runner.hpp"
#include "observability/log.hpp"
#include "storage/database.hpp"
#include "storage/migration.hpp"
#include "storage/org_scope.hpp"
#include "tests/jobs/test_effects.hpp"

namespace {

using namespace std::chrono_literals;
using finhelm::Status;
using finhelm::jobs::JobContext;

struct Arguments {
  std::string url;
  std::chrono::milliseconds lease{1000};
  int block_attempts = 0;
};

bool Parse(int argc, char** argv, Arguments& out) {
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string_view flag = argv[i];
    std::string value = argv[i + 1];
    if (flag == "--url") {
      out.url = value;
    } else if (flag == "--lease-ms") {
      out.lease = std::chrono::milliseconds(std::stoll(value));
    } else if (flag == "--block-attempts") {
      out.block_attempts = std::stoi(value);
    } else {
      return false;
    }
  }
  return !out.url.empty() && argc % 2 == 1;
}

Status HandleEffect(JobContext& context, int block_attempts) {
  if (context.attempt() <= block_attempts) {
    Status reported = context.ReportProgress(10, "blocking until killed");
    if (!reported.ok()) return reported;
    while (!context.stop_requested()) std::this_thread::sleep_for(20ms);
    return finhelm::MakeError(finhelm::ErrorCode::kUnavailable, "stopped while blocking");
  }
  return context.Complete([&](finhelm::storage::OrgScope& scope) -> Status {
    auto inserted =
        scope.Execute(finhelm::jobs::testing::kInsertEffect, {context.id().value, "worker"});
    return inserted.ok() ? Status::Ok() : Status(inserted.error());
  });
}

}  // namespace

int main(int argc, char** argv) {
  Arguments arguments;
  if (!Parse(argc, argv, arguments)) {
    std::fprintf(stderr, "usage: job_worker --url URL [--lease-ms N] [--block-attempts N]\n");
    return 2;
  }
  // Blocked before any thread starts, so that only sigwait below receives them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  auto database = finhelm::storage::Database::Open(arguments.url);
  if (!database.ok()) return 2;
  if (!finhelm::storage::Migrate(**database).ok()) return 2;

  finhelm::jobs::JobRegistry registry;
  const int block_attempts = arguments.block_attempts;
  Status registered = registry.Register(
      finhelm::jobs::testing::kEffectKind,
      [block_attempts](JobContext& c) { return HandleEffect(c, block_attempts); });
  if (!registered.ok()) return 2;

  finhelm::SystemClock clock;
  finhelm::jobs::JobRunnerOptions options;
  options.worker_id = "job_worker-" + std::to_string(::getpid());
  options.threads = 1;
  options.lease = arguments.lease;
  options.poll_interval = 50ms;
  finhelm::jobs::JobRunner runner(**database, registry, clock, options);
  runner.Start();
  finhelm::log::Info("job_worker_started", {{"worker", options.worker_id}});

  int received = 0;
  sigwait(&signals, &received);
  runner.Stop();
  return 0;
}

// The vocabulary of the durable job queue: ids, states, and what a job looks like.
//
// A job is a row in `jobs` (storage migration 4): a kind naming its handler, a JSON
// payload, and the bookkeeping of attempts, leases and progress. Its life:
//
//   queued --claim--> running --success--> succeeded
//     ^                  |
//     +--retry after ----+--failure, attempts left--
//        backoff         +--failure, no attempts left, or payload invalid--> dead
//
// A running job whose lease expires (its worker crashed) is claimed again as if queued.
#pragma once

#include <chrono>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace finhelm::jobs {

struct JobId {
  std::int64_t value = 0;
  friend auto operator<=>(const JobId&, const JobId&) = default;
};

enum class JobStatus { kQueued, kRunning, kSucceeded, kDead };

// "queued", "running", "succeeded", "dead": the stored form and the metric label.
std::string_view JobStatusName(JobStatus status);
Result<JobStatus> ParseJobStatus(std::string_view name);

struct EnqueueOptions {
  // Enqueueing again with the same key, organization and kind returns the first job.
  std::optional<std::string> idempotency_key;
  int max_attempts = 5;
  std::chrono::milliseconds delay{0};  // run no earlier than now + delay
};

struct EnqueueResult {
  JobId id;
  bool created = false;  // false when the idempotency key matched an existing job
};

struct JobSnapshot {
  JobId id;
  std::string kind;
  std::string payload;
  JobStatus status = JobStatus::kQueued;
  int attempts = 0;
  int max_attempts = 0;
  std::int64_t run_after_ms = 0;  // Unix milliseconds
  int progress_percent = 0;
  std::string progress_message;
  std::optional<std::string> last_error;
};

// Jobs per status, for metrics (finhelm_jobs{status=...}).
struct QueueDepth {
  std::int64_t queued = 0;
  std::int64_t running = 0;
  std::int64_t succeeded = 0;
  std::int64_t dead = 0;
};

}  // namespace finhelm::jobs

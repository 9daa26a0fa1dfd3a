// Retry delays: exponential backoff with full jitter.
//
// The n-th retry waits a uniformly random time in [0, min(cap, base * 2^(n-1))]. Full
// jitter spreads retries of jobs that failed together (a remote that was down) instead of
// sending them back in one wave.
#pragma once

#include <chrono>

namespace finhelm::jobs {

struct BackoffPolicy {
  std::chrono::milliseconds base{1000};
  std::chrono::milliseconds cap{std::chrono::minutes(10)};
};

// The ceiling of the delay after failed attempt `attempt` (1 for the first failure).
std::chrono::milliseconds BackoffCeiling(const BackoffPolicy& policy, int attempt);

// The delay itself; `unit` is a uniform random draw in [0, 1).
std::chrono::milliseconds BackoffDelay(const BackoffPolicy& policy, int attempt, double unit);

}  // namespace finhelm::jobs

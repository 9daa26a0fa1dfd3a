#include "jobs/backoff.hpp"

#include <algorithm>
#include <cmath>

namespace finhelm::jobs {

std::chrono::milliseconds BackoffCeiling(const BackoffPolicy& policy, int attempt) {
  // Doubling in floating point cannot overflow; the cap bounds the result.
  double exponent = std::max(0, attempt - 1);
  double ceiling = static_cast<double>(policy.base.count()) * std::pow(2.0, exponent);
  double capped = std::min(ceiling, static_cast<double>(policy.cap.count()));
  return std::chrono::milliseconds(static_cast<std::chrono::milliseconds::rep>(capped));
}

std::chrono::milliseconds BackoffDelay(const BackoffPolicy& policy, int attempt, double unit) {
  double clamped = std::clamp(unit, 0.0, 1.0);
  double ceiling = static_cast<double>(BackoffCeiling(policy, attempt).count());
  return std::chrono::milliseconds(
      static_cast<std::chrono::milliseconds::rep>(std::floor(ceiling * clamped)));
}

}  // namespace finhelm::jobs

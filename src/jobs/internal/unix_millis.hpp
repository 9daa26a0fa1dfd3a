// Unix milliseconds from FinHelm's Clock: the unit of the jobs table's *_ms columns.
#pragma once

#include <chrono>
#include <cstdint>

#include "core/clock.hpp"

namespace finhelm::jobs::internal {

inline std::int64_t UnixMillis(const Clock& clock) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(clock.Now().time_since_epoch())
      .count();
}

}  // namespace finhelm::jobs::internal

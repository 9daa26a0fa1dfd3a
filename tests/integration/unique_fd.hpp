// The integration harness uses FinHelm's own descriptor owner.
#pragma once

#include "core/unique_fd.hpp"

namespace finhelm::integration {

using finhelm::UniqueFd;

}  // namespace finhelm::integration

// Audit retention (DATA-6): events older than the configured age are deleted, oldest
// first, and the chain head remembers where the log now starts (`purged_through_id`), so
// that Verify checks the rest as before: every remaining event follows the one before it,
// and the newest matches the head. Ids follow time (appends serialize on the chain head),
// so "older than" is "up to an id".
#pragma once

#include <chrono>
#include <cstdint>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "storage/connection.hpp"

namespace finhelm::audit {

// SECURITY.md DATA-6's default.
inline constexpr std::chrono::hours kDefaultAuditRetention{24 * 400};

// Deletes the events that occurred more than `retention` before now; returns how many.
Result<std::int64_t> PurgeExpiredEvents(storage::Connection& connection, const Clock& clock,
                                        std::chrono::seconds retention);

}  // namespace finhelm::audit

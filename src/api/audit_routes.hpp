// GET /v1/orgs/{org}/audit-events: an organization's audit log for its admins (AUD-1).
//
// Query parameters, all optional: `event` and `actor` (exact), `since` and `until`
// (RFC 3339 UTC, "2026-12-04T08:00:00Z"; since inclusive, until exclusive), `before` (the
// cursor: an event id from `next_before`) and `limit` (1 to 100, default 50). Newest first.
#pragma once

#include "core/clock.hpp"
#include "http/router.hpp"

namespace finhelm::storage {
class Database;
}

namespace finhelm::api {

struct AuditRouteDependencies {
  storage::Database* database = nullptr;
  const Clock* clock = nullptr;
};

Status AddAuditRoutes(http::Router& router, AuditRouteDependencies dependencies);

// Unix milliseconds of an RFC 3339 UTC time ("2026-12-04T08:00:00Z" or with ".123").
Result<std::int64_t> ParseUtcTimestamp(std::string_view text);
// The inverse, always with milliseconds: "2026-12-04T08:00:00.000Z".
std::string FormatUtcTimestamp(std::int64_t unix_ms);

}  // namespace finhelm::api

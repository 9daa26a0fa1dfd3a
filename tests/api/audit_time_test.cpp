#include <gtest/gtest.h>

#include "api/audit_routes.hpp"

namespace finhelm::api {
namespace {

TEST(UtcTimestamp, ParsesAndFormatsRfc3339Utc) {
  EXPECT_EQ(*ParseUtcTimestamp("2026-12-04T08:00:00Z"), std::int64_t{1796371200000});
  EXPECT_EQ(*ParseUtcTimestamp("2026-12-04T08:00:00.250Z"), std::int64_t{1796371200250});
  EXPECT_EQ(FormatUtcTimestamp(1796371200250), "2026-12-04T08:00:00.250Z");
}

// Regression: from_chars takes a sign, so "T-1:00:00" read as hour -1 and normalized.
TEST(UtcTimestamp, RefusesWhatIsNotAnRfc3339UtcTime) {
  for (const char* bad :
       {"", "yesterday", "2026-12-04", "2026-12-04T08:00:00", "2026-12-04T08:00:00+01:00",
        "2026-02-31T00:00:00Z", "2026-12-04T-1:00:00Z", "2026-13-01T00:00:00Z",
        "1969-12-31T23:59:59Z", "2026-12-04T08:00:00.5Z", "+026-12-04T08:00:00Z"}) {
    EXPECT_FALSE(ParseUtcTimestamp(bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace finhelm::api

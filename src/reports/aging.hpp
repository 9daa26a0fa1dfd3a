// Accounts receivable and payable aging: what each customer (vendor) owes (is owed) at the
// end of a day, by how long it has been past due -- current, 1-30, 31-60, 61-90 and over
// 90 days -- from the open items as they stood that day (ledger/open_items.hpp). Every
// bucket's total is the sum of its rows, and the grand total the sum of the buckets.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace finhelm::storage {
class OrgScope;
}

namespace finhelm::reports {

inline constexpr std::array<const char*, 5> kAgingBuckets = {"current", "1_30", "31_60", "61_90",
                                                             "over_90"};

struct AgingRow {
  std::int64_t counterparty_id = 0;
  std::string name;
  std::array<std::int64_t, 5> buckets{};
  std::int64_t total = 0;
};

struct AgingReport {
  std::int32_t as_of = 0;
  std::vector<AgingRow> rows;  // largest total first
  std::array<std::int64_t, 5> totals{};
  std::int64_t total = 0;
};

// The bucket of an item `days_past_due` days past due (0 or less is current).
std::size_t AgingBucket(std::int64_t days_past_due);

// `receivable` selects invoices (AR); otherwise bills (AP).
Result<AgingReport> Aging(storage::OrgScope& scope, bool receivable, std::int32_t as_of);

}  // namespace finhelm::reports

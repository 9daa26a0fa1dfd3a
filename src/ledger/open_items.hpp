// Open invoices and bills, derived from the receivable and payable lines.
//
// Exports list what was invoiced and what was paid, but not which payment settled which
// invoice, so FinHelm applies each customer's payments and credits to that customer's
// oldest open invoices first (first in, first out, as QuickBooks applies an unassigned
// payment), and the same for vendors and bills. An invoice's due date is the export's
// when it has one, else its date plus kDefaultPaymentTermsDays. Rebuilt from scratch in
// the transaction of every import, so it never disagrees with the ledger.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace finhelm::storage {
class OrgScope;
}

namespace finhelm::ledger {

inline constexpr int kDefaultPaymentTermsDays = 30;

struct OpenItem {
  bool invoice = true;  // false for a bill
  std::int64_t counterparty_id = 0;
  std::int64_t transaction_id = 0;
  std::string num;
  std::int32_t issued_on = 0;  // YYYYMMDD
  std::int32_t due_on = 0;
  std::int64_t amount = 0;  // positive: what was charged
  std::int64_t open = 0;    // what is still open, 0 < open <= amount
};

// The invoices and bills open at the end of `as_of` (YYYYMMDD), counting only lines
// posted by then; every line when `as_of` is nullopt.
Result<std::vector<OpenItem>> ComputeOpenItems(storage::OrgScope& scope,
                                               std::optional<std::int32_t> as_of);

// Replaces the stored open items with ComputeOpenItems(nullopt).
Status RebuildOpenItems(storage::OrgScope& scope);

}  // namespace finhelm::ledger

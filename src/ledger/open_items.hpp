// Open invoices and bills, derived from the receivable and payable lines.
//
// Exports list what was invoiced and what was paid, but not which payment settled which
// invoice, so FinHelm applies each customer's payments and credits to that customer's
// oldest open invoices first (first in, first out, as QuickBooks applies an unassigned
// payment), and the same for vendors and bills. An invoice's due date is the export's
// when it has one, else its date plus kDefaultPaymentTermsDays. Rebuilt from scratch in
// the transaction of every import, so it never disagrees with the ledger.
#pragma once

#include "core/result.hpp"

namespace finhelm::storage {
class OrgScope;
}

namespace finhelm::ledger {

inline constexpr int kDefaultPaymentTermsDays = 30;

Status RebuildOpenItems(storage::OrgScope& scope);

}  // namespace finhelm::ledger

// Budget against actual: for each account with a budget in a period, month by month, what
// the budget said and what the ledger shows (SPEC capability 2; budgets come from a
// Budget Overview import, imports/budget_import.hpp).
//
// Both are in the account's own sense, as the budget is written: income and expense are
// positive when they are what their name says. The actual of a month is the sum of the
// account's own lines posted in it (no roll-up of sub-accounts: a budget is set on one
// account). Variance is actual minus budget; each total is the exact sum of its months.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "reports/statements.hpp"

namespace finhelm::storage {
class OrgScope;
}

namespace finhelm::reports {

struct BudgetLine {
  std::int64_t account_id = 0;
  std::string account;               // full name
  std::string account_type;          // QuickBooks account type
  std::vector<std::int64_t> budget;  // one per month of the report
  std::vector<std::int64_t> actual;
  std::int64_t budget_total = 0;
  std::int64_t actual_total = 0;
};

struct BudgetReport {
  std::vector<std::string> months;  // "2026-01", ...
  std::vector<BudgetLine> lines;    // by account full name
};

// The whole months from period.from's to period.to's; kInvalidArgument past 60 months.
Result<BudgetReport> BudgetVersusActual(storage::OrgScope& scope, Period period);

}  // namespace finhelm::reports

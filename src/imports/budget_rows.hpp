// Budgets as QuickBooks exports them: the Budget Overview report saved as CSV.
//
// Title rows (report name, company, period), then a header row whose first cell is empty
// or "Account" and whose other cells are months ("Jan 2026") and perhaps "Total"; then
// one row per account with an amount per month. Section rows ("Income", a parent account
// with no amounts of its own), "Total ..." rows and the computed lines (Gross Profit, Net
// Income, ...) carry no budget and are skipped. Amounts are written in the account's own
// sense -- an income budget and an expense budget are both positive -- and are stored so.
// A sub-account's row may name it by its full name ("Utilities:Electric") or, nested
// under its parent as the report shows it, by its own name ("Electric").
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar_date.hpp"
#include "imports/csv_reader.hpp"
#include "imports/ledger_rows.hpp"

namespace finhelm::imports {

// "Jan 2026", "January 2026", "Jan. 2026", "Jan-2026", "Jan-26", "2026-01", "01/2026":
// the first day of that month, or nullopt when `label` is not a month.
std::optional<CalendarDate> ParseMonthLabel(std::string_view label);

// The month of each header cell, nullopt where the cell is not one (the account and
// Total columns); empty when the row is not a budget header.
std::vector<std::optional<CalendarDate>> BudgetHeaderMonths(std::span<const std::string> cells);

struct BudgetCell {
  CalendarDate month;
  std::int64_t amount = 0;  // minor units, in the account's own sense
};

struct BudgetRow {
  std::int64_t line = 0;
  std::string account;  // as the report names it
  std::vector<BudgetCell> cells;
};

class BudgetRowReader {
 public:
  BudgetRowReader(std::vector<std::optional<CalendarDate>> months, const ReadOptions& options);

  // One record after the header: a row with amounts, a skipped one (kSkipped), or a
  // rejection naming the cell at fault.
  RowOutcome Read(const CsvRecord& record, BudgetRow& row, RowRejection& rejection) const;

 private:
  std::vector<std::optional<CalendarDate>> months_;
  ReadOptions options_;
};

}  // namespace finhelm::imports

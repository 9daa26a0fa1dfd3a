// The three financial statements, computed from the ledger's lines in integer minor
// units, so that every total is exactly the sum of its rows:
//   profit and loss for a period: income, cost of goods sold, expenses, other income and
//     other expenses, with gross profit, net operating income and net income;
//   balance sheet at the end of a day: assets, liabilities, and equity, which carries the
//     earnings not yet closed -- retained earnings before the fiscal year and net income
//     within it -- so that assets equal liabilities plus equity whenever every
//     transaction balances, which imports guarantee;
//   cash flow for a period, by the indirect method: net income, then the change of each
//     non-cash balance-sheet account in operating, investing or financing, ending in the
//     change of the bank accounts.
// Amounts are in each section's natural sign (income and liabilities positive). Periods
// can be split by calendar month. The fiscal year is the calendar year.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace finhelm::storage {
class OrgScope;
}

namespace finhelm::reports {

struct Period {
  std::int32_t from = 0;  // YYYYMMDD, inclusive
  std::int32_t to = 0;    // YYYYMMDD, inclusive
};

enum class Columns { kTotal, kByMonth };

struct StatementRow {
  std::int64_t account_id = 0;  // 0 for rows that are no account (net income, ...)
  std::string account;
  std::string account_type;
  std::vector<std::int64_t> amounts;  // one per column
  std::int64_t total = 0;
};

struct StatementSection {
  std::string key;  // "income", "assets", "operating", ...
  std::string title;
  std::vector<StatementRow> rows;
  std::vector<std::int64_t> totals;
  std::int64_t total = 0;
};

struct StatementSummary {
  std::string key;  // "net_income", "total_assets", ...
  std::string title;
  std::vector<std::int64_t> amounts;
  std::int64_t total = 0;
};

struct Statement {
  std::vector<std::string> columns;  // "2026-01", ... or "total"
  std::vector<StatementSection> sections;
  std::vector<StatementSummary> summaries;

  const StatementSummary* Summary(std::string_view key) const;
};

// kInvalidArgument when the period is reversed or longer than 10 years.
Result<Statement> ProfitAndLoss(storage::OrgScope& scope, Period period, Columns columns);
Result<Statement> BalanceSheet(storage::OrgScope& scope, std::int32_t as_of);
Result<Statement> CashFlow(storage::OrgScope& scope, Period period, Columns columns);

}  // namespace finhelm::reports

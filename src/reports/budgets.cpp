#include "reports/budgets.hpp"

#include <array>
#include <cstdio>
#include <map>

#include "ledger/account_type.hpp"
#include "storage/org_scope.hpp"

namespace finhelm::reports {
namespace {

using storage::Sql;

// Budget months are stored as the first day of the month (YYYYMM01).
constexpr Sql kSelectBudgets{
    "SELECT b.account_id, a.full_name, a.account_type, b.month, b.amount FROM budgets b "
    "JOIN ledger_accounts a ON a.id = b.account_id AND a.organization_id = b.organization_id "
    "WHERE b.organization_id = :org_id AND b.month >= ? AND b.month <= ? "
    "ORDER BY a.full_name, b.month"};
constexpr Sql kSelectActuals{
    "SELECT account_id, posted_on / 100, CAST(SUM(amount) AS BIGINT) FROM ledger_lines "
    "WHERE organization_id = :org_id AND posted_on >= ? AND posted_on <= ? AND account_id IN "
    "(SELECT account_id FROM budgets WHERE organization_id = :org_id AND month >= ? "
    "AND month <= ?) GROUP BY account_id, posted_on / 100"};

constexpr int kMaxMonths = 60;

int MonthIndex(std::int32_t first_yyyymm, std::int32_t yyyymm) {
  return (yyyymm / 100 - first_yyyymm / 100) * 12 + (yyyymm % 100 - first_yyyymm % 100);
}

}  // namespace

Result<BudgetReport> BudgetVersusActual(storage::OrgScope& scope, Period period) {
  const std::int32_t first = period.from / 100;  // YYYYMM
  const std::int32_t last = period.to / 100;
  const int months = MonthIndex(first, last) + 1;
  if (months < 1) return MakeError(ErrorCode::kInvalidArgument, "the period is empty");
  if (months > kMaxMonths) {
    return MakeError(ErrorCode::kInvalidArgument, "a budget report covers at most 60 months");
  }
  BudgetReport report;
  for (int i = 0; i < months; ++i) {
    const int month = first % 100 - 1 + i;
    std::array<char, 16> text{};  // "YYYY-MM", with room for what -Wformat-truncation fears
    std::snprintf(text.data(), text.size(), "%04d-%02d", first / 100 + month / 12, month % 12 + 1);
    report.months.emplace_back(text.data());
  }
  const std::int32_t first_day = first * 100 + 1;
  const std::int32_t last_day = last * 100 + 1;
  auto budgets = scope.Query(kSelectBudgets, {first_day, last_day});
  if (!budgets.ok()) return budgets.error();
  std::map<std::int64_t, std::size_t> index;  // account id -> line
  std::vector<int> signs;
  for (const storage::Row& row : *budgets) {
    const std::int64_t account_id = row.Int(0);
    auto [at, added] = index.emplace(account_id, report.lines.size());
    if (added) {
      BudgetLine line;
      line.account_id = account_id;
      line.account = row.Text(1);
      line.account_type = row.Text(2);
      line.budget.assign(static_cast<std::size_t>(months), 0);
      line.actual.assign(static_cast<std::size_t>(months), 0);
      report.lines.push_back(std::move(line));
      auto type = ledger::ParseAccountType(row.Text(2));
      signs.push_back(type ? ledger::NaturalSign(*type) : 1);
    }
    BudgetLine& line = report.lines[at->second];
    const int month = MonthIndex(first, static_cast<std::int32_t>(row.Int(3) / 100));
    line.budget[static_cast<std::size_t>(month)] = row.Int(4);
    line.budget_total += row.Int(4);
  }
  auto actuals = scope.Query(kSelectActuals, {first_day, last * 100 + 31, first_day, last_day});
  if (!actuals.ok()) return actuals.error();
  for (const storage::Row& row : *actuals) {
    auto at = index.find(row.Int(0));
    if (at == index.end()) continue;
    BudgetLine& line = report.lines[at->second];
    const std::int64_t natural = signs[at->second] * row.Int(2);
    line.actual[static_cast<std::size_t>(
        MonthIndex(first, static_cast<std::int32_t>(row.Int(1))))] = natural;
    line.actual_total += natural;
  }
  return report;
}

}  // namespace finhelm::reports

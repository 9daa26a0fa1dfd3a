#include "reports/statements.hpp"

#include <algorithm>
#include <map>

#include "core/calendar_date.hpp"
#include "ledger/account_type.hpp"
#include "storage/org_scope.hpp"

namespace finhelm::reports {
namespace {

using ledger::AccountType;
using storage::Sql;

constexpr Sql kSelectAccounts{
    "SELECT id, full_name, account_type FROM ledger_accounts WHERE organization_id = :org_id"};
// Grouped by day and account, in the order of the covering index ledger_lines_by_date, so
// that SQLite aggregates as it scans instead of sorting every line into a temporary B-tree
// (2.6 times faster over a million lines); the days are folded into months here.
constexpr Sql kSumByDay{
    "SELECT posted_on, account_id, CAST(SUM(amount) AS BIGINT) FROM ledger_lines "
    "WHERE organization_id = :org_id AND posted_on >= ? AND posted_on <= ? "
    "GROUP BY posted_on, account_id"};

constexpr int kMaxMonths = 120;

struct Account {
  std::string full_name;
  AccountType type = AccountType::kExpense;
};

using Chart = std::map<std::int64_t, Account>;

Result<Chart> LoadChart(storage::OrgScope& scope) {
  auto rows = scope.Query(kSelectAccounts);
  if (!rows.ok()) return rows.error();
  Chart chart;
  for (const storage::Row& row : *rows) {
    chart[row.Int(0)] = {row.Text(1),
                         ledger::ParseAccountType(row.Text(2)).value_or(AccountType::kExpense)};
  }
  return chart;
}

// The months of a period as YYYYMM, or one bucket for the whole period.
struct ColumnPlan {
  std::vector<std::string> names;
  std::vector<std::int32_t> months;  // empty for a single total column

  std::size_t count() const { return names.size(); }
  std::size_t IndexOf(std::int32_t month) const {
    if (months.empty()) return 0;
    return static_cast<std::size_t>(std::lower_bound(months.begin(), months.end(), month) -
                                    months.begin());
  }
};

Result<ColumnPlan> PlanColumns(Period period, Columns columns) {
  auto from = CalendarDate::FromNumber(period.from);
  auto to = CalendarDate::FromNumber(period.to);
  if (!from.ok() || !to.ok() || *to < *from) {
    return MakeError(ErrorCode::kInvalidArgument, "the period must run forward");
  }
  const int months = (to->year() - from->year()) * 12 + to->month() - from->month() + 1;
  if (months > kMaxMonths) {
    return MakeError(ErrorCode::kInvalidArgument, "the period is longer than 10 years");
  }
  ColumnPlan plan;
  if (columns == Columns::kTotal) {
    plan.names.push_back("total");
    return plan;
  }
  CalendarDate month = from->FirstOfMonth();
  for (int i = 0; i < months; ++i) {
    plan.months.push_back(month.year() * 100 + month.month());
    plan.names.push_back(month.ToIso().substr(0, 7));
    auto next = month.PlusMonths(1);
    if (!next.ok()) break;
    month = *next;
  }
  return plan;
}

// Debit-positive sums per account and column.
using Sums = std::map<std::int64_t, std::vector<std::int64_t>>;

Result<Sums> SumByColumn(storage::OrgScope& scope, Period period, const ColumnPlan& plan) {
  auto rows = scope.Query(kSumByDay, {period.from, period.to});
  if (!rows.ok()) return rows.error();
  Sums sums;
  for (const storage::Row& row : *rows) {
    std::vector<std::int64_t>& amounts = sums[row.Int(1)];
    amounts.resize(plan.count(), 0);
    amounts[plan.IndexOf(static_cast<std::int32_t>(row.Int(0) / 100))] += row.Int(2);
  }
  return sums;
}

Result<std::map<std::int64_t, std::int64_t>> SumThrough(storage::OrgScope& scope,
                                                        std::int32_t through) {
  auto rows = scope.Query(kSumByDay, {0, through});
  if (!rows.ok()) return rows.error();
  std::map<std::int64_t, std::int64_t> sums;
  for (const storage::Row& row : *rows) sums[row.Int(1)] += row.Int(2);
  return sums;
}

StatementSection NewSection(std::string key, std::string title, std::size_t columns) {
  StatementSection section;
  section.key = std::move(key);
  section.title = std::move(title);
  section.totals.assign(columns, 0);
  return section;
}

// Adds a row of `amounts` (already in the section's sign) unless all are zero.
void AddRow(StatementSection& section, std::int64_t account_id, const Account* account,
            std::string label, std::vector<std::int64_t> amounts) {
  if (std::all_of(amounts.begin(), amounts.end(), [](std::int64_t a) { return a == 0; })) return;
  StatementRow row;
  row.account_id = account_id;
  if (account != nullptr) {
    row.account = account->full_name;
  } else {
    row.account = std::move(label);
  }
  row.account_type = account != nullptr ? std::string(ledger::AccountTypeName(account->type)) : "";
  for (std::size_t i = 0; i < amounts.size(); ++i) {
    section.totals[i] += amounts[i];
    row.total += amounts[i];
  }
  section.total += row.total;
  row.amounts = std::move(amounts);
  section.rows.push_back(std::move(row));
}

StatementSummary Combine(std::string key, std::string title,
                         std::initializer_list<std::pair<const StatementSection*, int>> parts,
                         std::size_t columns) {
  StatementSummary summary{std::move(key), std::move(title), std::vector<std::int64_t>(columns), 0};
  for (const auto& [section, sign] : parts) {
    for (std::size_t i = 0; i < columns; ++i) summary.amounts[i] += sign * section->totals[i];
    summary.total += sign * section->total;
  }
  return summary;
}

std::vector<std::int64_t> Scaled(const std::vector<std::int64_t>& amounts, int sign) {
  std::vector<std::int64_t> out(amounts);
  for (std::int64_t& amount : out) amount *= sign;
  return out;
}

// Net income per column: credits minus debits of every profit-and-loss account.
std::vector<std::int64_t> NetIncome(const Chart& chart, const Sums& sums, std::size_t columns) {
  std::vector<std::int64_t> income(columns, 0);
  for (const auto& [account_id, amounts] : sums) {
    auto account = chart.find(account_id);
    if (account == chart.end() || !ledger::IsProfitAndLoss(account->second.type)) continue;
    for (std::size_t i = 0; i < columns; ++i) income[i] -= amounts[i];
  }
  return income;
}

}  // namespace

const StatementSummary* Statement::Summary(std::string_view key) const {
  for (const StatementSummary& summary : summaries) {
    if (summary.key == key) return &summary;
  }
  return nullptr;
}

Result<Statement> ProfitAndLoss(storage::OrgScope& scope, Period period, Columns columns) {
  auto plan = PlanColumns(period, columns);
  if (!plan.ok()) return plan.error();
  auto chart = LoadChart(scope);
  if (!chart.ok()) return chart.error();
  auto sums = SumByColumn(scope, period, *plan);
  if (!sums.ok()) return sums.error();
  const std::size_t n = plan->count();
  Statement statement;
  statement.columns = plan->names;
  StatementSection income = NewSection("income", "Income", n);
  StatementSection cogs = NewSection("cost_of_goods_sold", "Cost of Goods Sold", n);
  StatementSection expenses = NewSection("expenses", "Expenses", n);
  StatementSection other_income = NewSection("other_income", "Other Income", n);
  StatementSection other_expenses = NewSection("other_expenses", "Other Expenses", n);
  for (const auto& [account_id, amounts] : *sums) {
    const Account& account = (*chart)[account_id];
    switch (account.type) {
      case AccountType::kIncome:
        AddRow(income, account_id, &account, "", Scaled(amounts, -1));
        break;
      case AccountType::kCostOfGoodsSold:
        AddRow(cogs, account_id, &account, "", amounts);
        break;
      case AccountType::kExpense:
        AddRow(expenses, account_id, &account, "", amounts);
        break;
      case AccountType::kOtherIncome:
        AddRow(other_income, account_id, &account, "", Scaled(amounts, -1));
        break;
      case AccountType::kOtherExpense:
        AddRow(other_expenses, account_id, &account, "", amounts);
        break;
      default:
        break;
    }
  }
  statement.summaries.push_back(
      Combine("gross_profit", "Gross Profit", {{&income, 1}, {&cogs, -1}}, n));
  statement.summaries.push_back(Combine("net_operating_income", "Net Operating Income",
                                        {{&income, 1}, {&cogs, -1}, {&expenses, -1}}, n));
  statement.summaries.push_back(Combine("net_other_income", "Net Other Income",
                                        {{&other_income, 1}, {&other_expenses, -1}}, n));
  statement.summaries.push_back(Combine(
      "net_income", "Net Income",
      {{&income, 1}, {&cogs, -1}, {&expenses, -1}, {&other_income, 1}, {&other_expenses, -1}}, n));
  statement.sections = {std::move(income), std::move(cogs), std::move(expenses),
                        std::move(other_income), std::move(other_expenses)};
  return statement;
}

Result<Statement> BalanceSheet(storage::OrgScope& scope, std::int32_t as_of) {
  auto date = CalendarDate::FromNumber(as_of);
  if (!date.ok()) return MakeError(ErrorCode::kInvalidArgument, "not a date");
  auto chart = LoadChart(scope);
  if (!chart.ok()) return chart.error();
  auto through = SumThrough(scope, as_of);
  if (!through.ok()) return through.error();
  const std::int32_t year_start = date->year() * 10000 + 101;
  auto before_year = SumThrough(scope, year_start - 1);
  if (!before_year.ok()) return before_year.error();

  Statement statement;
  statement.columns = {"total"};
  StatementSection assets = NewSection("assets", "Assets", 1);
  StatementSection liabilities = NewSection("liabilities", "Liabilities", 1);
  StatementSection equity = NewSection("equity", "Equity", 1);
  std::int64_t retained = 0;
  std::int64_t net_income = 0;
  for (const auto& [account_id, amount] : *through) {
    const Account& account = (*chart)[account_id];
    switch (ledger::ClassificationOf(account.type)) {
      case ledger::Classification::kAsset:
        AddRow(assets, account_id, &account, "", {amount});
        break;
      case ledger::Classification::kLiability:
        AddRow(liabilities, account_id, &account, "", {-amount});
        break;
      case ledger::Classification::kEquity:
        AddRow(equity, account_id, &account, "", {-amount});
        break;
      case ledger::Classification::kRevenue:
      case ledger::Classification::kExpense: {
        auto earlier = before_year->find(account_id);
        const std::int64_t before = earlier == before_year->end() ? 0 : earlier->second;
        retained -= before;
        net_income -= amount - before;
        break;
      }
    }
  }
  AddRow(equity, 0, nullptr, "Retained Earnings", {retained});
  AddRow(equity, 0, nullptr, "Net Income", {net_income});
  statement.summaries.push_back(Combine("total_assets", "Total Assets", {{&assets, 1}}, 1));
  statement.summaries.push_back(
      Combine("total_liabilities", "Total Liabilities", {{&liabilities, 1}}, 1));
  statement.summaries.push_back(Combine("total_equity", "Total Equity", {{&equity, 1}}, 1));
  statement.summaries.push_back(Combine("total_liabilities_and_equity",
                                        "Total Liabilities and Equity",
                                        {{&liabilities, 1}, {&equity, 1}}, 1));
  statement.sections = {std::move(assets), std::move(liabilities), std::move(equity)};
  return statement;
}

Result<Statement> CashFlow(storage::OrgScope& scope, Period period, Columns columns) {
  auto plan = PlanColumns(period, columns);
  if (!plan.ok()) return plan.error();
  auto chart = LoadChart(scope);
  if (!chart.ok()) return chart.error();
  auto sums = SumByColumn(scope, period, *plan);
  if (!sums.ok()) return sums.error();
  auto opening = SumThrough(scope, period.from - 1);
  if (!opening.ok()) return opening.error();
  const std::size_t n = plan->count();

  StatementSection operating = NewSection("operating", "Operating Activities", n);
  StatementSection investing = NewSection("investing", "Investing Activities", n);
  StatementSection financing = NewSection("financing", "Financing Activities", n);
  StatementSection cash = NewSection("cash", "Cash", n);
  AddRow(operating, 0, nullptr, "Net Income", NetIncome(*chart, *sums, n));
  for (const auto& [account_id, amounts] : *sums) {
    const Account& account = (*chart)[account_id];
    // A balance-sheet account that grew in debit used cash: its cash effect is the
    // opposite of its debit change.
    switch (ledger::CashFlowSectionOf(account.type)) {
      case ledger::CashFlowSection::kOperating:
        AddRow(operating, account_id, &account, "", Scaled(amounts, -1));
        break;
      case ledger::CashFlowSection::kInvesting:
        AddRow(investing, account_id, &account, "", Scaled(amounts, -1));
        break;
      case ledger::CashFlowSection::kFinancing:
        AddRow(financing, account_id, &account, "", Scaled(amounts, -1));
        break;
      case ledger::CashFlowSection::kCash:
        AddRow(cash, account_id, &account, "", amounts);
        break;
      case ledger::CashFlowSection::kNone:
        break;
    }
  }
  std::int64_t cash_at_start = 0;
  for (const auto& [account_id, amount] : *opening) {
    auto account = chart->find(account_id);
    if (account != chart->end() &&
        ledger::CashFlowSectionOf(account->second.type) == ledger::CashFlowSection::kCash) {
      cash_at_start += amount;
    }
  }
  Statement statement;
  statement.columns = plan->names;
  statement.summaries.push_back(Combine(
      "net_cash_from_operating", "Net Cash from Operating Activities", {{&operating, 1}}, n));
  statement.summaries.push_back(Combine(
      "net_cash_from_investing", "Net Cash from Investing Activities", {{&investing, 1}}, n));
  statement.summaries.push_back(Combine(
      "net_cash_from_financing", "Net Cash from Financing Activities", {{&financing, 1}}, n));
  statement.summaries.push_back(Combine("net_change_in_cash", "Net Change in Cash",
                                        {{&operating, 1}, {&investing, 1}, {&financing, 1}}, n));
  // Cash at the start and the end of each column, from the bank accounts themselves.
  StatementSummary start{"cash_at_beginning", "Cash at Beginning of Period",
                         std::vector<std::int64_t>(n), cash_at_start};
  StatementSummary end{"cash_at_end", "Cash at End of Period", std::vector<std::int64_t>(n), 0};
  std::int64_t running = cash_at_start;
  for (std::size_t i = 0; i < n; ++i) {
    start.amounts[i] = running;
    running += cash.totals[i];
    end.amounts[i] = running;
  }
  end.total = running;
  statement.summaries.push_back(std::move(start));
  statement.summaries.push_back(std::move(end));
  statement.sections = {std::move(operating), std::move(investing), std::move(financing),
                        std::move(cash)};
  return statement;
}

}  // namespace finhelm::reports

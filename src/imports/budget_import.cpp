#include "imports/budget_import.hpp"

#include <set>
#include <string>
#include <utility>

#include "imports/budget_rows.hpp"
#include "ledger/chart.hpp"
#include "storage/org_scope.hpp"

namespace finhelm::imports {
namespace {

using storage::Sql;

// The WHERE makes an unchanged month no change, so that its row counts as a duplicate.
constexpr Sql kUpsertBudget{
    "INSERT INTO budgets (organization_id, account_id, month, amount) "
    "VALUES (:org_id, ?, ?, ?) "
    "ON CONFLICT (organization_id, account_id, month) DO UPDATE SET amount = excluded.amount "
    "WHERE budgets.amount <> excluded.amount"};

}  // namespace

Result<ImportReport> ReadBudget(ExportFile& file, const ReadOptions& options,
                                storage::OrgScope& scope, ImportReport report,
                                const ImportProgress& progress, bool write) {
  auto chart = ledger::ChartOfAccounts::Load(scope);
  if (!chart.ok()) return chart.error();
  const BudgetRowReader rows(file.layout.months, options);
  std::set<std::pair<std::int64_t, std::int32_t>> seen;  // (account id, month)
  BudgetRow row;
  Status read =
      ForEachRecord(file, progress, 0, 90, [&](const CsvRecord& record, bool malformed) -> Status {
        const bool has_row = CountRecord(report, record, malformed, [&](RowRejection& rejection) {
          return rows.Read(record, row, rejection);
        });
        if (!has_row) return Status::Ok();
        auto account = chart->FindStored(row.account);
        if (!account) {
          AddRejection(report, row.line,
                       "no single account \"" + row.account +
                           "\" in the chart of accounts: import the ledger first, or name "
                           "the account by its full name (Parent:Child)");
          return Status::Ok();
        }
        for (const BudgetCell& cell : row.cells) {
          if (!seen.emplace(account->id, cell.month.Number()).second) {
            AddRejection(report, row.line,
                         "the budget of " + account->full_name + " for " +
                             cell.month.ToIso().substr(0, 7) + " is given twice");
            return Status::Ok();
          }
        }
        if (!write || !report.clean()) return Status::Ok();
        std::int64_t changed = 0;
        for (const BudgetCell& cell : row.cells) {
          auto upserted =
              scope.Execute(kUpsertBudget, {account->id, cell.month.Number(), cell.amount});
          if (!upserted.ok()) return upserted.error();
          changed += *upserted;
        }
        ++(changed > 0 ? report.rows_new : report.rows_duplicate);
        return Status::Ok();
      });
  if (!read.ok()) return read.error();
  return report;
}

}  // namespace finhelm::imports

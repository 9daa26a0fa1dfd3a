#include "reports/aging.hpp"

#include <algorithm>
#include <map>

#include "core/calendar_date.hpp"
#include "ledger/open_items.hpp"
#include "storage/org_scope.hpp"

namespace finhelm::reports {
namespace {

constexpr storage::Sql kSelectNames{
    "SELECT id, name FROM counterparties WHERE organization_id = :org_id"};

}  // namespace

std::size_t AgingBucket(std::int64_t days_past_due) {
  if (days_past_due <= 0) return 0;
  if (days_past_due <= 30) return 1;
  if (days_past_due <= 60) return 2;
  if (days_past_due <= 90) return 3;
  return 4;
}

Result<AgingReport> Aging(storage::OrgScope& scope, bool receivable, std::int32_t as_of) {
  auto day = CalendarDate::FromNumber(as_of);
  if (!day.ok()) return MakeError(ErrorCode::kInvalidArgument, "not a date");
  auto items = ledger::ComputeOpenItems(scope, as_of);
  if (!items.ok()) return items.error();
  auto names = scope.Query(kSelectNames);
  if (!names.ok()) return names.error();
  std::map<std::int64_t, std::string> name_of;
  for (const storage::Row& row : *names) name_of[row.Int(0)] = row.Text(1);

  std::map<std::int64_t, AgingRow> rows;
  AgingReport report;
  report.as_of = as_of;
  for (const ledger::OpenItem& item : *items) {
    if (item.invoice != receivable) continue;
    auto due = CalendarDate::FromNumber(item.due_on);
    const std::int64_t days = due.ok() ? day->DaysSinceEpoch() - due->DaysSinceEpoch() : 0;
    const std::size_t bucket = AgingBucket(days);
    AgingRow& row = rows[item.counterparty_id];
    row.counterparty_id = item.counterparty_id;
    row.name = name_of[item.counterparty_id];
    row.buckets[bucket] += item.open;
    row.total += item.open;
    report.totals[bucket] += item.open;
    report.total += item.open;
  }
  for (auto& [id, row] : rows) report.rows.push_back(std::move(row));
  std::sort(report.rows.begin(), report.rows.end(), [](const AgingRow& a, const AgingRow& b) {
    return a.total != b.total ? a.total > b.total : a.name < b.name;
  });
  return report;
}

}  // namespace finhelm::reports

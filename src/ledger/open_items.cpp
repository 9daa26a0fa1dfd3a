#include "ledger/open_items.hpp"

#include <algorithm>
#include <deque>

#include "core/calendar_date.hpp"
#include "storage/org_scope.hpp"

namespace finhelm::ledger {
namespace {

using storage::Sql;

constexpr Sql kSelectSettlementLines{
    "SELECT a.account_type, l.counterparty_id, l.amount, l.transaction_id, t.num, l.posted_on, "
    "t.due_on FROM ledger_lines l JOIN ledger_accounts a ON a.id = l.account_id "
    "JOIN ledger_transactions t ON t.id = l.transaction_id "
    "WHERE l.organization_id = :org_id AND l.counterparty_id IS NOT NULL AND l.posted_on <= ? "
    "AND a.account_type IN ('Accounts Receivable', 'Accounts Payable') "
    "ORDER BY a.account_type, l.counterparty_id, l.posted_on, l.id"};
constexpr Sql kDeleteOpenItems{"DELETE FROM open_items WHERE organization_id = :org_id"};
constexpr Sql kInsertOpenItem{
    "INSERT INTO open_items (organization_id, kind, counterparty_id, transaction_id, num, "
    "issued_on, due_on, amount, open_amount) VALUES (:org_id, ?, ?, ?, ?, ?, ?, ?, ?)"};

constexpr std::int32_t kEndOfTime = 99991231;

std::int32_t DueOn(std::int32_t issued_on, std::optional<std::int64_t> due_on) {
  if (due_on) return static_cast<std::int32_t>(*due_on);
  auto issued = CalendarDate::FromNumber(issued_on);
  if (!issued.ok()) return issued_on;
  auto due = issued->PlusDays(kDefaultPaymentTermsDays);
  return due.ok() ? due->Number() : issued_on;
}

// One counterparty's charges, settled oldest first.
class Settlement {
 public:
  void Charge(OpenItem item) { open_.push_back(std::move(item)); }

  void Settle(std::int64_t amount) {
    while (amount > 0 && !open_.empty()) {
      const std::int64_t applied = std::min(amount, open_.front().open);
      open_.front().open -= applied;
      amount -= applied;
      if (open_.front().open == 0) open_.pop_front();
    }
  }

  void MoveTo(std::vector<OpenItem>& out) {
    for (OpenItem& item : open_) out.push_back(std::move(item));
    open_.clear();
  }

 private:
  std::deque<OpenItem> open_;
};

}  // namespace

Result<std::vector<OpenItem>> ComputeOpenItems(storage::OrgScope& scope,
                                               std::optional<std::int32_t> as_of) {
  auto lines = scope.Query(kSelectSettlementLines, {as_of.value_or(kEndOfTime)});
  if (!lines.ok()) return lines.error();
  std::vector<OpenItem> items;
  Settlement settlement;
  std::string current_type;
  std::int64_t current_counterparty = 0;
  for (const storage::Row& row : *lines) {
    const std::string& type = row.Text(0);
    const std::int64_t counterparty = row.Int(1);
    if (type != current_type || counterparty != current_counterparty) {
      settlement.MoveTo(items);
      current_type = type;
      current_counterparty = counterparty;
    }
    // Receivables grow with debits, payables with credits: make charges positive.
    const bool receivable = type == "Accounts Receivable";
    const std::int64_t amount = receivable ? row.Int(2) : -row.Int(2);
    if (amount > 0) {
      OpenItem item;
      item.invoice = receivable;
      item.counterparty_id = counterparty;
      item.transaction_id = row.Int(3);
      item.num = row.Text(4);
      item.issued_on = static_cast<std::int32_t>(row.Int(5));
      item.due_on = DueOn(item.issued_on, row.OptionalInt(6));
      item.amount = amount;
      item.open = amount;
      settlement.Charge(std::move(item));
    } else {
      settlement.Settle(-amount);
    }
  }
  settlement.MoveTo(items);
  return items;
}

Status RebuildOpenItems(storage::OrgScope& scope) {
  auto items = ComputeOpenItems(scope, std::nullopt);
  if (!items.ok()) return items.error();
  if (auto deleted = scope.Execute(kDeleteOpenItems); !deleted.ok()) return deleted.error();
  for (const OpenItem& item : *items) {
    auto inserted =
        scope.Execute(kInsertOpenItem,
                      {item.invoice ? "invoice" : "bill", item.counterparty_id, item.transaction_id,
                       item.num, item.issued_on, item.due_on, item.amount, item.open});
    if (!inserted.ok()) return inserted.error();
  }
  return Status::Ok();
}

}  // namespace finhelm::ledger

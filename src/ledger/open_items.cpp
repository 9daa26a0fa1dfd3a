#include "ledger/open_items.hpp"

#include <deque>
#include <string>

#include "core/calendar_date.hpp"
#include "storage/org_scope.hpp"

namespace finhelm::ledger {
namespace {

using storage::Sql;

constexpr Sql kSelectSettlementLines{
    "SELECT a.account_type, l.counterparty_id, l.amount, l.transaction_id, t.num, l.posted_on, "
    "t.due_on FROM ledger_lines l JOIN ledger_accounts a ON a.id = l.account_id "
    "JOIN ledger_transactions t ON t.id = l.transaction_id "
    "WHERE l.organization_id = :org_id AND l.counterparty_id IS NOT NULL "
    "AND a.account_type IN ('Accounts Receivable', 'Accounts Payable') "
    "ORDER BY a.account_type, l.counterparty_id, l.posted_on, l.id"};
constexpr Sql kDeleteOpenItems{"DELETE FROM open_items WHERE organization_id = :org_id"};
constexpr Sql kInsertOpenItem{
    "INSERT INTO open_items (organization_id, kind, counterparty_id, transaction_id, num, "
    "issued_on, due_on, amount, open_amount) VALUES (:org_id, ?, ?, ?, ?, ?, ?, ?, ?)"};

struct Charge {
  std::int64_t transaction_id;
  std::string num;
  std::int32_t issued_on;
  std::int32_t due_on;
  std::int64_t amount;
  std::int64_t open;
};

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
  void Charge(Charge charge) { open_.push_back(std::move(charge)); }

  void Settle(std::int64_t amount) {
    while (amount > 0 && !open_.empty()) {
      const std::int64_t applied = std::min(amount, open_.front().open);
      open_.front().open -= applied;
      amount -= applied;
      if (open_.front().open == 0) open_.pop_front();
    }
  }

  Status Store(storage::OrgScope& scope, const char* kind, std::int64_t counterparty) {
    for (const struct Charge& charge : open_) {
      auto inserted = scope.Execute(kInsertOpenItem, {kind, counterparty, charge.transaction_id,
                                                      charge.num, charge.issued_on,
                                                      charge.due_on, charge.amount, charge.open});
      if (!inserted.ok()) return inserted.error();
    }
    open_.clear();
    return Status::Ok();
  }

 private:
  std::deque<struct Charge> open_;
};

}  // namespace

Status RebuildOpenItems(storage::OrgScope& scope) {
  auto lines = scope.Query(kSelectSettlementLines);
  if (!lines.ok()) return lines.error();
  if (auto deleted = scope.Execute(kDeleteOpenItems); !deleted.ok()) return deleted.error();
  Settlement settlement;
  std::string current_type;
  std::int64_t current_counterparty = 0;
  for (const storage::Row& row : *lines) {
    const std::string& type = row.Text(0);
    const std::int64_t counterparty = row.Int(1);
    if (type != current_type || counterparty != current_counterparty) {
      if (!current_type.empty()) {
        const char* kind = current_type == "Accounts Receivable" ? "invoice" : "bill";
        if (Status stored = settlement.Store(scope, kind, current_counterparty); !stored.ok()) {
          return stored;
        }
      }
      current_type = type;
      current_counterparty = counterparty;
    }
    // Receivables grow with debits, payables with credits: make charges positive.
    const std::int64_t amount = type == "Accounts Receivable" ? row.Int(2) : -row.Int(2);
    if (amount > 0) {
      const auto issued_on = static_cast<std::int32_t>(row.Int(5));
      settlement.Charge({row.Int(3), row.Text(4), issued_on, DueOn(issued_on, row.OptionalInt(6)),
                         amount, amount});
    } else {
      settlement.Settle(-amount);
    }
  }
  if (!current_type.empty()) {
    const char* kind = current_type == "Accounts Receivable" ? "invoice" : "bill";
    return settlement.Store(scope, kind, current_counterparty);
  }
  return Status::Ok();
}

}  // namespace finhelm::ledger

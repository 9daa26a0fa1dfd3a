#include "demo/internal/open_item_book.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <utility>

#include "demo/internal/chart_of_accounts.hpp"

namespace finhelm::demo {
namespace {

struct PlannedPayment {
  DayNumber day;
  std::size_t item;
};

}  // namespace

void OpenItemBook::Issue(LedgerBuilder& builder, const LedgerCalendar& calendar) {
  std::vector<std::size_t> order(requests_.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [this](std::size_t a, std::size_t b) {
    return requests_[a].day < requests_[b].day;
  });
  const bool invoice = kind_ == OpenItemKind::kInvoice;
  for (std::size_t index : order) {
    ItemRequest& request = requests_[index];
    if (!calendar.Covers(request.day)) continue;
    std::int64_t total = 0;
    for (const DemoLine& line : request.lines) total += line.debit_cents;
    const std::int64_t owed = invoice ? -total : total;
    std::vector<DemoLine> lines;
    lines.reserve(request.lines.size() + 1);
    lines.push_back(invoice ? Debit(accounts::kReceivable, owed, request.memo)
                            : Credit(accounts::kPayable, owed, request.memo));
    for (DemoLine& line : request.lines) lines.push_back(std::move(line));
    std::string num = (invoice ? "INV-" : "B-") + std::to_string(next_number_++);
    const TransactionId id = builder.AddWithNum(request.day, invoice ? "Invoice" : "Bill",
                                                request.party, num, std::move(lines));
    items_.push_back(BookItem{request.party, std::move(num), id, request.day,
                              request.day + kNetDays, owed, request.target_pay_day});
  }
  requests_.clear();
}

std::vector<Settlement> OpenItemBook::Settle(LedgerBuilder& builder, DayNumber last_day) {
  std::map<std::string, std::vector<std::size_t>> by_party;
  for (std::size_t index = 0; index < items_.size(); ++index) {
    by_party[items_[index].party].push_back(index);
  }
  std::vector<PlannedPayment> planned;
  for (auto& [party, indexes] : by_party) {
    std::stable_sort(indexes.begin(), indexes.end(), [this](std::size_t a, std::size_t b) {
      return items_[a].day < items_[b].day;
    });
    DayNumber previous = 0;
    for (std::size_t index : indexes) {
      const DayNumber day = std::max(items_[index].target_pay_day, previous);
      if (day > last_day) break;
      planned.push_back(PlannedPayment{day, index});
      previous = day;
    }
  }
  std::stable_sort(planned.begin(), planned.end(),
                   [](const PlannedPayment& a, const PlannedPayment& b) { return a.day < b.day; });

  const bool invoice = kind_ == OpenItemKind::kInvoice;
  std::vector<Settlement> settlements;
  settlements.reserve(planned.size());
  for (const PlannedPayment& payment : planned) {
    BookItem& item = items_[payment.item];
    item.paid = true;
    const std::string memo = (invoice ? "Payment for " : "Payment of ") + item.num;
    std::vector<DemoLine> lines;
    if (invoice) {
      lines = {Debit(accounts::kChecking, item.cents, memo),
               Credit(accounts::kReceivable, item.cents, memo)};
    } else {
      lines = {Debit(accounts::kPayable, item.cents, memo),
               Credit(accounts::kChecking, item.cents, memo)};
    }
    const TransactionId id =
        builder.AddNumbered(payment.day, invoice ? "Payment" : "Bill Payment (Check)", item.party,
                            invoice ? "PMT-" : "CHK-", std::move(lines));
    settlements.push_back(Settlement{id, item.day});
  }
  return settlements;
}

std::vector<OpenItem> OpenItemBook::OpenItems() const {
  std::vector<OpenItem> open;
  for (const BookItem& item : items_) {
    if (item.paid) continue;
    open.push_back(OpenItem{item.party, item.num, DateOf(item.day), DateOf(item.due), item.cents});
  }
  std::sort(open.begin(), open.end(), [](const OpenItem& a, const OpenItem& b) {
    if (a.name != b.name) return a.name < b.name;
    if (a.date != b.date) return a.date < b.date;
    return a.num < b.num;
  });
  return open;
}

}  // namespace finhelm::demo

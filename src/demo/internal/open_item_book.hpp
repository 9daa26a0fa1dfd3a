// OpenItemBook: the receivables or the payables sub-ledger (internal to finhelm_demo).
//
// Invoices and bills are requested by the generators with the day the customer or vendor
// would pay them; the book posts them in date order with increasing numbers, then settles
// them first-in first-out: a party pays its oldest open item, in full, with one payment,
// before any newer one. What is left at the ledger's last day are the open items.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "demo/demo_company.hpp"
#include "demo/internal/demo_calendar.hpp"
#include "demo/internal/ledger_builder.hpp"

namespace finhelm::demo {

enum class OpenItemKind {
  kInvoice,  // 1100 debit; paid by "Payment" (1000 debit / 1100 credit).
  kBill,     // 2000 credit; paid by "Bill Payment (Check)" (2000 debit / 1000 credit).
};

// Every invoice and bill is due 30 days after its date.
inline constexpr int kNetDays = 30;

struct ItemRequest {
  std::string party;
  DayNumber day = 0;
  // The income lines of an invoice (credits) or the expense lines of a bill (debits); the
  // book adds the A/R or A/P line for their total.
  std::vector<DemoLine> lines;
  std::string memo;  // The memo of the A/R or A/P line.
  // The business day the party would pay if nothing older were open; kNever for an item
  // the party holds (a dispute, a customer in trouble).
  DayNumber target_pay_day = kNever;
};

struct BookItem {
  std::string party;
  std::string num;
  TransactionId id = 0;
  DayNumber day = 0;
  DayNumber due = 0;
  std::int64_t cents = 0;  // The amount owed, > 0.
  DayNumber target_pay_day = kNever;
  bool paid = false;  // Set by Settle.
};

struct Settlement {
  TransactionId payment = 0;
  DayNumber item_day = 0;  // The date of the invoice or bill it paid.
};

class OpenItemBook {
 public:
  explicit OpenItemBook(OpenItemKind kind) : kind_(kind) {}

  void Request(ItemRequest request) { requests_.push_back(std::move(request)); }
  // Posts every pending request, in date order (ties in request order), numbered
  // "INV-1001", "INV-1002", ... or "B-1001", ...; requests for days the ledger does not
  // cover are dropped.
  void Issue(LedgerBuilder& builder, const LedgerCalendar& calendar);
  // Records an item already posted elsewhere (the planted duplicate bill).
  void AddPosted(BookItem item) { items_.push_back(std::move(item)); }
  const std::vector<BookItem>& items() const { return items_; }

  // Posts the payments, first-in first-out per party: each item is paid on the later of its
  // target day and the party's previous payment; an item whose pay day falls after
  // `last_day` stays open, and so does every newer item of that party. Returns the
  // payments in posting order.
  std::vector<Settlement> Settle(LedgerBuilder& builder, DayNumber last_day);
  // The items left open by Settle, by party name, then date, then num.
  std::vector<OpenItem> OpenItems() const;

 private:
  OpenItemKind kind_;
  std::vector<ItemRequest> requests_;
  std::vector<BookItem> items_;
  int next_number_ = 1001;
};

}  // namespace finhelm::demo

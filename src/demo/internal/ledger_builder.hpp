// LedgerBuilder: where the demo generators post transactions (internal to finhelm_demo).
//
// Generators run topic by topic (revenue, expenses, payroll, ...), not in date order, so a
// transaction is a draft until Finalize: it sorts the drafts by date (ties keep posting
// order) and only then numbers the shared sequences ("CHK-0001", "EXP-0001", ...), so that
// every sequence increases with the date as it would in a real company's books.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "demo/demo_company.hpp"
#include "demo/internal/demo_calendar.hpp"

namespace finhelm::demo {

// Identifies a draft: its position in posting order.
using TransactionId = std::size_t;

// A line of `cents` (> 0) on the debit or the credit side.
DemoLine Debit(int account_number, std::int64_t cents, std::string memo);
DemoLine Credit(int account_number, std::int64_t cents, std::string memo);

struct DraftTransaction {
  DayNumber day = 0;
  std::string type;
  std::string name;
  std::string num;         // Set when posted with a fixed Num, else assigned by Finalize.
  std::string num_prefix;  // The sequence Finalize numbers from, when num is empty.
  std::vector<DemoLine> lines;
};

struct FinalizedTransactions {
  std::vector<DemoTransaction> transactions;  // By date, then posting order.
  std::vector<std::size_t> index_of;          // index_of[id]: the draft's final position.
};

class LedgerBuilder {
 public:
  // Posts a transaction that Finalize numbers from `num_prefix` ("CHK-" gives "CHK-0001").
  TransactionId AddNumbered(DayNumber day, std::string type, std::string name,
                            std::string num_prefix, std::vector<DemoLine> lines);
  // Posts a transaction with a Num of its own ("INV-1001", "PAY-2024-01-15").
  TransactionId AddWithNum(DayNumber day, std::string type, std::string name, std::string num,
                           std::vector<DemoLine> lines);

  const std::vector<DraftTransaction>& drafts() const { return drafts_; }
  const DraftTransaction& draft(TransactionId id) const { return drafts_.at(id); }
  // Re-dates a draft (the planted weekend payment); its Num follows the new date.
  void MoveTo(TransactionId id, DayNumber day) { drafts_.at(id).day = day; }

  // The sum of debit_cents posted to `account_number` on days before `day`.
  std::int64_t BalanceBefore(int account_number, DayNumber day) const;

  // Sorts and numbers every draft. Nums are the prefix and a four-digit counter that starts
  // at 0001 for each prefix (it grows past four digits rather than wrapping).
  FinalizedTransactions Finalize() const;

 private:
  std::vector<DraftTransaction> drafts_;
};

}  // namespace finhelm::demo

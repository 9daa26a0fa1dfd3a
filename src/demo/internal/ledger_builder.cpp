#include "demo/internal/ledger_builder.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <numeric>
#include <utility>

namespace finhelm::demo {

DemoLine Debit(int account_number, std::int64_t cents, std::string memo) {
  return DemoLine{account_number, cents, std::move(memo)};
}

DemoLine Credit(int account_number, std::int64_t cents, std::string memo) {
  return DemoLine{account_number, -cents, std::move(memo)};
}

TransactionId LedgerBuilder::AddNumbered(DayNumber day, std::string type, std::string name,
                                         std::string num_prefix, std::vector<DemoLine> lines) {
  drafts_.push_back(DraftTransaction{day, std::move(type), std::move(name), std::string(),
                                     std::move(num_prefix), std::move(lines)});
  return drafts_.size() - 1;
}

TransactionId LedgerBuilder::AddWithNum(DayNumber day, std::string type, std::string name,
                                        std::string num, std::vector<DemoLine> lines) {
  drafts_.push_back(DraftTransaction{day, std::move(type), std::move(name), std::move(num),
                                     std::string(), std::move(lines)});
  return drafts_.size() - 1;
}

std::int64_t LedgerBuilder::BalanceBefore(int account_number, DayNumber day) const {
  std::int64_t balance = 0;
  for (const DraftTransaction& draft : drafts_) {
    if (draft.day >= day) continue;
    for (const DemoLine& line : draft.lines) {
      if (line.account_number == account_number) balance += line.debit_cents;
    }
  }
  return balance;
}

FinalizedTransactions LedgerBuilder::Finalize() const {
  std::vector<TransactionId> order(drafts_.size());
  std::iota(order.begin(), order.end(), TransactionId{0});
  std::stable_sort(order.begin(), order.end(), [this](TransactionId a, TransactionId b) {
    return drafts_[a].day < drafts_[b].day;
  });

  FinalizedTransactions result;
  result.transactions.reserve(order.size());
  result.index_of.resize(order.size());
  std::map<std::string, int> next_number;
  for (TransactionId id : order) {
    const DraftTransaction& draft = drafts_[id];
    std::string num = draft.num;
    if (num.empty()) {
      char digits[24];
      std::snprintf(digits, sizeof(digits), "%04d", ++next_number[draft.num_prefix]);
      num = draft.num_prefix + digits;
    }
    result.index_of[id] = result.transactions.size();
    result.transactions.push_back(
        DemoTransaction{DateOf(draft.day), draft.type, std::move(num), draft.name, draft.lines});
  }
  return result;
}

}  // namespace finhelm::demo

#include "demo/internal/ledger_guarantees.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <tuple>

#include "demo/internal/chart_of_accounts.hpp"

namespace finhelm::demo {
namespace {

Error Broken(const DemoTransaction& transaction, const std::string& what) {
  return MakeError(ErrorCode::kInternal, "demo ledger: " + what + " in " + transaction.type + " " +
                                             transaction.num + " of " + transaction.date.ToIso());
}

bool HasAccount(const DemoLedger& ledger, int number) {
  return std::any_of(ledger.accounts.begin(), ledger.accounts.end(),
                     [number](const DemoAccount& account) { return account.number == number; });
}

std::string WeekendNum(const DemoLedger& ledger) {
  for (const PlantedAnomaly& anomaly : ledger.anomalies) {
    if (anomaly.kind == "weekend-payment") return anomaly.num;
  }
  return {};
}

}  // namespace

Status CheckGuarantees(const DemoLedger& ledger) {
  const std::string weekend_num = WeekendNum(ledger);
  std::set<std::tuple<std::int32_t, std::string, std::string, std::string>> keys;
  std::int64_t checking = 0;
  for (std::size_t index = 0; index < ledger.transactions.size(); ++index) {
    const DemoTransaction& transaction = ledger.transactions[index];
    if (transaction.lines.size() < 2) return Broken(transaction, "fewer than two lines");
    std::int64_t sum = 0;
    for (const DemoLine& line : transaction.lines) {
      if (line.debit_cents == 0) return Broken(transaction, "a zero line");
      if (!HasAccount(ledger, line.account_number)) {
        return Broken(transaction, "unlisted account " + std::to_string(line.account_number));
      }
      sum += line.debit_cents;
      if (line.account_number == accounts::kChecking) checking += line.debit_cents;
    }
    if (sum != 0) return Broken(transaction, "unbalanced lines");
    if (transaction.date < ledger.first_day || transaction.date > ledger.last_day) {
      return Broken(transaction, "a date outside the ledger");
    }
    if (index > 0 && transaction.date < ledger.transactions[index - 1].date) {
      return Broken(transaction, "a date out of order");
    }
    const bool weekend = transaction.date.IsoWeekday() > 5;
    if (weekend != (transaction.num == weekend_num && transaction.type == "Bill Payment (Check)")) {
      return Broken(transaction, weekend ? "an unplanned weekend date" : "a weekday");
    }
    if (!keys.emplace(transaction.date.Number(), transaction.type, transaction.num,
                      transaction.name)
             .second) {
      return Broken(transaction, "a repeated (date, type, num, name)");
    }
    const bool day_ends = index + 1 == ledger.transactions.size() ||
                          ledger.transactions[index + 1].date != transaction.date;
    if (day_ends && checking < 0) return Broken(transaction, "Checking below zero at day-end");
  }
  return Status::Ok();
}

}  // namespace finhelm::demo

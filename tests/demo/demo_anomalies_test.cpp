#include "demo/demo_company.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

// The planted anomalies of the demo ledger.

namespace finhelm::demo {
namespace {

constexpr std::int64_t kDollar = 100;

// Generated once: most tests read the same default ledger.
const DemoLedger& DefaultLedger() {
  static const DemoLedger kLedger = [] {
    auto ledger = GenerateDemoCompany(DemoOptions{});
    if (!ledger.ok()) ADD_FAILURE() << ledger.error().message;
    return ledger.ok() ? std::move(ledger).value() : DemoLedger{};
  }();
  return kLedger;
}

std::int64_t LineOn(const DemoTransaction& transaction, int account_number) {
  std::int64_t cents = 0;
  for (const DemoLine& line : transaction.lines) {
    if (line.account_number == account_number) cents += line.debit_cents;
  }
  return cents;
}

const DemoTransaction* FindByNum(const DemoLedger& ledger, const std::string& num,
                                 const CalendarDate& date) {
  for (const DemoTransaction& transaction : ledger.transactions) {
    if (transaction.num == num && transaction.date == date) return &transaction;
  }
  return nullptr;
}

std::vector<PlantedAnomaly> AnomaliesOfKind(const DemoLedger& ledger, const std::string& kind) {
  std::vector<PlantedAnomaly> found;
  for (const PlantedAnomaly& anomaly : ledger.anomalies) {
    if (anomaly.kind == kind) found.push_back(anomaly);
  }
  return found;
}

TEST(DemoCompany, PlantsADuplicateBillThreeDaysLater) {
  const DemoLedger& ledger = DefaultLedger();
  const auto planted = AnomaliesOfKind(ledger, "duplicate-bill");
  ASSERT_EQ(planted.size(), 1U);
  std::vector<const DemoTransaction*> bills;
  for (const DemoTransaction& transaction : ledger.transactions) {
    if (transaction.type == "Bill" && transaction.num == planted[0].num)
      bills.push_back(&transaction);
  }
  ASSERT_EQ(bills.size(), 2U);
  EXPECT_EQ(bills[0]->name, bills[1]->name);
  EXPECT_EQ(LineOn(*bills[0], 2000), LineOn(*bills[1], 2000));
  EXPECT_EQ(bills[1]->date.DaysSinceEpoch() - bills[0]->date.DaysSinceEpoch(), 3);
  EXPECT_EQ(bills[1]->date, planted[0].date);
}

TEST(DemoCompany, PlantsAnOutlierExpenseAboutFifteenTimesUsual) {
  const DemoLedger& ledger = DefaultLedger();
  const auto planted = AnomaliesOfKind(ledger, "outlier-expense");
  ASSERT_EQ(planted.size(), 1U);
  const DemoTransaction* outlier = FindByNum(ledger, planted[0].num, planted[0].date);
  ASSERT_NE(outlier, nullptr);
  EXPECT_EQ(outlier->type, "Expense");
  const int account = LineOn(*outlier, 6600) != 0 ? 6600 : 6500;
  ASSERT_GT(LineOn(*outlier, account), 0);
  std::vector<std::int64_t> usual;
  for (const DemoTransaction& transaction : ledger.transactions) {
    if (&transaction != outlier && transaction.name == outlier->name &&
        LineOn(transaction, account) > 0) {
      usual.push_back(LineOn(transaction, account));
    }
  }
  ASSERT_GE(usual.size(), 20U);
  std::sort(usual.begin(), usual.end());
  const double ratio =
      static_cast<double>(LineOn(*outlier, account)) / static_cast<double>(usual[usual.size() / 2]);
  EXPECT_GT(ratio, 10.0);
  EXPECT_LT(ratio, 20.0);
  EXPECT_LT(usual.back() * 4, LineOn(*outlier, account)) << "the outlier stands alone";
}

TEST(DemoCompany, PlantsThreeRoundTransfersAndNoOthers) {
  const DemoLedger& ledger = DefaultLedger();
  const auto planted = AnomaliesOfKind(ledger, "round-amount-transfer");
  ASSERT_EQ(planted.size(), 3U);
  std::set<std::string> planted_nums;
  for (const PlantedAnomaly& anomaly : planted) {
    const DemoTransaction* transfer = FindByNum(ledger, anomaly.num, anomaly.date);
    ASSERT_NE(transfer, nullptr);
    EXPECT_EQ(transfer->type, "Transfer");
    EXPECT_EQ(transfer->name, "");
    ASSERT_EQ(transfer->lines.size(), 2U);
    EXPECT_EQ(LineOn(*transfer, 1000), -LineOn(*transfer, 1010));
    EXPECT_EQ(LineOn(*transfer, 1000) % (25'000 * kDollar), 0);
    planted_nums.insert(anomaly.num);
  }
  for (const DemoTransaction& transaction : ledger.transactions) {
    if (transaction.type == "Transfer") {
      EXPECT_TRUE(planted_nums.contains(transaction.num));
    }
  }
}

TEST(DemoCompany, WeekendPaymentIsTheOnlyTransactionOnAWeekend) {
  const DemoLedger& ledger = DefaultLedger();
  const auto planted = AnomaliesOfKind(ledger, "weekend-payment");
  ASSERT_EQ(planted.size(), 1U);
  EXPECT_GT(planted[0].date.IsoWeekday(), 5);
  int weekend = 0;
  for (const DemoTransaction& transaction : ledger.transactions) {
    if (transaction.date.IsoWeekday() <= 5) continue;
    ++weekend;
    EXPECT_EQ(transaction.type, "Bill Payment (Check)");
    EXPECT_EQ(transaction.num, planted[0].num);
  }
  EXPECT_EQ(weekend, 1);
}

}  // namespace
}  // namespace finhelm::demo

#include "demo/demo_company.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

// The demo ledger's books: open items, cash, profit, payroll, the loan and the card.

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

std::map<int, std::string> TypesByNumber(const DemoLedger& ledger) {
  std::map<int, std::string> types;
  for (const DemoAccount& account : ledger.accounts) types[account.number] = account.type;
  return types;
}

// The ledger month (0 = the first) of `date`.
int MonthIndex(const DemoLedger& ledger, const CalendarDate& date) {
  return (date.year() - ledger.first_day.year()) * 12 + date.month() - ledger.first_day.month();
}

// Net income per ledger month, in cents.
std::vector<std::int64_t> MonthlyProfit(const DemoLedger& ledger) {
  const auto types = TypesByNumber(ledger);
  const std::set<std::string> profit_and_loss = {"Income", "Other Income", "Cost of Goods Sold",
                                                 "Expense", "Other Expense"};
  std::vector<std::int64_t> profit(36, 0);
  for (const DemoTransaction& transaction : ledger.transactions) {
    for (const DemoLine& line : transaction.lines) {
      if (profit_and_loss.contains(types.at(line.account_number))) {
        profit.at(static_cast<std::size_t>(MonthIndex(ledger, transaction.date))) -=
            line.debit_cents;
      }
    }
  }
  return profit;
}

std::int64_t Balance(const DemoLedger& ledger, int account_number) {
  std::int64_t balance = 0;
  for (const DemoTransaction& transaction : ledger.transactions) {
    for (const DemoLine& line : transaction.lines) {
      if (line.account_number == account_number) balance += line.debit_cents;
    }
  }
  return balance;
}

std::int64_t LineOn(const DemoTransaction& transaction, int account_number) {
  std::int64_t cents = 0;
  for (const DemoLine& line : transaction.lines) {
    if (line.account_number == account_number) cents += line.debit_cents;
  }
  return cents;
}

// Recomputes the open items from the transactions alone: per party, the payments' total is
// applied to the items oldest first. `sign` is +1 when items debit `control_account`.
std::vector<OpenItem> RecomputeOpenItems(const DemoLedger& ledger, int control_account,
                                         const std::string& item_type,
                                         const std::string& payment_type, int sign) {
  std::map<std::string, std::vector<const DemoTransaction*>> items;
  std::map<std::string, std::int64_t> paid;
  for (const DemoTransaction& transaction : ledger.transactions) {
    if (transaction.type == item_type) items[transaction.name].push_back(&transaction);
    if (transaction.type == payment_type) {
      paid[transaction.name] -= sign * LineOn(transaction, control_account);
    }
  }
  std::vector<OpenItem> open;
  for (const auto& [name, list] : items) {
    std::int64_t remaining_paid = paid[name];
    for (const DemoTransaction* item : list) {
      const std::int64_t owed = sign * LineOn(*item, control_account);
      const std::int64_t applied = std::min(owed, remaining_paid);
      remaining_paid -= applied;
      if (owed > applied) {
        open.push_back(
            OpenItem{name, item->num, item->date, item->date.PlusDays(30).value(), owed - applied});
      }
    }
    EXPECT_EQ(remaining_paid, 0) << name << " paid more than it owed";
  }
  std::sort(open.begin(), open.end(), [](const OpenItem& a, const OpenItem& b) {
    return std::tie(a.name, a.date, a.num) < std::tie(b.name, b.date, b.num);
  });
  return open;
}

void ExpectSameOpenItems(const std::vector<OpenItem>& expected,
                         const std::vector<OpenItem>& actual) {
  ASSERT_EQ(expected.size(), actual.size());
  for (std::size_t k = 0; k < expected.size(); ++k) {
    EXPECT_EQ(expected[k].name, actual[k].name) << k;
    EXPECT_EQ(expected[k].num, actual[k].num) << k;
    EXPECT_EQ(expected[k].date, actual[k].date) << k;
    EXPECT_EQ(expected[k].due, actual[k].due) << k;
    EXPECT_EQ(expected[k].open_cents, actual[k].open_cents) << k;
  }
}

// Counts of items current, 1-30, 31-60, 61-90 and over 90 days past due at last_day.
std::vector<int> AgingBuckets(const DemoLedger& ledger, const std::vector<OpenItem>& items) {
  std::vector<int> buckets(5, 0);
  for (const OpenItem& item : items) {
    const std::int64_t past_due = ledger.last_day.DaysSinceEpoch() - item.due.DaysSinceEpoch();
    const int bucket =
        past_due <= 0 ? 0 : static_cast<int>(std::min<std::int64_t>(4, (past_due + 29) / 30));
    ++buckets[static_cast<std::size_t>(bucket)];
  }
  return buckets;
}

TEST(DemoCompany, OpenInvoicesAreWhatFifoPaymentsLeave) {
  const DemoLedger& ledger = DefaultLedger();
  ExpectSameOpenItems(RecomputeOpenItems(ledger, 1100, "Invoice", "Payment", 1),
                      ledger.open_invoices);
  std::int64_t open = 0;
  for (const OpenItem& item : ledger.open_invoices) open += item.open_cents;
  EXPECT_EQ(open, Balance(ledger, 1100));
}

TEST(DemoCompany, OpenBillsAreWhatFifoPaymentsLeave) {
  const DemoLedger& ledger = DefaultLedger();
  ExpectSameOpenItems(RecomputeOpenItems(ledger, 2000, "Bill", "Bill Payment (Check)", -1),
                      ledger.open_bills);
  std::int64_t open = 0;
  for (const OpenItem& item : ledger.open_bills) open += item.open_cents;
  EXPECT_EQ(open, -Balance(ledger, 2000));
}

TEST(DemoCompany, OpenItemsFillEveryAgingBucket) {
  const DemoLedger& ledger = DefaultLedger();
  for (const auto* items : {&ledger.open_invoices, &ledger.open_bills}) {
    const std::vector<int> buckets = AgingBuckets(ledger, *items);
    for (std::size_t k = 0; k < buckets.size(); ++k) EXPECT_GE(buckets[k], 1) << "bucket " << k;
  }
}

TEST(DemoCompany, PaymentsSettleOneWholeItem) {
  const DemoLedger& ledger = DefaultLedger();
  std::set<std::pair<std::string, std::int64_t>> invoices;
  for (const DemoTransaction& transaction : ledger.transactions) {
    if (transaction.type == "Invoice") {
      invoices.emplace(transaction.name, LineOn(transaction, 1100));
      EXPECT_GT(LineOn(transaction, 1100), 0);
    }
    if (transaction.type == "Payment") {
      ASSERT_EQ(transaction.lines.size(), 2U);
      EXPECT_GT(LineOn(transaction, 1000), 0);
      EXPECT_TRUE(invoices.contains({transaction.name, LineOn(transaction, 1000)}))
          << transaction.num << " pays no invoice of its customer in full";
    }
  }
}

TEST(DemoCompany, CheckingNeverEndsADayBelowZero) {
  const DemoLedger& ledger = DefaultLedger();
  std::int64_t checking = 0;
  for (std::size_t k = 0; k < ledger.transactions.size(); ++k) {
    checking += LineOn(ledger.transactions[k], 1000);
    const bool day_ends = k + 1 == ledger.transactions.size() ||
                          ledger.transactions[k + 1].date != ledger.transactions[k].date;
    if (day_ends) {
      ASSERT_GE(checking, 0) << ledger.transactions[k].date.ToIso();
    }
  }
}

TEST(DemoCompany, EndsWithCashBetween300And900Thousand) {
  const DemoLedger& ledger = DefaultLedger();
  const std::int64_t cash = Balance(ledger, 1000) + Balance(ledger, 1010);
  EXPECT_GE(cash, 300'000 * kDollar);
  EXPECT_LE(cash, 900'000 * kDollar);
  EXPECT_GT(Balance(ledger, 1010), 0);
}

TEST(DemoCompany, ProfitableTwoYearsThenBurningCash) {
  const std::vector<std::int64_t> profit = MonthlyProfit(DefaultLedger());
  std::int64_t years[3] = {0, 0, 0};
  std::int64_t last_six = 0;
  for (std::size_t month = 0; month < profit.size(); ++month) {
    years[month / 12] += profit[month];
    if (month >= 30) last_six += profit[month];
  }
  EXPECT_GT(years[0], 0);
  EXPECT_GT(years[1], 0);
  EXPECT_LT(last_six, 0);
}

TEST(DemoCompany, OwnerAndLoanFundDayOne) {
  const DemoLedger& ledger = DefaultLedger();
  ASSERT_GE(ledger.transactions.size(), 2U);
  const DemoTransaction& owner = ledger.transactions[0];
  const DemoTransaction& loan = ledger.transactions[1];
  EXPECT_EQ(owner.type, "Deposit");
  EXPECT_EQ(LineOn(owner, 3000), -150'000 * kDollar);
  EXPECT_EQ(loan.type, "Deposit");
  EXPECT_EQ(LineOn(loan, 2500), -250'000 * kDollar);
  int repayments = 0;
  for (const DemoTransaction& transaction : ledger.transactions) {
    if (transaction.type == "Check" && LineOn(transaction, 2500) > 0) {
      ++repayments;
      EXPECT_GT(LineOn(transaction, 9000), 0);
    }
  }
  EXPECT_EQ(repayments, 35);
}

TEST(DemoCompany, PayrollTaxChecksClearTheMonthsAccruals) {
  const DemoLedger& ledger = DefaultLedger();
  std::map<int, std::int64_t> accrued;
  std::map<int, std::int64_t> cleared;
  for (const DemoTransaction& transaction : ledger.transactions) {
    const int month = MonthIndex(ledger, transaction.date);
    if (transaction.type == "Paycheck") {
      ASSERT_EQ(transaction.lines.size(), 4U);
      accrued[month] -= LineOn(transaction, 2200);
      EXPECT_GT(LineOn(transaction, 6000), 0);
      EXPECT_GT(LineOn(transaction, 6010), 0);
      EXPECT_LT(LineOn(transaction, 1000), 0);
    }
    if (transaction.type == "Check" && LineOn(transaction, 2200) > 0) {
      cleared[month - 1] += LineOn(transaction, 2200);
    }
  }
  for (int month = 0; month < 35; ++month) EXPECT_EQ(accrued[month], cleared[month]) << month;
  EXPECT_EQ(-Balance(ledger, 2200), accrued[35]);
}

TEST(DemoCompany, CardIsPaidInFullMonthly) {
  const DemoLedger& ledger = DefaultLedger();
  int payments = 0;
  for (const DemoTransaction& transaction : ledger.transactions) {
    if (transaction.type == "Credit Card Payment") ++payments;
  }
  EXPECT_EQ(payments, 35);
  std::int64_t december_charges = 0;
  for (const DemoTransaction& transaction : ledger.transactions) {
    if (MonthIndex(ledger, transaction.date) == 35 && transaction.type == "Expense") {
      december_charges -= LineOn(transaction, 2100);
    }
  }
  EXPECT_EQ(-Balance(ledger, 2100), december_charges);
}

TEST(DemoCompany, HoldsItsGuaranteesForOtherSeedsAndLastDays) {
  for (const auto& [seed, last_day] : std::vector<std::pair<std::uint64_t, std::int64_t>>{
           {1, 20261231}, {42, 20250615}, {9001, 20240229}, {123456789, 20300303}}) {
    DemoOptions options;
    options.seed = seed;
    options.last_day = CalendarDate::FromNumber(last_day).value();
    auto ledger = GenerateDemoCompany(options);
    ASSERT_TRUE(ledger.ok()) << seed << ": " << ledger.error().message;
    EXPECT_EQ(ledger->last_day, options.last_day);
    const std::int64_t cash = Balance(*ledger, 1000) + Balance(*ledger, 1010);
    EXPECT_GE(cash, 300'000 * kDollar) << seed;
    EXPECT_LE(cash, 900'000 * kDollar) << seed;
    for (const auto* items : {&ledger->open_invoices, &ledger->open_bills}) {
      for (int count : AgingBuckets(*ledger, *items)) EXPECT_GE(count, 1) << seed;
    }
    EXPECT_EQ(ledger->anomalies.size(), 6U) << seed;
  }
}

}  // namespace
}  // namespace finhelm::demo

#include "demo/demo_company.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "demo/general_ledger_csv.hpp"

// The shape of the demo ledger: determinism, accounts, numbering, parties.

namespace finhelm::demo {
namespace {

// Generated once: most tests read the same default ledger.
const DemoLedger& DefaultLedger() {
  static const DemoLedger kLedger = [] {
    auto ledger = GenerateDemoCompany(DemoOptions{});
    if (!ledger.ok()) ADD_FAILURE() << ledger.error().message;
    return ledger.ok() ? std::move(ledger).value() : DemoLedger{};
  }();
  return kLedger;
}

std::string Csv(const DemoOptions& options) {
  auto ledger = GenerateDemoCompany(options);
  EXPECT_TRUE(ledger.ok()) << (ledger.ok() ? "" : ledger.error().message);
  if (!ledger.ok()) return {};
  std::ostringstream out;
  EXPECT_TRUE(WriteGeneralLedgerCsv(*ledger, out).ok());
  return out.str();
}

std::int64_t LineOn(const DemoTransaction& transaction, int account_number) {
  std::int64_t cents = 0;
  for (const DemoLine& line : transaction.lines) {
    if (line.account_number == account_number) cents += line.debit_cents;
  }
  return cents;
}

TEST(DemoCompany, SameOptionsGiveIdenticalCsvBytes) {
  const std::string first = Csv(DemoOptions{});
  EXPECT_FALSE(first.empty());
  EXPECT_EQ(first, Csv(DemoOptions{}));
}

TEST(DemoCompany, DifferentSeedGivesDifferentLedger) {
  DemoOptions other;
  other.seed = 7;
  EXPECT_NE(Csv(DemoOptions{}), Csv(other));
}

TEST(DemoCompany, CoversThirtySixMonthsEndingOnLastDay) {
  const DemoLedger& ledger = DefaultLedger();
  EXPECT_EQ(ledger.company_name, "Harbor & Pine Consulting LLC");
  EXPECT_EQ(ledger.first_day, CalendarDate::FromParts(2024, 1, 1).value());
  EXPECT_EQ(ledger.last_day, CalendarDate::FromParts(2026, 12, 31).value());
  ASSERT_FALSE(ledger.transactions.empty());
  EXPECT_GE(ledger.transactions.front().date, ledger.first_day);
  EXPECT_LE(ledger.transactions.back().date, ledger.last_day);
  EXPECT_GE(ledger.transactions.size(), 6000U);
  EXPECT_LE(ledger.transactions.size(), 15000U);
}

TEST(DemoCompany, EveryTransactionBalancesWithoutZeroLines) {
  for (const DemoTransaction& transaction : DefaultLedger().transactions) {
    ASSERT_GE(transaction.lines.size(), 2U) << transaction.num;
    std::int64_t sum = 0;
    for (const DemoLine& line : transaction.lines) {
      EXPECT_NE(line.debit_cents, 0) << transaction.num;
      sum += line.debit_cents;
    }
    EXPECT_EQ(sum, 0) << transaction.num;
  }
}

TEST(DemoCompany, AccountTypesFollowTheNumberConvention) {
  struct Range {
    int low;
    int high;
    const char* type;
  };
  const Range ranges[] = {{1000, 1099, "Bank"},
                          {1100, 1199, "Accounts Receivable"},
                          {1200, 1499, "Other Current Asset"},
                          {1500, 1799, "Fixed Asset"},
                          {1800, 1999, "Other Asset"},
                          {2000, 2099, "Accounts Payable"},
                          {2100, 2199, "Credit Card"},
                          {2200, 2499, "Other Current Liability"},
                          {2500, 2999, "Long Term Liability"},
                          {3000, 3999, "Equity"},
                          {4000, 4999, "Income"},
                          {5000, 5999, "Cost of Goods Sold"},
                          {6000, 7999, "Expense"},
                          {8000, 8999, "Other Income"},
                          {9000, 9999, "Other Expense"}};
  const DemoLedger& ledger = DefaultLedger();
  std::set<int> used;
  for (const DemoTransaction& transaction : ledger.transactions) {
    for (const DemoLine& line : transaction.lines) used.insert(line.account_number);
  }
  std::set<std::string> types_seen;
  for (std::size_t k = 0; k < ledger.accounts.size(); ++k) {
    const DemoAccount& account = ledger.accounts[k];
    if (k > 0) {
      EXPECT_LT(ledger.accounts[k - 1].number, account.number);
    }
    EXPECT_TRUE(used.contains(account.number)) << account.Title() << " has no lines";
    const Range* range = nullptr;
    for (const Range& candidate : ranges) {
      if (account.number >= candidate.low && account.number <= candidate.high) range = &candidate;
    }
    ASSERT_NE(range, nullptr) << account.number;
    EXPECT_EQ(account.type, range->type) << account.Title();
    types_seen.insert(account.type);
  }
  EXPECT_EQ(used.size(), ledger.accounts.size());
  EXPECT_EQ(types_seen.size(), 15U) << "every QuickBooks type is exercised";
  EXPECT_FALSE(used.contains(3900)) << "nothing posts to Retained Earnings";
}

TEST(DemoCompany, TitlesJoinNumberAndName) {
  EXPECT_EQ((DemoAccount{1000, "Checking", "Bank"}.Title()), "1000 Checking");
}

TEST(DemoCompany, NaturalSignIsPositiveForDebitNormalTypes) {
  for (const char* type : {"Bank", "Accounts Receivable", "Other Current Asset", "Fixed Asset",
                           "Other Asset", "Cost of Goods Sold", "Expense", "Other Expense"}) {
    EXPECT_EQ(NaturalSign(type), 1) << type;
  }
  for (const char* type : {"Accounts Payable", "Credit Card", "Other Current Liability",
                           "Long Term Liability", "Equity", "Income", "Other Income"}) {
    EXPECT_EQ(NaturalSign(type), -1) << type;
  }
}

TEST(DemoCompany, TransactionsAreSortedNumberedAndUnique) {
  const std::map<std::string, std::string> prefixes = {
      {"Invoice", "INV-"},      {"Payment", "PMT-"},
      {"Bill", "B-"},           {"Bill Payment (Check)", "CHK-"},
      {"Check", "CHK-"},        {"Expense", "EXP-"},
      {"Deposit", "DEP-"},      {"Transfer", "TRF-"},
      {"Journal Entry", "JE-"}, {"Credit Card Payment", "CCP-"},
      {"Paycheck", "PAY-"}};
  const DemoLedger& ledger = DefaultLedger();
  std::set<std::tuple<std::int32_t, std::string, std::string, std::string>> keys;
  for (std::size_t k = 0; k < ledger.transactions.size(); ++k) {
    const DemoTransaction& transaction = ledger.transactions[k];
    if (k > 0) {
      EXPECT_LE(ledger.transactions[k - 1].date, transaction.date);
    }
    ASSERT_TRUE(prefixes.contains(transaction.type)) << transaction.type;
    EXPECT_EQ(transaction.num.rfind(prefixes.at(transaction.type), 0), 0U) << transaction.num;
    EXPECT_TRUE(
        keys.emplace(transaction.date.Number(), transaction.type, transaction.num, transaction.name)
            .second)
        << transaction.num;
    if (transaction.type == "Paycheck") {
      EXPECT_EQ(transaction.num, "PAY-" + transaction.date.ToIso());
    }
  }
}

TEST(DemoCompany, NamesExerciseCommasAndUtf8) {
  std::set<std::string> names;
  for (const DemoTransaction& transaction : DefaultLedger().transactions) {
    names.insert(transaction.name);
  }
  EXPECT_TRUE(names.contains("Smith, Jones & Co"));
  EXPECT_TRUE(names.contains("Caf\xc3\xa9 Lumi\xc3\xa8re"));
}

TEST(DemoCompany, AboutFortyCustomersAndSixtyVendors) {
  std::set<std::string> customers;
  std::set<std::string> vendors;
  for (const DemoTransaction& transaction : DefaultLedger().transactions) {
    if (transaction.type == "Invoice") customers.insert(transaction.name);
    if (transaction.type == "Bill" || transaction.type == "Expense" ||
        transaction.type == "Check") {
      vendors.insert(transaction.name);
    }
  }
  EXPECT_GE(customers.size(), 35U);
  EXPECT_LE(customers.size(), 45U);
  EXPECT_GE(vendors.size(), 50U);
  EXPECT_LE(vendors.size(), 75U);
}

TEST(DemoCompany, ThreeLargestCustomersBringAboutAThird) {
  std::map<std::string, std::int64_t> revenue;
  std::int64_t total = 0;
  for (const DemoTransaction& transaction : DefaultLedger().transactions) {
    if (transaction.type != "Invoice") continue;
    revenue[transaction.name] += LineOn(transaction, 1100);
    total += LineOn(transaction, 1100);
  }
  std::vector<std::int64_t> amounts;
  amounts.reserve(revenue.size());
  for (const auto& [name, cents] : revenue) amounts.push_back(cents);
  std::sort(amounts.rbegin(), amounts.rend());
  ASSERT_GE(amounts.size(), 3U);
  const double share =
      static_cast<double>(amounts[0] + amounts[1] + amounts[2]) / static_cast<double>(total);
  EXPECT_GT(share, 0.25);
  EXPECT_LT(share, 0.42);
}

TEST(DemoCompany, RejectsLastDayAtTheCalendarsEdge) {
  DemoOptions options;
  options.last_day = CalendarDate::FromParts(CalendarDate::kMinYear, 6, 30).value();
  auto ledger = GenerateDemoCompany(options);
  ASSERT_FALSE(ledger.ok());
  EXPECT_EQ(ledger.error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace finhelm::demo

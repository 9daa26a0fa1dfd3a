#include "imports/ledger_rows.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace finhelm::imports {
namespace {

struct Outcome {
  std::vector<ImportedLine> lines;
  std::vector<RowRejection> rejections;
  int skipped = 0;
};

Outcome ReadFile(std::string_view text, std::optional<BankMapping> bank = std::nullopt) {
  CsvReader reader(MemorySource(text));
  std::vector<CsvRecord> records;
  CsvRecord record;
  while (*reader.Next(record) != CsvStep::kEnd) records.push_back(record);
  auto layout = DetectLayout(records);
  EXPECT_TRUE(layout.ok());
  ReadOptions options(*CurrencyCode::Parse("USD"));
  options.bank = std::move(bank);
  auto rows = MakeRowReader(*layout, options);
  EXPECT_TRUE(rows.ok());
  Outcome outcome;
  if (!rows.ok()) return outcome;
  std::vector<ImportedLine> lines;
  for (std::size_t i = layout->header_index + 1; i < records.size(); ++i) {
    RowRejection rejection;
    switch ((*rows)->Read(records[i], lines, rejection)) {
      case RowOutcome::kLines:
        for (auto& line : lines) outcome.lines.push_back(line);
        break;
      case RowOutcome::kSkipped:
        ++outcome.skipped;
        break;
      case RowOutcome::kRejected:
        outcome.rejections.push_back(rejection);
        break;
    }
  }
  return outcome;
}

constexpr std::string_view kClassic =
    "Harbor & Pine Consulting LLC\r\nGeneral Ledger\r\n\"January 1, 2024 - December 31, 2026\"\r\n"
    "\r\n,Date,Transaction Type,Num,Name,Memo/Description,Split,Amount,Balance\r\n"
    "1000 Checking,,,,,,,,\r\n"
    ",Beginning Balance,,,,,,,\"1,000.00\"\r\n"
    ",01/02/2024,Deposit,DEP-1,\"Smith, Jones & Co\",Owner money,3000 Owner's Equity,"
    "\"150,000.00\",\"151,000.00\"\r\n"
    ",01/05/2024,Check,CHK-1,Landlord,Rent,6100 Rent,\"-8,500.00\",\"142,500.00\"\r\n"
    "Total for 1000 Checking,,,,,,,\"141,500.00\",\r\n"
    "6000 Utilities,,,,,,,,\r\n"
    "Electric,,,,,,,,\r\n"
    ",01/09/2024,Bill,B-7,Power Co,,2000 Accounts Payable (A/P),$(12.50),12.50\r\n"
    "Total for Electric,,,,,,,12.50,\r\n"
    "Total for 6000 Utilities with sub-accounts,,,,,,,12.50,\r\n"
    "6100 Rent,,,,,,,,\r\n"
    ",01/05/2024,Check,CHK-1,Landlord,Rent,1000 Checking,\"8,500.00\",\"8,500.00\"\r\n"
    ",13/45/2024,Check,CHK-2,Landlord,Rent,1000 Checking,1.00,1.00\r\n"
    "Total for 6100 Rent,,,,,,,\"8,500.00\",\r\n"
    ",,,,,,,,\r\n"
    "\"Accrual Basis Friday, December 4, 2026 08:00 AM GMT-05:00\"\r\n"
    "Accrual Basis Friday, December 4, 2026 08:00 AM GMT-05:00\r\n";

TEST(LedgerRows, ReadsTheClassicGeneralLedger) {
  Outcome outcome = ReadFile(kClassic);
  ASSERT_EQ(outcome.lines.size(), 4u);
  EXPECT_EQ(outcome.lines[0].account, "1000 Checking");
  EXPECT_EQ(outcome.lines[0].name, "Smith, Jones & Co");
  EXPECT_EQ(outcome.lines[0].amount, 15000000);
  EXPECT_EQ(outcome.lines[0].sense, AmountSense::kNatural);
  EXPECT_EQ(outcome.lines[0].line, 8);
  EXPECT_EQ(outcome.lines[1].amount, -850000);
  EXPECT_EQ(outcome.lines[2].account, "6000 Utilities:Electric");
  EXPECT_EQ(outcome.lines[2].amount, -1250);
  EXPECT_EQ(outcome.lines[3].account, "6100 Rent");
  // Both lines of the rent check share a group, and the deposit has its own.
  EXPECT_EQ(outcome.lines[1].group, outcome.lines[3].group);
  EXPECT_NE(outcome.lines[0].group, outcome.lines[1].group);
  ASSERT_EQ(outcome.rejections.size(), 1u);
  EXPECT_EQ(outcome.rejections[0].line, 18);
  EXPECT_NE(outcome.rejections[0].reason.find("date"), std::string::npos);
}

TEST(LedgerRows, ReadsTheNewerLayout) {
  Outcome outcome = ReadFile(
      ",Distribution account,Transaction date,Transaction type,Num,Name,Memo/Description,"
      "Split account,Amount,Balance\n"
      "4000 Revenue,,,,,,,,,\n"
      ",4000 Revenue,03/01/2026,Invoice,1001,Acme,,1100 A/R,\"2,000.00\",\"2,000.00\"\n"
      "Total for 4000 Revenue,,,,,,,,\"2,000.00\",\n");
  ASSERT_EQ(outcome.lines.size(), 1u);
  EXPECT_EQ(outcome.lines[0].account, "4000 Revenue");
  EXPECT_EQ(outcome.lines[0].date.Number(), 20260301);
  EXPECT_TRUE(outcome.rejections.empty());
}

TEST(LedgerRows, RebuildsTwoLineTransactionsFromTheTransactionList) {
  Outcome outcome = ReadFile(
      ",Date,Transaction Type,Num,Posting,Name,Memo/Description,Account,Split,Amount\n"
      ",03/02/2026,Expense,E1,Yes,Cafe,Beans,1000 Checking,6600 Office Supplies,-45.10\n"
      ",03/03/2026,Journal Entry,J1,Yes,,,1000 Checking,-Split-,10.00\n");
  ASSERT_EQ(outcome.lines.size(), 2u);
  EXPECT_EQ(outcome.lines[0].account, "1000 Checking");
  EXPECT_EQ(outcome.lines[1].account, "6600 Office Supplies");
  EXPECT_EQ(outcome.lines[1].sense, AmountSense::kBalancesRecord);
  ASSERT_EQ(outcome.rejections.size(), 1u);
  EXPECT_EQ(outcome.rejections[0].line, 3);
}

TEST(LedgerRows, ReadsABankStatementWithItsMapping) {
  BankMapping mapping;
  mapping.date = 0;
  mapping.description = 1;
  mapping.debit = 2;
  mapping.credit = 3;
  mapping.balance = 4;
  mapping.bank_account = "1000 Checking";
  Outcome outcome = ReadFile(
      "Date,Description,Debit,Credit,Balance\n"
      "01/02/2026,Coffee,4.50,,95.50\n"
      "01/02/2026,Coffee,4.50,,91.00\n"
      "01/03/2026,Client,,100.00,191.00\n"
      "01/04/2026,Lost row,,,500.00\n",
      mapping);
  ASSERT_EQ(outcome.lines.size(), 6u);
  EXPECT_EQ(outcome.lines[0].amount, -450);
  EXPECT_EQ(outcome.lines[1].account, kUncategorizedExpense);
  EXPECT_EQ(outcome.lines[1].amount, 450);
  EXPECT_EQ(outcome.lines[5].account, kUncategorizedIncome);
  // Two equal payments on one day stay two transactions.
  EXPECT_NE(outcome.lines[0].group, outcome.lines[2].group);
  ASSERT_EQ(outcome.rejections.size(), 1u);
  EXPECT_EQ(outcome.rejections[0].line, 5);
  EXPECT_NE(outcome.rejections[0].reason.find("balance"), std::string::npos);
}

TEST(LedgerRows, RefusesABankStatementWithoutAMapping) {
  CsvReader reader(MemorySource("Date,Amount\n"));
  std::vector<CsvRecord> records(1);
  ASSERT_EQ(*reader.Next(records[0]), CsvStep::kRecord);
  auto layout = DetectLayout(records);
  ASSERT_TRUE(layout.ok());
  ReadOptions options(*CurrencyCode::Parse("USD"));
  EXPECT_FALSE(MakeRowReader(*layout, options).ok());
  BankMapping mapping;
  mapping.date = 0;
  mapping.amount = 7;
  mapping.bank_account = "Checking";
  options.bank = mapping;
  EXPECT_FALSE(MakeRowReader(*layout, options).ok());
}

}  // namespace
}  // namespace finhelm::imports

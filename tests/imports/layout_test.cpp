#include "imports/layout.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace finhelm::imports {
namespace {

std::vector<CsvRecord> Records(std::string_view text) {
  CsvReader reader(MemorySource(text));
  std::vector<CsvRecord> records;
  CsvRecord record;
  while (*reader.Next(record) != CsvStep::kEnd) records.push_back(record);
  return records;
}

TEST(Layout, FindsTheClassicGeneralLedgerBelowItsTitles) {
  auto records = Records(
      "Harbor & Pine Consulting LLC\nGeneral Ledger\n\"January 1, 2024 - December 31, 2026\"\n\n"
      ",Date,Transaction Type,Num,Name,Memo/Description,Split,Amount,Balance\n"
      "1000 Checking,,,,,,,,\n");
  auto layout = DetectLayout(records);
  ASSERT_TRUE(layout.ok());
  EXPECT_EQ(layout->format, ExportFormat::kGeneralLedgerClassic);
  EXPECT_EQ(layout->header_line, 5);
  EXPECT_EQ(layout->columns.date, 1);
  EXPECT_EQ(layout->columns.type, 2);
  EXPECT_EQ(layout->columns.memo, 5);
  EXPECT_EQ(layout->columns.split, 6);
  EXPECT_EQ(layout->columns.amount, 7);
  EXPECT_EQ(layout->columns.balance, 8);
  EXPECT_EQ(layout->columns.account, -1);
}

TEST(Layout, FindsTheNewerLayout) {
  auto records = Records(
      "Company\nGeneral Ledger\n\n"
      ",Distribution account,Transaction date,Transaction type,Num,Name,Memo/Description,"
      "Split account,Amount,Balance\n");
  auto layout = DetectLayout(records);
  ASSERT_TRUE(layout.ok());
  EXPECT_EQ(layout->format, ExportFormat::kGeneralLedgerModern);
  EXPECT_EQ(layout->columns.account, 1);
  EXPECT_EQ(layout->columns.date, 2);
  EXPECT_EQ(layout->columns.split, 7);
}

TEST(Layout, FindsTheTransactionList) {
  auto records = Records(
      "Company\nTransaction List by Date\n\n"
      ",Date,Transaction Type,Num,Posting,Name,Memo/Description,Account,Split,Amount\n");
  auto layout = DetectLayout(records);
  ASSERT_TRUE(layout.ok());
  EXPECT_EQ(layout->format, ExportFormat::kTransactionList);
  EXPECT_EQ(layout->columns.account, 7);
  EXPECT_EQ(layout->columns.split, 8);
}

TEST(Layout, SuggestsABankMapping) {
  auto records = Records(
      "Posting Date,Description,Debit,Credit,Running Balance\n01/02/2026,Coffee,4.50,,95.50\n");
  auto layout = DetectLayout(records);
  ASSERT_TRUE(layout.ok());
  EXPECT_EQ(layout->format, ExportFormat::kBankStatement);
  EXPECT_EQ(layout->columns.date, 0);
  EXPECT_EQ(layout->columns.memo, 1);
  EXPECT_EQ(layout->columns.debit, 2);
  EXPECT_EQ(layout->columns.credit, 3);
  EXPECT_EQ(layout->columns.balance, 4);
  EXPECT_EQ(layout->columns.amount, -1);
}

TEST(Layout, RefusesAFileWithoutAHeader) {
  EXPECT_FALSE(DetectLayout(Records("just,some\nnumbers,1\n")).ok());
  EXPECT_FALSE(DetectLayout({}).ok());
}

TEST(Layout, NormalizesHeaderCells) {
  EXPECT_EQ(NormalizeHeaderCell(" Memo/Description "), "memodescription");
  EXPECT_EQ(NormalizeHeaderCell("Transaction Type"), "transactiontype");
}

}  // namespace
}  // namespace finhelm::imports

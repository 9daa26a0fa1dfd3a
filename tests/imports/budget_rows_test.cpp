// Reading a QuickBooks Budget Overview: month labels, the header, and its rows.
#include "imports/budget_rows.hpp"

#include <gtest/gtest.h>

#include "imports/layout.hpp"

namespace finhelm::imports {
namespace {

CsvRecord Record(std::int64_t line, std::vector<std::string> fields) {
  CsvRecord record;
  record.line = line;
  record.fields = std::move(fields);
  return record;
}

std::int32_t MonthOf(std::string_view label) {
  auto month = ParseMonthLabel(label);
  return month ? month->Number() : 0;
}

TEST(BudgetRows, ReadsTheMonthLabelsOfTheExports) {
  EXPECT_EQ(MonthOf("Jan 2026"), 20260101);
  EXPECT_EQ(MonthOf("January 2026"), 20260101);
  EXPECT_EQ(MonthOf("Sept 2026"), 0);  // not an abbreviation QuickBooks writes
  EXPECT_EQ(MonthOf("Sep. 2026"), 20260901);
  EXPECT_EQ(MonthOf("dec-26"), 20261201);
  EXPECT_EQ(MonthOf(" 2026-03 "), 20260301);
  EXPECT_EQ(MonthOf("03/2026"), 20260301);
  EXPECT_EQ(MonthOf("13/2026"), 0);
  EXPECT_EQ(MonthOf("2026-13"), 0);
  EXPECT_EQ(MonthOf("Total"), 0);
  EXPECT_EQ(MonthOf("Jan 20266"), 0);
  EXPECT_EQ(MonthOf("Date"), 0);
  EXPECT_EQ(MonthOf("03/02/2026"), 0);  // a day, not a month
}

TEST(BudgetRows, TheHeaderIsAnAccountColumnThenMonthsAndTotal) {
  const std::vector<std::string> header{"", "Jan 2026", "Feb 2026", "Total"};
  auto months = BudgetHeaderMonths(header);
  ASSERT_EQ(months.size(), 4u);
  EXPECT_FALSE(months[0]);
  EXPECT_EQ(months[1]->Number(), 20260101);
  EXPECT_EQ(months[2]->Number(), 20260201);
  EXPECT_FALSE(months[3]);
  EXPECT_TRUE(BudgetHeaderMonths(std::vector<std::string>{"Account", "2026-01"}).size() == 2);
  EXPECT_TRUE(BudgetHeaderMonths(std::vector<std::string>{"", "Total"}).empty());
  EXPECT_TRUE(BudgetHeaderMonths(std::vector<std::string>{"", "Jan 2026", "Memo"}).empty());
  EXPECT_TRUE(BudgetHeaderMonths(std::vector<std::string>{"Date", "Jan 2026"}).empty());
}

TEST(BudgetRows, TheLayoutDetectorFindsABudgetBelowItsTitles) {
  const std::vector<CsvRecord> records{
      Record(1, {"Budget Overview: FY26 - FY26 P&L"}), Record(2, {"Acme"}),
      Record(3, {"January - March 2026"}), Record(4, {}),
      Record(5, {"", "Jan 2026", "Feb 2026", "Mar 2026", "Total"})};
  auto layout = DetectLayout(records);
  ASSERT_TRUE(layout.ok()) << layout.error().message;
  EXPECT_EQ(layout->format, ExportFormat::kBudget);
  EXPECT_EQ(layout->header_line, 5);
  EXPECT_EQ(layout->months.size(), 5u);
  EXPECT_STREQ(ExportFormatName(layout->format), "quickbooks-budget");
}

TEST(BudgetRows, RowsCarryAmountsAndSectionsAndTotalsAreSkipped) {
  const BudgetRowReader reader(
      BudgetHeaderMonths(std::vector<std::string>{"", "Jan 2026", "Feb 2026", "Total"}),
      ReadOptions(*CurrencyCode::Parse("USD")));
  BudgetRow row;
  RowRejection rejection;
  ASSERT_EQ(reader.Read(Record(7, {"4000 Service Revenue", "10,000.00", "", "10,000.00"}), row,
                        rejection),
            RowOutcome::kLines);
  EXPECT_EQ(row.account, "4000 Service Revenue");
  ASSERT_EQ(row.cells.size(), 1u);  // an empty month has no budget; Total is not a month
  EXPECT_EQ(row.cells[0].month.Number(), 20260101);
  EXPECT_EQ(row.cells[0].amount, 1000000);
  ASSERT_EQ(reader.Read(Record(8, {"6100 Rent", "(250.00)", "0.00", "-250.00"}), row, rejection),
            RowOutcome::kLines);
  ASSERT_EQ(row.cells.size(), 2u);
  EXPECT_EQ(row.cells[0].amount, -25000);
  EXPECT_EQ(row.cells[1].amount, 0);
  EXPECT_EQ(reader.Read(Record(9, {"Income", "", "", ""}), row, rejection), RowOutcome::kSkipped);
  EXPECT_EQ(reader.Read(Record(10, {"Total Income", "5.00", "5.00", "10.00"}), row, rejection),
            RowOutcome::kSkipped);
  EXPECT_EQ(reader.Read(Record(11, {"Net Income", "5.00", "5.00", "10.00"}), row, rejection),
            RowOutcome::kSkipped);
  EXPECT_EQ(reader.Read(Record(12, {}), row, rejection), RowOutcome::kSkipped);
  ASSERT_EQ(reader.Read(Record(13, {"6200 Travel", "12,5", "", ""}), row, rejection),
            RowOutcome::kRejected);
  EXPECT_EQ(rejection.line, 13);
  EXPECT_NE(rejection.reason.find("2026-01"), std::string::npos) << rejection.reason;
}

}  // namespace
}  // namespace finhelm::imports

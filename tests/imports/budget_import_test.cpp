// Budgets imported from a QuickBooks Budget Overview through the import pipeline, on both
// backends, and read back against the ledger's actuals.
#include <gtest/gtest.h>

#include <string>

#include "imports/budget_import.hpp"
#include "reports/budgets.hpp"
#include "tests/imports/import_fixture.hpp"

namespace finhelm::imports {
namespace {

using storage::testing::Backend;

constexpr storage::Sql kCountBudgets{
    "SELECT COUNT(*) FROM budgets WHERE organization_id = :org_id"};

// January: revenue 1,000.00 deposited, rent 250.00 paid; February: electricity 80.00.
constexpr std::string_view kLedger =
    "Acme\r\nGeneral Ledger\r\n\r\n,Date,Transaction Type,Num,Name,Memo/Description,Split,"
    "Amount,Balance\r\n"
    "1000 Checking,,,,,,,,\r\n"
    ",01/15/2026,Deposit,D-1,,Consulting,4000 Service Revenue,\"1,000.00\",\"1,000.00\"\r\n"
    ",01/31/2026,Expense,E-1,Landlord,January rent,6100 Rent,-250.00,750.00\r\n"
    ",02/10/2026,Expense,E-2,Power Co,Electricity,6200 Utilities:Electric,-80.00,670.00\r\n"
    "Total for 1000 Checking,,,,,,,670.00,\r\n"
    "4000 Service Revenue,,,,,,,,\r\n"
    ",01/15/2026,Deposit,D-1,,Consulting,1000 Checking,\"1,000.00\",\"1,000.00\"\r\n"
    "Total for 4000 Service Revenue,,,,,,,\"1,000.00\",\r\n"
    "6100 Rent,,,,,,,,\r\n"
    ",01/31/2026,Expense,E-1,Landlord,January rent,1000 Checking,250.00,250.00\r\n"
    "Total for 6100 Rent,,,,,,,250.00,\r\n"
    "6200 Utilities:Electric,,,,,,,,\r\n"
    ",02/10/2026,Expense,E-2,Power Co,Electricity,1000 Checking,80.00,80.00\r\n"
    "Total for 6200 Utilities:Electric,,,,,,,80.00,\r\n";

std::string Budget(std::string_view rent_february, std::string_view extra_row = "") {
  return "Budget Overview: FY26 - FY26 P&L\r\nAcme\r\nJanuary - February 2026\r\n\r\n"
         ",Jan 2026,Feb 2026,Total\r\n"
         "Income,,,\r\n"
         "4000 Service Revenue,\"1,200.00\",\"1,200.00\",\"2,400.00\"\r\n"
         "Total Income,\"1,200.00\",\"1,200.00\",\"2,400.00\"\r\n"
         "Expenses,,,\r\n"
         "6100 Rent,250.00," +
         std::string(rent_february) +
         ",500.00\r\n"
         "6200 Utilities,,,\r\n"
         "Electric,,100.00,100.00\r\n"
         "Total 6200 Utilities,,100.00,100.00\r\n" +
         std::string(extra_row) +
         "Total Expenses,250.00,350.00,600.00\r\n"
         "Net Income,950.00,850.00,\"1,800.00\"\r\n";
}

class BudgetImport : public testing::ImportFixture {
 protected:
  void SetUp() override {
    ImportFixture::SetUp();
    if (IsSkipped()) return;
    ASSERT_TRUE(Import(Source(Write("ledger.csv", kLedger)), org_).clean());
  }

  std::int64_t CountBudgets(OrganizationId organization) {
    auto connection = database().Acquire();
    storage::OrgScope scope(**connection, organization);
    return (*scope.QueryOptional(kCountBudgets))->Int(0);
  }

  reports::BudgetReport Report(OrganizationId organization) {
    auto connection = database().Acquire();
    storage::OrgScope scope(**connection, organization);
    auto report = reports::BudgetVersusActual(scope, {20260101, 20260228});
    EXPECT_TRUE(report.ok()) << (report.ok() ? "" : report.error().message);
    return report.ok() ? *report : reports::BudgetReport{};
  }
};

TEST_P(BudgetImport, ABudgetOverviewSetsEachAccountsMonths) {
  ImportReport report = Import(Source(Write("budget.csv", Budget("250.00"))), org_);
  ASSERT_TRUE(report.clean()) << report.file_problem;
  EXPECT_EQ(report.format, ExportFormat::kBudget);
  EXPECT_EQ(report.rows_new, 3);  // revenue, rent, and Electric by its own name
  EXPECT_EQ(report.rows_skipped, 7);
  EXPECT_EQ(CountBudgets(org_), 5);  // Electric has no January budget

  const reports::BudgetReport budget = Report(org_);
  ASSERT_EQ(budget.months, (std::vector<std::string>{"2026-01", "2026-02"}));
  ASSERT_EQ(budget.lines.size(), 3u);
  EXPECT_EQ(budget.lines[0].account, "4000 Service Revenue");
  EXPECT_EQ(budget.lines[0].budget, (std::vector<std::int64_t>{120000, 120000}));
  EXPECT_EQ(budget.lines[0].actual, (std::vector<std::int64_t>{100000, 0}));
  EXPECT_EQ(budget.lines[0].budget_total, 240000);
  EXPECT_EQ(budget.lines[0].actual_total, 100000);
  EXPECT_EQ(budget.lines[1].account, "6100 Rent");
  EXPECT_EQ(budget.lines[1].actual, (std::vector<std::int64_t>{25000, 0}));
  EXPECT_EQ(budget.lines[2].account, "6200 Utilities:Electric");
  EXPECT_EQ(budget.lines[2].budget, (std::vector<std::int64_t>{0, 10000}));
  EXPECT_EQ(budget.lines[2].actual, (std::vector<std::int64_t>{0, 8000}));
}

TEST_P(BudgetImport, ImportingAgainChangesOnlyWhatDiffers) {
  ASSERT_TRUE(Import(Source(Write("budget.csv", Budget("250.00"))), org_).clean());
  ImportReport same = Import(Source(Write("again.csv", Budget("250.00"))), org_);
  ASSERT_TRUE(same.clean());
  EXPECT_EQ(same.rows_new, 0);
  EXPECT_EQ(same.rows_duplicate, 3);
  ImportReport revised = Import(Source(Write("revised.csv", Budget("\"1,250.00\""))), org_);
  ASSERT_TRUE(revised.clean());
  EXPECT_EQ(revised.rows_new, 1);
  EXPECT_EQ(revised.rows_duplicate, 2);
  EXPECT_EQ(CountBudgets(org_), 5);
  EXPECT_EQ(Report(org_).lines[1].budget, (std::vector<std::int64_t>{25000, 125000}));
}

TEST_P(BudgetImport, AnUnknownAccountRejectsTheWholeFile) {
  ImportReport report = Import(
      Source(Write("budget.csv", Budget("250.00", "6900 Travel,100.00,100.00,200.00\r\n"))), org_);
  EXPECT_FALSE(report.clean());
  EXPECT_EQ(report.rows_rejected, 1);
  ASSERT_EQ(report.rejections.size(), 1u);
  EXPECT_EQ(report.rejections[0].line, 14);
  EXPECT_NE(report.rejections[0].reason.find("6900 Travel"), std::string::npos);
  EXPECT_EQ(CountBudgets(org_), 0);
}

TEST_P(BudgetImport, AnAccountsMonthGivenTwiceIsRejected) {
  ImportReport report =
      Import(Source(Write("budget.csv", Budget("250.00", "6100 Rent,1.00,,1.00\r\n"))), org_);
  EXPECT_EQ(report.rows_rejected, 1);
  ASSERT_EQ(report.rejections.size(), 1u);
  EXPECT_NE(report.rejections[0].reason.find("given twice"), std::string::npos);
  EXPECT_EQ(CountBudgets(org_), 0);
}

TEST_P(BudgetImport, AnotherOrganizationSeesNoneOfIt) {
  ASSERT_TRUE(Import(Source(Write("budget.csv", Budget("250.00"))), org_).clean());
  EXPECT_EQ(CountBudgets(other_org_), 0);
  EXPECT_TRUE(Report(other_org_).lines.empty());
  // Its own chart has none of the accounts, so the same file is refused there.
  EXPECT_FALSE(Import(Source(Write("theirs.csv", Budget("250.00"))), other_org_).clean());
  EXPECT_EQ(CountBudgets(other_org_), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, BudgetImport,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         storage::testing::BackendName);

}  // namespace
}  // namespace finhelm::imports

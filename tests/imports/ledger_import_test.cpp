// The import pipeline against the real databases, on both backends: the demo company
// imported and every statement checked against the generator's own books to the cent,
// re-imports, overlapping exports, rejections, bank statements, encodings and tenant
// isolation.
#include "imports/ledger_import.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "core/clock.hpp"
#include "demo/demo_company.hpp"
#include "demo/general_ledger_csv.hpp"
#include "identity/deletions.hpp"
#include "imports/file_source.hpp"
#include "imports/import_records.hpp"
#include "ledger/ledger_queries.hpp"
#include "reports/aging.hpp"
#include "reports/statements.hpp"
#include "storage/org_scope.hpp"
#include "storage/organizations.hpp"
#include "storage/transaction.hpp"
#include "tests/imports/import_fixture.hpp"
#include "tests/storage/test_database.hpp"

namespace finhelm::imports {
namespace {

using storage::testing::Backend;
using testing::Usd;

class LedgerImport : public testing::ImportFixture {};

demo::DemoLedger Demo() {
  demo::DemoOptions options;
  options.last_day = *CalendarDate::FromParts(2026, 12, 31);
  auto ledger = demo::GenerateDemoCompany(options);
  EXPECT_TRUE(ledger.ok());
  return *ledger;
}

std::string Csv(const demo::DemoLedger& ledger) {
  std::ostringstream out;
  EXPECT_TRUE(demo::WriteGeneralLedgerCsv(ledger, out).ok());
  return out.str();
}

std::size_t LineCount(const demo::DemoLedger& ledger) {
  std::size_t lines = 0;
  for (const auto& transaction : ledger.transactions) lines += transaction.lines.size();
  return lines;
}

// The generator's own books: debit-positive sums per account title and YYYYMM.
struct GeneratorBooks {
  std::map<std::string, std::string> type_of;  // title -> QuickBooks type
  std::map<std::pair<std::string, int>, std::int64_t> by_month;

  explicit GeneratorBooks(const demo::DemoLedger& ledger) {
    std::map<int, std::string> title_of;
    for (const auto& account : ledger.accounts) {
      title_of[account.number] = account.Title();
      type_of[account.Title()] = account.type;
    }
    for (const auto& transaction : ledger.transactions) {
      const int month = transaction.date.year() * 100 + transaction.date.month();
      for (const auto& line : transaction.lines) {
        by_month[{title_of[line.account_number], month}] += line.debit_cents;
      }
    }
  }

  bool IsProfitAndLoss(const std::string& title) const {
    const std::string& type = type_of.at(title);
    return type == "Income" || type == "Other Income" || type == "Cost of Goods Sold" ||
           type == "Expense" || type == "Other Expense";
  }

  std::int64_t NetIncome(int first_month, int last_month) const {
    std::int64_t income = 0;
    for (const auto& [key, debit] : by_month) {
      if (key.second >= first_month && key.second <= last_month && IsProfitAndLoss(key.first)) {
        income -= debit;
      }
    }
    return income;
  }

  std::int64_t Through(int last_month, const std::function<bool(const std::string&)>& take) const {
    std::int64_t sum = 0;
    for (const auto& [key, debit] : by_month) {
      if (key.second <= last_month && take(type_of.at(key.first))) sum += debit;
    }
    return sum;
  }
};

TEST_P(LedgerImport, DemoCompanyStatementsEqualTheGeneratorsBooksToTheCent) {
  const demo::DemoLedger ledger = Demo();
  const GeneratorBooks books(ledger);
  ImportReport report = Import(Source(Write("demo.csv", Csv(ledger))), org_);
  ASSERT_TRUE(report.clean()) << report.file_problem;
  EXPECT_EQ(report.format, ExportFormat::kGeneralLedgerClassic);
  EXPECT_EQ(report.rows_new, static_cast<std::int64_t>(LineCount(ledger)));
  EXPECT_EQ(report.rows_duplicate, 0);
  EXPECT_EQ(report.transactions_new, static_cast<std::int64_t>(ledger.transactions.size()));

  auto connection = database().Acquire();
  storage::OrgScope scope(**connection, org_);
  for (int year : {2024, 2025, 2026}) {
    auto pnl = reports::ProfitAndLoss(scope, {year * 10000 + 101, year * 10000 + 1231},
                                      reports::Columns::kTotal);
    ASSERT_TRUE(pnl.ok());
    EXPECT_EQ(pnl->Summary("net_income")->total, books.NetIncome(year * 100 + 1, year * 100 + 12))
        << year;
  }
  // Month by month, every account's row equals the generator's, and the totals their rows.
  auto monthly = reports::ProfitAndLoss(scope, {20250101, 20251231}, reports::Columns::kByMonth);
  ASSERT_TRUE(monthly.ok());
  ASSERT_EQ(monthly->columns.size(), 12u);
  int rows_checked = 0;
  for (const reports::StatementSection& section : monthly->sections) {
    std::int64_t section_total = 0;
    for (const reports::StatementRow& row : section.rows) {
      const bool credit_normal = section.key == "income" || section.key == "other_income";
      for (int month = 1; month <= 12; ++month) {
        auto found = books.by_month.find({row.account, 202500 + month});
        const std::int64_t debit = found == books.by_month.end() ? 0 : found->second;
        EXPECT_EQ(row.amounts[static_cast<std::size_t>(month - 1)], credit_normal ? -debit : debit)
            << row.account << " 2025-" << month;
      }
      section_total += row.total;
      ++rows_checked;
    }
    EXPECT_EQ(section.total, section_total) << section.key;
  }
  EXPECT_GT(rows_checked, 15);

  auto sheet = reports::BalanceSheet(scope, 20261231);
  ASSERT_TRUE(sheet.ok());
  EXPECT_EQ(sheet->Summary("total_assets")->total,
            sheet->Summary("total_liabilities_and_equity")->total);
  const auto is_asset = [](const std::string& type) {
    return type == "Bank" || type == "Accounts Receivable" || type == "Other Current Asset" ||
           type == "Fixed Asset" || type == "Other Asset";
  };
  EXPECT_EQ(sheet->Summary("total_assets")->total, books.Through(202612, is_asset));

  auto cash = reports::CashFlow(scope, {20260101, 20261231}, reports::Columns::kByMonth);
  ASSERT_TRUE(cash.ok());
  const auto is_bank = [](const std::string& type) { return type == "Bank"; };
  EXPECT_EQ(cash->Summary("cash_at_beginning")->total, books.Through(202512, is_bank));
  EXPECT_EQ(cash->Summary("cash_at_end")->total, books.Through(202612, is_bank));
  EXPECT_EQ(cash->Summary("cash_at_end")->total - cash->Summary("cash_at_beginning")->total,
            cash->Summary("net_change_in_cash")->total);

  // Aging from the derived open items equals the generator's open invoices and bills.
  for (bool receivable : {true, false}) {
    auto aging = reports::Aging(scope, receivable, 20261231);
    ASSERT_TRUE(aging.ok());
    std::map<std::string, std::int64_t> expected;
    std::int64_t expected_total = 0;
    for (const auto& item : receivable ? ledger.open_invoices : ledger.open_bills) {
      expected[item.name] += item.open_cents;
      expected_total += item.open_cents;
    }
    EXPECT_EQ(aging->total, expected_total);
    std::int64_t bucket_sum = 0;
    for (std::int64_t bucket : aging->totals) bucket_sum += bucket;
    EXPECT_EQ(bucket_sum, aging->total);
    for (const reports::AgingRow& row : aging->rows) EXPECT_EQ(row.total, expected[row.name]);
    EXPECT_EQ(aging->rows.size(), expected.size());
  }
}

TEST_P(LedgerImport, ImportingTheSameFileTwiceAddsNothing) {
  const demo::DemoLedger ledger = Demo();
  const auto path = Write("demo.csv", Csv(ledger));
  ASSERT_TRUE(Import(Source(path), org_).clean());
  const std::int64_t lines = CountLines(org_);
  ImportReport again = Import(Source(path), org_);
  ASSERT_TRUE(again.clean());
  EXPECT_EQ(again.rows_new, 0);
  EXPECT_EQ(again.rows_duplicate, lines);
  EXPECT_EQ(again.transactions_new, 0);
  EXPECT_EQ(CountLines(org_), lines);
}

TEST_P(LedgerImport, AnOverlappingExportAddsOnlyWhatIsNew) {
  const demo::DemoLedger full = Demo();
  const CalendarDate overlap_start = *CalendarDate::FromParts(2025, 1, 1);
  const CalendarDate overlap_end = *CalendarDate::FromParts(2025, 6, 30);
  demo::DemoLedger early = full;
  demo::DemoLedger late = full;
  early.transactions.clear();
  late.transactions.clear();
  std::size_t late_only_lines = 0;
  for (const auto& transaction : full.transactions) {
    if (transaction.date <= overlap_end) early.transactions.push_back(transaction);
    if (transaction.date >= overlap_start) late.transactions.push_back(transaction);
    if (transaction.date > overlap_end) late_only_lines += transaction.lines.size();
  }
  ASSERT_TRUE(Import(Source(Write("early.csv", Csv(early))), org_).clean());
  ImportReport second = Import(Source(Write("late.csv", Csv(late))), org_);
  ASSERT_TRUE(second.clean());
  EXPECT_EQ(second.rows_new, static_cast<std::int64_t>(late_only_lines));
  EXPECT_GT(second.rows_duplicate, 1000);
  EXPECT_EQ(CountLines(org_), static_cast<std::int64_t>(LineCount(full)));
}

TEST_P(LedgerImport, ABrokenRowInTheMiddleRejectsTheFileWithItsLine) {
  std::string csv = Csv(Demo());
  // Break the date of the 5,000th line: ",MM/DD/YYYY,..." becomes ",13/45/2025,...".
  std::size_t at = 0;
  for (int line = 1; line < 5000; ++line) at = csv.find("\r\n", at) + 2;
  ASSERT_EQ(csv[at], ',') << csv.substr(at, 80);  // A data row of a section.
  ASSERT_EQ(csv[at + 3], '/') << csv.substr(at, 80);
  csv.replace(at + 1, 10, "13/45/2025");
  ImportReport report = Import(Source(Write("broken.csv", csv)), org_);
  EXPECT_FALSE(report.clean());
  ASSERT_GE(report.rejections.size(), 1u);
  EXPECT_EQ(report.rejections[0].line, 5000);
  EXPECT_NE(report.rejections[0].reason.find("date"), std::string::npos);
  // The transaction the row belonged to no longer balances, and says so too.
  EXPECT_EQ(report.rows_rejected, 2);
  EXPECT_EQ(CountLines(org_), 0);
}

constexpr std::string_view kHeader =
    "Acme\r\nGeneral Ledger\r\n\r\n,Date,Transaction Type,Num,Name,Memo/Description,Split,"
    "Amount,Balance\r\n";

TEST_P(LedgerImport, AnUnbalancedTransactionIsRejected) {
  const std::string csv =
      std::string(kHeader) +
      "1000 Checking,,,,,,,,\r\n"
      ",03/02/2026,Expense,E-1,Cafe,Beans,6600 Office Supplies,-45.10,-45.10\r\n"
      "Total for 1000 Checking,,,,,,,-45.10,\r\n"
      "6600 Office Supplies,,,,,,,,\r\n"
      ",03/02/2026,Expense,E-1,Cafe,Beans,1000 Checking,45.00,45.00\r\n"
      "Total for 6600 Office Supplies,,,,,,,45.00,\r\n";
  ImportReport report = Import(Source(Write("unbalanced.csv", csv)), org_);
  EXPECT_EQ(report.rows_rejected, 1);
  ASSERT_EQ(report.rejections.size(), 1u);
  EXPECT_EQ(report.rejections[0].line, 6);
  EXPECT_NE(report.rejections[0].reason.find("does not balance"), std::string::npos);
}

TEST_P(LedgerImport, ReadsABankStatementInWindows1252) {
  // "Café" in Windows-1252, as a bank's export writes it.
  const std::string csv =
      "Date,Description,Amount,Balance\r\n"
      "01/02/2026,Caf\xE9 Lumi\xE8re,-4.50,995.50\r\n"
      "01/03/2026,Client payment,1000.00,1995.50\r\n";
  BankMapping mapping;
  mapping.date = 0;
  mapping.description = 1;
  mapping.amount = 2;
  mapping.balance = 3;
  mapping.bank_account = "1000 Checking";
  ReadOptions options(Usd());
  options.bank = mapping;
  const auto path = Write("bank.csv", csv);
  ImportSource source = Source(path, options);
  EXPECT_EQ(source.encoding, TextEncoding::kWindows1252);
  ImportReport report = Import(source, org_);
  ASSERT_TRUE(report.clean());
  EXPECT_EQ(report.rows_new, 2);
  EXPECT_EQ(report.transactions_new, 2);

  auto connection = database().Acquire();
  storage::OrgScope scope(**connection, org_);
  ledger::TransactionFilter filter;
  filter.text = "caf\xC3\xA9";
  auto found = ledger::SearchTransactions(scope, filter, std::nullopt, 10);
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ((*found)[0].memo, "Caf\xC3\xA9 Lumi\xC3\xA8re");
  EXPECT_EQ((*found)[0].total, 450);
  auto accounts = ledger::ListAccountBalances(scope, 20261231);
  ASSERT_TRUE(accounts.ok());
  std::map<std::string, std::int64_t> balances;
  for (const auto& account : *accounts) balances[account.full_name] = account.own_balance;
  EXPECT_EQ(balances["1000 Checking"], 99550);
  EXPECT_EQ(balances["Uncategorized Expense"], 450);
  EXPECT_EQ(balances["Uncategorized Income"], 100000);
}

TEST_P(LedgerImport, AnotherOrganizationSeesNoneOfIt) {
  ASSERT_TRUE(Import(Source(Write("demo.csv", Csv(Demo()))), org_).clean());
  auto connection = database().Acquire();
  storage::OrgScope mine(**connection, org_);
  storage::OrgScope theirs(**connection, other_org_);
  auto my_transactions = ledger::SearchTransactions(mine, {}, std::nullopt, 5);
  ASSERT_TRUE(my_transactions.ok());
  ASSERT_FALSE(my_transactions->empty());
  auto stolen = ledger::FindTransaction(theirs, (*my_transactions)[0].id);
  ASSERT_TRUE(stolen.ok());
  EXPECT_FALSE(stolen->has_value());
  EXPECT_TRUE(ledger::SearchTransactions(theirs, {}, std::nullopt, 5)->empty());
  EXPECT_TRUE(ledger::ListAccountBalances(theirs, 20261231)->empty());
  auto pnl = reports::ProfitAndLoss(theirs, {20240101, 20261231}, reports::Columns::kTotal);
  ASSERT_TRUE(pnl.ok());
  EXPECT_EQ(pnl->Summary("net_income")->total, 0);
  EXPECT_EQ(reports::Aging(theirs, true, 20261231)->total, 0);
  EXPECT_EQ(CountLines(other_org_), 0);
}

// DATA-6: deleting the organization deletes its books with it, and nobody else's.
TEST_P(LedgerImport, DeletingTheOrganizationDeletesItsBooks) {
  const auto path = Write("demo.csv", Csv(Demo()));
  ASSERT_TRUE(Import(Source(path), org_).clean());
  ASSERT_TRUE(Import(Source(path), other_org_).clean());
  const std::int64_t theirs = CountLines(other_org_);
  auto connection = database().Acquire();
  storage::OrgScope scope(**connection, org_);
  ASSERT_TRUE(identity::DeleteOrganization(scope, clock_).ok());
  EXPECT_EQ(CountLines(org_), 0);
  EXPECT_TRUE(ledger::ListAccountBalances(scope, 20261231)->empty());
  EXPECT_TRUE(
      ledger::ListCounterparties(scope, ledger::CounterpartyKind::kCustomer, 20261231)->empty());
  EXPECT_TRUE(ListImports(scope, std::nullopt, 10)->empty());
  EXPECT_EQ(CountLines(other_org_), theirs);
}

INSTANTIATE_TEST_SUITE_P(Backends, LedgerImport,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         storage::testing::BackendName);

}  // namespace
}  // namespace finhelm::imports

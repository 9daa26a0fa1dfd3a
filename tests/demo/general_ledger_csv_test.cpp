#include "demo/general_ledger_csv.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.hpp"
#include "demo/demo_company.hpp"

namespace finhelm::demo {
namespace {

using Row = std::vector<std::string>;

// A test-only RFC 4180 reader: rows end with CRLF, a quoted field may hold commas, doubled
// quotes and line breaks.
std::vector<Row> ReadCsv(std::string_view text) {
  std::vector<Row> rows;
  Row row;
  std::string field;
  bool quoted = false;
  for (std::size_t k = 0; k < text.size(); ++k) {
    const char c = text[k];
    if (quoted) {
      if (c == '"' && k + 1 < text.size() && text[k + 1] == '"') {
        field.push_back('"');
        ++k;
      } else if (c == '"') {
        quoted = false;
      } else {
        field.push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(field);
      field.clear();
    } else if (c == '\r' && k + 1 < text.size() && text[k + 1] == '\n') {
      row.push_back(field);
      field.clear();
      rows.push_back(row);
      row.clear();
      ++k;
    } else {
      field.push_back(c);
    }
  }
  EXPECT_TRUE(row.empty() && field.empty()) << "the last row lacks its CRLF";
  return rows;
}

std::int64_t Cents(const std::string& amount) {
  auto money = Money::Parse(amount, CurrencyCode::Parse("USD").value());
  EXPECT_TRUE(money.ok()) << amount;
  return money.ok() ? money->minor_units() : 0;
}

const DemoLedger& DefaultLedger() {
  static const DemoLedger kLedger = [] {
    auto ledger = GenerateDemoCompany(DemoOptions{});
    if (!ledger.ok()) ADD_FAILURE() << ledger.error().message;
    return ledger.ok() ? std::move(ledger).value() : DemoLedger{};
  }();
  return kLedger;
}

const std::string& DefaultCsv() {
  static const std::string kCsv = [] {
    std::ostringstream out;
    EXPECT_TRUE(WriteGeneralLedgerCsv(DefaultLedger(), out).ok());
    return out.str();
  }();
  return kCsv;
}

struct Section {
  std::string title;
  std::vector<Row> lines;
  std::string total;
};

// The account sections of a parsed report, in file order.
std::vector<Section> Sections(const std::vector<Row>& rows) {
  std::vector<Section> sections;
  for (std::size_t k = 5; k + 2 < rows.size(); ++k) {
    const Row& row = rows[k];
    EXPECT_EQ(row.size(), 9U) << "row " << k;
    if (row.size() != 9) continue;
    if (row[0].rfind("Total for ", 0) == 0) {
      EXPECT_FALSE(sections.empty());
      EXPECT_EQ(row[0], "Total for " + sections.back().title);
      sections.back().total = row[7];
    } else if (!row[0].empty()) {
      sections.push_back(Section{row[0], {}, {}});
    } else {
      EXPECT_FALSE(sections.empty());
      sections.back().lines.push_back(row);
    }
  }
  return sections;
}

DemoLedger TinyLedger() {
  DemoLedger ledger;
  ledger.company_name = "Harbor & Pine Consulting LLC";
  ledger.first_day = CalendarDate::FromParts(2024, 1, 1).value();
  ledger.last_day = CalendarDate::FromParts(2024, 1, 31).value();
  ledger.accounts = {{1000, "Checking", "Bank"},
                     {2200, "Payroll Liabilities", "Other Current Liability"},
                     {6000, "Salaries & Wages", "Expense"},
                     {6500, "Travel", "Expense"}};
  ledger.transactions = {
      {CalendarDate::FromParts(2024, 1, 2).value(),
       "Check",
       "CHK-0001",
       "Smith, \"Jo\" & Co",
       {{6500, 1'234'567'89, "Line one\nline two"}, {1000, -1'234'567'89, "plain"}}},
      {CalendarDate::FromParts(2024, 1, 15).value(),
       "Paycheck",
       "PAY-2024-01-15",
       "Payroll",
       {{6000, 50, "Gross wages"}, {2200, -20, "Withholdings"}, {1000, -30, "Net pay"}}},
  };
  return ledger;
}

TEST(GeneralLedgerCsv, WritesTheClassicLayoutExactly) {
  std::ostringstream out;
  ASSERT_TRUE(WriteGeneralLedgerCsv(TinyLedger(), out).ok());
  EXPECT_EQ(out.str(),
            "Harbor & Pine Consulting LLC\r\n"
            "General Ledger\r\n"
            "\"January 1, 2024 - January 31, 2024\"\r\n"
            "\r\n"
            ",Date,Transaction Type,Num,Name,Memo/Description,Split,Amount,Balance\r\n"
            "1000 Checking,,,,,,,,\r\n"
            ",01/02/2024,Check,CHK-0001,\"Smith, \"\"Jo\"\" & Co\",plain,6500 Travel,"
            "\"-1,234,567.89\",\"-1,234,567.89\"\r\n"
            ",01/15/2024,Paycheck,PAY-2024-01-15,Payroll,Net pay,-Split-,-0.30,"
            "\"-1,234,568.19\"\r\n"
            "Total for 1000 Checking,,,,,,,\"-1,234,568.19\",\r\n"
            "2200 Payroll Liabilities,,,,,,,,\r\n"
            ",01/15/2024,Paycheck,PAY-2024-01-15,Payroll,Withholdings,-Split-,0.20,0.20\r\n"
            "Total for 2200 Payroll Liabilities,,,,,,,0.20,\r\n"
            "6000 Salaries & Wages,,,,,,,,\r\n"
            ",01/15/2024,Paycheck,PAY-2024-01-15,Payroll,Gross wages,-Split-,0.50,0.50\r\n"
            "Total for 6000 Salaries & Wages,,,,,,,0.50,\r\n"
            "6500 Travel,,,,,,,,\r\n"
            ",01/02/2024,Check,CHK-0001,\"Smith, \"\"Jo\"\" & Co\",\"Line one\nline two\","
            "1000 Checking,\"1,234,567.89\",\"1,234,567.89\"\r\n"
            "Total for 6500 Travel,,,,,,,\"1,234,567.89\",\r\n"
            ",,,,,,,,\r\n"
            "\"Accrual Basis Wednesday, January 31, 2024 08:00 AM GMT-05:00\"\r\n");
}

TEST(GeneralLedgerCsv, RejectsALineOnAnUnlistedAccount) {
  DemoLedger ledger = TinyLedger();
  ledger.accounts.pop_back();
  std::ostringstream out;
  const Status status = WriteGeneralLedgerCsv(ledger, out);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kInvalidArgument);
}

TEST(GeneralLedgerCsv, ReportsAFailedStream) {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  const Status status = WriteGeneralLedgerCsv(TinyLedger(), out);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kUnavailable);
}

TEST(GeneralLedgerCsv, DemoReportHasHeaderFooterAndCrlfOnly) {
  const std::string& csv = DefaultCsv();
  EXPECT_EQ(csv.rfind("Harbor & Pine Consulting LLC\r\nGeneral Ledger\r\n"
                      "\"January 1, 2024 - December 31, 2026\"\r\n\r\n"
                      ",Date,Transaction Type,Num,Name,Memo/Description,Split,Amount,Balance\r\n",
                      0),
            0U);
  const std::string footer =
      ",,,,,,,,\r\n\"Accrual Basis Thursday, December 31, 2026 08:00 AM GMT-05:00\"\r\n";
  ASSERT_GT(csv.size(), footer.size());
  EXPECT_EQ(csv.substr(csv.size() - footer.size()), footer);
  for (std::size_t k = 0; k < csv.size(); ++k) {
    if (csv[k] == '\n') {
      ASSERT_TRUE(k > 0 && csv[k - 1] == '\r') << "bare LF at byte " << k;
    }
  }
  EXPECT_NE(csv.find("\"Smith, Jones & Co\""), std::string::npos);
  EXPECT_NE(csv.find("Caf\xc3\xa9 Lumi\xc3\xa8re"), std::string::npos);
}

TEST(GeneralLedgerCsv, SectionTotalsAndBalancesAddUp) {
  const std::vector<Section> sections = Sections(ReadCsv(DefaultCsv()));
  ASSERT_FALSE(sections.empty());
  for (const Section& section : sections) {
    ASSERT_FALSE(section.lines.empty()) << section.title;
    std::int64_t running = 0;
    for (const Row& line : section.lines) {
      running += Cents(line[7]);
      ASSERT_EQ(Cents(line[8]), running) << section.title << " " << line[3];
    }
    EXPECT_EQ(Cents(section.total), running) << section.title;
    EXPECT_EQ(Cents(section.lines.back()[8]), Cents(section.total)) << section.title;
  }
}

TEST(GeneralLedgerCsv, SectionsMatchTheLedgerInNaturalSign) {
  const DemoLedger& ledger = DefaultLedger();
  const std::vector<Section> sections = Sections(ReadCsv(DefaultCsv()));
  ASSERT_EQ(sections.size(), ledger.accounts.size());
  std::map<int, std::int64_t> debits;
  std::map<int, std::size_t> line_counts;
  for (const DemoTransaction& transaction : ledger.transactions) {
    for (const DemoLine& line : transaction.lines) {
      debits[line.account_number] += line.debit_cents;
      ++line_counts[line.account_number];
    }
  }
  for (std::size_t k = 0; k < sections.size(); ++k) {
    const DemoAccount& account = ledger.accounts[k];
    ASSERT_EQ(sections[k].title, account.Title());
    std::int64_t sum = 0;
    for (const Row& line : sections[k].lines) sum += Cents(line[7]);
    EXPECT_EQ(sum * NaturalSign(account.type), debits[account.number]) << account.Title();
    EXPECT_EQ(sections[k].lines.size(), line_counts[account.number]) << account.Title();
  }
}

std::string UsDate(const CalendarDate& date) {
  char text[16];
  std::snprintf(text, sizeof(text), "%02d/%02d/%04d", date.month(), date.day(), date.year());
  return text;
}

TEST(GeneralLedgerCsv, RowsCarryTheTransactionAndSplitTheOtherAccount) {
  const DemoLedger& ledger = DefaultLedger();
  std::map<int, std::string> titles;
  for (const DemoAccount& account : ledger.accounts) titles[account.number] = account.Title();
  // (date, type, num, name) is unique, so it finds the transaction behind a row.
  std::map<std::vector<std::string>, const DemoTransaction*> by_key;
  for (const DemoTransaction& transaction : ledger.transactions) {
    by_key[{UsDate(transaction.date), transaction.type, transaction.num, transaction.name}] =
        &transaction;
  }
  for (const Section& section : Sections(ReadCsv(DefaultCsv()))) {
    for (const Row& row : section.lines) {
      const auto found = by_key.find({row[1], row[2], row[3], row[4]});
      ASSERT_NE(found, by_key.end()) << row[1] << " " << row[3];
      const DemoTransaction& transaction = *found->second;
      std::string expected_split = "-Split-";
      bool has_line = false;
      for (std::size_t k = 0; k < transaction.lines.size(); ++k) {
        if (titles[transaction.lines[k].account_number] != section.title) continue;
        has_line = true;
        if (transaction.lines[k].memo == row[5] && transaction.lines.size() == 2) {
          expected_split = titles[transaction.lines[1 - k].account_number];
        }
      }
      EXPECT_TRUE(has_line) << row[3] << " listed under " << section.title;
      EXPECT_EQ(row[6], expected_split) << row[3] << " under " << section.title;
    }
  }
}

}  // namespace
}  // namespace finhelm::demo

#include "demo/general_ledger_csv.hpp"

#include <cstdio>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.hpp"
#include "demo/internal/demo_calendar.hpp"

namespace finhelm::demo {
namespace {

constexpr std::string_view kEndOfLine = "\r\n";
constexpr std::string_view kSplit = "-Split-";
constexpr std::string_view kColumns =
    ",Date,Transaction Type,Num,Name,Memo/Description,Split,Amount,Balance";
constexpr std::string_view kReportTime = " 08:00 AM GMT-05:00";

struct SectionLine {
  const DemoTransaction* transaction;
  const DemoLine* line;
};

std::string Field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted.push_back('"');
    quoted.push_back(c);
  }
  quoted.push_back('"');
  return quoted;
}

void WriteRow(std::ostream& out, const std::vector<std::string>& fields) {
  for (std::size_t k = 0; k < fields.size(); ++k) {
    if (k > 0) out << ',';
    out << Field(fields[k]);
  }
  out << kEndOfLine;
}

std::string Amount(std::int64_t cents) {
  static const CurrencyCode kUsd = CurrencyCode::Parse("USD").value();
  return Money::FromMinorUnits(cents, kUsd).ToGroupedString();
}

std::string UsDate(const CalendarDate& date) {
  char text[16];
  std::snprintf(text, sizeof(text), "%02d/%02d/%04d", date.month(), date.day(), date.year());
  return text;
}

// "December 31, 2026".
std::string LongDate(const CalendarDate& date) {
  return std::string(MonthName(date.month())) + " " + std::to_string(date.day()) + ", " +
         std::to_string(date.year());
}

std::string_view WeekdayName(const CalendarDate& date) {
  static constexpr std::string_view kNames[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                "Friday", "Saturday", "Sunday"};
  return kNames[date.IsoWeekday() - 1];
}

std::string SplitOf(const DemoTransaction& transaction, const DemoLine& line,
                    const std::map<int, const DemoAccount*>& accounts) {
  if (transaction.lines.size() != 2) return std::string(kSplit);
  const DemoLine& other =
      &transaction.lines[0] == &line ? transaction.lines[1] : transaction.lines[0];
  return accounts.at(other.account_number)->Title();
}

}  // namespace

Status WriteGeneralLedgerCsv(const DemoLedger& ledger, std::ostream& out) {
  std::map<int, const DemoAccount*> accounts;
  for (const DemoAccount& account : ledger.accounts) accounts[account.number] = &account;
  std::map<int, std::vector<SectionLine>> sections;
  for (const DemoTransaction& transaction : ledger.transactions) {
    for (const DemoLine& line : transaction.lines) {
      if (!accounts.contains(line.account_number)) {
        return MakeError(ErrorCode::kInvalidArgument,
                         "general ledger: no account " + std::to_string(line.account_number));
      }
      sections[line.account_number].push_back(SectionLine{&transaction, &line});
    }
  }

  WriteRow(out, {ledger.company_name});
  WriteRow(out, {"General Ledger"});
  WriteRow(out, {LongDate(ledger.first_day) + " - " + LongDate(ledger.last_day)});
  out << kEndOfLine << kColumns << kEndOfLine;
  for (const auto& [number, lines] : sections) {
    const DemoAccount& account = *accounts.at(number);
    const std::string title = account.Title();
    const int sign = NaturalSign(account.type);
    WriteRow(out, {title, "", "", "", "", "", "", "", ""});
    std::int64_t balance = 0;
    for (const SectionLine& entry : lines) {
      const DemoTransaction& transaction = *entry.transaction;
      const std::int64_t amount = entry.line->debit_cents * sign;
      balance += amount;
      WriteRow(out, {"", UsDate(transaction.date), transaction.type, transaction.num,
                     transaction.name, entry.line->memo,
                     SplitOf(transaction, *entry.line, accounts), Amount(amount), Amount(balance)});
    }
    WriteRow(out, {"Total for " + title, "", "", "", "", "", "", Amount(balance), ""});
  }
  WriteRow(out, {"", "", "", "", "", "", "", "", ""});
  WriteRow(out, {"Accrual Basis " + std::string(WeekdayName(ledger.last_day)) + ", " +
                 LongDate(ledger.last_day) + std::string(kReportTime)});
  out.flush();
  if (!out) return MakeError(ErrorCode::kUnavailable, "general ledger: the stream failed");
  return Status::Ok();
}

}  // namespace finhelm::demo

#include "imports/budget_rows.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <utility>

#include "imports/amount_text.hpp"
#include "imports/layout.hpp"

namespace finhelm::imports {
namespace {

constexpr std::array<std::string_view, 12> kMonthNames{
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

// Lines of the report that are computed from other rows, not budgets of an account.
constexpr std::array<std::string_view, 6> kComputedRows{"grossprofit",        "netincome",
                                                        "netoperatingincome", "netotherincome",
                                                        "netrevenue",         "netearnings"};

std::optional<int> Digits(std::string_view text) {
  int value = 0;
  if (text.empty() || text.size() > 4) return std::nullopt;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// "January", "Jan" or "Jan." -> 1..12.
std::optional<int> MonthOfName(std::string_view word) {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  if (word.size() < 3) return std::nullopt;
  std::string lower;
  for (char c : word) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalpha(byte) == 0) return std::nullopt;
    lower.push_back(static_cast<char>(std::tolower(byte)));
  }
  for (std::size_t i = 0; i < kMonthNames.size(); ++i) {
    const std::string_view name = kMonthNames[i];
    if (lower == name || (lower.size() == 3 && name.starts_with(lower))) {
      return static_cast<int>(i) + 1;
    }
  }
  return std::nullopt;
}

std::optional<CalendarDate> FirstOfMonth(int year, int month) {
  if (month < 1 || month > 12) return std::nullopt;
  auto date = CalendarDate::FromParts(year, month, 1);
  if (!date.ok()) return std::nullopt;
  return *date;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool IsTotalOrComputed(std::string_view label) {
  const std::string normalized = NormalizeHeaderCell(label);
  if (normalized.starts_with("total")) return true;
  for (std::string_view computed : kComputedRows) {
    if (normalized == computed) return true;
  }
  return false;
}

}  // namespace

std::optional<CalendarDate> ParseMonthLabel(std::string_view label) {
  label = Trim(label);
  if (label.empty()) return std::nullopt;
  const std::size_t separator = label.find_first_of(" -/");
  if (separator == std::string_view::npos) return std::nullopt;
  const std::string_view first = label.substr(0, separator);
  const std::string_view second = Trim(label.substr(separator + 1));
  if (std::isalpha(static_cast<unsigned char>(first.front())) != 0) {
    auto month = MonthOfName(first);
    auto year = Digits(second);
    if (!month || !year) return std::nullopt;
    if (second.size() == 2) return FirstOfMonth(2000 + *year, *month);
    if (second.size() != 4) return std::nullopt;
    return FirstOfMonth(*year, *month);
  }
  auto a = Digits(first);
  auto b = Digits(second);
  if (!a || !b) return std::nullopt;
  if (first.size() == 4 && label[separator] == '-' && second.size() == 2) {
    return FirstOfMonth(*a, *b);  // 2026-01
  }
  if (second.size() == 4 && label[separator] == '/' && first.size() <= 2) {
    return FirstOfMonth(*b, *a);  // 01/2026
  }
  return std::nullopt;
}

std::vector<std::optional<CalendarDate>> BudgetHeaderMonths(std::span<const std::string> cells) {
  if (cells.size() < 2) return {};
  const std::string first = NormalizeHeaderCell(cells[0]);
  if (!first.empty() && first != "account" && first != "accounts") return {};
  std::vector<std::optional<CalendarDate>> months{std::nullopt};
  int found = 0;
  for (std::size_t i = 1; i < cells.size(); ++i) {
    const std::string_view cell = Trim(cells[i]);
    auto month = ParseMonthLabel(cell);
    if (month) {
      ++found;
    } else if (!cell.empty() && NormalizeHeaderCell(cell) != "total") {
      return {};
    }
    months.push_back(month);
  }
  if (found == 0) return {};
  return months;
}

BudgetRowReader::BudgetRowReader(std::vector<std::optional<CalendarDate>> months,
                                 const ReadOptions& options)
    : months_(std::move(months)), options_(options) {}

RowOutcome BudgetRowReader::Read(const CsvRecord& record, BudgetRow& row,
                                 RowRejection& rejection) const {
  row.line = record.line;
  row.account.assign(TrimmedCell(record, 0));
  row.cells.clear();
  if (row.account.empty() || IsTotalOrComputed(row.account)) return RowOutcome::kSkipped;
  for (std::size_t column = 1; column < months_.size(); ++column) {
    if (!months_[column]) continue;
    const std::string_view text = TrimmedCell(record, static_cast<int>(column));
    if (text.empty()) continue;
    auto amount = ParseExportAmount(text, options_.currency, options_.amount_style);
    if (!amount.ok()) {
      rejection = {record.line, "the amount \"" + std::string(text) + "\" for " +
                                    months_[column]->ToIso().substr(0, 7) +
                                    " is not an amount: " + amount.error().message};
      return RowOutcome::kRejected;
    }
    row.cells.push_back({*months_[column], amount->minor_units()});
  }
  // A section or a parent account without amounts of its own.
  if (row.cells.empty()) return RowOutcome::kSkipped;
  return RowOutcome::kLines;
}

}  // namespace finhelm::imports

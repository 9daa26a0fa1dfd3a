#include "imports/date_text.hpp"

namespace finhelm::imports {
namespace {

Error BadDate(const char* why) { return MakeError(ErrorCode::kInvalidArgument, why); }

// Reads 1 to `max_digits` digits from the front of `text`; -1 when there are none.
int TakeNumber(std::string_view& text, std::size_t max_digits) {
  int value = 0;
  std::size_t digits = 0;
  while (digits < text.size() && digits <= max_digits && text[digits] >= '0' &&
         text[digits] <= '9') {
    value = value * 10 + (text[digits] - '0');
    ++digits;
  }
  if (digits == 0 || digits > max_digits) return -1;
  text.remove_prefix(digits);
  return value;
}

}  // namespace

const char* DateOrderName(DateOrder order) {
  return order == DateOrder::kMonthFirst ? "month-first" : "day-first";
}

Result<CalendarDate> ParseExportDate(std::string_view text, DateOrder order) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    auto iso = CalendarDate::ParseIso(text);
    if (!iso.ok()) return BadDate("not a date");
    return iso;
  }
  std::string_view rest = text;
  const int first = TakeNumber(rest, 2);
  if (first < 0 || rest.empty()) return BadDate("not a date");
  const std::string_view separator = rest.substr(0, 1);
  if (separator != "/" && separator != "-" && separator != ".") return BadDate("not a date");
  rest.remove_prefix(1);
  const int second = TakeNumber(rest, 2);
  if (second < 0 || !rest.starts_with(separator)) return BadDate("not a date");
  rest.remove_prefix(1);
  const std::size_t year_digits = rest.size();
  int year = TakeNumber(rest, 4);
  if (year < 0 || !rest.empty() || (year_digits != 2 && year_digits != 4)) {
    return BadDate("not a date");
  }
  if (year_digits == 2) year += year < 70 ? 2000 : 1900;
  const int month = order == DateOrder::kMonthFirst ? first : second;
  const int day = order == DateOrder::kMonthFirst ? second : first;
  auto date = CalendarDate::FromParts(year, month, day);
  if (!date.ok()) return BadDate("not a day of the calendar");
  return date;
}

}  // namespace finhelm::imports

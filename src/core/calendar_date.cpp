#include "core/calendar_date.hpp"

#include <chrono>
#include <cstdio>

namespace finhelm {
namespace {

Error BadDate(std::string message) {
  return MakeError(ErrorCode::kInvalidArgument, std::move(message));
}

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

bool ReadDigits(std::string_view text, int& value) {
  value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  return !text.empty();
}

}  // namespace

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

Result<CalendarDate> CalendarDate::FromParts(int year, int month, int day) {
  if (year < kMinYear || year > kMaxYear) return BadDate("year out of range");
  if (month < 1 || month > 12) return BadDate("month out of range");
  if (day < 1 || day > finhelm::DaysInMonth(year, month)) return BadDate("day out of range");
  return CalendarDate(year, month, day);
}

Result<CalendarDate> CalendarDate::FromNumber(std::int64_t yyyymmdd) {
  if (yyyymmdd < 0 || yyyymmdd > 99991231) return BadDate("not a YYYYMMDD date");
  return FromParts(static_cast<int>(yyyymmdd / 10000), static_cast<int>(yyyymmdd / 100 % 100),
                   static_cast<int>(yyyymmdd % 100));
}

Result<CalendarDate> CalendarDate::FromDays(std::int64_t days_since_epoch) {
  // Outside about ±300 years of the epoch the value cannot be a supported date; checking
  // first keeps the chrono arithmetic far from overflow.
  constexpr std::int64_t kFarFromTheEpoch = std::int64_t{30000} * 12;
  if (days_since_epoch < -kFarFromTheEpoch || days_since_epoch > kFarFromTheEpoch) {
    return BadDate("day count out of range");
  }
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days_since_epoch}}};
  return FromParts(static_cast<int>(ymd.year()), static_cast<int>(unsigned{ymd.month()}),
                   static_cast<int>(unsigned{ymd.day()}));
}

Result<CalendarDate> CalendarDate::ParseIso(std::string_view text) {
  int year = 0;
  int month = 0;
  int day = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' ||
      !ReadDigits(text.substr(0, 4), year) || !ReadDigits(text.substr(5, 2), month) ||
      !ReadDigits(text.substr(8, 2), day)) {
    return BadDate("expected YYYY-MM-DD");
  }
  return FromParts(year, month, day);
}

std::int64_t CalendarDate::DaysSinceEpoch() const {
  const std::chrono::year_month_day ymd{std::chrono::year{year_},
                                        std::chrono::month{static_cast<unsigned>(month_)},
                                        std::chrono::day{static_cast<unsigned>(day_)}};
  return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

std::string CalendarDate::ToIso() const {
  char text[16];
  std::snprintf(text, sizeof(text), "%04d-%02d-%02d", year_, month_, day_);
  return text;
}

int CalendarDate::IsoWeekday() const {
  // 1970-01-01 was a Thursday (ISO day 4).
  const std::int64_t offset = (DaysSinceEpoch() + 3) % 7;
  return static_cast<int>(offset < 0 ? offset + 7 : offset) + 1;
}

int CalendarDate::DaysInMonth() const { return finhelm::DaysInMonth(year_, month_); }

Result<CalendarDate> CalendarDate::PlusDays(std::int64_t days) const {
  if (days < -200000 || days > 200000) return BadDate("day offset out of range");
  return FromDays(DaysSinceEpoch() + days);
}

Result<CalendarDate> CalendarDate::PlusMonths(int months) const {
  if (months < -12 * 400 || months > 12 * 400) return BadDate("month offset out of range");
  const int index = year_ * 12 + (month_ - 1) + months;
  const int year = index / 12;
  const int month = index % 12 + 1;
  const int last = finhelm::DaysInMonth(year, month);
  return FromParts(year, month, day_ < last ? day_ : last);
}

}  // namespace finhelm

#include "demo/internal/demo_calendar.hpp"

#include <utility>

namespace finhelm::demo {

CalendarDate DateOf(DayNumber day) { return CalendarDate::FromDays(day).value(); }

int IsoWeekday(DayNumber day) {
  // 1970-01-01 was a Thursday (ISO day 4).
  const DayNumber offset = (day + 3) % 7;
  return static_cast<int>(offset < 0 ? offset + 7 : offset) + 1;
}

const char* MonthName(int month) {
  static constexpr const char* kNames[] = {"January",   "February", "March",    "April",
                                           "May",       "June",     "July",     "August",
                                           "September", "October",  "November", "December"};
  return month >= 1 && month <= 12 ? kNames[month - 1] : "";
}

std::string MonthLabel(const LedgerMonth& month) {
  return std::string(MonthName(month.month)) + " " + std::to_string(month.year);
}

bool IsBusinessDay(DayNumber day) {
  if (IsoWeekday(day) > 5) return false;
  const CalendarDate date = DateOf(day);
  const int month_day = date.month() * 100 + date.day();
  return month_day != 101 && month_day != 704 && month_day != 1225;
}

DayNumber BusinessDayOnOrAfter(DayNumber day) {
  while (!IsBusinessDay(day)) ++day;
  return day;
}

DayNumber BusinessDayOnOrBefore(DayNumber day) {
  while (!IsBusinessDay(day)) --day;
  return day;
}

Result<LedgerCalendar> LedgerCalendar::EndingOn(CalendarDate last_day) {
  if (last_day.year() < CalendarDate::kMinYear + 3 || last_day.year() >= CalendarDate::kMaxYear) {
    return MakeError(ErrorCode::kInvalidArgument, "demo last_day out of the supported years");
  }
  std::vector<LedgerMonth> months;
  months.reserve(kMonths);
  auto first = last_day.FirstOfMonth().PlusMonths(1 - kMonths);
  if (!first.ok()) return first.error();
  CalendarDate month_start = *first;
  for (int index = 0; index < kMonths; ++index) {
    LedgerMonth month;
    month.index = index;
    month.year = month_start.year();
    month.month = month_start.month();
    month.first = month_start.DaysSinceEpoch();
    month.last = month_start.LastOfMonth().DaysSinceEpoch();
    months.push_back(month);
    auto next = month_start.PlusMonths(1);
    if (!next.ok()) return next.error();
    month_start = *next;
  }
  return LedgerCalendar(std::move(months), last_day.DaysSinceEpoch());
}

int LedgerCalendar::MonthIndexOf(DayNumber day) const {
  for (const LedgerMonth& month : months_) {
    if (day >= month.first && day <= month.last) return month.index;
  }
  return -1;
}

DayNumber LedgerCalendar::BusinessDayNear(const LedgerMonth& month, int day_of_month) {
  const int clamped =
      day_of_month < 1 ? 1 : (day_of_month > month.days() ? month.days() : day_of_month);
  const DayNumber day = BusinessDayOnOrAfter(month.first + clamped - 1);
  return day <= month.last ? day : BusinessDayOnOrBefore(month.first + clamped - 1);
}

DayNumber LedgerCalendar::LastBusinessDay(const LedgerMonth& month) {
  return BusinessDayOnOrBefore(month.last);
}

}  // namespace finhelm::demo

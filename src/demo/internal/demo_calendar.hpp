// The demo ledger's calendar (internal to finhelm_demo): day numbers, business days and the
// 36 ledger months.
//
// Generators work on day numbers (days since 1970-01-01) because they add and compare days
// constantly; a CalendarDate is made only when a transaction is finalized.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "core/calendar_date.hpp"
#include "core/result.hpp"

namespace finhelm::demo {

using DayNumber = std::int64_t;

// A day that never comes: the pay day of an item that stays unpaid.
inline constexpr DayNumber kNever = std::numeric_limits<DayNumber>::max() / 4;

// The date of a day inside the supported calendar (LedgerCalendar checks the range once).
CalendarDate DateOf(DayNumber day);

// Monday to Friday, except New Year's Day, Independence Day and Christmas Day.
bool IsBusinessDay(DayNumber day);
DayNumber BusinessDayOnOrAfter(DayNumber day);
DayNumber BusinessDayOnOrBefore(DayNumber day);
// 1 = Monday ... 7 = Sunday.
int IsoWeekday(DayNumber day);
// "January" for 1 ... "December" for 12.
const char* MonthName(int month);

struct LedgerMonth {
  int index = 0;  // 0 for the first ledger month.
  int year = 0;
  int month = 0;  // 1..12
  DayNumber first = 0;
  DayNumber last = 0;  // The month's last day, even when it is after the ledger's last day.
  int days() const { return static_cast<int>(last - first + 1); }
};

// "March 2024".
std::string MonthLabel(const LedgerMonth& month);

class LedgerCalendar {
 public:
  static constexpr int kMonths = 36;

  // The 36 whole months ending with `last_day`'s month. Fails with kInvalidArgument when
  // they, or a year after them, fall outside CalendarDate's supported years.
  static Result<LedgerCalendar> EndingOn(CalendarDate last_day);

  DayNumber first_day() const { return months_.front().first; }
  DayNumber last_day() const { return last_day_; }
  const std::vector<LedgerMonth>& months() const { return months_; }
  bool Covers(DayNumber day) const { return day >= first_day() && day <= last_day_; }
  // The index of the ledger month holding `day`, -1 outside the ledger.
  int MonthIndexOf(DayNumber day) const;
  // The business day nearest to `day_of_month` (clamped to the month's length) in `month`:
  // on or after it, or on or before it when the month has no business day left.
  static DayNumber BusinessDayNear(const LedgerMonth& month, int day_of_month);
  // The last business day of `month`.
  static DayNumber LastBusinessDay(const LedgerMonth& month);

 private:
  LedgerCalendar(std::vector<LedgerMonth> months, DayNumber last_day)
      : months_(std::move(months)), last_day_(last_day) {}

  std::vector<LedgerMonth> months_;
  DayNumber last_day_;
};

}  // namespace finhelm::demo

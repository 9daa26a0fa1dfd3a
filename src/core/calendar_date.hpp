// CalendarDate: a day of the proleptic Gregorian calendar, without a time or a zone.
//
// Ledger dates are civil dates: a transaction posted on 2026-03-31 belongs to March in
// every time zone, so FinHelm never turns them into instants. Stored as the integer
// YYYYMMDD (20260331), which sorts like the date, groups by month with `/ 100` in SQL,
// and reads back without a parser.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace finhelm {

class CalendarDate {
 public:
  // The years FinHelm accepts: enough for any ledger, small enough that the day count and
  // YYYYMMDD fit comfortably in 32 bits.
  static constexpr int kMinYear = 1900;
  static constexpr int kMaxYear = 2199;

  // 1970-01-01, so that records holding a date can be built before they are filled in.
  CalendarDate() : CalendarDate(1970, 1, 1) {}

  // Fails with kInvalidArgument unless the three parts name a real day (no 30 February)
  // in [kMinYear, kMaxYear].
  static Result<CalendarDate> FromParts(int year, int month, int day);
  // From YYYYMMDD, as stored.
  static Result<CalendarDate> FromNumber(std::int64_t yyyymmdd);
  // From days since 1970-01-01 (negative before it).
  static Result<CalendarDate> FromDays(std::int64_t days_since_epoch);
  // Exactly "YYYY-MM-DD" (ISO 8601 calendar date, the API's form).
  static Result<CalendarDate> ParseIso(std::string_view text);

  int year() const { return year_; }
  int month() const { return month_; }
  int day() const { return day_; }

  std::int32_t Number() const { return year_ * 10000 + month_ * 100 + day_; }
  std::int64_t DaysSinceEpoch() const;
  std::string ToIso() const;
  // 1 = Monday ... 7 = Sunday (ISO 8601).
  int IsoWeekday() const;
  int DaysInMonth() const;

  // Days later (or earlier when negative); fails outside the supported years.
  Result<CalendarDate> PlusDays(std::int64_t days) const;
  // The same day `months` later, clamped to the month's last day (Jan 31 + 1 = Feb 28).
  Result<CalendarDate> PlusMonths(int months) const;
  CalendarDate FirstOfMonth() const { return CalendarDate(year_, month_, 1); }
  CalendarDate LastOfMonth() const { return CalendarDate(year_, month_, DaysInMonth()); }

  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads the defaulted operator.
  friend auto operator<=>(const CalendarDate&, const CalendarDate&) = default;

 private:
  CalendarDate(int year, int month, int day) : year_(year), month_(month), day_(day) {}

  int year_;
  int month_;
  int day_;
};

// Days in `month` of `year`, 0 for a month outside 1..12.
int DaysInMonth(int year, int month);

}  // namespace finhelm

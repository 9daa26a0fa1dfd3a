#include "core/calendar_date.hpp"

#include <gtest/gtest.h>

namespace finhelm {
namespace {

CalendarDate Date(int year, int month, int day) {
  auto date = CalendarDate::FromParts(year, month, day);
  EXPECT_TRUE(date.ok()) << year << "-" << month << "-" << day;
  return *date;
}

TEST(CalendarDate, RefusesDaysThatDoNotExist) {
  EXPECT_FALSE(CalendarDate::FromParts(2026, 2, 29).ok());
  EXPECT_TRUE(CalendarDate::FromParts(2024, 2, 29).ok());
  EXPECT_FALSE(CalendarDate::FromParts(1900, 2, 29).ok());  // Divisible by 100, not by 400.
  EXPECT_TRUE(CalendarDate::FromParts(2000, 2, 29).ok());
  EXPECT_FALSE(CalendarDate::FromParts(2026, 4, 31).ok());
  EXPECT_FALSE(CalendarDate::FromParts(2026, 13, 1).ok());
  EXPECT_FALSE(CalendarDate::FromParts(2026, 0, 1).ok());
  EXPECT_FALSE(CalendarDate::FromParts(2026, 1, 0).ok());
  EXPECT_FALSE(CalendarDate::FromParts(1899, 12, 31).ok());
  EXPECT_FALSE(CalendarDate::FromParts(2200, 1, 1).ok());
}

TEST(CalendarDate, NumberRoundTrips) {
  EXPECT_EQ(Date(2026, 3, 31).Number(), 20260331);
  auto back = CalendarDate::FromNumber(20260331);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, Date(2026, 3, 31));
  EXPECT_FALSE(CalendarDate::FromNumber(20260231).ok());
  EXPECT_FALSE(CalendarDate::FromNumber(-1).ok());
}

TEST(CalendarDate, CountsDaysFromTheEpoch) {
  EXPECT_EQ(Date(1970, 1, 1).DaysSinceEpoch(), 0);
  EXPECT_EQ(Date(1969, 12, 31).DaysSinceEpoch(), -1);
  EXPECT_EQ(Date(2000, 3, 1).DaysSinceEpoch(), 11017);
  for (std::int64_t days : {-25567, -1, 0, 1, 11016, 11017, 20791, 60000}) {
    auto date = CalendarDate::FromDays(days);
    ASSERT_TRUE(date.ok()) << days;
    EXPECT_EQ(date->DaysSinceEpoch(), days);
  }
}

TEST(CalendarDate, ParsesAndFormatsIso) {
  auto date = CalendarDate::ParseIso("2024-02-29");
  ASSERT_TRUE(date.ok());
  EXPECT_EQ(date->ToIso(), "2024-02-29");
  for (const char* bad : {"2024-2-29", "2024-02-30", "20240229", "2024-02-29T00", "", "abcd-ef-gh",
                          "+024-02-01", "2024/02/01"}) {
    EXPECT_FALSE(CalendarDate::ParseIso(bad).ok()) << bad;
  }
}

TEST(CalendarDate, KnowsTheWeekday) {
  EXPECT_EQ(Date(1970, 1, 1).IsoWeekday(), 4);   // Thursday
  EXPECT_EQ(Date(2026, 12, 4).IsoWeekday(), 5);  // Friday
  EXPECT_EQ(Date(2026, 12, 6).IsoWeekday(), 7);  // Sunday
  EXPECT_EQ(Date(1969, 12, 29).IsoWeekday(), 1);
}

TEST(CalendarDate, AddsDaysAndClampsMonths) {
  auto next = Date(2024, 12, 31).PlusDays(1);
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(*next, Date(2025, 1, 1));
  auto february = Date(2025, 1, 31).PlusMonths(1);
  ASSERT_TRUE(february.ok());
  EXPECT_EQ(*february, Date(2025, 2, 28));
  auto back = Date(2025, 3, 31).PlusMonths(-13);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, Date(2024, 2, 29));
  EXPECT_FALSE(Date(2199, 12, 31).PlusDays(1).ok());
  EXPECT_EQ(Date(2024, 2, 10).LastOfMonth(), Date(2024, 2, 29));
  EXPECT_EQ(Date(2024, 2, 10).FirstOfMonth(), Date(2024, 2, 1));
}

}  // namespace
}  // namespace finhelm

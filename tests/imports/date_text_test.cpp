#include "imports/date_text.hpp"

#include <gtest/gtest.h>

namespace finhelm::imports {
namespace {

std::int32_t Number(std::string_view text, DateOrder order = DateOrder::kMonthFirst) {
  auto date = ParseExportDate(text, order);
  EXPECT_TRUE(date.ok()) << text;
  return date.ok() ? date->Number() : 0;
}

TEST(ExportDate, ReadsUsDates) {
  EXPECT_EQ(Number("03/31/2026"), 20260331);
  EXPECT_EQ(Number("3/1/2026"), 20260301);
  EXPECT_EQ(Number("03-31-2026"), 20260331);
  EXPECT_EQ(Number("12/31/99"), 19991231);
  EXPECT_EQ(Number("01/02/26"), 20260102);
  EXPECT_EQ(Number(" 2026-03-31 "), 20260331);
}

TEST(ExportDate, ReadsDayFirstDates) {
  EXPECT_EQ(Number("31/03/2026", DateOrder::kDayFirst), 20260331);
  EXPECT_EQ(Number("31.03.2026", DateOrder::kDayFirst), 20260331);
  EXPECT_EQ(Number("2026-03-31", DateOrder::kDayFirst), 20260331);
}

TEST(ExportDate, RefusesWhatIsNotADay) {
  for (const char* bad :
       {"", "31/03/2026", "02/30/2026", "13/01/2026", "1/1/126", "1/1", "1/1/2026/1", "01/02-2026",
        "Jan 5, 2026", "2026-3-31", "003/01/2026", "03/31/2026 10:00", "0/1/2026", "-1/1/2026"}) {
    EXPECT_FALSE(ParseExportDate(bad, DateOrder::kMonthFirst).ok()) << bad;
  }
}

}  // namespace
}  // namespace finhelm::imports

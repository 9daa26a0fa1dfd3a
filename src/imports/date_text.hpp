// Dates as CSV exports write them, read into CalendarDate.
//
// ISO "2026-03-31" is always accepted. Otherwise the order of day and month is the
// export's (a US QuickBooks company writes month first; PROTOCOLS.md): "03/31/2026",
// "3/31/2026", "03-31-2026", "03.31.2026", and two-digit years ("03/31/26", read as
// 2000-2069 or 1970-1999). No names of months, no times: a cell holding anything else
// is refused with kInvalidArgument.
#pragma once

#include <string_view>

#include "core/calendar_date.hpp"
#include "core/result.hpp"

namespace finhelm::imports {

enum class DateOrder { kMonthFirst, kDayFirst };

// "month-first" / "day-first".
const char* DateOrderName(DateOrder order);

Result<CalendarDate> ParseExportDate(std::string_view text, DateOrder order);

}  // namespace finhelm::imports

// Fuzzes the amount and date forms of CSV exports (PROTOCOLS.md). The first byte picks
// the currency, the decimal style and the date order; the rest is the cell. An amount
// that parses must read back exactly from its canonical text; a date that parses must be
// a real day that reads back from its ISO form.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "imports/amount_text.hpp"
#include "imports/date_text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  constexpr std::string_view kCodes[] = {"USD", "JPY", "KWD", "EUR"};
  const auto currency = *finhelm::CurrencyCode::Parse(kCodes[data[0] % 4]);
  const auto style = (data[0] & 4) != 0 ? finhelm::imports::AmountStyle::kDecimalComma
                                        : finhelm::imports::AmountStyle::kDecimalPoint;
  const auto order = (data[0] & 8) != 0 ? finhelm::imports::DateOrder::kDayFirst
                                        : finhelm::imports::DateOrder::kMonthFirst;
  const std::string_view cell(reinterpret_cast<const char*>(data) + 1, size - 1);

  auto amount = finhelm::imports::ParseExportAmount(cell, currency, style);
  if (amount.ok()) {
    auto again = finhelm::imports::ParseExportAmount(amount->ToString(), currency,
                                                     finhelm::imports::AmountStyle::kDecimalPoint);
    if (!again.ok() || !(*again == *amount)) std::abort();
  }
  auto date = finhelm::imports::ParseExportDate(cell, order);
  if (date.ok()) {
    auto iso = finhelm::CalendarDate::ParseIso(date->ToIso());
    if (!iso.ok() || !(*iso == *date)) std::abort();
    if (date->day() > date->DaysInMonth()) std::abort();
  }
  return 0;
}

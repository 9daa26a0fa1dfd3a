// Fuzzes Money::Parse: any input either fails cleanly or parses to an amount whose
// canonical and grouped texts parse back to exactly the same amount.
//
// The first byte picks the currency so that every minor-unit width (0, 2, 3, 4) is
// exercised; the rest is the amount text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/money.hpp"

namespace {

finhelm::CurrencyCode PickCurrency(std::uint8_t selector) {
  constexpr std::string_view kCodes[] = {"USD", "JPY", "KWD", "CLF"};
  return *finhelm::CurrencyCode::Parse(kCodes[selector % 4]);
}

void RequireRoundTrip(const finhelm::Money& money, const std::string& text) {
  auto reparsed = finhelm::Money::Parse(text, money.currency());
  if (!reparsed.ok() || !(*reparsed == money)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const finhelm::CurrencyCode currency = PickCurrency(data[0]);
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  auto money = finhelm::Money::Parse(text, currency);
  if (!money.ok()) return 0;
  RequireRoundTrip(*money, money->ToString());
  RequireRoundTrip(*money, money->ToGroupedString());
  if (money->ToString().find(',') != std::string::npos) std::abort();
  return 0;
}

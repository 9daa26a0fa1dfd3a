// Amounts as QuickBooks and banks write them in CSV exports (PROTOCOLS.md), read exactly.
//
// Accepted, after trimming spaces: "4,250.00", "-120.00", "+7", "(120.00)", "-$53.15",
// "$(250.00)", "$1,234.56", "120.00-" (a trailing minus, as some banks write debits),
// and one currency sign among $ € £ ¥ before or after the digits ("12.00 €"). With
// AmountStyle::kDecimalComma the roles of '.' and ',' swap ("1.234,56", "-0,50"), and
// spaces or non-breaking spaces may group thousands ("1 234,56"). Everything else --
// two signs, letters, exponents, misplaced separators, more fraction digits than the
// currency has (unless zeros) -- is refused with kInvalidArgument; Money::Parse has the
// last word on the digits.
#pragma once

#include <string_view>

#include "core/money.hpp"
#include "core/result.hpp"

namespace finhelm::imports {

enum class AmountStyle { kDecimalPoint, kDecimalComma };

Result<Money> ParseExportAmount(std::string_view text, CurrencyCode currency,
                                AmountStyle style = AmountStyle::kDecimalPoint);

}  // namespace finhelm::imports

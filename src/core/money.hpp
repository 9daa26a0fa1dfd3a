// Money: an exact amount in the minor units of one ISO 4217 currency.
//
// Amounts are signed 64-bit counts of minor units (cents for USD, yen for JPY, fils for
// KWD); nothing in this file touches floating point, so every value read from a CSV, an
// API or a database comes back out exactly as it went in. Every operation that could
// overflow or mix currencies returns a Result instead of wrapping or throwing.
//
// Currency symbols ("$", "EUR 12") and locale formats ("1.234,56") are deliberately not
// understood here: importers strip or translate them before calling Money::Parse, so the
// core parser stays small enough to fuzz to exhaustion.
#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace finhelm {

// The most fraction digits any supported currency has (CLF and UYW have four).
inline constexpr int kMaxMinorUnitDigits = 4;

// A currency code: exactly three ASCII uppercase letters. Codes missing from the built-in
// exponent table are accepted with two minor-unit digits, the ISO 4217 common case.
class CurrencyCode {
 public:
  // Fails with kInvalidArgument unless `code` is three characters 'A'..'Z'.
  static Result<CurrencyCode> Parse(std::string_view code);

  std::string_view code() const { return {letters_.data(), letters_.size()}; }
  // Digits after the decimal point: 2 for USD, 0 for JPY, 3 for KWD.
  int minor_unit_digits() const { return minor_unit_digits_; }

  friend bool operator==(const CurrencyCode&, const CurrencyCode&) = default;

 private:
  CurrencyCode(std::array<char, 3> letters, int minor_unit_digits)
      : letters_(letters), minor_unit_digits_(minor_unit_digits) {}

  std::array<char, 3> letters_;
  int minor_unit_digits_;
};

// There is no default constructor on purpose: an amount without a currency is a bug that
// the type system should catch, and Money::Zero(currency) is one word longer.
class Money {
 public:
  static Money FromMinorUnits(std::int64_t minor_units, CurrencyCode currency) {
    return Money(minor_units, currency);
  }
  static Money Zero(CurrencyCode currency) { return Money(0, currency); }

  // Parses a decimal amount exactly. Accepted, after trimming ASCII whitespace:
  //   "1234.56"  "-0.5"  "+7"  "1,234.56" (groups of three, when commas are used at all)
  //   "(1,234.56)"  accounting notation for a negative amount
  // Fraction digits beyond the currency's minor units are accepted only when they are
  // zeros ("1.500" for USD). Rejected with kInvalidArgument: empty text, a bare "." or a
  // missing digit on either side of it, exponents, more than one sign, misplaced commas,
  // any other character, text longer than 64 characters once trimmed, and amounts outside
  // int64 minor units.
  static Result<Money> Parse(std::string_view text, CurrencyCode currency);

  std::int64_t minor_units() const { return minor_units_; }
  CurrencyCode currency() const { return currency_; }
  bool IsZero() const { return minor_units_ == 0; }
  bool IsNegative() const { return minor_units_ < 0; }

  // Canonical text: "-1234.56", "0.05", "-12" (JPY); Parse reads it back exactly.
  std::string ToString() const;
  // With thousands separators: "-1,234,567.89"; Parse reads it back exactly.
  std::string ToGroupedString() const;

  // Checked arithmetic: kInvalidArgument when the currencies differ or when the result
  // does not fit in int64 minor units (negating the most negative amount included).
  Result<Money> Add(const Money& other) const;
  Result<Money> Subtract(const Money& other) const;
  Result<Money> Negate() const;

  // Orders two amounts of the same currency; kInvalidArgument when they differ, because
  // 1 USD and 1 EUR have no order without an exchange rate.
  Result<std::strong_ordering> Compare(const Money& other) const;

  // Equal when both the currency and the amount are equal.
  friend bool operator==(const Money&, const Money&) = default;

 private:
  Money(std::int64_t minor_units, CurrencyCode currency)
      : minor_units_(minor_units), currency_(currency) {}

  std::int64_t minor_units_;
  CurrencyCode currency_;
};

}  // namespace finhelm

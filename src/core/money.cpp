#include "core/money.hpp"

#include <algorithm>
#include <cstddef>
#include <string>

namespace finhelm {
namespace {

// Longer than any int64 amount written with grouping, parentheses and trailing zeros a
// real export would produce; the cap keeps hostile input from costing more than this.
constexpr std::size_t kMaxAmountChars = 64;

struct MinorUnitDigits {
  std::string_view code;
  int digits;
};

// ISO 4217 currencies whose minor unit is not two digits. Codes absent here get two.
constexpr MinorUnitDigits kNonDefaultMinorUnits[] = {
    {"BIF", 0}, {"CLP", 0}, {"DJF", 0}, {"GNF", 0}, {"ISK", 0}, {"JPY", 0}, {"KMF", 0},
    {"KRW", 0}, {"PYG", 0}, {"RWF", 0}, {"UGX", 0}, {"UYI", 0}, {"VND", 0}, {"VUV", 0},
    {"XAF", 0}, {"XOF", 0}, {"XPF", 0}, {"BHD", 3}, {"IQD", 3}, {"JOD", 3}, {"KWD", 3},
    {"LYD", 3}, {"OMR", 3}, {"TND", 3}, {"CLF", 4}, {"UYW", 4},
};

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool AllDigits(std::string_view text) { return std::all_of(text.begin(), text.end(), IsDigit); }

std::string_view TrimAsciiSpace(std::string_view text) {
  while (!text.empty() && IsAsciiSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsAsciiSpace(text.back())) text.remove_suffix(1);
  return text;
}

Error InvalidAmount(std::string_view why) {
  return MakeError(ErrorCode::kInvalidArgument, "invalid amount: " + std::string(why));
}

// Digits, or digits grouped in threes by commas ("1,234,567"). A group may not start
// with a zero, because "0,123" is far more likely a European decimal than an amount.
bool IsWellFormedInteger(std::string_view integer_part) {
  const std::size_t first_comma = integer_part.find(',');
  if (first_comma == std::string_view::npos) {
    return !integer_part.empty() && AllDigits(integer_part);
  }
  const std::string_view lead = integer_part.substr(0, first_comma);
  if (lead.empty() || lead.size() > 3 || lead.front() == '0' || !AllDigits(lead)) {
    return false;
  }
  const std::string_view groups = integer_part.substr(first_comma);
  if (groups.size() % 4 != 0) return false;
  for (std::size_t i = 0; i < groups.size(); i += 4) {
    if (groups[i] != ',' || !AllDigits(groups.substr(i + 1, 3))) return false;
  }
  return true;
}

// Accumulates digits into a non-positive int64: the magnitude of INT64_MIN is one more
// than INT64_MAX, so only the negative range can hold every amount before the sign.
class NegatedAccumulator {
 public:
  bool Append(char digit) {
    std::int64_t shifted = 0;
    if (__builtin_mul_overflow(value_, 10, &shifted)) return false;
    return !__builtin_sub_overflow(shifted, digit - '0', &value_);
  }
  std::int64_t value() const { return value_; }

 private:
  std::int64_t value_ = 0;
};

std::uint64_t Magnitude(std::int64_t value) {
  // Unsigned negation is defined modulo 2^64, which is exactly |INT64_MIN| for that case.
  return value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
}

std::string GroupThousands(std::string_view digits) {
  std::string out;
  out.reserve(digits.size() + digits.size() / 3);
  const std::size_t lead = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
  out.append(digits.substr(0, lead));
  for (std::size_t i = lead; i < digits.size(); i += 3) {
    out.push_back(',');
    out.append(digits.substr(i, 3));
  }
  return out;
}

std::string Format(std::int64_t minor_units, int minor_unit_digits, bool grouped) {
  const auto fraction_digits = static_cast<std::size_t>(minor_unit_digits);
  std::string digits = std::to_string(Magnitude(minor_units));
  if (digits.size() <= fraction_digits) {
    digits.insert(0, fraction_digits + 1 - digits.size(), '0');
  }
  const std::string_view all(digits);
  const std::string_view integer_part = all.substr(0, all.size() - fraction_digits);
  std::string out = minor_units < 0 ? "-" : "";
  out += grouped ? GroupThousands(integer_part) : std::string(integer_part);
  if (fraction_digits > 0) {
    out.push_back('.');
    out.append(all.substr(integer_part.size()));
  }
  return out;
}

Error CurrencyMismatch(const Money& a, const Money& b) {
  return MakeError(ErrorCode::kInvalidArgument,
                   "currency mismatch: " + std::string(a.currency().code()) + " and " +
                       std::string(b.currency().code()));
}

Error OutOfRange(std::string_view operation) {
  return MakeError(ErrorCode::kInvalidArgument,
                   "money " + std::string(operation) + " out of int64 minor-unit range");
}

}  // namespace

Result<CurrencyCode> CurrencyCode::Parse(std::string_view code) {
  const bool well_formed = code.size() == 3 && std::all_of(code.begin(), code.end(), [](char c) {
                             return c >= 'A' && c <= 'Z';
                           });
  if (!well_formed) {
    return MakeError(ErrorCode::kInvalidArgument, "currency code must be three letters A-Z");
  }
  int digits = 2;
  for (const MinorUnitDigits& entry : kNonDefaultMinorUnits) {
    if (entry.code == code) digits = entry.digits;
  }
  return CurrencyCode({code[0], code[1], code[2]}, digits);
}

Result<Money> Money::Parse(std::string_view text, CurrencyCode currency) {
  std::string_view rest = TrimAsciiSpace(text);
  if (rest.empty()) return InvalidAmount("empty");
  if (rest.size() > kMaxAmountChars) return InvalidAmount("too long");

  bool negative = false;
  if (rest.front() == '(') {
    if (rest.size() < 2 || rest.back() != ')') return InvalidAmount("unbalanced parenthesis");
    rest = rest.substr(1, rest.size() - 2);
    negative = true;
  } else if (rest.front() == '-' || rest.front() == '+') {
    negative = rest.front() == '-';
    rest.remove_prefix(1);
  }

  const std::size_t point = rest.find('.');
  const std::string_view integer_part = rest.substr(0, point);
  const std::string_view fraction =
      point == std::string_view::npos ? std::string_view() : rest.substr(point + 1);
  if (!IsWellFormedInteger(integer_part)) return InvalidAmount("malformed integer part");
  if (point != std::string_view::npos && (fraction.empty() || !AllDigits(fraction))) {
    return InvalidAmount("malformed fraction");
  }

  const auto allowed = static_cast<std::size_t>(currency.minor_unit_digits());
  if (fraction.size() > allowed &&
      fraction.find_first_not_of('0', allowed) != std::string_view::npos) {
    return InvalidAmount("more fraction digits than the currency has");
  }

  NegatedAccumulator accumulator;
  bool fits = true;
  for (char c : integer_part) {
    if (c != ',') fits = fits && accumulator.Append(c);
  }
  for (std::size_t i = 0; i < allowed; ++i) {
    fits = fits && accumulator.Append(i < fraction.size() ? fraction[i] : '0');
  }
  if (!fits) return InvalidAmount("out of range");

  std::int64_t minor_units = accumulator.value();
  if (!negative) {
    if (__builtin_sub_overflow(std::int64_t{0}, minor_units, &minor_units)) {
      return InvalidAmount("out of range");
    }
  }
  return Money(minor_units, currency);
}

std::string Money::ToString() const {
  return Format(minor_units_, currency_.minor_unit_digits(), /*grouped=*/false);
}

std::string Money::ToGroupedString() const {
  return Format(minor_units_, currency_.minor_unit_digits(), /*grouped=*/true);
}

Result<Money> Money::Add(const Money& other) const {
  if (currency_ != other.currency_) return CurrencyMismatch(*this, other);
  std::int64_t sum = 0;
  if (__builtin_add_overflow(minor_units_, other.minor_units_, &sum)) return OutOfRange("sum");
  return Money(sum, currency_);
}

Result<Money> Money::Subtract(const Money& other) const {
  if (currency_ != other.currency_) return CurrencyMismatch(*this, other);
  std::int64_t difference = 0;
  if (__builtin_sub_overflow(minor_units_, other.minor_units_, &difference)) {
    return OutOfRange("difference");
  }
  return Money(difference, currency_);
}

Result<Money> Money::Negate() const {
  std::int64_t negated = 0;
  if (__builtin_sub_overflow(std::int64_t{0}, minor_units_, &negated)) {
    return OutOfRange("negation");
  }
  return Money(negated, currency_);
}

Result<std::strong_ordering> Money::Compare(const Money& other) const {
  if (currency_ != other.currency_) return CurrencyMismatch(*this, other);
  return minor_units_ <=> other.minor_units_;
}

}  // namespace finhelm

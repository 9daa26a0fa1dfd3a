#include "imports/amount_text.hpp"

#include <array>
#include <string>

namespace finhelm::imports {
namespace {

constexpr std::size_t kMaxAmountText = 64;

Error BadAmount(const char* why) { return MakeError(ErrorCode::kInvalidArgument, why); }

// Currency signs in UTF-8.
constexpr std::array<std::string_view, 4> kCurrencySigns = {"$", "\xE2\x82\xAC", "\xC2\xA3",
                                                            "\xC2\xA5"};
constexpr std::string_view kNoBreakSpace = "\xC2\xA0";

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool StripSign(std::string_view& text, bool at_front) {
  for (std::string_view sign : kCurrencySigns) {
    if (at_front && text.starts_with(sign)) {
      text.remove_prefix(sign.size());
      return true;
    }
    if (!at_front && text.ends_with(sign)) {
      text.remove_suffix(sign.size());
      return true;
    }
  }
  return false;
}

}  // namespace

Result<Money> ParseExportAmount(std::string_view text, CurrencyCode currency, AmountStyle style) {
  text = Trim(text);
  if (text.empty()) return BadAmount("the amount is empty");
  if (text.size() > kMaxAmountText) return BadAmount("the amount is too long");

  bool negative = false;
  int signs = 0;
  bool currency_seen = false;
  // Peel the decorations from the outside in, in any of the orders exports use.
  for (bool changed = true; changed;) {
    changed = false;
    if (text.starts_with('-') || text.starts_with('+')) {
      negative = negative != text.starts_with('-');
      ++signs;
      text.remove_prefix(1);
      changed = true;
    } else if (text.ends_with('-') && text.size() > 1) {
      negative = !negative;
      ++signs;
      text.remove_suffix(1);
      changed = true;
    } else if (text.size() >= 2 && text.front() == '(' && text.back() == ')') {
      negative = !negative;
      ++signs;
      text = text.substr(1, text.size() - 2);
      changed = true;
    } else if (!currency_seen && (StripSign(text, true) || StripSign(text, false))) {
      currency_seen = true;
      changed = true;
    }
    text = Trim(text);
  }
  if (signs > 1) return BadAmount("the amount has more than one sign");
  if (text.empty()) return BadAmount("the amount has no digits");

  // Rewrite into Money::Parse's form: '.' for the decimal point, ',' between groups.
  std::string canonical;
  canonical.reserve(text.size() + 1);
  if (negative) canonical.push_back('-');
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c >= '0' && c <= '9') || (style == AmountStyle::kDecimalPoint && (c == '.' || c == ','))) {
      canonical.push_back(c);
    } else if (style == AmountStyle::kDecimalComma && c == ',') {
      canonical.push_back('.');
    } else if (style == AmountStyle::kDecimalComma &&
               (c == '.' || c == ' ' || text.substr(i).starts_with(kNoBreakSpace))) {
      canonical.push_back(',');
      if (c != '.' && c != ' ') ++i;  // The second byte of the non-breaking space.
    } else {
      return BadAmount("the amount holds a character that is not part of a number");
    }
  }
  auto money = Money::Parse(canonical, currency);
  if (!money.ok()) return BadAmount("the amount is not a number in the currency's units");
  return money;
}

}  // namespace finhelm::imports

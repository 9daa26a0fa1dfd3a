#include "core/money.hpp"

#include <gtest/gtest.h>

#include <compare>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

namespace finhelm {
namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

CurrencyCode Currency(std::string_view code) {
  auto currency = CurrencyCode::Parse(code);
  EXPECT_TRUE(currency.ok()) << code;
  return *currency;
}

// Parses `text` and returns its minor units, failing the test if it does not parse.
std::int64_t MinorUnits(std::string_view text, std::string_view code = "USD") {
  auto money = Money::Parse(text, Currency(code));
  EXPECT_TRUE(money.ok()) << "'" << text << "': " << (money.ok() ? "" : money.error().message);
  return money.ok() ? money->minor_units() : -424242;
}

void ExpectRejected(std::string_view text, std::string_view code = "USD") {
  auto money = Money::Parse(text, Currency(code));
  ASSERT_FALSE(money.ok()) << "'" << text << "' parsed as " << money->minor_units();
  EXPECT_EQ(money.error().code, ErrorCode::kInvalidArgument);
}

Money Usd(std::int64_t minor_units) { return Money::FromMinorUnits(minor_units, Currency("USD")); }

TEST(CurrencyCode, AcceptsThreeUppercaseLetters) {
  EXPECT_EQ(Currency("USD").code(), "USD");
  EXPECT_EQ(Currency("ZZZ").minor_unit_digits(), 2);
  for (std::string_view bad : {"", "US", "USDX", "usd", "Usd", "US1", "U$D", "US "}) {
    EXPECT_FALSE(CurrencyCode::Parse(bad).ok()) << bad;
  }
  EXPECT_FALSE(CurrencyCode::Parse(std::string_view("US\0", 3)).ok());
}

TEST(CurrencyCode, KnowsMinorUnitDigits) {
  EXPECT_EQ(Currency("EUR").minor_unit_digits(), 2);
  EXPECT_EQ(Currency("JPY").minor_unit_digits(), 0);
  EXPECT_EQ(Currency("KRW").minor_unit_digits(), 0);
  EXPECT_EQ(Currency("CLP").minor_unit_digits(), 0);
  EXPECT_EQ(Currency("ISK").minor_unit_digits(), 0);
  EXPECT_EQ(Currency("BHD").minor_unit_digits(), 3);
  EXPECT_EQ(Currency("KWD").minor_unit_digits(), 3);
  EXPECT_EQ(Currency("OMR").minor_unit_digits(), 3);
  EXPECT_EQ(Currency("JOD").minor_unit_digits(), 3);
  EXPECT_EQ(Currency("TND").minor_unit_digits(), 3);
  EXPECT_EQ(Currency("CLF").minor_unit_digits(), 4);
}

TEST(MoneyParse, ReadsPlainDecimals) {
  EXPECT_EQ(MinorUnits("1234.56"), 123456);
  EXPECT_EQ(MinorUnits("0"), 0);
  EXPECT_EQ(MinorUnits("0.01"), 1);
  EXPECT_EQ(MinorUnits("7"), 700);
  EXPECT_EQ(MinorUnits("7.5"), 750);
  EXPECT_EQ(MinorUnits("-0.5"), -50);
  EXPECT_EQ(MinorUnits("+12.34"), 1234);
  EXPECT_EQ(MinorUnits("007.10"), 710);
}

TEST(MoneyParse, NegativeZeroIsZero) {
  EXPECT_EQ(MinorUnits("-0.00"), 0);
  EXPECT_EQ(Money::Parse("-0", Currency("USD"))->ToString(), "0.00");
}

TEST(MoneyParse, TrimsSurroundingWhitespace) {
  EXPECT_EQ(MinorUnits("  12.00\t"), 1200);
  EXPECT_EQ(MinorUnits("\r\n-3.25 \n"), -325);
}

TEST(MoneyParse, ReadsGroupedThousands) {
  EXPECT_EQ(MinorUnits("1,234.56"), 123456);
  EXPECT_EQ(MinorUnits("-1,234,567.89"), -123456789);
  EXPECT_EQ(MinorUnits("999,999"), 99999900);
  EXPECT_EQ(MinorUnits("1,000", "JPY"), 1000);
}

TEST(MoneyParse, RejectsMisplacedGrouping) {
  for (std::string_view bad : {"1,23.00", "12,3456", "1,2345", ",123", "123,", "1,,234", "1234,567",
                               "0,123", "1,234.567,8", "1.234,56", "1,234,56"}) {
    ExpectRejected(bad);
  }
}

TEST(MoneyParse, ReadsAccountingParenthesesAsNegative) {
  EXPECT_EQ(MinorUnits("(1,234.56)"), -123456);
  EXPECT_EQ(MinorUnits(" (5) "), -500);
  for (std::string_view bad :
       {"()", "(", ")", "(5", "5)", "(-5)", "-(5)", "(+5)", "( 5)", "((5))", "(5)-"}) {
    ExpectRejected(bad);
  }
}

TEST(MoneyParse, HonoursCurrencyMinorUnits) {
  EXPECT_EQ(MinorUnits("1234", "JPY"), 1234);
  EXPECT_EQ(MinorUnits("1234.000", "JPY"), 1234);
  ExpectRejected("1234.5", "JPY");
  EXPECT_EQ(MinorUnits("1.234", "KWD"), 1234);
  EXPECT_EQ(MinorUnits("1.2", "BHD"), 1200);
  ExpectRejected("1.2345", "BHD");
  EXPECT_EQ(MinorUnits("1.0001", "CLF"), 10001);
}

TEST(MoneyParse, AcceptsExtraFractionDigitsOnlyWhenZero) {
  EXPECT_EQ(MinorUnits("1.500"), 150);
  EXPECT_EQ(MinorUnits("1.50000000"), 150);
  ExpectRejected("1.501");
  ExpectRejected("0.001");
  ExpectRejected("1.00000001");
}

TEST(MoneyParse, RejectsEmptyAndGarbage) {
  for (std::string_view bad : {"",
                               " ",
                               "\t\n",
                               ".",
                               "-",
                               "+",
                               "-.",
                               ".5",
                               "5.",
                               "-.5",
                               "1..2",
                               "1.2.3",
                               "abc",
                               "1a",
                               "a1",
                               "$5",
                               "5$",
                               "USD 5",
                               "5 USD",
                               "1 000",
                               "1_000",
                               "--5",
                               "+-5",
                               "-+5",
                               "- 5",
                               "0x10",
                               "١٢٣",
                               "1e5",
                               "1E5",
                               "1.5e2",
                               "1e-2",
                               "inf",
                               "nan",
                               "NaN",
                               "Infinity",
                               "5-",
                               "1\xC2\xA0"
                               "000"}) {
    ExpectRejected(bad);
  }
}

TEST(MoneyParse, RejectsEmbeddedNulAndControlBytes) {
  ExpectRejected(
      std::string_view("1\0"
                       "2",
                       3));
  ExpectRejected(std::string_view("12\0", 3));
  ExpectRejected("1\x7f");
  ExpectRejected("\xff");
}

TEST(MoneyParse, RejectsOverlongInput) {
  ExpectRejected(std::string(65, '0'));
  ExpectRejected("1." + std::string(200, '0'));
  ExpectRejected(std::string(100000, '9'));
}

TEST(MoneyParse, ReachesInt64BoundariesExactly) {
  EXPECT_EQ(MinorUnits("92233720368547758.07"), kMax);
  EXPECT_EQ(MinorUnits("-92233720368547758.08"), kMin);
  EXPECT_EQ(MinorUnits("(92,233,720,368,547,758.08)"), kMin);
  EXPECT_EQ(MinorUnits("9223372036854775807", "JPY"), kMax);
  EXPECT_EQ(MinorUnits("-9223372036854775808", "JPY"), kMin);
  EXPECT_EQ(MinorUnits("9223372036854775.807", "KWD"), kMax);
  EXPECT_EQ(MinorUnits("922337203685477.5807", "CLF"), kMax);
}

TEST(MoneyParse, RejectsOneMinorUnitPastInt64) {
  ExpectRejected("92233720368547758.08");
  ExpectRejected("-92233720368547758.09");
  ExpectRejected("9223372036854775808", "JPY");
  ExpectRejected("-9223372036854775809", "JPY");
  ExpectRejected("92233720368547758.08", "JPY");  // Fraction rejected before range.
  ExpectRejected("99999999999999999999");
  ExpectRejected("18446744073709551616", "JPY");  // 2^64 must not wrap to zero.
  ExpectRejected("18446744073709551615", "JPY");
  ExpectRejected("-184467440737095516.16");
}

TEST(MoneyFormat, WritesCanonicalText) {
  EXPECT_EQ(Usd(123456).ToString(), "1234.56");
  EXPECT_EQ(Usd(-123456).ToString(), "-1234.56");
  EXPECT_EQ(Usd(5).ToString(), "0.05");
  EXPECT_EQ(Usd(-5).ToString(), "-0.05");
  EXPECT_EQ(Usd(0).ToString(), "0.00");
  EXPECT_EQ(Usd(100).ToString(), "1.00");
  EXPECT_EQ(Money::FromMinorUnits(-12, Currency("JPY")).ToString(), "-12");
  EXPECT_EQ(Money::FromMinorUnits(0, Currency("JPY")).ToString(), "0");
  EXPECT_EQ(Money::FromMinorUnits(7, Currency("KWD")).ToString(), "0.007");
  EXPECT_EQ(Money::FromMinorUnits(1, Currency("CLF")).ToString(), "0.0001");
}

TEST(MoneyFormat, WritesGroupedText) {
  EXPECT_EQ(Usd(123456).ToGroupedString(), "1,234.56");
  EXPECT_EQ(Usd(-123456789).ToGroupedString(), "-1,234,567.89");
  EXPECT_EQ(Usd(99999).ToGroupedString(), "999.99");
  EXPECT_EQ(Usd(100000).ToGroupedString(), "1,000.00");
  EXPECT_EQ(Usd(1).ToGroupedString(), "0.01");
  EXPECT_EQ(Money::FromMinorUnits(1000000, Currency("JPY")).ToGroupedString(), "1,000,000");
  EXPECT_EQ(Money::FromMinorUnits(100, Currency("JPY")).ToGroupedString(), "100");
}

TEST(MoneyFormat, WritesInt64Boundaries) {
  EXPECT_EQ(Usd(kMax).ToString(), "92233720368547758.07");
  EXPECT_EQ(Usd(kMin).ToString(), "-92233720368547758.08");
  EXPECT_EQ(Usd(kMin).ToGroupedString(), "-92,233,720,368,547,758.08");
  EXPECT_EQ(Money::FromMinorUnits(kMin, Currency("JPY")).ToString(), "-9223372036854775808");
}

TEST(MoneyFormat, RoundTripsThroughParse) {
  for (std::string_view code : {"USD", "JPY", "KWD", "CLF"}) {
    for (std::int64_t value : {kMin, kMin + 1, std::int64_t{-1000001}, std::int64_t{-1},
                               std::int64_t{0}, std::int64_t{1}, std::int64_t{999},
                               std::int64_t{1000}, std::int64_t{123456789}, kMax - 1, kMax}) {
      const Money money = Money::FromMinorUnits(value, Currency(code));
      EXPECT_EQ(MinorUnits(money.ToString(), code), value) << code << " " << value;
      EXPECT_EQ(MinorUnits(money.ToGroupedString(), code), value) << code << " " << value;
    }
  }
}

TEST(MoneyArithmetic, AddsAndSubtracts) {
  EXPECT_EQ(Usd(150).Add(Usd(-50))->minor_units(), 100);
  EXPECT_EQ(Usd(150).Subtract(Usd(200))->minor_units(), -50);
  EXPECT_EQ(Usd(150).Negate()->minor_units(), -150);
  EXPECT_EQ(Usd(kMax).Add(Usd(kMin))->minor_units(), -1);
  EXPECT_EQ(Usd(kMin).Subtract(Usd(kMin))->minor_units(), 0);
}

TEST(MoneyArithmetic, RefusesOverflow) {
  EXPECT_FALSE(Usd(kMax).Add(Usd(1)).ok());
  EXPECT_FALSE(Usd(kMin).Add(Usd(-1)).ok());
  EXPECT_FALSE(Usd(kMin).Subtract(Usd(1)).ok());
  EXPECT_FALSE(Usd(kMax).Subtract(Usd(-1)).ok());
  EXPECT_FALSE(Usd(0).Subtract(Usd(kMin)).ok());
  auto negated = Usd(kMin).Negate();
  ASSERT_FALSE(negated.ok());
  EXPECT_EQ(negated.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(Usd(kMax).Negate()->minor_units(), kMin + 1);
}

TEST(MoneyArithmetic, RefusesCurrencyMismatch) {
  const Money yen = Money::FromMinorUnits(100, Currency("JPY"));
  auto sum = Usd(100).Add(yen);
  ASSERT_FALSE(sum.ok());
  EXPECT_EQ(sum.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(sum.error().message.find("USD"), std::string::npos);
  EXPECT_FALSE(Usd(100).Subtract(yen).ok());
  EXPECT_FALSE(Usd(100).Compare(yen).ok());
}

TEST(MoneyCompare, OrdersSameCurrency) {
  EXPECT_EQ(*Usd(1).Compare(Usd(2)), std::strong_ordering::less);
  EXPECT_EQ(*Usd(2).Compare(Usd(2)), std::strong_ordering::equal);
  EXPECT_EQ(*Usd(kMax).Compare(Usd(kMin)), std::strong_ordering::greater);
  EXPECT_EQ(Usd(5), Usd(5));
  EXPECT_NE(Usd(5), Usd(6));
  EXPECT_NE(Usd(5), Money::FromMinorUnits(5, Currency("EUR")));
  EXPECT_TRUE(Usd(0).IsZero());
  EXPECT_TRUE(Usd(-1).IsNegative());
  EXPECT_FALSE(Usd(0).IsNegative());
}

}  // namespace
}  // namespace finhelm

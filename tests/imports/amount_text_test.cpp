#include "imports/amount_text.hpp"

#include <gtest/gtest.h>

namespace finhelm::imports {
namespace {

CurrencyCode Usd() { return *CurrencyCode::Parse("USD"); }

std::int64_t Cents(std::string_view text, AmountStyle style = AmountStyle::kDecimalPoint) {
  auto money = ParseExportAmount(text, Usd(), style);
  EXPECT_TRUE(money.ok()) << text;
  return money.ok() ? money->minor_units() : -999999;
}

TEST(ExportAmount, ReadsTheFormsQuickBooksWrites) {
  EXPECT_EQ(Cents("4,250.00"), 425000);
  EXPECT_EQ(Cents("-120.00"), -12000);
  EXPECT_EQ(Cents("(120.00)"), -12000);
  EXPECT_EQ(Cents("-$53.15"), -5315);
  EXPECT_EQ(Cents("$(250.00)"), -25000);
  EXPECT_EQ(Cents("$1,234.56"), 123456);
  EXPECT_EQ(Cents(" 7 "), 700);
  EXPECT_EQ(Cents("+7.5"), 750);
}

TEST(ExportAmount, ReadsTheFormsBanksWrite) {
  EXPECT_EQ(Cents("120.00-"), -12000);
  EXPECT_EQ(Cents("12.00 \xE2\x82\xAC"), 1200);
  EXPECT_EQ(Cents("\xC2\xA3"
                  "3.10"),
            310);
  EXPECT_EQ(Cents("1.234,56", AmountStyle::kDecimalComma), 123456);
  EXPECT_EQ(Cents("-0,50", AmountStyle::kDecimalComma), -50);
  EXPECT_EQ(Cents("1 234,56", AmountStyle::kDecimalComma), 123456);
  EXPECT_EQ(Cents("1\xC2\xA0"
                  "234,56",
                  AmountStyle::kDecimalComma),
            123456);
}

TEST(ExportAmount, RefusesWhatIsNotOneAmount) {
  for (const char* bad :
       {"", " ", "-", "()", "$", "--5", "-(5)", "(5)-", "1e3", "12.345", "1,23.00", "abc", "5 USD",
        "$$5", "0x10", "1.234,56", "NaN", "12..0", "99999999999999999999"}) {
    EXPECT_FALSE(ParseExportAmount(bad, Usd()).ok()) << bad;
  }
  EXPECT_FALSE(ParseExportAmount("1,234.56", Usd(), AmountStyle::kDecimalComma).ok());
}

TEST(ExportAmount, AcceptsTrailingZerosBeyondTheMinorUnit) { EXPECT_EQ(Cents("1.500"), 150); }

}  // namespace
}  // namespace finhelm::imports

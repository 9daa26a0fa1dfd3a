#include "exports/spreadsheet_cell.hpp"

#include <gtest/gtest.h>

namespace finhelm::exports {
namespace {

TEST(SpreadsheetCell, NeutralizesWhatWouldStartAFormula) {
  for (const char* dangerous : {"=1+1", "+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx"}) {
    EXPECT_EQ(NeutralizeCell(dangerous), std::string("'") + dangerous) << dangerous;
  }
  for (const char* harmless : {"", "Rent", "1,200.00", " =spaced", "a=b", "'quoted"}) {
    EXPECT_EQ(NeutralizeCell(harmless), harmless) << harmless;
  }
}

TEST(SpreadsheetCell, QuotesCsvCellsThatNeedIt) {
  std::string out;
  AppendCsvCell(out, "plain");
  out.push_back(',');
  AppendCsvCell(out, "Smith, Jones");
  out.push_back(',');
  AppendCsvCell(out, "say \"hi\"");
  out.push_back(',');
  AppendCsvCell(out, "=HYPERLINK(\"x\")");
  out.push_back(',');
  AppendCsvCell(out, "two\nlines");
  EXPECT_EQ(out,
            "plain,\"Smith, Jones\",\"say \"\"hi\"\"\",\"'=HYPERLINK(\"\"x\"\")\",\"two\nlines\"");
}

}  // namespace
}  // namespace finhelm::exports

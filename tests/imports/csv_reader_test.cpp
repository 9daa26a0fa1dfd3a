#include "imports/csv_reader.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace finhelm::imports {
namespace {

struct Step {
  CsvStep step;
  std::int64_t line;
  std::vector<std::string> fields;
  std::string error;
};

std::vector<Step> ReadAll(std::string_view text, CsvLimits limits = {}) {
  CsvReader reader(MemorySource(text), ',', limits);
  std::vector<Step> steps;
  CsvRecord record;
  for (;;) {
    auto step = reader.Next(record);
    EXPECT_TRUE(step.ok());
    if (!step.ok() || *step == CsvStep::kEnd) break;
    steps.push_back({*step, record.line, record.fields, record.error});
  }
  return steps;
}

TEST(CsvReader, ReadsQuotedFieldsAcrossLines) {
  auto steps = ReadAll("a,\"b, c\",\"say \"\"hi\"\"\"\r\n,\"two\nlines\",3\nlast");
  ASSERT_EQ(steps.size(), 3u);
  EXPECT_EQ(steps[0].fields, (std::vector<std::string>{"a", "b, c", "say \"hi\""}));
  EXPECT_EQ(steps[1].fields, (std::vector<std::string>{"", "two\nlines", "3"}));
  EXPECT_EQ(steps[1].line, 2);
  EXPECT_EQ(steps[2].fields, (std::vector<std::string>{"last"}));
  EXPECT_EQ(steps[2].line, 4);  // The quoted newline counts as a line.
}

TEST(CsvReader, AcceptsEveryLineEnding) {
  auto steps = ReadAll("a\rb\r\nc\nd");
  ASSERT_EQ(steps.size(), 4u);
  EXPECT_EQ(steps[3].line, 4);
  EXPECT_EQ(steps[3].fields[0], "d");
}

TEST(CsvReader, KeepsAStrayQuoteInsideAnUnquotedField) {
  auto steps = ReadAll("12\" pipe,5\n");
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0].fields[0], "12\" pipe");
}

TEST(CsvReader, ReportsTextAfterAClosingQuoteAndGoesOn) {
  auto steps = ReadAll("\"a\"b,c\nok,1\n");
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(steps[0].step, CsvStep::kMalformed);
  EXPECT_EQ(steps[0].line, 1);
  EXPECT_NE(steps[0].error.find("closing quote"), std::string::npos);
  EXPECT_EQ(steps[1].step, CsvStep::kRecord);
  EXPECT_EQ(steps[1].line, 2);
  EXPECT_EQ(steps[1].fields, (std::vector<std::string>{"ok", "1"}));
}

TEST(CsvReader, ReportsAQuoteLeftOpen) {
  auto steps = ReadAll("a,1\n\"never closed,2\n3\n");
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(steps[1].step, CsvStep::kMalformed);
  EXPECT_EQ(steps[1].line, 2);
}

TEST(CsvReader, EnforcesItsLimits) {
  CsvLimits limits;
  limits.max_field_bytes = 8;
  limits.max_fields = 3;
  limits.max_record_bytes = 32;
  auto steps = ReadAll("123456789,x\na,b,c,d\n" + std::string(40, 'z') + "\nfine\n", limits);
  ASSERT_EQ(steps.size(), 4u);
  EXPECT_EQ(steps[0].step, CsvStep::kMalformed);
  EXPECT_EQ(steps[1].step, CsvStep::kMalformed);
  EXPECT_EQ(steps[2].step, CsvStep::kMalformed);
  EXPECT_EQ(steps[3].step, CsvStep::kRecord);
  EXPECT_EQ(steps[3].line, 4);
}

TEST(CsvReader, CountsEscapedQuotesAgainstTheFieldLimit) {
  CsvLimits limits;
  limits.max_field_bytes = 8;
  // Eight bytes and then an escaped quote that closes the field: nine bytes (a fuzz find).
  auto steps = ReadAll("a,\"12345678\"\"\"\n", limits);
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0].step, CsvStep::kMalformed);
  EXPECT_TRUE(steps[0].fields.empty());
  // Within the limit, an escaped quote is one byte of the field.
  steps = ReadAll("a,\"1234567\"\"\"\n", limits);
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0].step, CsvStep::kRecord);
  EXPECT_EQ(steps[0].fields, (std::vector<std::string>{"a", "1234567\""}));
}

TEST(CsvReader, StreamsThroughASmallSource) {
  // A source that hands out one byte at a time still yields the same records.
  std::string text = "a,\"b\"\"c\"\r\nd,e\r\n";
  std::size_t offset = 0;
  CsvReader reader([&](std::span<char> buffer) -> Result<std::size_t> {
    if (offset == text.size()) return std::size_t{0};
    buffer[0] = text[offset++];
    return std::size_t{1};
  });
  CsvRecord record;
  ASSERT_EQ(*reader.Next(record), CsvStep::kRecord);
  EXPECT_EQ(record.fields, (std::vector<std::string>{"a", "b\"c"}));
  ASSERT_EQ(*reader.Next(record), CsvStep::kRecord);
  EXPECT_EQ(record.fields, (std::vector<std::string>{"d", "e"}));
  EXPECT_EQ(*reader.Next(record), CsvStep::kEnd);
  EXPECT_EQ(reader.bytes_read(), text.size());
}

TEST(CsvReader, PassesOnASourceFailure) {
  CsvReader reader([](std::span<char>) -> Result<std::size_t> {
    return MakeError(ErrorCode::kUnavailable, "disk gone");
  });
  CsvRecord record;
  EXPECT_FALSE(reader.Next(record).ok());
}

}  // namespace
}  // namespace finhelm::imports

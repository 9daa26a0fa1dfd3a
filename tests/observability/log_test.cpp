#include "observability/log.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <regex>
#include <string>
#include <vector>

namespace finhelm::log {
namespace {

using nlohmann::json;

class CaptureSink final : public Sink {
 public:
  void WriteLine(std::string_view line) override { lines.emplace_back(line); }
  std::vector<std::string> lines;
};

TEST(FormatLine, WritesOneJsonObjectWithTypedFields) {
  std::string line = FormatLine(Level::kWarn, "job_retry",
                                {{"job_id", "j-1"},
                                 {"attempt", 3},
                                 {"bytes", std::uint64_t{18446744073709551615u}},
                                 {"offset", std::int64_t{-7}},
                                 {"ratio", 0.25},
                                 {"final", false}});
  json parsed = json::parse(line);
  EXPECT_EQ(parsed["level"], "warn");
  EXPECT_EQ(parsed["event"], "job_retry");
  EXPECT_EQ(parsed["job_id"], "j-1");
  EXPECT_EQ(parsed["attempt"], 3);
  EXPECT_EQ(parsed["bytes"], 18446744073709551615u);
  EXPECT_EQ(parsed["offset"], -7);
  EXPECT_EQ(parsed["ratio"], 0.25);
  EXPECT_EQ(parsed["final"], false);
  EXPECT_EQ(line.find('\n'), std::string::npos);
}

TEST(FormatLine, StampsUtcWithMilliseconds) {
  json parsed = json::parse(FormatLine(Level::kInfo, "e", {}));
  std::string ts = parsed["ts"];
  EXPECT_TRUE(std::regex_match(ts, std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)")))
      << ts;
}

// proves AUD-1 (CR and LF in fields are encoded, so no field can forge a log line)
TEST(FormatLine, EncodesCarriageReturnAndLineFeed) {
  const std::string forged =
      "bob\r\n{\"ts\":\"2024-01-01T00:00:00.000Z\",\"level\":\"info\",\"event\":\"authn_login_"
      "success\"}";
  std::string line = FormatLine(Level::kInfo, "authn_login_fail\r\nx", {{"user", forged}});
  EXPECT_EQ(line.find('\r'), std::string::npos);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_NE(line.find(R"(bob\r\n{\"ts\")"), std::string::npos) << line;

  json parsed = json::parse(line);  // One line, one object.
  EXPECT_EQ(parsed["user"], forged);
  EXPECT_EQ(parsed["event"], "authn_login_fail\r\nx");
}

TEST(FormatLine, EscapesQuotesBackslashesAndControls) {
  const std::string tricky = std::string("q\" b\\ t\t nul") + '\0' + "\x01\x1f\x7f end";
  std::string line = FormatLine(Level::kInfo, "e", {{"k\"ey", tricky}});
  EXPECT_NE(line.find(R"(\u0000\u0001\u001f\u007f)"), std::string::npos) << line;
  json parsed = json::parse(line);
  EXPECT_EQ(parsed["k\"ey"], tricky);
}

TEST(AppendJsonEscaped, LeavesPlainTextAlone) {
  std::string out = "prefix:";
  AppendJsonEscaped(out, "plain text / \xC3\xA9");
  EXPECT_EQ(out, "prefix:plain text / \xC3\xA9");
}

TEST(Write, HonoursTheMinimumLevelAndTheSink) {
  CaptureSink sink;
  Configure(Level::kWarn, &sink);
  Info("ignored");
  Debug("ignored");
  Warn("kept", {{"n", 1}});
  Error("kept_too");
  Configure(Level::kInfo, nullptr);
  ASSERT_EQ(sink.lines.size(), 2u);
  EXPECT_EQ(json::parse(sink.lines[0])["event"], "kept");
  EXPECT_EQ(json::parse(sink.lines[1])["level"], "error");
  EXPECT_EQ(MinimumLevel(), Level::kInfo);
}

// proves DATA-5 (emails are masked)
TEST(MaskEmail, KeepsTheFirstCharacterAndTheDomain) {
  EXPECT_EQ(MaskEmail("jane@example.com"), "j***@example.com");
  EXPECT_EQ(MaskEmail("j@example.com"), "j***@example.com");
  EXPECT_EQ(MaskEmail("first.last+tag@mail.example.org"), "f***@mail.example.org");
  EXPECT_EQ(MaskEmail("\"a@b\"@example.com"), "\"***@example.com");
}

// proves DATA-5 (nothing that is not an email leaks through the mask)
TEST(MaskEmail, MasksAnythingWithoutALocalPartCompletely) {
  EXPECT_EQ(MaskEmail("not-an-email"), "***");
  EXPECT_EQ(MaskEmail("@example.com"), "***");
  EXPECT_EQ(MaskEmail(""), "***");
}

// Regression: a local part that began with a multi-byte character kept only its first
// byte, so the masked email, and the log line holding it, was not valid UTF-8.
TEST(MaskEmail, KeepsAWholeFirstCharacter) {
  EXPECT_EQ(MaskEmail("\xC3\xA9lodie@example.com"), "\xC3\xA9***@example.com");
  EXPECT_EQ(MaskEmail("\xE6\x9D\x8E@example.cn"), "\xE6\x9D\x8E***@example.cn");
  EXPECT_EQ(MaskEmail("\xF0\x9F\x98\x80x@example.com"), "\xF0\x9F\x98\x80***@example.com");
  EXPECT_TRUE(
      json::accept(FormatLine(Level::kInfo, "e", {{"email", MaskEmail("\xC3\xA9lodie@x.com")}})));
  EXPECT_EQ(MaskEmail("\xC3@example.com"), "***@example.com");  // A broken byte is dropped.
}

// proves DATA-5 (account numbers show only the last four digits)
TEST(MaskAccountNumber, ShowsOnlyTheLastFour) {
  EXPECT_EQ(MaskAccountNumber("123456789"), "*****6789");
  EXPECT_EQ(MaskAccountNumber("DE89370400440532013000"), "******************3000");
  EXPECT_EQ(MaskAccountNumber("12345"), "*2345");
  EXPECT_EQ(MaskAccountNumber("1234"), "****");
  EXPECT_EQ(MaskAccountNumber("12"), "**");
  EXPECT_EQ(MaskAccountNumber(""), "");
}

}  // namespace
}  // namespace finhelm::log

namespace finhelm::log {
namespace {

// Regression: a User-Agent of raw Latin-1 bytes made the access log line invalid JSON.
TEST(AppendJsonEscaped, ReplacesMalformedUtf8AndKeepsWellFormedText) {
  std::string out;
  AppendJsonEscaped(out, "caf\xe9 \xc3\xa9 \xe2\x82\xac \xf0\x9f\x92\xb0");
  EXPECT_EQ(out, "caf\\ufffd \xc3\xa9 \xe2\x82\xac \xf0\x9f\x92\xb0");

  std::string overlong;
  AppendJsonEscaped(overlong, "\xc0\xaf \xe0\x80\xaf \xed\xa0\x80 \xf4\x90\x80\x80");
  EXPECT_EQ(overlong.find_first_of("\xc0\xe0\xed\xf4"), std::string::npos) << overlong;

  std::string truncated;
  AppendJsonEscaped(truncated, "\xe2\x82");
  EXPECT_EQ(truncated, "\\ufffd\\ufffd");
}

}  // namespace
}  // namespace finhelm::log

#include "imports/text_encoding.hpp"

#include <gtest/gtest.h>

#include <string>

namespace finhelm::imports {
namespace {

Result<TextEncoding> Detect(std::string_view bytes, std::size_t chunk = 1) {
  EncodingDetector detector;
  for (std::size_t i = 0; i < bytes.size(); i += chunk) {
    detector.Feed(bytes.substr(i, chunk));
  }
  return detector.Finish();
}

TEST(TextEncoding, TellsUtf8FromWindows1252) {
  EXPECT_EQ(*Detect("Date,Amount\r\n"), TextEncoding::kUtf8);
  EXPECT_EQ(*Detect("\xEF\xBB\xBF"
                    "Date"),
            TextEncoding::kUtf8WithBom);
  EXPECT_EQ(*Detect("Caf\xC3\xA9"), TextEncoding::kUtf8);
  EXPECT_EQ(*Detect("Caf\xE9 \x80 10"), TextEncoding::kWindows1252);
  // Split across chunks of every size, the answer is the same.
  for (std::size_t chunk : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{64}}) {
    EXPECT_EQ(*Detect("\xEF\xBB\xBF"
                      "Caf\xC3\xA9 \xE2\x82\xAC",
                      chunk),
              TextEncoding::kUtf8WithBom);
  }
}

TEST(TextEncoding, RefusesWhatIsNotText) {
  EXPECT_FALSE(Detect(std::string("a\0b", 3)).ok());
  EXPECT_FALSE(Detect("\x81\x8D\x90").ok());  // Undefined in Windows-1252, invalid UTF-8.
}

TEST(TextEncoding, RejectsMalformedUtf8) {
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xE2\x82"));          // truncated
  EXPECT_TRUE(IsValidUtf8("\xF0\x9F\x92\xB0"));
}

TEST(TextEncoding, DecodesWindows1252ToUtf8) {
  Utf8Decoder decoder(TextEncoding::kWindows1252);
  std::string out;
  decoder.Decode(std::string_view("Caf\xE9 \x80"
                                  "5 \x93q\x94"),
                 out);
  EXPECT_EQ(out,
            "Caf\xC3\xA9 \xE2\x82\xAC"
            "5 \xE2\x80\x9Cq\xE2\x80\x9D");
}

TEST(TextEncoding, DropsTheByteOrderMarkEvenWhenSplit) {
  Utf8Decoder decoder(TextEncoding::kUtf8WithBom);
  std::string out;
  decoder.Decode(std::string_view("\xEF"), out);
  decoder.Decode(std::string_view("\xBB\xBF"
                                  "Da"),
                 out);
  decoder.Decode(std::string_view("te"), out);
  EXPECT_EQ(out, "Date");
}

}  // namespace
}  // namespace finhelm::imports

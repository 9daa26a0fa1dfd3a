#include "crypto/encoding.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/random.hpp"

namespace finhelm::crypto {
namespace {

std::vector<std::uint8_t> Bytes(std::string_view text) { return {text.begin(), text.end()}; }

// RFC 4648 section 10 vectors, in the URL-safe alphabet without padding.
TEST(Base64Url, EncodesRfc4648Vectors) {
  EXPECT_EQ(Base64UrlEncode(AsBytes("")), "");
  EXPECT_EQ(Base64UrlEncode(AsBytes("f")), "Zg");
  EXPECT_EQ(Base64UrlEncode(AsBytes("fo")), "Zm8");
  EXPECT_EQ(Base64UrlEncode(AsBytes("foo")), "Zm9v");
  EXPECT_EQ(Base64UrlEncode(AsBytes("foob")), "Zm9vYg");
  EXPECT_EQ(Base64UrlEncode(AsBytes("fooba")), "Zm9vYmE");
  EXPECT_EQ(Base64UrlEncode(AsBytes("foobar")), "Zm9vYmFy");
  const std::vector<std::uint8_t> high = {0xfb, 0xff, 0xbf};
  EXPECT_EQ(Base64UrlEncode(high), "-_-_");
}

TEST(Base64Url, RoundTripsEveryLength) {
  for (std::size_t size = 0; size < 70; ++size) {
    const std::vector<std::uint8_t> bytes = RandomBytes(size);
    const std::string encoded = Base64UrlEncode(bytes);
    EXPECT_EQ(encoded.find_first_of("+/="), std::string::npos);
    auto decoded = Base64UrlDecode(encoded);
    ASSERT_TRUE(decoded.ok()) << size;
    EXPECT_EQ(*decoded, bytes);
  }
}

TEST(Base64Url, RejectsNonCanonicalText) {
  for (std::string_view bad : {"Zg==", "Zm8=", "Z", "Zm9vY", "Zm+v", "Zm/v", "Zm9 v", " Zm9v",
                               "Zm9v\n", "Zh", "Zm9", "Zm\x80v"}) {
    auto decoded = Base64UrlDecode(bad);
    EXPECT_FALSE(decoded.ok()) << bad;
  }
  EXPECT_EQ(*Base64UrlDecode("Zm8"), Bytes("fo"));
}

// Regression: libsodium 1.0.18 decodes bytes 0x80-0xff as '_' (URL-safe) or '/'
// (standard), so "Zm\x80v" decoded like "Zm_v".
TEST(Base64Url, RejectsBytesAboveAsciiThatLibsodiumWouldAccept) {
  for (int c = 0x80; c <= 0xff; ++c) {
    std::string text = "Zm_v";
    text[2] = static_cast<char>(c);
    EXPECT_FALSE(Base64UrlDecode(text).ok()) << c;
    std::string standard = "Zm/v";
    standard[2] = static_cast<char>(c);
    EXPECT_FALSE(Base64DecodeSecret(standard).ok()) << c;
  }
  EXPECT_TRUE(Base64UrlDecode("Zm_v").ok());
  EXPECT_TRUE(Base64DecodeSecret("Zm/v").ok());
}

TEST(Base64Secret, RoundTripsStandardAlphabetWithPadding) {
  const std::vector<std::uint8_t> high = {0xfb, 0xff, 0xbf, 0x01};
  const SecretBytes encoded = Base64EncodeSecret(high);
  EXPECT_EQ(encoded.AsStringView(), "+/+/AQ==");
  auto decoded = Base64DecodeSecret(encoded.AsStringView());
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(std::vector<std::uint8_t>(decoded->bytes().begin(), decoded->bytes().end()), high);
  EXPECT_FALSE(Base64DecodeSecret("+/+/AQ").ok());
  EXPECT_FALSE(Base64DecodeSecret("-_-_AQ==").ok());
}

TEST(Hex, EncodesLowercase) {
  const std::vector<std::uint8_t> bytes = {0x00, 0x0f, 0xab, 0xff};
  EXPECT_EQ(HexEncode(bytes), "000fabff");
  EXPECT_EQ(HexEncode({}), "");
}

}  // namespace
}  // namespace finhelm::crypto

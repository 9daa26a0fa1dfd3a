#include "crypto/random.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "crypto/encoding.hpp"

namespace finhelm::crypto {
namespace {

// proves AUTH-3 (256-bit tokens) and SESS-1
TEST(RandomToken, Is43Base64UrlCharactersOf256Bits) {
  const std::string token = RandomToken();
  EXPECT_EQ(token.size(), kTokenChars);
  EXPECT_EQ(token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                    "0123456789-_"),
            std::string::npos);
  auto raw = Base64UrlDecode(token);
  ASSERT_TRUE(raw.ok());
  EXPECT_EQ(raw->size(), kTokenBytes);
}

TEST(RandomToken, IsDistinctEachTime) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) seen.insert(RandomToken());
  EXPECT_EQ(seen.size(), 1000u);
}

// proves IN-5 (random 128-bit upload names)
TEST(RandomId128Hex, Is32LowercaseHexCharactersAndDistinct) {
  const std::string id = RandomId128Hex();
  EXPECT_EQ(id.size(), 32u);
  EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(RandomId128Hex(), id);
}

TEST(RandomBytes, HasTheRequestedSizeAndVaries) {
  EXPECT_TRUE(RandomBytes(0).empty());
  EXPECT_EQ(RandomBytes(33).size(), 33u);
  EXPECT_NE(RandomBytes(32), RandomBytes(32));
  const SecretBytes a = RandomSecretBytes(32);
  const SecretBytes b = RandomSecretBytes(32);
  EXPECT_EQ(a.size(), 32u);
  EXPECT_NE(a.AsStringView(), b.AsStringView());
}

}  // namespace
}  // namespace finhelm::crypto

#include "crypto/constant_time.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace finhelm::crypto {
namespace {

TEST(ConstantTimeEquals, ComparesContent) {
  EXPECT_TRUE(ConstantTimeEquals("csrf-token", "csrf-token"));
  EXPECT_FALSE(ConstantTimeEquals("csrf-token", "csrf-tokeN"));
  EXPECT_FALSE(ConstantTimeEquals("Xsrf-token", "csrf-token"));
  EXPECT_TRUE(ConstantTimeEquals("", ""));
  const std::vector<std::uint8_t> a = {0, 1, 2};
  const std::vector<std::uint8_t> b = {0, 1, 3};
  EXPECT_TRUE(ConstantTimeEquals(a, a));
  EXPECT_FALSE(ConstantTimeEquals(a, b));
}

TEST(ConstantTimeEquals, DifferentLengthsAreUnequal) {
  EXPECT_FALSE(ConstantTimeEquals("abc", "abcd"));
  EXPECT_FALSE(ConstantTimeEquals("abcd", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("", "a"));
  // A prefix must not compare equal, nor may embedded NULs end the comparison early.
  EXPECT_FALSE(ConstantTimeEquals(std::string("ab\0c", 4), std::string("ab\0d", 4)));
}

}  // namespace
}  // namespace finhelm::crypto

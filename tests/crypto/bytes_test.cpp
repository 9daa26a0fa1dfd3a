#include "crypto/bytes.hpp"

#include <gtest/gtest.h>

#include <string>

namespace finhelm::crypto {
namespace {

TEST(AsBytes, ViewsTextWithoutCopying) {
  const std::string text("a\0b", 3);
  const ByteSpan bytes = AsBytes(text);
  EXPECT_EQ(bytes.size(), 3u);
  EXPECT_EQ(static_cast<const void*>(bytes.data()), static_cast<const void*>(text.data()));
  EXPECT_EQ(bytes[1], 0);
  EXPECT_EQ(bytes[2], 'b');
}

}  // namespace
}  // namespace finhelm::crypto

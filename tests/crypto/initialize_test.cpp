#include "crypto/initialize.hpp"

#include <gtest/gtest.h>

namespace finhelm::crypto {
namespace {

TEST(InitializeCrypto, SucceedsAndIsIdempotent) {
  EXPECT_TRUE(InitializeCrypto().ok());
  EXPECT_TRUE(InitializeCrypto().ok());
}

}  // namespace
}  // namespace finhelm::crypto

#include "core/result.hpp"

#include <gtest/gtest.h>

#include <string>

namespace finhelm {
namespace {

Result<int> ParsePositive(int x) {
  if (x <= 0) return MakeError(ErrorCode::kInvalidArgument, "not positive");
  return x;
}

TEST(Result, CarriesValueOrError) {
  auto good = ParsePositive(3);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 3);

  auto bad = ParsePositive(-1);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(bad.error().message, "not positive");
}

TEST(Status, DefaultsToOk) {
  Status status;
  EXPECT_TRUE(status.ok());
  Status failed = MakeError(ErrorCode::kConflict, "taken");
  EXPECT_FALSE(failed.ok());
  EXPECT_STREQ(ErrorCodeName(failed.error().code), "conflict");
}

}  // namespace
}  // namespace finhelm

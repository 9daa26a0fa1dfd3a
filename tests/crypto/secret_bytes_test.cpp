#include "crypto/secret_bytes.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <type_traits>
#include <utility>

namespace finhelm::crypto {
namespace {

bool AllZero(const SecretBytes& secret) {
  return std::all_of(secret.bytes().begin(), secret.bytes().end(),
                     [](std::uint8_t b) { return b == 0; });
}

TEST(SecretBytes, IsMoveOnly) {
  static_assert(!std::is_copy_constructible_v<SecretBytes>);
  static_assert(!std::is_copy_assignable_v<SecretBytes>);
  static_assert(std::is_nothrow_move_constructible_v<SecretBytes>);
  static_assert(std::is_nothrow_move_assignable_v<SecretBytes>);
}

TEST(SecretBytes, StartsZeroedAndSized) {
  SecretBytes secret(48);
  EXPECT_EQ(secret.size(), 48u);
  EXPECT_FALSE(secret.empty());
  EXPECT_TRUE(AllZero(secret));
  SecretBytes empty;
  EXPECT_TRUE(empty.empty());
  EXPECT_EQ(empty.data(), nullptr);
  EXPECT_TRUE(SecretBytes(0).empty());
}

TEST(SecretBytes, MoveTransfersTheBufferAndEmptiesTheSource) {
  SecretBytes source = SecretBytes::CopyOf("hunter2");
  const std::uint8_t* buffer = source.data();
  SecretBytes moved(std::move(source));
  // The same allocation changes hands, so no second copy of the secret is left behind.
  EXPECT_EQ(moved.data(), buffer);
  EXPECT_EQ(moved.AsStringView(), "hunter2");
  EXPECT_EQ(source.data(), nullptr);  // NOLINT(bugprone-use-after-move): the point.
  EXPECT_EQ(source.size(), 0u);       // NOLINT(bugprone-use-after-move)

  SecretBytes target = SecretBytes::CopyOf("old");
  target = std::move(moved);
  EXPECT_EQ(target.data(), buffer);
  EXPECT_EQ(moved.data(), nullptr);  // NOLINT(bugprone-use-after-move)
}

TEST(SecretBytes, SelfMoveAssignmentKeepsTheSecret) {
  SecretBytes secret = SecretBytes::CopyOf("keep");
  SecretBytes& alias = secret;
  secret = std::move(alias);
  EXPECT_EQ(secret.AsStringView(), "keep");
}

TEST(SecretBytes, CloneIsIndependent) {
  SecretBytes original = SecretBytes::CopyOf("abc");
  SecretBytes copy = original.Clone();
  EXPECT_NE(copy.data(), original.data());
  copy.data()[0] = 'x';
  EXPECT_EQ(original.AsStringView(), "abc");
  EXPECT_EQ(copy.AsStringView(), "xbc");
}

TEST(SecretBytes, TruncateWipesTheDroppedTail) {
  SecretBytes secret = SecretBytes::CopyOf("password\n");
  std::uint8_t* buffer = secret.data();
  secret.Truncate(8);
  EXPECT_EQ(secret.AsStringView(), "password");
  // The allocation is still ours, so the dropped byte can be inspected: it was wiped.
  EXPECT_EQ(buffer[8], 0);
}

TEST(SecretBytes, ReleaseEmptiesNow) {
  SecretBytes secret = SecretBytes::CopyOf("gone");
  secret.Release();
  EXPECT_TRUE(secret.empty());
  EXPECT_EQ(secret.data(), nullptr);
  secret.Release();
  EXPECT_TRUE(secret.empty());
}

}  // namespace
}  // namespace finhelm::crypto

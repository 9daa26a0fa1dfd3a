#include "crypto/data_key.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "crypto/envelope.hpp"

namespace finhelm::crypto {
namespace {

const std::string kRow = RowIdentity("oauth_tokens", "refresh_token", "7", "42");

std::string Text(const SecretBytes& secret) { return std::string(secret.AsStringView()); }

TEST(DataKey, GeneratesDistinctKeysOfTheRightSize) {
  const DataKey a = DataKey::Generate(1);
  const DataKey b = DataKey::Generate(1);
  EXPECT_EQ(a.key().size(), kDataKeyBytes);
  EXPECT_NE(a.key().AsStringView(), b.key().AsStringView());
  const DataKey clone = a.Clone();
  EXPECT_EQ(clone.version(), 1u);
  EXPECT_EQ(clone.key().AsStringView(), a.key().AsStringView());
}

TEST(DataKey, RefusesBadMaterial) {
  EXPECT_EQ(DataKey::FromBytes(0, SecretBytes(32)).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(DataKey::FromBytes(1, SecretBytes(31)).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(DataKey::FromBytes(1, SecretBytes(33)).error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(DataKey::FromBytes(1, SecretBytes(32)).ok());
}

TEST(DataKeyRing, RotationKeepsOldVersionsOpenable) {
  DataKeyRing ring(DataKey::Generate(1));
  const std::vector<std::uint8_t> old_sealed = ring.Seal(AsBytes("before"), kRow);
  auto rotated = ring.Rotate();
  ASSERT_TRUE(rotated.ok());
  EXPECT_EQ(*rotated, 2u);
  EXPECT_EQ(ring.current().version(), 2u);

  const std::vector<std::uint8_t> new_sealed = ring.Seal(AsBytes("after"), kRow);
  EXPECT_EQ(*SealedKeyVersion(new_sealed), 2u);
  EXPECT_EQ(Text(*ring.Open(old_sealed, kRow)), "before");
  EXPECT_EQ(Text(*ring.Open(new_sealed, kRow)), "after");
}

TEST(DataKeyRing, ResealMovesValuesToTheCurrentVersionSoOldOnesCanRetire) {
  DataKeyRing ring(DataKey::Generate(1));
  const std::vector<std::uint8_t> old_sealed = ring.Seal(AsBytes("secret"), kRow);
  ASSERT_TRUE(ring.Rotate().ok());
  auto resealed = ring.Reseal(old_sealed, kRow);
  ASSERT_TRUE(resealed.ok());
  EXPECT_EQ(*SealedKeyVersion(*resealed), 2u);

  ASSERT_TRUE(ring.Retire(1).ok());
  EXPECT_EQ(ring.versions(), std::vector<std::uint32_t>{2});
  EXPECT_EQ(Text(*ring.Open(*resealed, kRow)), "secret");
  auto orphan = ring.Open(old_sealed, kRow);
  ASSERT_FALSE(orphan.ok());
  EXPECT_EQ(orphan.error().code, ErrorCode::kDataLoss);
  EXPECT_FALSE(ring.Reseal(*resealed, "another row").ok());
}

TEST(DataKeyRing, GuardsItsVersions) {
  DataKeyRing ring(DataKey::Generate(5));
  EXPECT_EQ(ring.Add(DataKey::Generate(5)).error().code, ErrorCode::kConflict);
  EXPECT_TRUE(ring.Add(DataKey::Generate(2)).ok());
  EXPECT_EQ(ring.current().version(), 5u);
  EXPECT_EQ(ring.versions(), (std::vector<std::uint32_t>{2, 5}));
  EXPECT_NE(ring.Find(2), nullptr);
  EXPECT_EQ(ring.Find(3), nullptr);
  EXPECT_EQ(ring.Retire(5).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(ring.Retire(4).error().code, ErrorCode::kNotFound);

  DataKeyRing last(DataKey::Generate(0xffffffff));
  EXPECT_EQ(last.Rotate().error().code, ErrorCode::kResourceExhausted);
}

}  // namespace
}  // namespace finhelm::crypto

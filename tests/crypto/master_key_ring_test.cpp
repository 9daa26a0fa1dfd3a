#include "crypto/master_key_ring.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <utility>
#include <vector>

#include "crypto/envelope.hpp"
#include "crypto/random.hpp"

namespace finhelm::crypto {
namespace {

MasterKey NewMasterKey(std::uint32_t version) {
  return MasterKey{version, RandomSecretBytes(kMasterKeyBytes)};
}

MasterKey CopyOf(const MasterKey& key) { return MasterKey{key.version, key.key.Clone()}; }

// Move-only keys cannot travel in an initializer list, hence the pack.
template <typename... Keys>
MasterKeyRing Ring(Keys... keys) {
  std::vector<MasterKey> list;
  (list.push_back(std::move(keys)), ...);
  auto ring = MasterKeyRing::Create(std::move(list));
  EXPECT_TRUE(ring.ok());
  return std::move(ring).value();
}

bool SameKey(const DataKey& a, const DataKey& b) {
  return a.version() == b.version() && a.key().AsStringView() == b.key().AsStringView();
}

// proves DATA-2 (data keys wrapped by a master key)
TEST(MasterKeyRing, WrapsAndUnwrapsDataKeys) {
  const MasterKeyRing ring = Ring(NewMasterKey(1));
  const DataKey data_key = DataKey::Generate(4);
  const std::vector<std::uint8_t> wrapped = ring.WrapDataKey(data_key, "org-7");
  EXPECT_EQ(wrapped.size(), 77u);
  EXPECT_EQ(*WrappedMasterKeyVersion(wrapped), 1u);
  auto unwrapped = ring.UnwrapDataKey(wrapped, "org-7", 4);
  ASSERT_TRUE(unwrapped.ok()) << unwrapped.error().message;
  EXPECT_TRUE(SameKey(*unwrapped, data_key));
}

TEST(MasterKeyRing, WrappedKeyIsBoundToOrganizationAndVersion) {
  const MasterKeyRing ring = Ring(NewMasterKey(1));
  const std::vector<std::uint8_t> wrapped = ring.WrapDataKey(DataKey::Generate(4), "org-7");
  EXPECT_EQ(ring.UnwrapDataKey(wrapped, "org-8", 4).error().code, ErrorCode::kDataLoss);
  EXPECT_EQ(ring.UnwrapDataKey(wrapped, "org-7", 5).error().code, ErrorCode::kDataLoss);
  EXPECT_EQ(ring.UnwrapDataKey(wrapped, "", 4).error().code, ErrorCode::kDataLoss);
}

TEST(MasterKeyRing, TamperedWrappedKeyIsDataLoss) {
  const MasterKeyRing ring = Ring(NewMasterKey(1));
  const std::vector<std::uint8_t> wrapped = ring.WrapDataKey(DataKey::Generate(1), "org");
  for (std::size_t byte = 0; byte < wrapped.size(); ++byte) {
    std::vector<std::uint8_t> tampered = wrapped;
    tampered[byte] ^= 0x80;
    EXPECT_EQ(ring.UnwrapDataKey(tampered, "org", 1).error().code, ErrorCode::kDataLoss) << byte;
  }
  std::vector<std::uint8_t> longer = wrapped;
  longer.push_back(0);
  EXPECT_EQ(ring.UnwrapDataKey(longer, "org", 1).error().code, ErrorCode::kDataLoss);
}

TEST(MasterKeyRing, RewrapMovesADataKeyToTheCurrentMasterVersion) {
  const MasterKey first = NewMasterKey(1);
  const MasterKey second = NewMasterKey(2);
  const DataKey data_key = DataKey::Generate(2);
  const std::vector<std::uint8_t> wrapped = Ring(CopyOf(first)).WrapDataKey(data_key, "org-7");
  const std::vector<std::uint8_t> sealed = Seal(data_key, AsBytes("secret"), "row");

  const MasterKeyRing rotated = Ring(CopyOf(second), CopyOf(first));
  EXPECT_EQ(rotated.current_version(), 2u);
  EXPECT_EQ(rotated.versions(), (std::vector<std::uint32_t>{1, 2}));
  ASSERT_TRUE(rotated.UnwrapDataKey(wrapped, "org-7", 2).ok());
  auto rewrapped = rotated.RewrapDataKey(wrapped, "org-7", 2);
  ASSERT_TRUE(rewrapped.ok()) << rewrapped.error().message;
  EXPECT_EQ(*WrappedMasterKeyVersion(*rewrapped), 2u);

  // Once version 1 leaves the key file, only the rewrapped key still unwraps, and what it
  // sealed before the rotation still opens.
  const MasterKeyRing current_only = Ring(CopyOf(second));
  auto stale = current_only.UnwrapDataKey(wrapped, "org-7", 2);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, ErrorCode::kDataLoss);
  auto unwrapped = current_only.UnwrapDataKey(*rewrapped, "org-7", 2);
  ASSERT_TRUE(unwrapped.ok());
  EXPECT_TRUE(SameKey(*unwrapped, data_key));
  auto opened = Open(*unwrapped, sealed, "row");
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(opened->AsStringView(), "secret");
}

TEST(MasterKeyRing, RewrapFailsForAForeignBlob) {
  const MasterKeyRing ring = Ring(NewMasterKey(1));
  const std::vector<std::uint8_t> foreign =
      Ring(NewMasterKey(1)).WrapDataKey(DataKey::Generate(1), "org");
  EXPECT_EQ(ring.RewrapDataKey(foreign, "org", 1).error().code, ErrorCode::kDataLoss);
}

TEST(MasterKeyRing, RefusesBadKeyLists) {
  EXPECT_FALSE(MasterKeyRing::Create({}).ok());
  std::vector<MasterKey> zero;
  zero.push_back(NewMasterKey(0));
  EXPECT_FALSE(MasterKeyRing::Create(std::move(zero)).ok());
  std::vector<MasterKey> duplicate;
  duplicate.push_back(NewMasterKey(3));
  duplicate.push_back(NewMasterKey(3));
  EXPECT_FALSE(MasterKeyRing::Create(std::move(duplicate)).ok());
  std::vector<MasterKey> short_key;
  short_key.push_back(MasterKey{1, SecretBytes(16)});
  EXPECT_FALSE(MasterKeyRing::Create(std::move(short_key)).ok());
}

}  // namespace
}  // namespace finhelm::crypto

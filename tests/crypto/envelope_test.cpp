#include "crypto/envelope.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "crypto/data_key.hpp"

namespace finhelm::crypto {
namespace {

const std::string kRow = RowIdentity("oauth_tokens", "refresh_token", "7", "42");

std::string Text(const SecretBytes& secret) { return std::string(secret.AsStringView()); }

// proves DATA-2 (secrets sealed with an AEAD under a versioned data key)
TEST(Envelope, SealsAndOpens) {
  const DataKey key = DataKey::Generate(3);
  const std::vector<std::uint8_t> sealed = Seal(key, AsBytes("refresh-token-value"), kRow);
  EXPECT_EQ(sealed.size(), 19 + kSealedOverheadBytes);
  EXPECT_EQ(sealed[0], kSealedFormatV1);
  EXPECT_EQ(*SealedKeyVersion(sealed), 3u);
  auto opened = Open(key, sealed, kRow);
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  EXPECT_EQ(Text(*opened), "refresh-token-value");
}

TEST(Envelope, NamesTheKeyVersionBigEndian) {
  const DataKey key = DataKey::Generate(0x01020304);
  const std::vector<std::uint8_t> sealed = Seal(key, AsBytes("x"), kRow);
  EXPECT_EQ(sealed[1], 0x01);
  EXPECT_EQ(sealed[2], 0x02);
  EXPECT_EQ(sealed[3], 0x03);
  EXPECT_EQ(sealed[4], 0x04);
}

TEST(Envelope, SealsEmptyPlaintext) {
  const DataKey key = DataKey::Generate(1);
  auto opened = Open(key, Seal(key, {}, kRow), kRow);
  ASSERT_TRUE(opened.ok());
  EXPECT_TRUE(opened->empty());
}

TEST(Envelope, UsesAFreshNonceEachTime) {
  const DataKey key = DataKey::Generate(1);
  EXPECT_NE(Seal(key, AsBytes("same"), kRow), Seal(key, AsBytes("same"), kRow));
}

TEST(Envelope, AnyFlippedBitIsDataLoss) {
  const DataKey key = DataKey::Generate(1);
  const std::vector<std::uint8_t> sealed = Seal(key, AsBytes("totp-secret"), kRow);
  for (std::size_t byte = 0; byte < sealed.size(); ++byte) {
    for (int bit = 0; bit < 8; ++bit) {
      std::vector<std::uint8_t> tampered = sealed;
      tampered[byte] ^= static_cast<std::uint8_t>(1u << bit);
      auto opened = Open(key, tampered, kRow);
      ASSERT_FALSE(opened.ok()) << "byte " << byte << " bit " << bit;
      EXPECT_EQ(opened.error().code, ErrorCode::kDataLoss);
    }
  }
}

TEST(Envelope, TruncatedOrExtendedIsDataLoss) {
  const DataKey key = DataKey::Generate(1);
  const std::vector<std::uint8_t> sealed = Seal(key, AsBytes("secret"), kRow);
  for (std::size_t size = 0; size < sealed.size(); ++size) {
    auto opened = Open(key, std::span(sealed).first(size), kRow);
    ASSERT_FALSE(opened.ok()) << size;
    EXPECT_EQ(opened.error().code, ErrorCode::kDataLoss);
  }
  std::vector<std::uint8_t> extended = sealed;
  extended.push_back(0);
  EXPECT_EQ(Open(key, extended, kRow).error().code, ErrorCode::kDataLoss);
}

// proves DATA-2 (the row identity is the associated data)
TEST(Envelope, CiphertextMovedToAnotherRowDoesNotOpen) {
  const DataKey key = DataKey::Generate(1);
  const std::vector<std::uint8_t> sealed = Seal(key, AsBytes("secret"), kRow);
  for (const std::string& other :
       {RowIdentity("oauth_tokens", "refresh_token", "7", "43"),
        RowIdentity("oauth_tokens", "access_token", "7", "42"),
        RowIdentity("oauth_tokens", "refresh_token", "8", "42"),
        RowIdentity("totp_secrets", "refresh_token", "7", "42"), std::string()}) {
    auto opened = Open(key, sealed, other);
    ASSERT_FALSE(opened.ok()) << other;
    EXPECT_EQ(opened.error().code, ErrorCode::kDataLoss);
  }
}

TEST(Envelope, WrongKeyOrVersionDoesNotOpen) {
  const DataKey key = DataKey::Generate(1);
  const std::vector<std::uint8_t> sealed = Seal(key, AsBytes("secret"), kRow);

  auto other_version = Open(key.Clone(), sealed, kRow);
  ASSERT_TRUE(other_version.ok());
  auto relabelled = DataKey::FromBytes(2, key.key().Clone());
  ASSERT_TRUE(relabelled.ok());
  auto wrong_version = Open(*relabelled, sealed, kRow);
  ASSERT_FALSE(wrong_version.ok());
  EXPECT_EQ(wrong_version.error().code, ErrorCode::kDataLoss);
  EXPECT_NE(wrong_version.error().message.find("version"), std::string::npos);

  auto wrong_key = Open(DataKey::Generate(1), sealed, kRow);
  ASSERT_FALSE(wrong_key.ok());
  EXPECT_EQ(wrong_key.error().code, ErrorCode::kDataLoss);
}

TEST(Envelope, UnknownFormatIsDataLoss) {
  const DataKey key = DataKey::Generate(1);
  std::vector<std::uint8_t> sealed = Seal(key, AsBytes("secret"), kRow);
  sealed[0] = 2;
  EXPECT_EQ(Open(key, sealed, kRow).error().code, ErrorCode::kDataLoss);
  EXPECT_EQ(SealedKeyVersion(sealed).error().code, ErrorCode::kDataLoss);
}

TEST(RowIdentity, KeepsPartsApart) {
  EXPECT_EQ(RowIdentity("oauth_tokens", "refresh_token", "7", "42"),
            "12:oauth_tokens,13:refresh_token,1:7,2:42,");
  EXPECT_NE(RowIdentity("a:b", "c", "1", "2"), RowIdentity("a", "b:c", "1", "2"));
  EXPECT_NE(RowIdentity("t", "c", "1,", "2"), RowIdentity("t", "c", "1", ",2"));
}

}  // namespace
}  // namespace finhelm::crypto

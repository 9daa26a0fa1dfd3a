#include "identity/totp.hpp"

#include <gtest/gtest.h>

#include "crypto/bytes.hpp"

namespace finhelm::identity {
namespace {

// RFC 6238 appendix B, the SHA-1 rows: the ASCII secret "12345678901234567890".
constexpr std::string_view kRfcSecret = "12345678901234567890";

// proves AUTH-6: RFC 6238's known answers (8 digits, as the RFC prints them).
TEST(Totp, MatchesRfc6238Vectors) {
  struct Vector {
    std::int64_t time;
    const char* code;
  };
  for (const Vector& vector : {Vector{59, "94287082"}, Vector{1111111109, "07081804"},
                               Vector{1111111111, "14050471"}, Vector{1234567890, "89005924"},
                               Vector{2000000000, "69279037"}, Vector{20000000000, "65353130"}}) {
    auto code = TotpCode(crypto::AsBytes(kRfcSecret), vector.time, 8);
    ASSERT_TRUE(code.ok());
    EXPECT_EQ(*code, vector.code) << "T = " << vector.time;
  }
  // Six digits are the last six of the same number.
  EXPECT_EQ(*TotpCode(crypto::AsBytes(kRfcSecret), 59), "287082");
}

// proves AUTH-6: one step of skew either side, and a code is accepted once.
TEST(Totp, AcceptsOneStepOfSkewAndNeverTheSameStepTwice) {
  auto secret = crypto::AsBytes(kRfcSecret);
  std::int64_t now = 1111111111;
  std::int64_t step = TotpStep(now);
  std::string previous = *TotpCode(secret, now - 30);
  std::string current = *TotpCode(secret, now);
  std::string next = *TotpCode(secret, now + 30);
  std::string too_old = *TotpCode(secret, now - 60);
  EXPECT_EQ(MatchTotp(secret, now, previous, 0), step - 1);
  EXPECT_EQ(MatchTotp(secret, now, current, 0), step);
  EXPECT_EQ(MatchTotp(secret, now, next, 0), step + 1);
  EXPECT_EQ(MatchTotp(secret, now, too_old, 0), std::nullopt);
  EXPECT_EQ(MatchTotp(secret, now, current, step), std::nullopt);  // Already used.
  EXPECT_EQ(MatchTotp(secret, now, next, step), step + 1);
  EXPECT_EQ(MatchTotp(secret, now, "12345", 0), std::nullopt);
  EXPECT_EQ(MatchTotp(secret, now, "", 0), std::nullopt);
}

TEST(Totp, EncodesSecretsForAuthenticatorApps) {
  EXPECT_EQ(Base32Encode(crypto::AsBytes(kRfcSecret)), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  EXPECT_EQ(Base32Encode(crypto::AsBytes("f")), "MY");
  EXPECT_EQ(OtpauthUri("jo+x@example.com", "ABC"),
            "otpauth://totp/FinHelm:jo%2Bx@example.com?secret=ABC&issuer=FinHelm&algorithm=SHA1"
            "&digits=6&period=30");
}

}  // namespace
}  // namespace finhelm::identity

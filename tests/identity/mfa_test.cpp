#include "identity/mfa.hpp"

#include <gtest/gtest.h>

#include <set>

#include "identity/totp.hpp"
#include "tests/identity/identity_fixture.hpp"

namespace finhelm::identity {
namespace {

using std::chrono::seconds;

using testing::DecodeBase32;

class MfaStoreTest : public testing::IdentityTest {
 protected:
  void SetUp() override {
    IdentityTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    user_ = AddUser("jo@example.com");
    auto connection = database().Acquire();
    ASSERT_TRUE(connection.ok());
    connection_.emplace(std::move(*connection));
  }
  void TearDown() override {
    connection_.reset();
    IdentityTest::TearDown();
  }

  std::string CodeAt(const TotpEnrollment& enrollment, std::int64_t offset_seconds = 0) {
    return *TotpCode(DecodeBase32(enrollment.secret_base32),
                     clock_.NowUnixSeconds() + offset_seconds);
  }
  storage::Connection& connection() { return **connection_; }

  crypto::MasterKeyRing master_ = testing::TestMasterRing();
  secrets::DataKeyStore keys_{master_, clock_};
  MfaStore store_{keys_, clock_};
  UserId user_;
  std::optional<storage::PooledConnection> connection_;
};

// proves AUTH-6 and DATA-2: a 160-bit secret, stored sealed, never in clear.
TEST_P(MfaStoreTest, EnrollmentStoresTheSecretSealed) {
  auto enrollment = store_.Begin(connection(), user_, "jo@example.com");
  ASSERT_TRUE(enrollment.ok()) << enrollment.error().message;
  EXPECT_EQ(DecodeBase32(enrollment->secret_base32).size(), kTotpSecretBytes);
  EXPECT_TRUE(enrollment->otpauth_uri.starts_with("otpauth://totp/FinHelm:jo@example.com?secret="));
  auto row = connection().QueryOptional("SELECT sealed_secret FROM totp_credentials");
  ASSERT_TRUE(row.ok() && row->has_value());
  const storage::Blob& sealed = (*row)->Bytes(0);
  std::vector<std::uint8_t> secret = DecodeBase32(enrollment->secret_base32);
  EXPECT_EQ(sealed.size(), secret.size() + 45);
  EXPECT_EQ(std::search(sealed.begin(), sealed.end(), secret.begin(), secret.end()), sealed.end());
  EXPECT_FALSE(*store_.IsEnrolled(connection(), user_));  // Not until confirmed.
}

// proves AUTH-6: confirmation needs a right code and yields 10 single-use recovery codes.
TEST_P(MfaStoreTest, ConfirmationReturnsTenRecoveryCodesOnce) {
  auto enrollment = store_.Begin(connection(), user_, "jo@example.com");
  ASSERT_TRUE(enrollment.ok());
  EXPECT_EQ(store_.Confirm(connection(), user_, "000000").error().code,
            ErrorCode::kInvalidArgument);
  auto codes = store_.Confirm(connection(), user_, CodeAt(*enrollment));
  ASSERT_TRUE(codes.ok());
  ASSERT_EQ(codes->size(), 10u);
  EXPECT_EQ(std::set<std::string>(codes->begin(), codes->end()).size(), 10u);
  EXPECT_TRUE(*store_.IsEnrolled(connection(), user_));
  EXPECT_EQ(store_.Begin(connection(), user_, "jo@example.com").error().code, ErrorCode::kConflict);

  auto stored = connection().Query("SELECT code_hash FROM recovery_codes");
  ASSERT_EQ(stored->size(), 10u);
  for (const auto& row : *stored) EXPECT_EQ(row.Text(0).size(), 64u);  // SHA-256 hex only.

  std::string lower = (*codes)[3];
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(*store_.Verify(connection(), user_, lower), SecondFactor::kRecoveryCode);
  EXPECT_EQ(*store_.Verify(connection(), user_, (*codes)[3]), SecondFactor::kNone);  // Used.
}

// proves AUTH-6: a code is accepted once, even within its 30 seconds.
TEST_P(MfaStoreTest, ACodeIsAcceptedOnlyOnce) {
  auto enrollment = store_.Begin(connection(), user_, "jo@example.com");
  ASSERT_TRUE(store_.Confirm(connection(), user_, CodeAt(*enrollment)).ok());
  EXPECT_EQ(*store_.Verify(connection(), user_, CodeAt(*enrollment)), SecondFactor::kNone);
  EXPECT_EQ(*store_.Verify(connection(), user_, CodeAt(*enrollment, 30)), SecondFactor::kTotp);
  EXPECT_EQ(*store_.Verify(connection(), user_, CodeAt(*enrollment, 30)), SecondFactor::kNone);
  clock_.Advance(seconds(60));
  EXPECT_EQ(*store_.Verify(connection(), user_, CodeAt(*enrollment)), SecondFactor::kTotp);
  EXPECT_EQ(*store_.Verify(connection(), user_, CodeAt(*enrollment, -90)), SecondFactor::kNone);
}

// proves DATA-2: a sealed secret moved to another user's row no longer opens.
TEST_P(MfaStoreTest, SecretCopiedToAnotherRowDoesNotOpen) {
  UserId other = AddUser("eve@example.com");
  auto mine = store_.Begin(connection(), user_, "jo@example.com");
  auto theirs = store_.Begin(connection(), other, "eve@example.com");
  ASSERT_TRUE(mine.ok() && theirs.ok());
  ASSERT_TRUE(connection()
                  .Execute("UPDATE totp_credentials SET sealed_secret = "
                           "(SELECT sealed_secret FROM totp_credentials WHERE user_id = ?) "
                           "WHERE user_id = ?",
                           {user_.value, other.value})
                  .ok());
  auto confirmed = store_.Confirm(connection(), other, CodeAt(*mine));
  ASSERT_FALSE(confirmed.ok());
  EXPECT_EQ(confirmed.error().code, ErrorCode::kDataLoss);
}

TEST_P(MfaStoreTest, RemovalForgetsTheFactorAndItsCodes) {
  auto enrollment = store_.Begin(connection(), user_, "jo@example.com");
  auto codes = store_.Confirm(connection(), user_, CodeAt(*enrollment));
  ASSERT_TRUE(store_.Remove(connection(), user_).ok());
  EXPECT_FALSE(*store_.IsEnrolled(connection(), user_));
  EXPECT_EQ(*store_.Verify(connection(), user_, (*codes)[0]), SecondFactor::kNone);
  EXPECT_TRUE(connection().Query("SELECT code_hash FROM recovery_codes")->empty());
}

INSTANTIATE_BACKENDS(MfaStoreTest);

}  // namespace
}  // namespace finhelm::identity

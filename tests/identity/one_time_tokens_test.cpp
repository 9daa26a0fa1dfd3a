#include "identity/one_time_tokens.hpp"

#include <gtest/gtest.h>

#include "crypto/hash.hpp"
#include "identity/retention.hpp"
#include "tests/identity/identity_fixture.hpp"

namespace finhelm::identity {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

class OneTimeTokenTest : public testing::IdentityTest {
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

  std::string Issue(TokenPurpose purpose) {
    auto token = IssueOneTimeToken(**connection_, user_, purpose, clock_);
    EXPECT_TRUE(token.ok());
    return token.ok() ? *token : std::string();
  }
  bool Consume(std::string_view token, TokenPurpose purpose) {
    auto user = ConsumeOneTimeToken(**connection_, token, purpose, clock_);
    if (user.ok()) {
      EXPECT_EQ(*user, user_);
    }
    return user.ok();
  }

  UserId user_;
  std::optional<storage::PooledConnection> connection_;
};

// proves AUTH-3: 256 bits, stored only as SHA-256, single use.
TEST_P(OneTimeTokenTest, IsStoredHashedAndUsableOnce) {
  std::string token = Issue(TokenPurpose::kVerifyEmail);
  EXPECT_EQ(token.size(), 43u);
  auto stored = (*connection_)->Query("SELECT token_hash FROM one_time_tokens");
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->size(), 1u);
  EXPECT_EQ((*stored)[0].Text(0), crypto::Sha256Hex(token));
  EXPECT_FALSE(Consume(token, TokenPurpose::kResetPassword));  // Wrong purpose.
  EXPECT_TRUE(Consume(token, TokenPurpose::kVerifyEmail));
  EXPECT_FALSE(Consume(token, TokenPurpose::kVerifyEmail));
  EXPECT_FALSE(Consume("not-a-token", TokenPurpose::kVerifyEmail));
}

// proves AUTH-3: verification tokens expire after 24 h.
TEST_P(OneTimeTokenTest, VerificationExpiresAfterADay) {
  std::string early = Issue(TokenPurpose::kVerifyEmail);
  std::string late = Issue(TokenPurpose::kVerifyEmail);
  clock_.Advance(hours(24) - seconds(1));
  EXPECT_TRUE(Consume(early, TokenPurpose::kVerifyEmail));
  clock_.Advance(seconds(1));
  EXPECT_FALSE(Consume(late, TokenPurpose::kVerifyEmail));
}

// proves AUTH-3: reset tokens expire after 1 h, and a new one voids the older ones.
TEST_P(OneTimeTokenTest, ResetExpiresAfterAnHourAndANewOneVoidsOlderOnes) {
  std::string first = Issue(TokenPurpose::kResetPassword);
  std::string second = Issue(TokenPurpose::kResetPassword);
  EXPECT_FALSE(Consume(first, TokenPurpose::kResetPassword));
  std::string third = Issue(TokenPurpose::kResetPassword);
  clock_.Advance(minutes(60));
  EXPECT_FALSE(Consume(third, TokenPurpose::kResetPassword));
  std::string fourth = Issue(TokenPurpose::kResetPassword);
  clock_.Advance(minutes(59));
  EXPECT_TRUE(Consume(fourth, TokenPurpose::kResetPassword));
  EXPECT_FALSE(Consume(second, TokenPurpose::kResetPassword));
}

// proves DATA-6: spent and expired tokens are deleted a day later.
TEST_P(OneTimeTokenTest, SpentTokensArePurgedAfterADay) {
  std::string used = Issue(TokenPurpose::kVerifyEmail);
  ASSERT_TRUE(Consume(used, TokenPurpose::kVerifyEmail));
  Issue(TokenPurpose::kResetPassword);  // Expires in an hour.
  Issue(TokenPurpose::kVerifyEmail);    // Expires after 24 h: not a day past it yet.
  clock_.Advance(hours(23));
  EXPECT_EQ(*PurgeSpentTokens(**connection_, clock_), 0);
  clock_.Advance(hours(3));  // The used one a day ago, the reset one expired a day ago.
  EXPECT_EQ(*PurgeSpentTokens(**connection_, clock_), 2);
  EXPECT_EQ((*connection_)->Query("SELECT token_hash FROM one_time_tokens")->size(), 1u);
}

INSTANTIATE_BACKENDS(OneTimeTokenTest);

}  // namespace
}  // namespace finhelm::identity

#include "identity/accounts.hpp"

#include <gtest/gtest.h>

#include <mutex>
#include <regex>

#include "identity/account_mail.hpp"
#include "identity/email_address.hpp"
#include "identity/email_change.hpp"
#include "identity/totp.hpp"
#include "jobs/job_registry.hpp"
#include "jobs/job_runner.hpp"
#include "mail/mail_message.hpp"
#include "tests/identity/identity_fixture.hpp"

namespace finhelm::identity {
namespace {

using std::chrono::seconds;

constexpr std::string_view kPassword = "violet kettle marches under 9 lanterns";
constexpr std::string_view kNewPassword = "seven copper herons fold the maps";
constexpr std::string_view kAgent = "Test/1.0";

class CapturingTransport final : public mail::MailTransport {
 public:
  Status Send(const mail::MailMessage& message) override {
    std::lock_guard lock(mutex_);
    sent_.push_back(message);
    return Status::Ok();
  }
  std::vector<mail::MailMessage> Take() {
    std::lock_guard lock(mutex_);
    return std::exchange(sent_, {});
  }

 private:
  std::mutex mutex_;
  std::vector<mail::MailMessage> sent_;
};

// The token of the link in a message ("...#token=XYZ").
std::string TokenIn(const mail::MailMessage& message) {
  std::smatch match;
  if (!std::regex_search(message.text, match, std::regex("#token=([A-Za-z0-9_-]{43})"))) {
    return {};
  }
  return match[1];
}

class AccountsTest : public testing::IdentityTest {
 protected:
  void SetUp() override {
    IdentityTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto policy = PasswordPolicy::Load({});
    ASSERT_TRUE(policy.ok());
    policy_.emplace(std::move(*policy));
    accounts_ = std::make_unique<Accounts>(database(), clock_, *policy_, hasher_, sessions_,
                                           throttle_, queue_, mfa_);
    ASSERT_TRUE(RegisterAccountMailJob(registry_, database(), clock_, transport_,
                                       {"https://books.example.com"})
                    .ok());
    jobs::JobRunnerOptions options;
    options.worker_id = "test";
    runner_ = std::make_unique<jobs::JobRunner>(database(), registry_, clock_, options);
  }
  void TearDown() override {
    runner_.reset();
    accounts_.reset();
    IdentityTest::TearDown();
  }

  // Runs every queued job and returns the mail they sent.
  std::vector<mail::MailMessage> DeliverMail() {
    while (true) {
      auto ran = runner_->RunOnce();
      EXPECT_TRUE(ran.ok());
      if (!ran.ok() || !*ran) break;
    }
    return transport_.Take();
  }

  std::string RegisterAndVerify(std::string_view email) {
    auto problems = accounts_->Register(email, kPassword, "Jo Bloggs");
    EXPECT_TRUE(problems.ok() && problems->empty());
    auto mail = DeliverMail();
    EXPECT_EQ(mail.size(), 1u);
    if (mail.empty()) return {};
    EXPECT_TRUE(accounts_->VerifyEmail(TokenIn(mail[0])).ok());
    return TokenIn(mail[0]);
  }

  LoginOutcome Login(std::string_view email, std::string_view password) {
    auto outcome = accounts_->Login(email, password, {"192.0.2.1", std::string(kAgent)});
    EXPECT_TRUE(outcome.ok()) << outcome.error().message;
    return outcome.ok() ? *outcome : LoginOutcome{};
  }

  std::optional<PasswordPolicy> policy_;
  PasswordHasher hasher_;
  SessionStore sessions_{clock_, SessionPolicy{}};
  LoginThrottle throttle_{clock_};
  jobs::JobQueue queue_{clock_};
  crypto::MasterKeyRing master_ = testing::TestMasterRing();
  secrets::DataKeyStore keys_{master_, clock_};
  MfaStore mfa_{keys_, clock_};
  jobs::JobRegistry registry_;
  CapturingTransport transport_;
  std::unique_ptr<Accounts> accounts_;
  std::unique_ptr<jobs::JobRunner> runner_;
};

// proves AUTH-3: the verification email carries a token that works once; login waits for it.
TEST_P(AccountsTest, RegistrationIsVerifiedByTheEmailedToken) {
  auto problems = accounts_->Register("Jo@Example.com", kPassword, "Jo Bloggs");
  ASSERT_TRUE(problems.ok());
  EXPECT_TRUE(problems->empty());
  EXPECT_EQ(Login("jo@example.com", kPassword).kind, LoginOutcome::Kind::kEmailUnverified);

  auto mail = DeliverMail();
  ASSERT_EQ(mail.size(), 1u);
  EXPECT_EQ(mail[0].to, "jo@example.com");
  std::string token = TokenIn(mail[0]);
  ASSERT_FALSE(token.empty()) << mail[0].text;
  EXPECT_NE(mail[0].text.find("https://books.example.com/verify-email#token="), std::string::npos);

  // The token is in the message only: not in the job's payload, nor stored in clear.
  auto connection = database().Acquire();
  auto payloads = (*connection)->Query(storage::Sql::CrossTenant("SELECT payload FROM jobs"));
  ASSERT_TRUE(payloads.ok());
  for (const auto& row : *payloads) EXPECT_EQ(row.Text(0).find(token), std::string::npos);

  ASSERT_TRUE(accounts_->VerifyEmail(token).ok());
  EXPECT_EQ(accounts_->VerifyEmail(token).error().code, ErrorCode::kNotFound);
  LoginOutcome signed_in = Login("JO@example.com ", kPassword);
  ASSERT_EQ(signed_in.kind, LoginOutcome::Kind::kSignedIn);
  EXPECT_EQ(signed_in.session->session.user_agent, kAgent);
}

// proves AUTH-4: registering a taken email changes nothing and answers the same; the
// owner is told by email.
TEST_P(AccountsTest, RegisteringATakenEmailTellsOnlyItsOwner) {
  RegisterAndVerify("jo@example.com");
  auto again = accounts_->Register("jo@example.com", "a different passphrase entirely", "Eve");
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->empty());
  auto mail = DeliverMail();
  ASSERT_EQ(mail.size(), 1u);
  EXPECT_EQ(mail[0].subject, "Someone tried to register with your email");
  EXPECT_TRUE(TokenIn(mail[0]).empty());
  EXPECT_EQ(Login("jo@example.com", kPassword).kind, LoginOutcome::Kind::kSignedIn);
  EXPECT_EQ(Login("jo@example.com", "a different passphrase entirely").kind,
            LoginOutcome::Kind::kRefused);
}

// proves AUTH-2: the policy is applied at registration, with field-level problems.
TEST_P(AccountsTest, RegistrationRefusesWeakPasswordsAndBadInput) {
  auto weak = accounts_->Register("jo@example.com", "password", "Jo");
  ASSERT_TRUE(weak.ok());
  ASSERT_FALSE(weak->empty());
  EXPECT_EQ((*weak)[0].field, "/password");
  auto header_break = accounts_->Register("jo@example.com", kPassword, "Jo\r\nBcc: x@y.z");
  ASSERT_TRUE(header_break.ok());
  ASSERT_FALSE(header_break->empty());
  EXPECT_EQ((*header_break)[0].field, "/name");
  auto bad_email = accounts_->Register("not-an-email", kPassword, "Jo");
  ASSERT_TRUE(bad_email.ok());
  EXPECT_EQ((*bad_email)[0].field, "/email");
  EXPECT_TRUE(DeliverMail().empty());
}

// proves AUTH-4: a wrong password and an unknown email are refused alike.
TEST_P(AccountsTest, UnknownEmailAndWrongPasswordAreRefusedAlike) {
  RegisterAndVerify("jo@example.com");
  LoginOutcome wrong = Login("jo@example.com", "not the right passphrase");
  LoginOutcome unknown = Login("nobody@example.com", kPassword);
  EXPECT_EQ(wrong.kind, LoginOutcome::Kind::kRefused);
  EXPECT_EQ(unknown.kind, LoginOutcome::Kind::kRefused);
  EXPECT_FALSE(wrong.session.has_value());
}

// proves AUTH-5: after 5 failures even the right password waits; afterwards it succeeds.
TEST_P(AccountsTest, ThrottledAccountRefusesEvenTheRightPasswordUntilTheWaitIsOver) {
  RegisterAndVerify("jo@example.com");
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(Login("jo@example.com", "wrong wrong wrong wrong").kind,
              LoginOutcome::Kind::kRefused);
  }
  LoginOutcome throttled = Login("jo@example.com", kPassword);
  EXPECT_EQ(throttled.kind, LoginOutcome::Kind::kThrottled);
  EXPECT_EQ(throttled.retry_after, seconds(1));
  clock_.Advance(seconds(1));
  EXPECT_EQ(Login("jo@example.com", kPassword).kind, LoginOutcome::Kind::kSignedIn);
  // Unknown emails are throttled the same way.
  for (int i = 0; i < 5; ++i) Login("ghost@example.com", "wrong wrong wrong wrong");
  EXPECT_EQ(Login("ghost@example.com", "wrong wrong wrong wrong").kind,
            LoginOutcome::Kind::kThrottled);
}

// proves AUTH-5: the failures must be consecutive; a success in between clears them.
TEST_P(AccountsTest, ASuccessfulLoginClearsTheFailureCount) {
  RegisterAndVerify("jo@example.com");
  for (int round = 0; round < 2; ++round) {
    for (int i = 0; i < 4; ++i) {
      EXPECT_EQ(Login("jo@example.com", "wrong wrong wrong wrong").kind,
                LoginOutcome::Kind::kRefused);
    }
    EXPECT_EQ(Login("jo@example.com", kPassword).kind, LoginOutcome::Kind::kSignedIn) << round;
  }
}

// proves AUTH-1: a hash with weaker parameters is replaced at the next successful login.
TEST_P(AccountsTest, WeakerHashIsUpgradedAtLogin) {
  PasswordHasher weak({1, std::size_t{8} * 1024 * 1024});
  UserId user = AddUser("old@example.com", *weak.Hash(kPassword));
  EXPECT_EQ(Login("old@example.com", kPassword).kind, LoginOutcome::Kind::kSignedIn);
  auto connection = database().Acquire();
  auto stored = FindUserById(**connection, user);
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_TRUE((*stored)->password_hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
  EXPECT_EQ(Login("old@example.com", kPassword).kind, LoginOutcome::Kind::kSignedIn);
}

// proves SESS-4: a password change ends every other session, not this one.
TEST_P(AccountsTest, PasswordChangeEndsOtherSessions) {
  RegisterAndVerify("jo@example.com");
  LoginOutcome here = Login("jo@example.com", kPassword);
  LoginOutcome elsewhere = Login("jo@example.com", kPassword);
  auto wrong = accounts_->ChangePassword(here.session->session, "not it at all", kNewPassword);
  ASSERT_TRUE(wrong.ok());
  EXPECT_EQ(wrong->proof.kind, ProofOutcome::Kind::kRefused);
  auto changed = accounts_->ChangePassword(here.session->session, kPassword, kNewPassword);
  ASSERT_TRUE(changed.ok());
  EXPECT_EQ(changed->proof.kind, ProofOutcome::Kind::kProven);
  EXPECT_TRUE(changed->problems.empty());
  auto connection = database().Acquire();
  EXPECT_TRUE(sessions_.Resolve(**connection, here.session->token, kAgent)->session.has_value());
  EXPECT_FALSE(
      sessions_.Resolve(**connection, elsewhere.session->token, kAgent)->session.has_value());
  EXPECT_EQ(Login("jo@example.com", kPassword).kind, LoginOutcome::Kind::kRefused);
  EXPECT_EQ(Login("jo@example.com", kNewPassword).kind, LoginOutcome::Kind::kSignedIn);
}

// proves AUTH-3 and SESS-4: a reset sets the password and ends every session.
TEST_P(AccountsTest, ResetSetsThePasswordAndEndsEverySession) {
  RegisterAndVerify("jo@example.com");
  LoginOutcome before = Login("jo@example.com", kPassword);
  ASSERT_TRUE(accounts_->ForgotPassword("nobody@example.com").ok());
  EXPECT_TRUE(DeliverMail().empty());  // Nothing is sent for an unknown email.
  ASSERT_TRUE(accounts_->ForgotPassword("JO@example.com").ok());
  auto mail = DeliverMail();
  ASSERT_EQ(mail.size(), 1u);
  std::string token = TokenIn(mail[0]);
  EXPECT_NE(mail[0].text.find("/reset-password#token="), std::string::npos);

  auto weak = accounts_->ResetPassword(token, "password");
  ASSERT_TRUE(weak.ok());
  EXPECT_FALSE(weak->empty());  // Refused, and the token stays usable.
  auto reset = accounts_->ResetPassword(token, kNewPassword);
  ASSERT_TRUE(reset.ok());
  EXPECT_TRUE(reset->empty());
  EXPECT_EQ(accounts_->ResetPassword(token, kNewPassword).error().code, ErrorCode::kNotFound);
  auto connection = database().Acquire();
  EXPECT_FALSE(sessions_.Resolve(**connection, before.session->token, kAgent)->session);
  EXPECT_EQ(Login("jo@example.com", kNewPassword).kind, LoginOutcome::Kind::kSignedIn);
}

std::vector<std::uint8_t> SecretOf(const TotpEnrollment& enrollment) {
  return testing::DecodeBase32(enrollment.secret_base32);
}

// proves AUTH-6 and SESS-3: with a second factor, the password alone gives a pending
// session that authenticates nothing; the code replaces it by a new full session.
TEST_P(AccountsTest, SecondFactorIsRequiredAndTheSessionIsRenewed) {
  RegisterAndVerify("jo@example.com");
  auto connection = database().Acquire();
  LoginOutcome first = Login("jo@example.com", kPassword);
  UserId user = first.session->session.user;
  auto enrollment = mfa_.Begin(**connection, user, "jo@example.com");
  ASSERT_TRUE(enrollment.ok());
  std::string code = *TotpCode(SecretOf(*enrollment), clock_.NowUnixSeconds());
  ASSERT_TRUE(mfa_.Confirm(**connection, user, code).ok());

  LoginOutcome pending = Login("jo@example.com", kPassword);
  ASSERT_EQ(pending.kind, LoginOutcome::Kind::kMfaRequired);
  EXPECT_EQ(pending.session->session.stage, SessionStage::kMfaPending);
  std::string next = *TotpCode(SecretOf(*enrollment), clock_.NowUnixSeconds() + 30);
  auto done = accounts_->CompleteMfa(pending.session->token, next, {"192.0.2.1", "Test/1.0"});
  ASSERT_TRUE(done.ok());
  ASSERT_EQ(done->kind, MfaOutcome::Kind::kSignedIn);
  EXPECT_NE(done->session->token, pending.session->token);
  EXPECT_EQ(done->session->session.stage, SessionStage::kFull);
  auto again = accounts_->CompleteMfa(pending.session->token, next, {"192.0.2.1", "Test/1.0"});
  EXPECT_EQ(again->kind, MfaOutcome::Kind::kNoChallenge);  // The pending session is gone.
}

// proves AUTH-6: five wrong codes void the login challenge.
TEST_P(AccountsTest, FiveWrongCodesVoidTheChallenge) {
  RegisterAndVerify("jo@example.com");
  auto connection = database().Acquire();
  UserId user = Login("jo@example.com", kPassword).session->session.user;
  auto enrollment = mfa_.Begin(**connection, user, "jo@example.com");
  ASSERT_TRUE(
      mfa_.Confirm(**connection, user, *TotpCode(SecretOf(*enrollment), clock_.NowUnixSeconds()))
          .ok());
  LoginOutcome pending = Login("jo@example.com", kPassword);
  ClientContext client{"192.0.2.1", "Test/1.0"};
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(accounts_->CompleteMfa(pending.session->token, "000000", client)->kind,
              MfaOutcome::Kind::kRefused);
  }
  EXPECT_EQ(accounts_->CompleteMfa(pending.session->token, "000000", client)->kind,
            MfaOutcome::Kind::kChallengeVoided);
  std::string right = *TotpCode(SecretOf(*enrollment), clock_.NowUnixSeconds() + 30);
  EXPECT_EQ(accounts_->CompleteMfa(pending.session->token, right, client)->kind,
            MfaOutcome::Kind::kNoChallenge);
}

// proves AUTH-8: removing the factor needs the password and a current code.
TEST_P(AccountsTest, RemovingTheSecondFactorNeedsPasswordAndCode) {
  RegisterAndVerify("jo@example.com");
  auto connection = database().Acquire();
  LoginOutcome signed_in = Login("jo@example.com", kPassword);
  UserId user = signed_in.session->session.user;
  auto enrollment = mfa_.Begin(**connection, user, "jo@example.com");
  ASSERT_TRUE(
      mfa_.Confirm(**connection, user, *TotpCode(SecretOf(*enrollment), clock_.NowUnixSeconds()))
          .ok());
  std::string next = *TotpCode(SecretOf(*enrollment), clock_.NowUnixSeconds() + 30);
  const Session& session = signed_in.session->session;
  using Kind = ProofOutcome::Kind;
  EXPECT_EQ(accounts_->RemoveMfa(session, "wrong password here", next)->kind, Kind::kRefused);
  EXPECT_EQ(accounts_->RemoveMfa(session, kPassword, "123456")->kind, Kind::kRefused);
  EXPECT_TRUE(*mfa_.IsEnrolled(**connection, user));
  EXPECT_EQ(accounts_->RemoveMfa(session, kPassword, next)->kind, Kind::kProven);
  EXPECT_FALSE(*mfa_.IsEnrolled(**connection, user));
}

// proves AUTH-8 and AUTH-5: a stolen session guessing the password to re-authenticate
// meets the account's login throttle, and even the right password then waits.
TEST_P(AccountsTest, ReauthenticationIsThrottledLikeTheSignIn) {
  RegisterAndVerify("jo@example.com");
  LoginOutcome signed_in = Login("jo@example.com", kPassword);
  const Session& session = signed_in.session->session;
  using Kind = ProofOutcome::Kind;
  EXPECT_EQ(accounts_->Reauthenticate(session, kPassword, "")->kind, Kind::kProven);
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(accounts_->Reauthenticate(session, "not the password at all", "")->kind,
              Kind::kRefused);
  }
  auto throttled = accounts_->Reauthenticate(session, kPassword, "");
  ASSERT_TRUE(throttled.ok());
  EXPECT_EQ(throttled->kind, Kind::kThrottled);
  EXPECT_GE(throttled->retry_after.count(), 1);
  EXPECT_EQ(Login("jo@example.com", kPassword).kind, LoginOutcome::Kind::kThrottled);
  clock_.Advance(throttled->retry_after);
  EXPECT_EQ(accounts_->Reauthenticate(session, kPassword, "")->kind, Kind::kProven);
}

// The new address confirms before it counts; the old one is told; the link works once.
TEST_P(AccountsTest, EmailChangeIsConfirmedFromTheNewAddress) {
  RegisterAndVerify("jo@example.com");
  LoginOutcome signed_in = Login("jo@example.com", kPassword);
  ASSERT_EQ(signed_in.kind, LoginOutcome::Kind::kSignedIn);
  const Session& session = signed_in.session->session;
  EXPECT_EQ(accounts_->RequestEmailChange(session, "JO@example.com").error().code,
            ErrorCode::kInvalidArgument);  // Unchanged.
  EXPECT_EQ(accounts_->RequestEmailChange(session, "not an email").error().code,
            ErrorCode::kInvalidArgument);
  ASSERT_TRUE(accounts_->RequestEmailChange(session, "Jo.New@Example.com").ok());
  auto mail = DeliverMail();
  ASSERT_EQ(mail.size(), 2u);
  const mail::MailMessage& confirm = mail[0].to == "jo.new@example.com" ? mail[0] : mail[1];
  const mail::MailMessage& notice = mail[0].to == "jo.new@example.com" ? mail[1] : mail[0];
  EXPECT_EQ(notice.to, "jo@example.com");
  EXPECT_NE(notice.text.find("jo.new@example.com"), std::string::npos);
  EXPECT_TRUE(TokenIn(notice).empty());  // The old address gets no link that changes anything.
  std::string token = TokenIn(confirm);
  ASSERT_FALSE(token.empty()) << confirm.text;
  EXPECT_NE(confirm.text.find("/confirm-email#token="), std::string::npos);

  // Until confirmed, the old address is the account's.
  EXPECT_EQ(Login("jo@example.com", kPassword).kind, LoginOutcome::Kind::kSignedIn);
  auto changed = accounts_->ConfirmEmailChange(token);
  ASSERT_TRUE(changed.ok()) << changed.error().message;
  EXPECT_EQ(changed->value, session.user.value);
  EXPECT_EQ(accounts_->ConfirmEmailChange(token).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(Login("jo.new@example.com", kPassword).kind, LoginOutcome::Kind::kSignedIn);
  EXPECT_EQ(Login("jo@example.com", kPassword).kind, LoginOutcome::Kind::kRefused);
}

// AUTH-4: a taken address gets the same answer; its owner is told, nothing is pending.
TEST_P(AccountsTest, EmailChangeToATakenAddressChangesNothing) {
  RegisterAndVerify("jo@example.com");
  RegisterAndVerify("sam@example.com");
  LoginOutcome signed_in = Login("jo@example.com", kPassword);
  ASSERT_TRUE(accounts_->RequestEmailChange(signed_in.session->session, "sam@example.com").ok());
  auto mail = DeliverMail();
  ASSERT_EQ(mail.size(), 1u);
  EXPECT_EQ(mail[0].to, "sam@example.com");
  EXPECT_TRUE(TokenIn(mail[0]).empty());
  auto connection = database().Acquire();
  auto pending = (*connection)->Query("SELECT user_id FROM email_changes");
  ASSERT_TRUE(pending.ok());
  EXPECT_TRUE(pending->empty());
}

// A link expires after 24 hours, and an address taken since the request is refused.
TEST_P(AccountsTest, EmailChangeLinksExpireAndLoseToANewOwner) {
  RegisterAndVerify("jo@example.com");
  LoginOutcome signed_in = Login("jo@example.com", kPassword);
  ASSERT_TRUE(accounts_->RequestEmailChange(signed_in.session->session, "new@example.com").ok());
  std::string token;
  for (const auto& message : DeliverMail()) {
    if (message.to == "new@example.com") token = TokenIn(message);
  }
  ASSERT_FALSE(token.empty());
  RegisterAndVerify("new@example.com");  // Someone else registers the address meanwhile.
  EXPECT_EQ(accounts_->ConfirmEmailChange(token).error().code, ErrorCode::kConflict);
  clock_.Advance(kEmailChangeLifetime + seconds(1));
  EXPECT_EQ(accounts_->ConfirmEmailChange(token).error().code, ErrorCode::kNotFound);
}

INSTANTIATE_BACKENDS(AccountsTest);

}  // namespace
}  // namespace finhelm::identity

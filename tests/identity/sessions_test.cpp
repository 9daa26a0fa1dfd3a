#include "identity/sessions.hpp"

#include <gtest/gtest.h>

#include "crypto/hash.hpp"
#include "identity/retention.hpp"
#include "tests/identity/identity_fixture.hpp"

namespace finhelm::identity {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr std::string_view kAgent = "Mozilla/5.0 (X11; Linux x86_64) Test/1.0";

class SessionStoreTest : public testing::IdentityTest {
 protected:
  void SetUp() override {
    IdentityTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    user_ = AddUser("jo@example.com");
  }

  IssuedSession Create(std::string_view agent = kAgent) {
    auto connection = database().Acquire();
    auto issued = store_.Create(**connection, user_, SessionStage::kFull, agent, "192.0.2.7");
    EXPECT_TRUE(issued.ok()) << issued.error().message;
    return issued.ok() ? *issued : IssuedSession{};
  }

  Resolution Resolve(std::string_view token, std::string_view agent = kAgent) {
    auto connection = database().Acquire();
    auto resolved = store_.Resolve(**connection, token, agent);
    EXPECT_TRUE(resolved.ok()) << resolved.error().message;
    return resolved.ok() ? *resolved : Resolution{};
  }

  SessionStore store_{clock_, SessionPolicy{}};
  UserId user_;
};

// proves SESS-1: a 256-bit token, and only its SHA-256 in the database.
TEST_P(SessionStoreTest, StoresOnlyTheHashOfTheToken) {
  IssuedSession issued = Create();
  EXPECT_EQ(issued.token.size(), 43u);  // 32 bytes in base64url.
  auto connection = database().Acquire();
  auto stored =
      (*connection)
          ->QueryOptional("SELECT token_hash FROM sessions WHERE id = ?", {issued.session.id});
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->Text(0), crypto::Sha256Hex(issued.token));
  auto leaked = (*connection)
                    ->QueryOptional(
                        "SELECT id FROM sessions WHERE token_hash = ? OR csrf_token = ? OR id = ?",
                        {issued.token, issued.token, issued.token});
  ASSERT_TRUE(leaked.ok());
  EXPECT_FALSE(leaked->has_value());
  EXPECT_EQ(Resolve(issued.token).session->user, user_);
}

// AUTH-6: the session lookup tells whether the user has a confirmed second factor.
TEST_P(SessionStoreTest, ResolveReportsAConfirmedSecondFactor) {
  IssuedSession issued = Create();
  EXPECT_FALSE(Resolve(issued.token).session->mfa_enrolled);
  auto connection = database().Acquire();
  ASSERT_TRUE((*connection)
                  ->Execute("INSERT INTO totp_credentials (user_id, sealed_secret, confirmed_at, "
                            "created_at) VALUES (?, ?, NULL, 0)",
                            {user_.value, storage::Blob{1, 2, 3}})
                  .ok());
  EXPECT_FALSE(Resolve(issued.token).session->mfa_enrolled);  // Begun, not confirmed.
  ASSERT_TRUE(
      (*connection)
          ->Execute("UPDATE totp_credentials SET confirmed_at = 1 WHERE user_id = ?", {user_.value})
          .ok());
  EXPECT_TRUE(Resolve(issued.token).session->mfa_enrolled);
}

// proves SESS-2: idle timeout 15 minutes.
TEST_P(SessionStoreTest, ExpiresAfterIdleTimeout) {
  IssuedSession issued = Create();
  clock_.Advance(minutes(14) + seconds(59));
  EXPECT_TRUE(Resolve(issued.token).session.has_value());  // Seen: the idle clock restarts.
  clock_.Advance(minutes(14) + seconds(59));
  EXPECT_TRUE(Resolve(issued.token).session.has_value());
  clock_.Advance(minutes(15));
  Resolution idle = Resolve(issued.token);
  EXPECT_FALSE(idle.session.has_value());
  EXPECT_EQ(idle.ended, SessionEnd::kIdle);
  clock_.Advance(seconds(-1));
  EXPECT_EQ(Resolve(issued.token).ended, SessionEnd::kUnknown);  // Deleted, not just hidden.
}

// proves SESS-2: absolute timeout 8 hours, however active the session.
TEST_P(SessionStoreTest, ExpiresAfterAbsoluteTimeoutEvenWhenActive) {
  IssuedSession issued = Create();
  for (int step = 0; step < 47; ++step) {
    clock_.Advance(minutes(10));
    ASSERT_TRUE(Resolve(issued.token).session.has_value()) << "after " << (step + 1) * 10 << " min";
  }
  clock_.Advance(minutes(10));  // 8 h.
  Resolution ended = Resolve(issued.token);
  EXPECT_FALSE(ended.session.has_value());
  EXPECT_EQ(ended.ended, SessionEnd::kAbsolute);
}

// proves SESS-5: another User-Agent ends the session.
TEST_P(SessionStoreTest, ChangedUserAgentDestroysTheSession) {
  IssuedSession issued = Create();
  Resolution stolen = Resolve(issued.token, "curl/8.0");
  EXPECT_FALSE(stolen.session.has_value());
  EXPECT_EQ(stolen.ended, SessionEnd::kAgentChanged);
  EXPECT_EQ(Resolve(issued.token).ended, SessionEnd::kUnknown);  // Gone for the owner too.
}

// proves SESS-3: rotation issues a new token and the old one stops working.
TEST_P(SessionStoreTest, RotationReplacesTheToken) {
  IssuedSession first = Create();
  auto connection = database().Acquire();
  auto rotated = store_.Rotate(**connection, first.session, SessionStage::kFull);
  ASSERT_TRUE(rotated.ok());
  EXPECT_NE(rotated->token, first.token);
  EXPECT_NE(rotated->session.id, first.session.id);
  EXPECT_NE(rotated->session.csrf_token, first.session.csrf_token);
  EXPECT_EQ(Resolve(first.token).ended, SessionEnd::kUnknown);
  EXPECT_TRUE(Resolve(rotated->token).session.has_value());
}

// proves SESS-4 and SESS-6: list, revoke one, and end all others.
TEST_P(SessionStoreTest, ListsAndRevokesTheUsersSessions) {
  IssuedSession a = Create();
  clock_.Advance(seconds(1));
  IssuedSession b = Create();
  clock_.Advance(seconds(1));
  IssuedSession c = Create();
  UserId other = AddUser("someone@example.com");
  auto connection = database().Acquire();
  ASSERT_TRUE(store_.Create(**connection, other, SessionStage::kFull, kAgent, "x").ok());

  auto listed = store_.List(**connection, user_);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 3u);
  EXPECT_EQ((*listed)[0].id, c.session.id);  // Newest first.
  EXPECT_EQ((*listed)[0].client_address, "192.0.2.7");
  EXPECT_EQ((*listed)[0].user_agent, kAgent);

  EXPECT_EQ(store_.Destroy(**connection, other, a.session.id).error().code,
            ErrorCode::kNotFound);  // Not theirs to revoke.
  ASSERT_TRUE(store_.Destroy(**connection, user_, a.session.id).ok());
  EXPECT_FALSE(Resolve(a.token).session.has_value());

  ASSERT_TRUE(store_.DestroyAllOf(**connection, user_, b.session.id).ok());
  EXPECT_TRUE(Resolve(b.token).session.has_value());
  EXPECT_FALSE(Resolve(c.token).session.has_value());
  EXPECT_EQ(store_.List(**connection, other)->size(), 1u);
}

// proves DATA-6: expired sessions are purged.
TEST_P(SessionStoreTest, PurgesExpiredSessions) {
  Create();
  clock_.Advance(minutes(20));
  IssuedSession live = Create();
  auto connection = database().Acquire();
  auto purged = store_.PurgeExpired(**connection);
  ASSERT_TRUE(purged.ok());
  EXPECT_EQ(*purged, 1);
  EXPECT_TRUE(Resolve(live.token).session.has_value());
}

// proves DATA-6: the sweeper deletes sessions past their end, and stops promptly.
TEST_P(SessionStoreTest, RetentionSweeperDeletesEndedSessions) {
  Create();
  clock_.Advance(minutes(16));
  IssuedSession live = Create();
  RetentionSweeper sweeper(database(), store_, clock_, std::chrono::hours(1));
  sweeper.Start();
  sweeper.Stop();  // The first sweep runs at start; Stop does not wait an hour.
  auto connection = database().Acquire();
  auto rows = (*connection)->Query("SELECT id FROM sessions");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].Text(0), live.session.id);
}

TEST_P(SessionStoreTest, PendingMfaSessionsLastFiveMinutes) {
  auto connection = database().Acquire();
  auto pending = store_.Create(**connection, user_, SessionStage::kMfaPending, kAgent, "x");
  ASSERT_TRUE(pending.ok());
  EXPECT_EQ(pending->session.expires_at - pending->session.created_at, 300);
  EXPECT_EQ(Resolve(pending->token).session->stage, SessionStage::kMfaPending);
}

INSTANTIATE_BACKENDS(SessionStoreTest);

}  // namespace
}  // namespace finhelm::identity

// AUTH-8: sensitive changes need a password proven within the last five minutes, told
// apart by the injectable clock rather than by waiting.
#include <gtest/gtest.h>

#include "api/reauthentication.hpp"
#include "core/clock.hpp"

namespace finhelm::api {
namespace {

constexpr std::chrono::seconds kNow{1'800'000'000};

http::Request SessionRequest(std::int64_t authenticated_at) {
  http::Request request;
  request.principal.kind = access::Principal::Kind::kUser;
  request.principal.subject_id = "1";
  request.principal.session_id = "session";
  request.principal.authenticated_at = authenticated_at;
  return request;
}

// proves AUTH-8: five minutes after the last proof the window is still open, a second
// later it is closed.
TEST(Reauthentication, TheWindowIsFiveMinutes) {
  FakeClock clock{std::chrono::system_clock::time_point(kNow)};
  EXPECT_FALSE(RequireRecentAuthentication(SessionRequest(kNow.count()), clock).has_value());
  EXPECT_FALSE(RequireRecentAuthentication(SessionRequest(kNow.count() - 300), clock).has_value());
  auto stale = RequireRecentAuthentication(SessionRequest(kNow.count() - 301), clock);
  ASSERT_TRUE(stale.has_value());
  EXPECT_EQ(stale->status, 403);
  EXPECT_NE(stale->body.find("reauthentication-required"), std::string::npos);
}

// proves AUTH-8: a principal without a session (a machine client) never has a recent
// password, so it can never pass.
TEST(Reauthentication, OperatorsMayShortenTheWindow) {
  FakeClock clock{std::chrono::system_clock::time_point(kNow)};
  auto request = SessionRequest(kNow.count() - 61);
  EXPECT_FALSE(RequireRecentAuthentication(request, clock).has_value());
  EXPECT_TRUE(RequireRecentAuthentication(request, clock, std::chrono::seconds(60)).has_value());
}

TEST(Reauthentication, WithoutASessionThereIsNoWindow) {
  FakeClock clock{std::chrono::system_clock::time_point(kNow)};
  http::Request request;
  request.principal.kind = access::Principal::Kind::kMachineClient;
  request.principal.authenticated_at = kNow.count();
  auto refused = RequireRecentAuthentication(request, clock);
  ASSERT_TRUE(refused.has_value());
  EXPECT_EQ(refused->status, 403);
}

}  // namespace
}  // namespace finhelm::api

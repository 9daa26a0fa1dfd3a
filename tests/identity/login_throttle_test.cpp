#include "identity/login_throttle.hpp"

#include <gtest/gtest.h>

#include "tests/identity/identity_fixture.hpp"

namespace finhelm::identity {
namespace {

using std::chrono::seconds;

// proves AUTH-5: five free failures, then 1 s doubling up to 15 min.
TEST(LoginThrottleSchedule, DoublesFromOneSecondToFifteenMinutes) {
  FakeClock clock(std::chrono::system_clock::time_point(seconds(1'800'000'000)));
  LoginThrottle throttle(clock);
  EXPECT_EQ(throttle.WaitAfter(4), seconds(0));
  EXPECT_EQ(throttle.WaitAfter(5), seconds(1));
  EXPECT_EQ(throttle.WaitAfter(6), seconds(2));
  EXPECT_EQ(throttle.WaitAfter(10), seconds(32));
  EXPECT_EQ(throttle.WaitAfter(15), seconds(900));
  EXPECT_EQ(throttle.WaitAfter(1000), seconds(900));
}

class LoginThrottleTest : public testing::IdentityTest {};

// proves AUTH-5: the wait is enforced, runs out, and a success clears the count.
TEST_P(LoginThrottleTest, WaitsAfterRepeatedFailuresAndForgetsOnSuccess) {
  LoginThrottle throttle(clock_);
  auto connection = database().Acquire();
  ASSERT_TRUE(connection.ok());
  for (int i = 0; i < 5; ++i) {
    auto wait = throttle.WaitFor(**connection, "jo@ex.com");
    ASSERT_TRUE(wait.ok());
    EXPECT_FALSE(wait->has_value()) << "attempt " << i;
    ASSERT_TRUE(throttle.RecordFailure(**connection, "jo@ex.com").ok());
  }
  auto wait = throttle.WaitFor(**connection, "jo@ex.com");
  ASSERT_TRUE(wait.ok());
  EXPECT_EQ(*wait, std::optional(seconds(1)));
  EXPECT_FALSE(throttle.WaitFor(**connection, "other@ex.com")->has_value());

  clock_.Advance(seconds(1));
  EXPECT_FALSE(throttle.WaitFor(**connection, "jo@ex.com")->has_value());
  ASSERT_TRUE(throttle.RecordFailure(**connection, "jo@ex.com").ok());
  EXPECT_EQ(*throttle.WaitFor(**connection, "jo@ex.com"), std::optional(seconds(2)));

  clock_.Advance(seconds(2));
  ASSERT_TRUE(throttle.RecordSuccess(**connection, "jo@ex.com").ok());
  ASSERT_TRUE(throttle.RecordFailure(**connection, "jo@ex.com").ok());
  EXPECT_FALSE(throttle.WaitFor(**connection, "jo@ex.com")->has_value());
}

INSTANTIATE_BACKENDS(LoginThrottleTest);

}  // namespace
}  // namespace finhelm::identity

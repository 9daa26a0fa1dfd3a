#include "http/rate_limit.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>

namespace finhelm::http {
namespace {

using std::chrono::seconds;
using std::chrono::steady_clock;

// The store takes a plain function pointer, so the fake time lives in a static.
std::atomic<steady_clock::rep>& FakeTicks() {
  static std::atomic<steady_clock::rep> ticks{0};
  return ticks;
}

steady_clock::time_point FakeNow() {
  return steady_clock::time_point(steady_clock::duration(FakeTicks().load()));
}

class RateLimitTest : public ::testing::Test {
 protected:
  void SetUp() override { FakeTicks() = steady_clock::duration(std::chrono::hours(1)).count(); }
  static void Advance(steady_clock::duration by) { FakeTicks() += by.count(); }
};

constexpr RateLimit kThreePerMinute{3, seconds(60)};

TEST_F(RateLimitTest, AllowsABurstThenRefusesWithRetryAfter) {
  InMemoryRateLimitStore store(1024, &FakeNow);
  for (std::uint32_t left : {2u, 1u, 0u}) {
    RateDecision decision = store.Take("address:1", kThreePerMinute);
    EXPECT_TRUE(decision.allowed);
    EXPECT_EQ(decision.limit, 3u);
    EXPECT_EQ(decision.remaining, left);
  }
  RateDecision refused = store.Take("address:1", kThreePerMinute);
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.limit, 3u);
  EXPECT_EQ(refused.remaining, 0u);
  EXPECT_EQ(refused.retry_after, seconds(20));  // One token comes back every 20 s.
  EXPECT_EQ(refused.reset, seconds(60));        // The whole bucket in a minute.
}

TEST_F(RateLimitTest, RefillsOverTime) {
  InMemoryRateLimitStore store(1024, &FakeNow);
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(store.Take("k", kThreePerMinute).allowed);
  ASSERT_FALSE(store.Take("k", kThreePerMinute).allowed);

  Advance(seconds(10));
  RateDecision half = store.Take("k", kThreePerMinute);
  EXPECT_FALSE(half.allowed);
  EXPECT_EQ(half.retry_after, seconds(10));

  Advance(seconds(10));
  EXPECT_TRUE(store.Take("k", kThreePerMinute).allowed);
  EXPECT_FALSE(store.Take("k", kThreePerMinute).allowed);

  Advance(std::chrono::hours(5));  // Never more than the capacity, however long the wait.
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(store.Take("k", kThreePerMinute).allowed);
  EXPECT_FALSE(store.Take("k", kThreePerMinute).allowed);
}

TEST_F(RateLimitTest, KeepsKeysIndependent) {
  InMemoryRateLimitStore store(1024, &FakeNow);
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(store.Take("address:a", kThreePerMinute).allowed);
  EXPECT_FALSE(store.Take("address:a", kThreePerMinute).allowed);
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(store.Take("address:b", kThreePerMinute).allowed);
  EXPECT_FALSE(store.Take("address:b", kThreePerMinute).allowed);
}

TEST_F(RateLimitTest, RetryAfterIsWholeSecondsRoundedUp) {
  InMemoryRateLimitStore store(1024, &FakeNow);
  constexpr RateLimit kSevenPerMinute{7, seconds(60)};  // A token every 8.57 s.
  for (int i = 0; i < 7; ++i) ASSERT_TRUE(store.Take("k", kSevenPerMinute).allowed);
  RateDecision refused = store.Take("k", kSevenPerMinute);
  ASSERT_FALSE(refused.allowed);
  EXPECT_EQ(refused.retry_after, seconds(9));
  Advance(seconds(9));
  EXPECT_TRUE(store.Take("k", kSevenPerMinute).allowed);
}

TEST_F(RateLimitTest, AnActiveBucketSurvivesAFloodOfOtherKeys) {
  // One shard of four keys, so nearly every new key prunes it.
  InMemoryRateLimitStore store(4, &FakeNow, 1);
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(store.Take("victim", kThreePerMinute).allowed);
  for (int i = 0; i < 500; ++i) {
    Advance(std::chrono::milliseconds(1));
    store.Take("other:" + std::to_string(i), kThreePerMinute);
    // Still empty: the client that keeps asking is the last one to be forgotten.
    ASSERT_FALSE(store.Take("victim", kThreePerMinute).allowed) << i;
  }
  EXPECT_LE(store.KeyCount(), 4U);

  Advance(seconds(60));
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(store.Take("victim", kThreePerMinute).allowed);
  EXPECT_FALSE(store.Take("victim", kThreePerMinute).allowed);
}

// Regression: pruning judged every bucket of a shard by the period of the limit being
// taken, so a flood of keys under a per-minute limit forgot an hourly bucket after a
// minute and handed its owner a full hour's allowance again.
TEST_F(RateLimitTest, PruningNeverForgetsABucketOfALongerPeriod) {
  InMemoryRateLimitStore store(8, &FakeNow, 1);
  constexpr RateLimit kSixPerHour{6, std::chrono::hours(1)};
  for (int i = 0; i < 6; ++i) ASSERT_TRUE(store.Take("org:1:sync", kSixPerHour).allowed);
  ASSERT_FALSE(store.Take("org:1:sync", kSixPerHour).allowed);
  for (int i = 0; i < 7; ++i) store.Take("address:" + std::to_string(i), kThreePerMinute);
  ASSERT_EQ(store.KeyCount(), 8U);

  // The per-minute buckets are full again and go; the hourly one is not, and stays.
  Advance(seconds(61));
  store.Take("address:new", kThreePerMinute);
  EXPECT_EQ(store.KeyCount(), 2U);
  RateDecision after_flood = store.Take("org:1:sync", kSixPerHour);
  EXPECT_FALSE(after_flood.allowed);
  EXPECT_GT(after_flood.retry_after, seconds(500));
}

// A flood of distinct fresh keys (every address of an IPv6 prefix) leaves nothing full to
// prune; memory must stay bounded anyway.
TEST_F(RateLimitTest, MemoryStaysBoundedUnderAFloodOfFreshKeys) {
  InMemoryRateLimitStore store(100, &FakeNow, 4);
  for (int i = 0; i < 20000; ++i) {
    Advance(std::chrono::microseconds(10));
    store.Take("address:2001:db8::" + std::to_string(i), kThreePerMinute);
  }
  EXPECT_LE(store.KeyCount(), 400U);
  EXPECT_GE(store.KeyCount(), 100U);  // Forgetting is by halves, not everything at once.
}

TEST_F(RateLimitTest, UsesTheSteadyClockByDefault) {
  InMemoryRateLimitStore store;
  EXPECT_TRUE(store.Take("k", RateLimit{1, seconds(3600)}).allowed);
  EXPECT_FALSE(store.Take("k", RateLimit{1, seconds(3600)}).allowed);
}

}  // namespace
}  // namespace finhelm::http

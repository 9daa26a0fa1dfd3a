#include "jobs/backoff.hpp"

#include <gtest/gtest.h>

namespace finhelm::jobs {
namespace {

using std::chrono::milliseconds;

TEST(JobsBackoff, CeilingDoublesUpToTheCap) {
  BackoffPolicy policy{milliseconds(500), milliseconds(5000)};
  EXPECT_EQ(BackoffCeiling(policy, 1), milliseconds(500));
  EXPECT_EQ(BackoffCeiling(policy, 2), milliseconds(1000));
  EXPECT_EQ(BackoffCeiling(policy, 4), milliseconds(4000));
  EXPECT_EQ(BackoffCeiling(policy, 5), milliseconds(5000));
  EXPECT_EQ(BackoffCeiling(policy, 10'000), milliseconds(5000)) << "no overflow";
}

TEST(JobsBackoff, FullJitterSpansZeroToCeiling) {
  BackoffPolicy policy{milliseconds(1000), milliseconds(60'000)};
  EXPECT_EQ(BackoffDelay(policy, 3, 0.0), milliseconds(0));
  EXPECT_EQ(BackoffDelay(policy, 3, 0.5), milliseconds(2000));
  EXPECT_LT(BackoffDelay(policy, 3, 0.9999), milliseconds(4000));
  EXPECT_EQ(BackoffDelay(policy, 3, 7.0), milliseconds(4000)) << "draws are clamped";
}

}  // namespace
}  // namespace finhelm::jobs

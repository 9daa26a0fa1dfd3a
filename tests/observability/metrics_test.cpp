#include "observability/metrics.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace finhelm::metrics {
namespace {

bool Contains(const std::string& text, const std::string& line) {
  return text.find(line + "\n") != std::string::npos;
}

TEST(Registry, RendersTypeAndHelpWithoutAnyRequest) {
  Registry registry;
  std::string text = registry.Render();
  EXPECT_TRUE(Contains(text, "# TYPE finhelm_http_requests_total counter"));
  EXPECT_TRUE(Contains(text, "# TYPE finhelm_http_request_duration_seconds histogram"));
  EXPECT_EQ(text.find("finhelm_http_requests_total{"), std::string::npos);
}

TEST(Registry, CountsRequestsPerMethodRouteAndStatus) {
  Registry registry;
  registry.ObserveRequest("GET", "/healthz", 200, 0.001);
  registry.ObserveRequest("GET", "/healthz", 200, 0.002);
  registry.ObserveRequest("GET", "/healthz", 503, 0.002);
  registry.ObserveRequest("POST", "", 404, 0.002);
  std::string text = registry.Render();
  EXPECT_TRUE(Contains(
      text, R"(finhelm_http_requests_total{method="GET",route="/healthz",status="200"} 2)"));
  EXPECT_TRUE(Contains(
      text, R"(finhelm_http_requests_total{method="GET",route="/healthz",status="503"} 1)"));
  EXPECT_TRUE(Contains(
      text, R"(finhelm_http_requests_total{method="POST",route="unmatched",status="404"} 1)"));
}

TEST(Registry, RendersCumulativeHistogramBuckets) {
  Registry registry;
  registry.ObserveRequest("GET", "/x", 200, 0.0003);  // le 0.0005
  registry.ObserveRequest("GET", "/x", 200, 0.003);   // le 0.005
  registry.ObserveRequest("GET", "/x", 200, 0.2);     // le 0.25
  registry.ObserveRequest("GET", "/x", 200, 9.0);     // only +Inf
  std::string text = registry.Render();
  const std::string labels = R"(method="GET",route="/x",status="200")";
  const std::vector<std::pair<std::string, int>> kExpected = {
      {"0.0005", 1}, {"0.001", 1}, {"0.0025", 1}, {"0.005", 2}, {"0.01", 2},
      {"0.025", 2},  {"0.05", 2},  {"0.1", 2},    {"0.25", 3},  {"0.5", 3},
      {"1", 3},      {"5", 3},     {"+Inf", 4}};
  for (const auto& [le, count] : kExpected) {
    EXPECT_TRUE(Contains(text, "finhelm_http_request_duration_seconds_bucket{" + labels + ",le=\"" +
                                   le + "\"} " + std::to_string(count)))
        << le << "\n"
        << text;
  }
  EXPECT_TRUE(Contains(text, "finhelm_http_request_duration_seconds_count{" + labels + "} 4"));
  EXPECT_TRUE(Contains(text, "finhelm_http_request_duration_seconds_sum{" + labels + "} 9.2033"));
}

TEST(Registry, RendersGaugesFromTheirCallbacks) {
  Registry registry;
  int reads = 0;
  registry.AddGauge("finhelm_jobs", "Jobs by status.", [&reads] {
    ++reads;
    return std::vector<GaugeSample>{{R"(status="queued")", 3}, {R"(status="dead")", 0.5}};
  });
  registry.AddGauge("finhelm_pool_size", "Connections.", [] {
    return std::vector<GaugeSample>{{"", 8}};
  });
  std::string text = registry.Render();
  EXPECT_TRUE(Contains(text, "# HELP finhelm_jobs Jobs by status."));
  EXPECT_TRUE(Contains(text, "# TYPE finhelm_jobs gauge"));
  EXPECT_TRUE(Contains(text, R"(finhelm_jobs{status="queued"} 3)"));
  EXPECT_TRUE(Contains(text, R"(finhelm_jobs{status="dead"} 0.5)"));
  EXPECT_TRUE(Contains(text, "finhelm_pool_size 8"));
  registry.Render();
  EXPECT_EQ(reads, 2);  // Read at every scrape, never cached.
}

TEST(EscapeLabel, EscapesBackslashQuoteAndNewline) {
  EXPECT_EQ(EscapeLabel(R"(a\b"c)"), R"(a\\b\"c)");
  EXPECT_EQ(EscapeLabel("line\nbreak"), R"(line\nbreak)");
  EXPECT_EQ(EscapeLabel("/v1/orgs/{org}"), "/v1/orgs/{org}");
}

TEST(Registry, EscapesLabelValuesItRenders) {
  Registry registry;
  registry.ObserveRequest("GE\"T", "/a\nb", 200, 0.001);
  std::string text = registry.Render();
  EXPECT_TRUE(
      Contains(text, R"(finhelm_http_requests_total{method="GE\"T",route="/a\nb",status="200"} 1)"))
      << text;
}

}  // namespace
}  // namespace finhelm::metrics

// WEB-1: the per-address limit, answered with 429 and the RateLimit-* headers.
#include <gtest/gtest.h>

#include <charconv>
#include <string>

#include "http_client.hpp"
#include "server_process.hpp"
#include "test_support.hpp"

namespace finhelm::integration {
namespace {

std::optional<long> NumberHeader(const HttpResponse& response, std::string_view name) {
  auto text = response.Header(name);
  if (!text) return std::nullopt;
  long value = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size()) return std::nullopt;
  return value;
}

// proves WEB-1
TEST(RateLimit, SixthRequestInAMinuteIs429WithRetryAfter) {
  auto server = StartServer({"[limits]\nrequests_per_minute = 5\n", {}});
  ASSERT_NE(server, nullptr);
  for (long i = 0; i < 5; ++i) {
    HttpResponse response = Fetch(*server, GetRequest("/healthz"));
    ASSERT_EQ(response.status, 200) << "request " << i + 1;
    EXPECT_EQ(NumberHeader(response, "RateLimit-Limit"), 5);
    EXPECT_EQ(NumberHeader(response, "RateLimit-Remaining"), 4 - i);
  }
  HttpResponse limited = Fetch(*server, GetRequest("/healthz"));
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(limited.Header("Content-Type"), "application/problem+json");
  ExpectSecurityHeaders(limited);
  // One token comes back every 12 s at 5 a minute.
  auto retry_after = NumberHeader(limited, "Retry-After");
  ASSERT_TRUE(retry_after.has_value()) << limited.Header("Retry-After").value_or("missing");
  EXPECT_GE(*retry_after, 1);
  EXPECT_LE(*retry_after, 12);
  EXPECT_EQ(NumberHeader(limited, "RateLimit-Limit"), 5);
  EXPECT_EQ(NumberHeader(limited, "RateLimit-Remaining"), 0);
  auto reset = NumberHeader(limited, "RateLimit-Reset");
  ASSERT_TRUE(reset.has_value());
  EXPECT_GE(*reset, *retry_after);
  EXPECT_LE(*reset, 60);

  // Every route shares the address's bucket, and the event is logged by its OWASP name.
  EXPECT_EQ(Fetch(*server, PostJsonRequest("/v1/diagnostics/echo", R"({"message":"x"})")).status,
            429);
  EXPECT_NE(server->Log().find(R"("event":"excess_rate_limit_exceeded")"), std::string::npos);
}

}  // namespace
}  // namespace finhelm::integration

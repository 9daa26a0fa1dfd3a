// WEB-2 (CORS allow-list, never "*") and the cross-origin half of WEB-4.
#include <gtest/gtest.h>

#include <string>

#include "http_client.hpp"
#include "server_process.hpp"
#include "test_support.hpp"

namespace finhelm::integration {
namespace {

constexpr std::string_view kAllowListed =
    "[server]\ncors_allowed_origins = [\"https://app.example\"]\n";

std::string Preflight(std::string_view origin) {
  return "OPTIONS /v1/diagnostics/echo HTTP/1.1\r\nHost: localhost\r\nOrigin: " +
         std::string(origin) +
         "\r\nAccess-Control-Request-Method: POST\r\n"
         "Access-Control-Request-Headers: content-type\r\n\r\n";
}

std::string EchoFrom(std::string_view origin_header) {
  return PostJsonRequest("/v1/diagnostics/echo", R"({"message":"x"})", origin_header);
}

void ExpectNoCorsHeaders(const HttpResponse& response) {
  for (const auto& [name, value] : response.headers) {
    EXPECT_FALSE(name.starts_with("Access-Control-")) << name << ": " << value;
  }
}

// proves WEB-2
TEST(Cors, NoCorsHeadersByDefault) {
  auto server = StartServer();
  ASSERT_NE(server, nullptr);
  HttpResponse response = Fetch(*server, GetRequest("/healthz", "Origin: https://app.example\r\n"));
  EXPECT_EQ(response.status, 200);
  ExpectNoCorsHeaders(response);
  // Without an allow-list a preflight is refused, so a browser never sends the request.
  response = Fetch(*server, Preflight("https://app.example"));
  EXPECT_EQ(response.status, 403);
  ExpectNoCorsHeaders(response);
}

// proves WEB-2
TEST(Cors, PreflightFromAllowedOriginEchoesItExactly) {
  auto server = StartServer({std::string(kAllowListed), {}});
  ASSERT_NE(server, nullptr);
  HttpResponse response = Fetch(*server, Preflight("https://app.example"));
  EXPECT_EQ(response.status, 204);
  EXPECT_EQ(response.Header("Access-Control-Allow-Origin"), "https://app.example");
  EXPECT_EQ(response.Header("Access-Control-Allow-Credentials"), "true");
  EXPECT_NE(response.Header("Access-Control-Allow-Methods").value_or("").find("POST"),
            std::string::npos);
  EXPECT_EQ(response.Header("Vary"), "Origin");
  ExpectSecurityHeaders(response);

  // The request itself, from the allowed origin, is served with the same headers.
  response = Fetch(*server, EchoFrom("Origin: https://app.example\r\n"));
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.Header("Access-Control-Allow-Origin"), "https://app.example");
  EXPECT_EQ(response.Header("Access-Control-Allow-Credentials"), "true");
}

// proves WEB-2
TEST(Cors, OriginsAreMatchedExactly) {
  auto server = StartServer({std::string(kAllowListed), {}});
  ASSERT_NE(server, nullptr);
  for (std::string_view origin :
       {"https://evil.example", "http://app.example", "https://app.example.evil.example",
        "https://app.example:444", "null", "*"}) {
    HttpResponse response = Fetch(*server, Preflight(origin));
    EXPECT_EQ(response.status, 403) << origin;
    ExpectNoCorsHeaders(response);
  }
}

// proves WEB-4
TEST(Cors, StateChangeFromForeignOriginIs403) {
  auto server = StartServer({std::string(kAllowListed), {}});
  ASSERT_NE(server, nullptr);
  HttpResponse response = Fetch(*server, EchoFrom("Origin: https://evil.example\r\n"));
  EXPECT_EQ(response.status, 403);
  EXPECT_EQ(response.Header("Content-Type"), "application/problem+json");
  ExpectNoCorsHeaders(response);
}

// proves WEB-4
TEST(Cors, CrossSiteFetchMetadataIs403) {
  auto server = StartServer();
  ASSERT_NE(server, nullptr);
  // Browsers that send no Origin on some requests still send Sec-Fetch-Site.
  HttpResponse response = Fetch(*server, EchoFrom("Sec-Fetch-Site: cross-site\r\n"));
  EXPECT_EQ(response.status, 403);
  // Same-origin requests carry both, and are served.
  response = Fetch(*server, EchoFrom("Sec-Fetch-Site: same-origin\r\n"
                                     "Origin: http://localhost\r\n"));
  EXPECT_EQ(response.status, 200);
}

}  // namespace
}  // namespace finhelm::integration

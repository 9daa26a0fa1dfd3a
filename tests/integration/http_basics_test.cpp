// The basics every client relies on: WEB-3 headers, problem documents, methods,
// keep-alive and pipelining, and the system routes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http_client.hpp"
#include "server_process.hpp"
#include "temp_dir.hpp"
#include "test_support.hpp"

namespace finhelm::integration {
namespace {

using nlohmann::json;

bool IsRequestId(const std::optional<std::string>& id) {
  return id && id->size() == 32 && id->find_first_not_of("0123456789abcdef") == std::string::npos;
}

// proves WEB-3
TEST(SecurityHeaders, HealthzCarriesEveryWeb3Header) {
  auto server = StartServer();
  ASSERT_NE(server, nullptr);
  HttpResponse response = Fetch(*server, GetRequest("/healthz"));
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(json::parse(response.body, nullptr, false), json({{"status", "ok"}}));
  ExpectSecurityHeaders(response);
  EXPECT_EQ(response.Header("Cache-Control"), "no-store");
  EXPECT_TRUE(IsRequestId(response.Header("X-Request-Id")))
      << response.Header("X-Request-Id").value_or("none");
  // HSTS means nothing over plain HTTP and is sent only over TLS (tls_test.cpp).
  EXPECT_FALSE(response.HasHeader("Strict-Transport-Security"));
}

// proves WEB-3
TEST(SecurityHeaders, ErrorResponsesCarryThemToo) {
  auto server = StartServer();
  ASSERT_NE(server, nullptr);
  for (const std::string& request :
       {GetRequest("/v1/nothing-here"), std::string("DELETE /healthz HTTP/1.1\r\nHost: x\r\n\r\n"),
        PostJsonRequest("/v1/diagnostics/echo", "{}")}) {
    HttpResponse response = Fetch(*server, request);
    EXPECT_GE(response.status, 400) << request;
    ExpectSecurityHeaders(response);
    EXPECT_EQ(response.Header("Cache-Control"), "no-store");
    EXPECT_TRUE(IsRequestId(response.Header("X-Request-Id")));
  }
}

TEST(Routing, UnknownV1RouteIsProblemJson404) {
  auto server = StartServer();
  ASSERT_NE(server, nullptr);
  HttpResponse response = Fetch(*server, GetRequest("/v1/no/such/route"));
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.Header("Content-Type"), "application/problem+json");
  json problem = json::parse(response.body, nullptr, false);
  ASSERT_TRUE(problem.is_object()) << response.body;
  EXPECT_TRUE(problem["type"].is_string());
  EXPECT_EQ(problem["title"], "Not Found");
  EXPECT_EQ(problem["status"], 404);
  // The problem names the request, so a user's report can be found in the log.
  EXPECT_EQ(problem["request_id"], response.Header("X-Request-Id").value_or(""));
}

// proves WEB-4
TEST(Routing, WrongMethodIs405WithAllow) {
  auto server = StartServer();
  ASSERT_NE(server, nullptr);
  HttpResponse response = Fetch(*server, "DELETE /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(response.Header("Allow"), "GET, HEAD");
  EXPECT_EQ(response.Header("Content-Type"), "application/problem+json");

  // A safe method on a state-changing route is refused, never served.
  response = Fetch(*server, GetRequest("/v1/diagnostics/echo"));
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(response.Header("Allow"), "POST");
}

// proves WEB-4
TEST(Routing, TraceIsRefusedWith405) {
  auto server = StartServer();
  ASSERT_NE(server, nullptr);
  HttpResponse response =
      Fetch(*server, "TRACE /healthz HTTP/1.1\r\nHost: x\r\nX-Secret: reflect-me\r\n\r\n");
  EXPECT_EQ(response.status, 405);
  // RFC 9110 section 15.5.6: a 405 names the methods the resource does support.
  EXPECT_EQ(response.Header("Allow"), "GET, HEAD");
  EXPECT_EQ(response.body.find("reflect-me"), std::string::npos);
  ExpectSecurityHeaders(response);
}

TEST(KeepAlive, ServesSeveralRequestsOnOneConnection) {
  auto server = StartServer();
  ASSERT_NE(server, nullptr);
  auto connection = HttpConnection::Open(server->port());
  ASSERT_TRUE(connection.ok()) << connection.error().message;
  std::string previous_id;
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(connection->Send(GetRequest("/healthz")));
    HttpResponse response = ReadOrFail(*connection);
    EXPECT_EQ(response.status, 200) << "request " << i;
    EXPECT_NE(response.Header("X-Request-Id").value_or(""), previous_id);
    previous_id = response.Header("X-Request-Id").value_or("");
  }
  ASSERT_TRUE(connection->Send(PostJsonRequest("/v1/diagnostics/echo", R"({"message":"hi"})")));
  EXPECT_EQ(ReadOrFail(*connection).status, 200);
}

TEST(Pipelining, AnswersTwoRequestsFromOneWriteInOrder) {
  auto server = StartServer();
  ASSERT_NE(server, nullptr);
  auto connection = HttpConnection::Open(server->port());
  ASSERT_TRUE(connection.ok()) << connection.error().message;
  // The second request runs on the worker pool, the first inline: order must still hold.
  ASSERT_TRUE(connection->Send(GetRequest("/healthz") + GetRequest("/readyz") +
                               PostJsonRequest("/v1/diagnostics/echo", R"({"message":"third"})")));
  HttpResponse first = ReadOrFail(*connection);
  HttpResponse second = ReadOrFail(*connection);
  HttpResponse third = ReadOrFail(*connection);
  EXPECT_EQ(json::parse(first.body, nullptr, false).value("status", ""), "ok");
  EXPECT_EQ(json::parse(second.body, nullptr, false).value("status", ""), "ready");
  EXPECT_EQ(json::parse(third.body, nullptr, false).value("message", ""), "third");
}

TEST(SystemRoutes, MetricsCountHealthRequestsByRoute) {
  auto server = StartServer();
  ASSERT_NE(server, nullptr);
  ASSERT_EQ(Fetch(*server, GetRequest("/healthz")).status, 200);
  HttpResponse metrics = Fetch(*server, GetRequest("/metrics"));
  EXPECT_EQ(metrics.status, 200);
  EXPECT_TRUE(metrics.Header("Content-Type").value_or("").starts_with("text/plain"));
  EXPECT_NE(metrics.body.find("# TYPE finhelm_http_requests_total counter"), std::string::npos);
  EXPECT_NE(metrics.body.find(
                R"(finhelm_http_requests_total{method="GET",route="/healthz",status="200"} 1)"),
            std::string::npos)
      << metrics.body;
}

// /metrics names every route and queue: with a scrape token configured it needs that token,
// and without one it answers loopback clients only.
TEST(SystemRoutes, MetricsNeedTheScrapeCredential) {
  TempDir secrets;
  ASSERT_TRUE(WriteFile(secrets / "metrics.token", "scrape-token-of-forty-characters-or-so\n",
                        std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
  ServerConfig config;
  config.environment["FINHELM_METRICS_TOKEN_FILE"] = (secrets / "metrics.token").string();
  auto server = StartServer(config);
  ASSERT_NE(server, nullptr);
  HttpResponse anonymous = Fetch(*server, GetRequest("/metrics"));
  EXPECT_EQ(anonymous.status, 401);
  EXPECT_EQ(anonymous.Header("WWW-Authenticate"), R"(Bearer realm="metrics")");
  EXPECT_EQ(Fetch(*server, GetRequest("/metrics", "Authorization: Bearer wrong\r\n")).status, 401);
  HttpResponse scraped = Fetch(
      *server,
      GetRequest("/metrics", "Authorization: Bearer scrape-token-of-forty-characters-or-so\r\n"));
  EXPECT_EQ(scraped.status, 200);
  EXPECT_NE(scraped.body.find("finhelm_http_requests_total"), std::string::npos);
}

TEST(SystemRoutes, MetricsWithoutATokenAnswerOnlyLoopbackClients) {
  ServerConfig config;
  config.toml = "[server]\ntrusted_proxies = [\"127.0.0.1\"]\n";
  auto server = StartServer(config);
  ASSERT_NE(server, nullptr);
  EXPECT_EQ(Fetch(*server, GetRequest("/metrics")).status, 200);
  // Through the (trusted) proxy on loopback, for a client elsewhere.
  EXPECT_EQ(Fetch(*server, GetRequest("/metrics", "X-Forwarded-For: 203.0.113.9\r\n")).status, 401);
}

TEST(SystemRoutes, ReadyzReportsReady) {
  auto server = StartServer();
  ASSERT_NE(server, nullptr);
  HttpResponse response = Fetch(*server, GetRequest("/readyz"));
  EXPECT_EQ(response.status, 200);
  json body = json::parse(response.body, nullptr, false);
  EXPECT_EQ(body.value("status", ""), "ready") << response.body;
}

TEST(SystemRoutes, OpenApiDocumentIsServed) {
  auto server = StartServer();
  ASSERT_NE(server, nullptr);
  HttpResponse response = Fetch(*server, GetRequest("/v1/openapi.json"));
  EXPECT_EQ(response.status, 200);
  EXPECT_TRUE(response.Header("Content-Type").value_or("").starts_with("application/json"));
  json document = json::parse(response.body, nullptr, false);
  ASSERT_TRUE(document.is_object()) << "not JSON";
  EXPECT_TRUE(document.contains("openapi"));
  EXPECT_TRUE(document["paths"].contains("/v1/diagnostics/echo"));
}

}  // namespace
}  // namespace finhelm::integration

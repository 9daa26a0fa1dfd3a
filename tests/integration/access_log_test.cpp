// DATA-5: the access log is JSON lines naming the route template, and never holds a
// query string, a body, a token, a cookie or an authorization header.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "http_client.hpp"
#include "server_process.hpp"
#include "test_support.hpp"

namespace finhelm::integration {
namespace {

using nlohmann::json;

// Secrets a client may send anywhere in a request; none may reach the log.
constexpr std::string_view kSecrets[] = {"SECRET123", "hunter2", "BEARER-SECRET-1",
                                         "COOKIE-SECRET-2", "CSRF-SECRET-3"};

constexpr std::string_view kSecretHeaders =
    "Authorization: Bearer BEARER-SECRET-1\r\n"
    "Cookie: __Host-fh_session=COOKIE-SECRET-2\r\n"
    "X-CSRF-Token: CSRF-SECRET-3\r\n";

std::vector<json> LogLines(const std::string& log) {
  std::vector<json> lines;
  std::istringstream in(log);
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    json parsed = json::parse(line, nullptr, false);
    EXPECT_TRUE(parsed.is_object()) << "not a JSON line: " << line;
    lines.push_back(std::move(parsed));
  }
  return lines;
}

// proves DATA-5
TEST(AccessLog, NamesTheRouteAndNeverTheSecrets) {
  // Debug level: even the most verbose log must not hold them.
  auto server = StartServer({"[log]\nlevel = \"debug\"\n", {}});
  ASSERT_NE(server, nullptr);

  HttpResponse served = Fetch(*server, PostJsonRequest("/v1/diagnostics/echo?token=SECRET123",
                                                       R"({"message":"hunter2"})", kSecretHeaders));
  ASSERT_EQ(served.status, 200);
  // Failures are where details tend to leak: a rejected body, an unknown route, a refusal
  // before routing, a request cut off by the server.
  EXPECT_EQ(Fetch(*server,
                  PostJsonRequest("/v1/diagnostics/echo?token=SECRET123",
                                  R"({"message":"hunter2","password":"hunter2"})", kSecretHeaders))
                .status,
            422);
  EXPECT_EQ(
      Fetch(*server, PostJsonRequest("/v1/diagnostics/echo", R"({"message":hunter2})")).status,
      422);
  EXPECT_EQ(Fetch(*server, GetRequest("/v1/nope?token=SECRET123", kSecretHeaders)).status, 404);
  EXPECT_EQ(Fetch(*server,
                  "POST /v1/diagnostics/echo?token=SECRET123 HTTP/1.1\r\nHost: x\r\n"
                  "Content-Length: 9\r\nContent-Length: 10\r\n\r\nhunter2!!")
                .status,
            400);
  ASSERT_EQ(server->Stop(), 0);

  std::string log = server->Log();
  for (std::string_view secret : kSecrets) {
    EXPECT_EQ(log.find(secret), std::string::npos) << secret << " is in the log:\n" << log;
  }
  bool found = false;
  for (const json& line : LogLines(log)) {
    if (line.value("event", "") != "http_request" ||
        line.value("request_id", "") != served.Header("X-Request-Id").value_or("")) {
      continue;
    }
    found = true;
    EXPECT_EQ(line.value("route", ""), "/v1/diagnostics/echo");
    EXPECT_EQ(line.value("method", ""), "POST");
    EXPECT_EQ(line.value("status", 0), 200);
    EXPECT_EQ(line.value("level", ""), "info");
  }
  EXPECT_TRUE(found) << "no http_request line for the served request:\n" << log;
}

}  // namespace
}  // namespace finhelm::integration

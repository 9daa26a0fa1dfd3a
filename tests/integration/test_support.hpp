// Shared steps of the integration tests: start a server, exchange a request, check the
// headers every response must carry. Failures are reported to GoogleTest here, so a
// test reads as its scenario.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>

#include "http_client.hpp"
#include "server_process.hpp"

namespace finhelm::integration {

inline constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'";

// The running server, or nullptr after reporting why it did not start.
inline std::unique_ptr<ServerProcess> StartServer(const ServerConfig& config = {}) {
  auto started = ServerProcess::Start(config);
  if (!started.ok()) {
    ADD_FAILURE() << "server did not start: " << started.error().message;
    return nullptr;
  }
  return std::move(*started);
}

// The response to `request` on a fresh connection; status 0 after reporting a failure.
inline HttpResponse Fetch(const ServerProcess& server, std::string_view request) {
  auto response = Exchange(server.port(), request);
  if (!response.ok()) {
    ADD_FAILURE() << "no response: " << response.error().message;
    return {};
  }
  return std::move(*response);
}

// The response read from `connection`; status 0 after reporting a failure.
inline HttpResponse ReadOrFail(HttpConnection& connection,
                               std::chrono::milliseconds timeout = kReadTimeout) {
  auto response = connection.Read(timeout);
  if (!response.ok()) {
    ADD_FAILURE() << "no response: " << response.error().message;
    return {};
  }
  return std::move(*response);
}

// Checks the WEB-3 headers, which every response carries, errors included.
inline void ExpectSecurityHeaders(const HttpResponse& response) {
  EXPECT_EQ(response.Header("Content-Security-Policy"), std::string(kContentSecurityPolicy));
  EXPECT_EQ(response.Header("X-Frame-Options"), "DENY");
  EXPECT_EQ(response.Header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(response.Header("Referrer-Policy"), "no-referrer");
  EXPECT_EQ(response.Header("Cross-Origin-Opener-Policy"), "same-origin");
  EXPECT_EQ(response.Header("Cross-Origin-Resource-Policy"), "same-origin");
  EXPECT_EQ(response.Header("X-XSS-Protection"), "0");
  auto permissions = response.Header("Permissions-Policy").value_or("");
  for (std::string_view feature : {"camera=()", "microphone=()", "geolocation=()", "payment=()"}) {
    EXPECT_NE(permissions.find(feature), std::string::npos)
        << "Permissions-Policy lacks " << feature;
  }
  EXPECT_EQ(response.Header("Server"), "FinHelm");
}

}  // namespace finhelm::integration

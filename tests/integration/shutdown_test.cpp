// Graceful shutdown on SIGTERM: requests in flight finish, idle connections close at
// once, nothing new is accepted, and the process exits 0.
#include <signal.h>

#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "http_client.hpp"
#include "server_process.hpp"
#include "test_support.hpp"

namespace finhelm::integration {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using Clock = std::chrono::steady_clock;

// True once a connection to `port` is refused, polled for up to `timeout`.
bool RefusesConnections(std::uint16_t port, milliseconds timeout) {
  auto deadline = Clock::now() + timeout;
  while (Clock::now() < deadline) {
    if (!HttpConnection::Open(port).ok()) return true;
    std::this_thread::sleep_for(milliseconds(20));
  }
  return false;
}

TEST(GracefulShutdown, RequestInFlightIsAnsweredAndExitIsZero) {
  auto server = StartServer();
  ASSERT_NE(server, nullptr);
  auto connection = HttpConnection::Open(server->port());
  ASSERT_TRUE(connection.ok()) << connection.error().message;

  // A request whose body is still on its way is in flight when the signal arrives.
  const std::string body = R"({"message":"still arriving"})";
  const std::string request = PostJsonRequest("/v1/diagnostics/echo", body);
  const std::size_t split = request.size() - body.size() + 5;
  ASSERT_TRUE(connection->Send(std::string_view(request).substr(0, split)));
  std::this_thread::sleep_for(milliseconds(200));
  server->Signal(SIGTERM);

  EXPECT_TRUE(RefusesConnections(server->port(), seconds(2)))
      << "new connections are still accepted after SIGTERM";
  ASSERT_TRUE(connection->Send(std::string_view(request).substr(split)));
  HttpResponse response = ReadOrFail(*connection);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(nlohmann::json::parse(response.body, nullptr, false).value("message", ""),
            "still arriving");
  // The answer says the connection ends, and it does.
  EXPECT_EQ(response.Header("Connection"), "close");
  EXPECT_TRUE(connection->WaitForClose(seconds(2)));

  EXPECT_EQ(server->WaitForExit(seconds(10)), 0) << server->Log();
}

TEST(GracefulShutdown, IdleKeepAliveConnectionsAreClosedPromptly) {
  auto server = StartServer();
  ASSERT_NE(server, nullptr);
  auto connection = HttpConnection::Open(server->port());
  ASSERT_TRUE(connection.ok()) << connection.error().message;
  ASSERT_TRUE(connection->Send(GetRequest("/healthz")));
  ASSERT_EQ(ReadOrFail(*connection).status, 200);
  auto silent = HttpConnection::Open(server->port());  // Connected, never sent a byte.
  ASSERT_TRUE(silent.ok());

  auto started = Clock::now();
  server->Signal(SIGTERM);
  EXPECT_TRUE(connection->WaitForClose(seconds(2)));
  EXPECT_TRUE(silent->WaitForClose(seconds(2)));
  // Promptly: well before the 10 s header timeout or the shutdown grace would end them.
  EXPECT_LT(Clock::now() - started, seconds(1));
  EXPECT_EQ(server->WaitForExit(seconds(10)), 0) << server->Log();
}

TEST(GracefulShutdown, StopsQuicklyWhenIdleAndLogsIt) {
  auto server = StartServer();
  ASSERT_NE(server, nullptr);
  auto started = Clock::now();
  EXPECT_EQ(server->Stop(), 0);
  EXPECT_LT(Clock::now() - started, seconds(2));
  EXPECT_FALSE(HttpConnection::Open(server->port()).ok());
  std::string log = server->Log();
  EXPECT_NE(log.find(R"("event":"shutdown_requested")"), std::string::npos) << log;
  EXPECT_NE(log.find(R"("event":"server_stopped","connections_cut":0)"), std::string::npos) << log;
}

}  // namespace
}  // namespace finhelm::integration

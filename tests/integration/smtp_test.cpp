// Mail through a real SMTP server (a loopback sink speaking the protocol), as configured
// by FINHELM_SMTP_URL.
#include <fcntl.h>
#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "http_client.hpp"
#include "server_process.hpp"
#include "temp_dir.hpp"
#include "test_support.hpp"

namespace finhelm::integration {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Waits until `path` exists.
bool AwaitFile(const fs::path& path, std::chrono::seconds timeout = std::chrono::seconds(15)) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (fs::exists(path)) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

TEST(Smtp, VerificationMailIsDeliveredOverSmtp) {
  TempDir sink_dir;
  int null_fd = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
  ASSERT_GE(null_fd, 0);
  UniqueFd discard(null_fd);
  auto sink = ChildProcess::Spawn({"/usr/bin/python3", SMTP_SINK_SCRIPT, sink_dir.path().string()},
                                  {}, discard.get(), discard.get(), sink_dir.path());
  ASSERT_TRUE(sink.ok()) << sink.error().message;
  ASSERT_TRUE(AwaitFile(sink_dir / "port")) << "the SMTP sink did not start";
  std::string port = ReadAll(sink_dir / "port");

  ServerConfig config;
  config.environment["FINHELM_SMTP_URL"] = "smtp://127.0.0.1:" + port;
  config.environment["FINHELM_SMTP_FROM"] = "books@example.com";
  auto server = StartServer(config);
  ASSERT_NE(server, nullptr);
  std::string body = R"({"email":"jo@example.com","name":"Jo",)"
                     R"("password":"violet kettle marches under 9 lanterns"})";
  ASSERT_EQ(Fetch(*server, PostJsonRequest("/v1/auth/register", body)).status, 201);

  ASSERT_TRUE(AwaitFile(sink_dir / "0001.eml")) << server->Log();
  std::string message = ReadAll(sink_dir / "0001.eml");
  EXPECT_THAT(message, ::testing::HasSubstr("X-Envelope-From: books@example.com"));
  EXPECT_THAT(message, ::testing::HasSubstr("X-Envelope-To: jo@example.com"));
  EXPECT_THAT(message, ::testing::HasSubstr("Subject: Confirm your email for FinHelm"));
  EXPECT_THAT(message, ::testing::ContainsRegex("/verify-email#token=[A-Za-z0-9_-]{43}"));
  EXPECT_FALSE(fs::exists(server->directory() / "data" / "outbox"));  // Not written to disk.
  sink->Signal(SIGTERM);
}

}  // namespace
}  // namespace finhelm::integration

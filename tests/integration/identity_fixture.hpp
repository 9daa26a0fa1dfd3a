// The identity fixture of the integration tests: a real server and the steps a client
// takes against it (register, verify from the outbox, sign in, enroll TOTP).
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "http_client.hpp"
#include "server_process.hpp"
#include "test_support.hpp"

namespace finhelm::integration {

using nlohmann::json;
namespace fs = std::filesystem;

inline constexpr std::string_view kPassword = "violet kettle marches under 9 lanterns";
inline constexpr std::string_view kAgent = "IdentityTest/1.0";

// A signed-in client: the session cookie and the CSRF token that go with it.
struct Client {
  std::string cookie;  // The token of __Host-fh_session; empty when signed out.
  std::string csrf;
};

inline std::vector<std::uint8_t> FromBase32(std::string_view text) {
  std::vector<std::uint8_t> out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    buffer = (buffer << 5) | static_cast<std::uint32_t>(c >= 'A' ? c - 'A' : c - '2' + 26);
    bits += 5;
    if (bits >= 8) {
      out.push_back(static_cast<std::uint8_t>((buffer >> (bits - 8)) & 0xFF));
      bits -= 8;
    }
  }
  return out;
}

// RFC 6238 with OpenSSL's HMAC-SHA-1: an implementation independent of the server's.
inline std::string Totp(const std::vector<std::uint8_t>& secret, std::int64_t unix_seconds) {
  std::uint64_t step = static_cast<std::uint64_t>(unix_seconds / 30);
  unsigned char message[8];
  for (int i = 7; i >= 0; --i) {
    message[i] = static_cast<unsigned char>(step & 0xFF);
    step >>= 8;
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha1(), secret.data(), static_cast<int>(secret.size()), message, sizeof(message), digest,
       &length);
  int offset = digest[length - 1] & 0x0F;
  std::uint32_t binary = (static_cast<std::uint32_t>(digest[offset] & 0x7F) << 24) |
                         (static_cast<std::uint32_t>(digest[offset + 1]) << 16) |
                         (static_cast<std::uint32_t>(digest[offset + 2]) << 8) |
                         static_cast<std::uint32_t>(digest[offset + 3]);
  std::string code = std::to_string(binary % 1000000);
  return std::string(6 - code.size(), '0') + code;
}

inline std::int64_t Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

class Identity : public ::testing::Test {
 protected:
  // Lets a suite adjust the server before it starts.
  virtual void Configure(ServerConfig&) {}

  void SetUp() override {
    ServerConfig config;
    Configure(config);
    config.environment["FINHELM_AUTH_ATTEMPTS_PER_MINUTE"] = "100000";
    server_ = StartServer(config);
    ASSERT_NE(server_, nullptr);
  }

  std::string Headers(const Client& client, bool with_csrf = true) const {
    std::string headers = "User-Agent: " + std::string(kAgent) + "\r\n";
    if (!client.cookie.empty()) headers += "Cookie: __Host-fh_session=" + client.cookie + "\r\n";
    if (with_csrf && !client.csrf.empty()) headers += "X-CSRF-Token: " + client.csrf + "\r\n";
    return headers;
  }
  HttpResponse Post(std::string_view target, const json& body, const Client& client = {}) {
    return Fetch(*server_, PostJsonRequest(target, body.dump(), Headers(client)));
  }
  HttpResponse Get(std::string_view target, const Client& client) {
    return Fetch(*server_, GetRequest(target, Headers(client)));
  }
  HttpResponse Send(std::string_view method, std::string_view target, const Client& client) {
    std::string request = std::string(method) + " " + std::string(target) +
                          " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n" +
                          Headers(client) + "\r\n";
    return Fetch(*server_, request);
  }

  // Waits for the job runner to write a message to `to` with `subject` and returns the
  // token of its link.
  std::string AwaitMailToken(const std::string& to,
                             const std::string& subject = "Confirm your email for FinHelm") {
    fs::path outbox = server_->directory() / "data" / "outbox";
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    while (std::chrono::steady_clock::now() < deadline) {
      std::vector<std::string> tokens;
      std::error_code error;
      std::vector<fs::path> files;
      for (const auto& entry : fs::directory_iterator(outbox, error)) {
        if (entry.path().extension() == ".eml") files.push_back(entry.path());
      }
      std::sort(files.begin(), files.end());
      for (const fs::path& file : files) {
        std::ifstream in(file);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::smatch match;
        if (text.find("To: " + to + "\r\n") == std::string::npos) continue;
        if (text.find("Subject: " + subject + "\r\n") == std::string::npos) continue;
        if (std::regex_search(text, match, std::regex("#token=([A-Za-z0-9_-]{43})"))) {
          tokens.push_back(match[1]);
        } else {
          tokens.emplace_back();
        }
      }
      if (!tokens.empty()) return tokens.back();
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ADD_FAILURE() << "no mail to " << to << " in " << outbox;
    return {};
  }

  void RegisterAndVerify(const std::string& email) {
    HttpResponse registered =
        Post("/v1/auth/register", {{"email", email}, {"password", kPassword}, {"name", "Jo"}});
    ASSERT_EQ(registered.status, 201) << registered.body;
    std::string token = AwaitMailToken(email);
    ASSERT_EQ(Post("/v1/auth/verify-email", {{"token", token}}).status, 204);
  }

  Client Login(const std::string& email, std::string_view password = kPassword) {
    HttpResponse response = Post("/v1/auth/login", {{"email", email}, {"password", password}});
    EXPECT_EQ(response.status, 200) << response.body;
    Client client;
    std::smatch match;
    std::string cookie = response.Header("Set-Cookie").value_or("");
    if (std::regex_search(cookie, match, std::regex("__Host-fh_session=([A-Za-z0-9_-]+)"))) {
      client.cookie = match[1];
    }
    client.csrf = json::parse(response.body, nullptr, false).value("csrf_token", "");
    return client;
  }

  // Enrolls a TOTP factor for `client` and returns its secret; the confirming code uses the
  // current step, so the next sign-in uses the following one.
  std::vector<std::uint8_t> EnrollMfa(const Client& client) {
    HttpResponse started = Send("POST", "/v1/me/mfa/totp", client);
    EXPECT_EQ(started.status, 200) << started.body;
    json enrollment = json::parse(started.body, nullptr, false);
    std::vector<std::uint8_t> secret = FromBase32(enrollment.value("secret", ""));
    HttpResponse confirmed =
        Post("/v1/me/mfa/totp/confirm", {{"code", Totp(secret, Now())}}, client);
    EXPECT_EQ(confirmed.status, 200) << confirmed.body;
    return secret;
  }

  // Signs in with password and second factor.
  Client LoginWithMfa(const std::string& email, const std::string& code) {
    HttpResponse first = Post("/v1/auth/login", {{"email", email}, {"password", kPassword}});
    EXPECT_EQ(first.status, 200) << first.body;
    EXPECT_EQ(json::parse(first.body, nullptr, false).value("mfa_required", false), true);
    EXPECT_EQ(first.Header("Set-Cookie").value_or("").find("__Host-fh_session"), std::string::npos);
    std::smatch match;
    std::string cookie = first.Header("Set-Cookie").value_or("");
    std::regex_search(cookie, match, std::regex("__Host-fh_mfa=([A-Za-z0-9_-]+)"));
    std::string pending = match.size() > 1 ? std::string(match[1]) : std::string();
    std::string headers =
        "User-Agent: " + std::string(kAgent) + "\r\nCookie: __Host-fh_mfa=" + pending + "\r\n";
    HttpResponse second =
        Fetch(*server_, PostJsonRequest("/v1/auth/mfa", json{{"code", code}}.dump(), headers));
    EXPECT_EQ(second.status, 200) << second.body;
    Client client;
    std::string session;
    for (const auto& [name, value] : second.headers) {
      if (EqualsIgnoreCaseAscii(name, "Set-Cookie") && value.starts_with("__Host-fh_session=")) {
        session = value;
      }
    }
    if (std::regex_search(session, match, std::regex("__Host-fh_session=([A-Za-z0-9_-]+)"))) {
      client.cookie = match[1];
    }
    client.csrf = json::parse(second.body, nullptr, false).value("csrf_token", "");
    return client;
  }

  static bool EqualsIgnoreCaseAscii(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
             return std::tolower(static_cast<unsigned char>(x)) ==
                    std::tolower(static_cast<unsigned char>(y));
           });
  }

  std::unique_ptr<ServerProcess> server_;
};

}  // namespace finhelm::integration

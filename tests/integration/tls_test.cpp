// DATA-1 on the real TLS listener: TLS 1.2 and 1.3 only, AEAD suites with forward
// secrecy, HSTS, and a plain listener that does nothing but redirect.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <gtest/gtest.h>

#include <string>

#include "http_client.hpp"
#include "server_process.hpp"
#include "temp_dir.hpp"
#include "test_support.hpp"
#include "tls_client.hpp"

namespace finhelm::integration {
namespace {

constexpr std::string_view kHsts = "max-age=31536000; includeSubDomains";

// A port that was free a moment ago. The server prints only its TLS port, so the redirect
// listener's port is chosen here; another process taking it in between is unlikely on
// loopback and would fail the start, not pass a test.
std::uint16_t FreePort() {
  UniqueFd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof(address);
  if (::bind(fd.get(), reinterpret_cast<const sockaddr*>(&address), sizeof(address)) != 0 ||
      ::getsockname(fd.get(), reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    return 0;
  }
  return ntohs(address.sin_port);
}

class Tls : public ::testing::Test {
 protected:
  void SetUp() override {
    auto made = RunCommand({OPENSSL_PROGRAM, "req", "-x509", "-newkey", "ec", "-pkeyopt",
                            "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj",
                            "/CN=localhost", "-keyout", (certificates_ / "key.pem").string(),
                            "-out", (certificates_ / "cert.pem").string()},
                           {});
    ASSERT_TRUE(made.ok() && made->exit_status == 0)
        << (made.ok() ? made->err : made.error().message);
    redirect_port_ = FreePort();
    ASSERT_NE(redirect_port_, 0);
    std::string toml = "[server]\ntls_cert_file = \"" + (certificates_ / "cert.pem").string() +
                       "\"\ntls_key_file = \"" + (certificates_ / "key.pem").string() +
                       "\"\nredirect_port = " + std::to_string(redirect_port_) +
                       "\n[limits]\nheader_timeout_seconds = 1\n";
    server_ = StartServer({toml, {}});
    ASSERT_NE(server_, nullptr);
    ASSERT_EQ(server_->scheme(), "https");
  }

  Result<TlsConnection> Handshake(int min_version, int max_version, std::string ciphers = {}) {
    return TlsConnection::Open(server_->port(), {min_version, max_version, std::move(ciphers)});
  }

  TempDir certificates_;
  std::uint16_t redirect_port_ = 0;
  std::unique_ptr<ServerProcess> server_;
};

// proves DATA-1
TEST_F(Tls, Tls13HandshakeSucceeds) {
  auto connection = Handshake(TLS1_3_VERSION, TLS1_3_VERSION);
  ASSERT_TRUE(connection.ok()) << connection.error().message;
  EXPECT_EQ(connection->protocol(), "TLSv1.3");
}

// proves DATA-1
TEST_F(Tls, Tls12HandshakeUsesAeadWithForwardSecrecy) {
  auto connection = Handshake(TLS1_2_VERSION, TLS1_2_VERSION);
  ASSERT_TRUE(connection.ok()) << connection.error().message;
  EXPECT_EQ(connection->protocol(), "TLSv1.2");
  std::string cipher = connection->cipher();
  EXPECT_TRUE(cipher.starts_with("ECDHE-")) << cipher;
  EXPECT_TRUE(cipher.find("GCM") != std::string::npos ||
              cipher.find("CHACHA20-POLY1305") != std::string::npos)
      << cipher;
}

// proves DATA-1
TEST_F(Tls, Tls11AndTls10AreRefused) {
  // Debian's OpenSSL will not even offer these at its default security level; level 0
  // makes the client try, so the refusal seen is the server's.
  for (int version : {TLS1_1_VERSION, TLS1_VERSION}) {
    auto connection = Handshake(version, version, "DEFAULT:@SECLEVEL=0");
    ASSERT_FALSE(connection.ok()) << "TLS version " << std::hex << version << " was accepted";
    EXPECT_NE(connection.error().message.find("alert protocol version"), std::string::npos)
        << connection.error().message;
  }
}

// proves DATA-1
TEST_F(Tls, NonAeadCipherIsRefused) {
  auto connection =
      Handshake(TLS1_2_VERSION, TLS1_2_VERSION,
                "ECDHE-ECDSA-AES128-SHA:ECDHE-ECDSA-AES256-SHA:ECDHE-ECDSA-AES128-SHA256:"
                "ECDHE-ECDSA-AES256-SHA384:ECDHE-RSA-AES128-SHA:@SECLEVEL=0");
  ASSERT_FALSE(connection.ok()) << "negotiated " << connection->cipher();
  EXPECT_NE(connection.error().message.find("alert handshake failure"), std::string::npos)
      << connection.error().message;
}

// proves DATA-1
TEST_F(Tls, ResponsesOverTlsCarryHsts) {
  auto connection = Handshake(TLS1_2_VERSION, TLS1_3_VERSION);
  ASSERT_TRUE(connection.ok()) << connection.error().message;
  ASSERT_TRUE(connection->Send(GetRequest("/healthz")));
  auto response = connection->Read();
  ASSERT_TRUE(response.ok()) << response.error().message;
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->Header("Strict-Transport-Security"), std::string(kHsts));
  ExpectSecurityHeaders(*response);
}

// proves DATA-1
TEST_F(Tls, PlainHttpOnTheTlsPortIsNotServed) {
  auto connection = HttpConnection::Open(server_->port());
  ASSERT_TRUE(connection.ok());
  ASSERT_TRUE(connection->Send(GetRequest("/healthz")));
  EXPECT_FALSE(connection->Read(std::chrono::seconds(2)).ok());
}

// proves IN-2
TEST_F(Tls, SilentClientIsCutOffDuringTheHandshake) {
  // The header timeout covers the handshake too: a client that connects and says
  // nothing holds a connection no longer than a slow plain-HTTP client could.
  auto connection = HttpConnection::Open(server_->port());
  ASSERT_TRUE(connection.ok());
  auto started = std::chrono::steady_clock::now();
  EXPECT_TRUE(connection->WaitForClose(std::chrono::seconds(3)));
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(2000));
}

// proves DATA-1
// proves WEB-3 (regression: the redirect listener sent none of its headers)
TEST_F(Tls, PlainListenerOnlyRedirectsWith308) {
  std::string expected = "https://localhost:" + std::to_string(server_->port());
  for (const std::string& request :
       {std::string("GET /v1/openapi.json?x=1 HTTP/1.1\r\nHost: localhost:") +
            std::to_string(redirect_port_) + "\r\n\r\n",
        PostJsonRequest("/v1/diagnostics/echo", R"({"message":"x"})")}) {
    auto response = Exchange(redirect_port_, request);
    ASSERT_TRUE(response.ok()) << response.error().message;
    EXPECT_EQ(response->status, 308);
    EXPECT_TRUE(response->body.empty()) << "the plain listener served content";
    ExpectSecurityHeaders(*response);
    EXPECT_FALSE(response->HasHeader("Strict-Transport-Security"));
    EXPECT_TRUE(response->Header("Location").value_or("").starts_with(expected))
        << response->Header("Location").value_or("no Location");
  }
  auto response = Exchange(redirect_port_, GetRequest("/v1/openapi.json?x=1"));
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->Header("Location"), expected + "/v1/openapi.json?x=1");
  // A Host that could split the header or point elsewhere oddly is not echoed.
  response = Exchange(redirect_port_, "GET / HTTP/1.1\r\nHost: evil.example/x?\r\n\r\n");
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->status, 400);
  EXPECT_FALSE(response->HasHeader("Location"));
}

}  // namespace
}  // namespace finhelm::integration

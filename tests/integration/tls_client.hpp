// A small TLS client (OpenSSL) for proving what the server's TLS listener accepts.
//
// It can be told to offer only old protocol versions or weak suites, which a browser
// never would, so that tests see the server refuse them (DATA-1). It does not verify the
// certificate: the tests' certificates are self-signed, and what is under test is the
// server's choice of protocol and cipher, not the client's trust.
#pragma once

#include <openssl/ssl.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "http_client.hpp"
#include "unique_fd.hpp"

namespace finhelm::integration {

struct TlsClientOptions {
  int min_version = TLS1_2_VERSION;
  int max_version = TLS1_3_VERSION;
  // OpenSSL cipher list for TLS 1.2 and below; empty keeps the library default.
  std::string cipher_list;
};

class TlsConnection {
 public:
  // Connects to 127.0.0.1:port and completes the handshake. On failure the error names
  // OpenSSL's reason, e.g. "tlsv1 alert protocol version" when the server refused.
  static Result<TlsConnection> Open(std::uint16_t port, const TlsClientOptions& options);

  std::string protocol() const { return SSL_get_version(ssl_.get()); }  // "TLSv1.3"
  std::string cipher() const { return SSL_get_cipher_name(ssl_.get()); }

  bool Send(std::string_view bytes);
  Result<HttpResponse> Read(std::chrono::milliseconds timeout = kReadTimeout);

 private:
  struct ContextFree {
    void operator()(SSL_CTX* context) const { SSL_CTX_free(context); }
  };
  struct SslFree {
    void operator()(SSL* ssl) const { SSL_free(ssl); }
  };

  TlsConnection(UniqueFd fd, std::unique_ptr<SSL_CTX, ContextFree> context,
                std::unique_ptr<SSL, SslFree> ssl)
      : fd_(std::move(fd)), context_(std::move(context)), ssl_(std::move(ssl)) {}

  // Members are destroyed in reverse: the SSL first, the socket last.
  UniqueFd fd_;
  std::unique_ptr<SSL_CTX, ContextFree> context_;
  std::unique_ptr<SSL, SslFree> ssl_;
  std::string buffer_;
  bool peer_closed_ = false;
};

}  // namespace finhelm::integration

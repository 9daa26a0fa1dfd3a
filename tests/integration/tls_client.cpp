#include "tls_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <sys/socket.h>
#include <sys/time.h>

namespace finhelm::integration {
namespace {

Error Failure(std::string message) {
  return MakeError(ErrorCode::kUnavailable, std::move(message));
}

// The reason of the first queued OpenSSL error, then clears the queue.
std::string OpenSslReason() {
  unsigned long code = ERR_get_error();
  ERR_clear_error();
  const char* reason = code == 0 ? nullptr : ERR_reason_error_string(code);
  return reason != nullptr ? reason : "unknown TLS failure";
}

void SetReceiveTimeout(int fd, std::chrono::milliseconds timeout) {
  timeval limit{};
  limit.tv_sec = static_cast<time_t>(timeout.count() / 1000);
  limit.tv_usec = static_cast<suseconds_t>((timeout.count() % 1000) * 1000);
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof(limit));
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof(limit));
}

}  // namespace

Result<TlsConnection> TlsConnection::Open(std::uint16_t port, const TlsClientOptions& options) {
  std::unique_ptr<SSL_CTX, ContextFree> context(SSL_CTX_new(TLS_client_method()));
  if (!context) return Failure("SSL_CTX_new: " + OpenSslReason());
  SSL_CTX_set_verify(context.get(), SSL_VERIFY_NONE, nullptr);
  if (SSL_CTX_set_min_proto_version(context.get(), options.min_version) != 1 ||
      SSL_CTX_set_max_proto_version(context.get(), options.max_version) != 1) {
    return Failure("cannot limit protocol versions: " + OpenSslReason());
  }
  if (!options.cipher_list.empty() &&
      SSL_CTX_set_cipher_list(context.get(), options.cipher_list.c_str()) != 1) {
    return Failure("cipher list rejected by the client: " + OpenSslReason());
  }

  UniqueFd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
  if (!fd.valid()) return Failure("socket failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd.get(), reinterpret_cast<const sockaddr*>(&address), sizeof(address)) != 0) {
    return Failure("connect to port " + std::to_string(port) + " failed");
  }
  SetReceiveTimeout(fd.get(), kReadTimeout);

  std::unique_ptr<SSL, SslFree> ssl(SSL_new(context.get()));
  if (!ssl || SSL_set_fd(ssl.get(), fd.get()) != 1) return Failure("SSL_new: " + OpenSslReason());
  if (SSL_connect(ssl.get()) != 1) return Failure(OpenSslReason());
  return TlsConnection(std::move(fd), std::move(context), std::move(ssl));
}

bool TlsConnection::Send(std::string_view bytes) {
  while (!bytes.empty()) {
    std::size_t written = 0;
    if (SSL_write_ex(ssl_.get(), bytes.data(), bytes.size(), &written) != 1) return false;
    bytes.remove_prefix(written);
  }
  return true;
}

Result<HttpResponse> TlsConnection::Read(std::chrono::milliseconds timeout) {
  SetReceiveTimeout(fd_.get(), timeout);
  while (true) {
    auto taken = TakeResponse(buffer_, peer_closed_);
    if (!taken.ok()) return taken.error();
    if (taken->has_value()) return std::move(**taken);
    if (peer_closed_) return Failure("closed before a complete response");
    char chunk[16384];
    std::size_t got = 0;
    if (SSL_read_ex(ssl_.get(), chunk, sizeof(chunk), &got) != 1) {
      int reason = SSL_get_error(ssl_.get(), 0);
      ERR_clear_error();
      if (reason != SSL_ERROR_ZERO_RETURN) return Failure("TLS read failed or timed out");
      peer_closed_ = true;
      continue;
    }
    buffer_.append(chunk, got);
  }
}

}  // namespace finhelm::integration

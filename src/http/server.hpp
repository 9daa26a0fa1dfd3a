// Server: the HTTP/1.1 listener, built on Boost.Beast and Boost.Asio.
//
// One io_context per I/O thread, each with its own acceptor on the same port
// (SO_REUSEPORT), so connections never migrate between threads. Each connection is a
// coroutine that reads a request under absolute deadlines, enforces the IN-1 and IN-2
// framing limits before the body is read, hands the request to the Pipeline, and writes
// the answer. Nothing here blocks: handlers that might run on the Pipeline's workers.
//
// Beast and Asio are confined to server.cpp; this header is cheap to include.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "http/pipeline.hpp"

namespace finhelm::http {

struct TlsFiles {
  std::string certificate_chain;  // PEM.
  std::string private_key;        // PEM.
};

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;  // 0 picks a free port (tests).
  std::size_t io_threads = 2;
  std::optional<TlsFiles> tls;
  // When TLS is on: a plain listener that only answers 308 to the https URL (DATA-1).
  std::optional<std::uint16_t> redirect_port;

  std::chrono::seconds header_timeout{10};  // IN-2, absolute, from the first byte awaited.
  std::chrono::seconds body_timeout{30};    // IN-2, absolute.
  std::chrono::seconds write_timeout{30};
  std::chrono::seconds shutdown_grace{10};
  std::size_t max_header_bytes = std::size_t{16} * 1024;  // IN-2, request line included.
  std::size_t max_header_fields = 100;                    // IN-2.
  std::size_t max_connections = 10000;
  std::size_t max_connections_per_address = 256;
  std::size_t max_requests_per_connection = 10000;
};

class Server {
 public:
  // Loads TLS material and binds the listeners; the server does not accept until Start.
  static Result<std::unique_ptr<Server>> Create(ServerOptions options, const Pipeline& pipeline);
  virtual ~Server() = default;

  // Starts the I/O threads and returns at once.
  virtual void Start() = 0;
  // Stops accepting, lets requests in flight finish for up to the shutdown grace, closes
  // idle keep-alive connections, then stops the I/O threads. Safe from any thread.
  virtual void Stop() = 0;
  // Blocks until every I/O thread has ended.
  virtual void Wait() = 0;

  virtual std::uint16_t port() const = 0;
  virtual std::optional<std::uint16_t> redirect_port() const = 0;
  virtual std::size_t open_connections() const = 0;
};

}  // namespace finhelm::http

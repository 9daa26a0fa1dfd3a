#include "http/server.hpp"

#include <atomic>
#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <list>
#include <map>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "http/internal/connection.hpp"
#include "observability/log.hpp"

namespace finhelm::http {
namespace {

namespace asio = boost::asio;
namespace ssl = boost::asio::ssl;
using tcp = asio::ip::tcp;

// TLS 1.2 suites with forward secrecy and an AEAD (DATA-1); TLS 1.3 suites are all AEAD.
constexpr const char* kTls12Ciphers =
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
    "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
    "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

Result<std::unique_ptr<ssl::context>> MakeTlsContext(const TlsFiles& files) {
  auto context = std::make_unique<ssl::context>(ssl::context::tls_server);
  boost::system::error_code ec;
  context->set_options(
      ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
          ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::single_dh_use |
          SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE,
      ec);
  SSL_CTX* native = context->native_handle();
  if (ec || SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION) != 1 ||
      SSL_CTX_set_cipher_list(native, kTls12Ciphers) != 1) {
    return MakeError(ErrorCode::kInternal, "cannot configure TLS context");
  }
  context->use_certificate_chain_file(files.certificate_chain, ec);
  if (ec) {
    return MakeError(
        ErrorCode::kInvalidArgument,
        "cannot load TLS certificate chain " + files.certificate_chain + ": " + ec.message());
  }
  context->use_private_key_file(files.private_key, ssl::context::pem, ec);
  if (ec) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "cannot load TLS private key " + files.private_key + ": " + ec.message());
  }
  if (SSL_CTX_check_private_key(native) != 1) {
    return MakeError(ErrorCode::kInvalidArgument, "TLS private key does not match certificate");
  }
  return context;
}

// Completion of a connection coroutine: an escaped exception is a bug, logged rather than
// allowed to end the I/O thread.
void OnConnectionDone(std::exception_ptr failure) {
  if (!failure) return;
  try {
    std::rethrow_exception(failure);
  } catch (const std::exception& error) {
    log::Error("connection_failed", {{"detail", error.what()}});
  }
}

Result<tcp::acceptor> Bind(asio::io_context& io, const tcp::endpoint& endpoint, bool reuse_port) {
  tcp::acceptor acceptor(io);
  boost::system::error_code ec;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec && reuse_port) {
    int one = 1;
    if (::setsockopt(acceptor.native_handle(), SOL_SOCKET, SO_REUSEPORT, &one, sizeof(one)) != 0) {
      ec = boost::system::error_code(errno, boost::system::system_category());
    }
  }
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return MakeError(ErrorCode::kUnavailable, "cannot listen on " + endpoint.address().to_string() +
                                                  ":" + std::to_string(endpoint.port()) + ": " +
                                                  ec.message());
  }
  return acceptor;
}

class BeastServer final : public Server {
 public:
  BeastServer(ServerOptions options, const Pipeline& pipeline)
      : options_(std::move(options)),
        pipeline_(pipeline),
        shared_(std::make_shared<SharedState>()) {}

  ~BeastServer() override {
    Stop();
    Wait();
  }

  Status Bind() {
    if (options_.tls) {
      auto context = MakeTlsContext(*options_.tls);
      if (!context.ok()) return context.error();
      tls_ = std::move(*context);
    }
    boost::system::error_code ec;
    auto address = asio::ip::make_address(options_.address, ec);
    if (ec) return MakeError(ErrorCode::kInvalidArgument, "bad listen address " + options_.address);

    std::size_t threads = std::max<std::size_t>(1, options_.io_threads);
    std::uint16_t port = options_.port;
    for (std::size_t i = 0; i < threads; ++i) {
      auto& worker = workers_.emplace_back(std::make_unique<IoThread>());
      auto acceptor = finhelm::http::Bind(worker->io, tcp::endpoint(address, port), threads > 1);
      if (!acceptor.ok()) return acceptor.error();
      worker->acceptor.emplace(std::move(*acceptor));
      // The first bind picks the port when 0 was asked; the others share it.
      port = worker->acceptor->local_endpoint().port();
    }
    port_ = port;
    if (options_.tls && options_.redirect_port) {
      auto acceptor = finhelm::http::Bind(workers_.front()->io,
                                          tcp::endpoint(address, *options_.redirect_port), false);
      if (!acceptor.ok()) return acceptor.error();
      redirect_acceptor_.emplace(std::move(*acceptor));
      redirect_port_ = redirect_acceptor_->local_endpoint().port();
    }
    return Status::Ok();
  }

  void Start() override {
    ConnectionSettings settings = MakeSettings();
    for (auto& worker : workers_) {
      asio::co_spawn(worker->io, Accept(*worker, *worker->acceptor, settings, false),
                     asio::detached);
    }
    if (redirect_acceptor_) {
      ConnectionSettings redirect = settings;
      redirect.redirect_only = true;
      redirect.redirect_https_port = port_;
      asio::co_spawn(workers_.front()->io,
                     Accept(*workers_.front(), *redirect_acceptor_, redirect, true),
                     asio::detached);
    }
    for (auto& worker : workers_) {
      IoThread* raw = worker.get();
      worker->thread = std::thread([raw] { raw->io.run(); });
    }
    log::Info("server_listening", {{"address", options_.address},
                                   {"port", static_cast<int>(port_)},
                                   {"tls", options_.tls.has_value()},
                                   {"io_threads", static_cast<int>(workers_.size())}});
  }

  void Stop() override {
    if (stopping_.exchange(true)) return;
    shared_->stopping.store(true);
    for (auto& worker : workers_) {
      asio::post(worker->io, [this, raw = worker.get()] {
        boost::system::error_code ignored;
        if (raw->acceptor) raw->acceptor->close(ignored);
        if (raw == workers_.front().get() && redirect_acceptor_) {
          redirect_acceptor_->close(ignored);
        }
        raw->registry.CloseIdle();
      });
    }
    // Requests in flight finish and their connections close themselves; anything still
    // open when the grace period ends is cut.
    stopper_ = std::thread([this] {
      auto deadline = std::chrono::steady_clock::now() + options_.shutdown_grace;
      while (shared_->open_connections.load() > 0 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
      log::Info("server_stopped",
                {{"connections_cut", static_cast<std::int64_t>(shared_->open_connections.load())}});
      for (auto& worker : workers_) worker->io.stop();
    });
  }

  void Wait() override {
    for (auto& worker : workers_) {
      if (worker->thread.joinable()) worker->thread.join();
    }
    if (stopper_.joinable()) stopper_.join();
  }

  std::uint16_t port() const override { return port_; }
  std::optional<std::uint16_t> redirect_port() const override { return redirect_port_; }
  std::size_t open_connections() const override { return shared_->open_connections.load(); }

 private:
  struct IoThread {
    asio::io_context io{1};
    std::optional<tcp::acceptor> acceptor;
    ConnectionRegistry registry;  // Touched only from this thread.
    std::thread thread;
  };

  ConnectionSettings MakeSettings() const {
    ConnectionSettings settings;
    settings.pipeline = &pipeline_;
    settings.shared = shared_;
    settings.header_timeout = options_.header_timeout;
    settings.body_timeout = options_.body_timeout;
    settings.write_timeout = options_.write_timeout;
    settings.max_header_bytes = options_.max_header_bytes;
    settings.max_header_fields = options_.max_header_fields;
    settings.max_requests = options_.max_requests_per_connection;
    settings.max_body_bytes = pipeline_.LargestBodyLimit();
    settings.secure = options_.tls.has_value();
    return settings;
  }

  bool Admit(const std::string& address) {
    std::lock_guard lock(shared_->mutex);
    if (shared_->open_connections.load() >= options_.max_connections) return false;
    auto& count = shared_->per_address[address];
    if (count >= options_.max_connections_per_address) return false;
    ++count;
    ++shared_->open_connections;
    return true;
  }

  asio::awaitable<void> Accept(IoThread& worker, tcp::acceptor& acceptor,
                               ConnectionSettings settings, bool redirect) {
    while (!shared_->stopping.load()) {
      boost::system::error_code ec;
      tcp::socket socket =
          co_await acceptor.async_accept(asio::redirect_error(asio::use_awaitable, ec));
      if (ec) {
        if (ec == asio::error::operation_aborted || shared_->stopping.load()) co_return;
        log::Warn("accept_failed", {{"error", ec.message()}});
        continue;
      }
      std::string address = socket.remote_endpoint(ec).address().to_string();
      if (ec || !Admit(address)) {
        log::Warn("connection_refused", {{"address", address}, {"reason", "connection_limit"}});
        socket.close(ec);
        continue;
      }
      socket.set_option(tcp::no_delay(true), ec);
      if (tls_ && !redirect) {
        asio::co_spawn(worker.io,
                       ServeTls(std::move(socket), *tls_, settings, address, worker.registry),
                       OnConnectionDone);
      } else {
        asio::co_spawn(worker.io, ServePlain(std::move(socket), settings, address, worker.registry),
                       OnConnectionDone);
      }
    }
  }

  ServerOptions options_;
  const Pipeline& pipeline_;
  std::shared_ptr<SharedState> shared_;
  std::unique_ptr<ssl::context> tls_;
  std::vector<std::unique_ptr<IoThread>> workers_;
  std::optional<tcp::acceptor> redirect_acceptor_;
  std::uint16_t port_ = 0;
  std::optional<std::uint16_t> redirect_port_;
  std::atomic<bool> stopping_{false};
  std::thread stopper_;
};

}  // namespace

Result<std::unique_ptr<Server>> Server::Create(ServerOptions options, const Pipeline& pipeline) {
  auto server = std::make_unique<BeastServer>(std::move(options), pipeline);
  if (Status bound = server->Bind(); !bound.ok()) return bound.error();
  return std::unique_ptr<Server>(std::move(server));
}

}  // namespace finhelm::http

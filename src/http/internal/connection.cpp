#include "http/internal/connection.hpp"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <optional>
#include <thread>
#include <vector>

#include "http/wire.hpp"
#include "observability/log.hpp"

namespace finhelm::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using ErrorCode = boost::system::error_code;

template <typename Stream>
auto& Lowest(Stream& stream) {
  return beast::get_lowest_layer(stream);
}

bool IsValidHost(std::string_view host) {
  if (host.empty() || host.size() > 255) return false;
  for (char c : host) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
    if (!ok) return false;
  }
  return true;
}

Response RedirectToHttps(const Request& request, std::uint16_t https_port) {
  std::string host(request.headers.Get("Host").value_or(""));
  if (!IsValidHost(host)) return Response::Empty(400);
  // Drop any port the client used for plain HTTP; name the TLS port unless it is 443.
  if (auto colon = host.rfind(':');
      colon != std::string::npos && host.find(']') == std::string::npos) {
    host.resize(colon);
  }
  if (https_port != 443) host += ":" + std::to_string(https_port);
  Response response = Response::Empty(308);
  response.headers.Set("Location", "https://" + host + request.target);
  response.close_connection = true;
  return response;
}

// Converts Beast's parsed header and body into FinHelm's own Request.
Request ToRequest(bhttp::request<bhttp::string_body>&& message, const std::string& address,
                  bool secure) {
  Request request;
  request.method = std::string(message.method_string());
  request.target = std::string(message.target());
  for (const auto& field : message) {
    request.headers.Add(field.name_string(), field.value());
  }
  request.body = std::move(message.body());
  request.remote_address = address;
  request.secure = secure;
  return request;
}

// Sends a file body (none when `file` is null) in chunks, each with its own write timeout.
// The reads are of a file the handler has just written, so they come from the page cache.
template <typename Stream>
asio::awaitable<void> WriteBodyFile(Stream& stream, const ConnectionSettings& settings,
                                    const BodyFile* file) {
  if (file == nullptr) co_return;
  constexpr std::size_t kChunkBytes = std::size_t{256} * 1024;
  std::vector<char> chunk(kChunkBytes);
  std::uint64_t offset = 0;
  ErrorCode ec;
  while (offset < file->bytes) {
    const std::size_t wanted =
        static_cast<std::size_t>(std::min<std::uint64_t>(chunk.size(), file->bytes - offset));
    const ssize_t read = ::pread(file->fd.get(), chunk.data(), wanted, static_cast<off_t>(offset));
    if (read <= 0) {
      // The client waits for bytes that will not come: end the connection, so that it
      // sees the response cut short instead of a keep-alive that hangs.
      log::Error("http_body_file_read_failed", {{"offset", std::to_string(offset)}});
      Lowest(stream).close();
      co_return;
    }
    offset += static_cast<std::uint64_t>(read);
    Lowest(stream).expires_after(settings.write_timeout);
    co_await asio::async_write(stream, asio::buffer(chunk.data(), static_cast<std::size_t>(read)),
                               asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
      log::Debug("http_write_failed", {{"error", ec.message()}});
      co_return;
    }
  }
}

// Writes `response`: the head FinHelm serializes itself and the body, in one gathered send.
// Kept free of temporaries and conditional co_awaits: g++ 12 miscompiles some of those
// inside coroutines.
template <typename Stream>
asio::awaitable<void> WriteResponse(Stream& stream, const ConnectionSettings& settings,
                                    Response response, bool head, bool keep_alive) {
  std::string wire_head;
  wire_head.reserve(1024);
  AppendResponseHead(response, keep_alive, wire_head);
  std::array<asio::const_buffer, 2> wire{asio::buffer(wire_head), asio::const_buffer()};
  if (!head) wire[1] = asio::buffer(response.body);
  Lowest(stream).expires_after(settings.write_timeout);
  ErrorCode ec;
  co_await asio::async_write(stream, wire, asio::redirect_error(asio::use_awaitable, ec));
  if (ec) log::Debug("http_write_failed", {{"error", ec.message()}});
  const BodyFile* file = !ec && !head ? response.body_file.get() : nullptr;
  co_await WriteBodyFile(stream, settings, file);
}

// A response on its way back from the pipeline. Touched only on the connection's thread:
// a worker hands the response over by posting to that thread.
struct PendingResponse {
  std::optional<Response> response;
  std::optional<asio::steady_timer> signal;  // Cancelled when a worker's response arrives.
  std::thread::id owner = std::this_thread::get_id();
};

// Hands the request to the pipeline and resumes on this connection's thread with the
// response, wherever the pipeline produced it. Inline routes answer without a wait, and
// without the timer that a worker's answer needs.
asio::awaitable<Response> Dispatch(const Pipeline& pipeline, Request request) {
  auto executor = co_await asio::this_coro::executor;
  auto pending = std::make_shared<PendingResponse>();
  pipeline.Dispatch(std::move(request), [pending, executor](Response response) {
    if (std::this_thread::get_id() == pending->owner) {
      pending->response = std::move(response);
      return;
    }
    // The posted completion runs on this connection's thread, so only after the coroutine
    // below has created the timer and suspended on it.
    asio::post(executor, [pending, response = std::move(response)]() mutable {
      pending->response = std::move(response);
      if (pending->signal) pending->signal->cancel();
    });
  });
  if (!pending->response) {
    pending->signal.emplace(executor, asio::steady_timer::time_point::max());
    while (!pending->response) {
      ErrorCode ignored;
      co_await pending->signal->async_wait(asio::redirect_error(asio::use_awaitable, ignored));
    }
  }
  co_return std::move(*pending->response);
}

bool HasFramingAmbiguity(const bhttp::request_parser<bhttp::string_body>& parser) {
  const auto& header = parser.get();
  std::size_t lengths = header.count(bhttp::field::content_length);
  std::size_t encodings = header.count(bhttp::field::transfer_encoding);
  if ((lengths > 0 && encodings > 0) || lengths > 1 || encodings > 1) return true;
  // Beast reads a body whose codings do not end in chunked as empty, which would serve the
  // body as the next request; RFC 9112 section 6.3 demands 400. Chunked alone is all
  // FinHelm understands.
  if (encodings == 1 && !beast::iequals(header[bhttp::field::transfer_encoding], "chunked")) {
    return true;
  }
  // RFC 9112 section 3.2: exactly one Host in HTTP/1.1 (HTTP/1.0 may omit it).
  std::size_t hosts = header.count(bhttp::field::host);
  return hosts > 1 || (hosts == 0 && header.version() >= 11);
}

// Serves requests on `stream` until the client leaves, a limit is hit, or shutdown.
template <typename Stream>
asio::awaitable<void> ServeRequests(Stream& stream, beast::flat_buffer& buffer,
                                    const ConnectionSettings& settings, const std::string& address,
                                    ConnectionRegistry::Entry& entry) {
  const Pipeline& pipeline = *settings.pipeline;
  for (std::size_t served = 0; served < settings.max_requests; ++served) {
    if (settings.shared->stopping.load()) co_return;
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(settings.max_header_bytes));
    parser.body_limit(settings.max_body_bytes);

    entry.busy = false;
    Lowest(stream).expires_after(settings.header_timeout);
    ErrorCode ec;
    co_await bhttp::async_read_header(stream, buffer, parser,
                                      asio::redirect_error(asio::use_awaitable, ec));
    entry.busy = true;
    Request refused;
    refused.remote_address = address;
    refused.secure = settings.secure;
    if (ec) {
      log::Debug("http_read_header_failed", {{"error", ec.message()}});
      if (ec == bhttp::error::end_of_stream || ec == asio::error::eof ||
          ec == asio::error::operation_aborted || ec == asio::error::connection_reset) {
        co_return;
      }
      int status = 400;
      if (ec == bhttp::error::header_limit) status = 431;
      if (ec == bhttp::error::body_limit) status = 413;
      if (ec == beast::error::timeout) {
        // A keep-alive connection that simply went quiet gets no answer.
        if (buffer.size() == 0) co_return;
        status = 408;
      }
      Response refusal = pipeline.Refuse(refused, status);
      co_await WriteResponse(stream, settings, std::move(refusal), false, false);
      co_return;
    }

    auto& header = parser.get();
    std::size_t field_count = static_cast<std::size_t>(std::distance(header.begin(), header.end()));
    int early_status = 0;
    if (field_count > settings.max_header_fields) early_status = 431;
    if (HasFramingAmbiguity(parser)) early_status = 400;  // IN-1: request smuggling.
    std::size_t limit =
        pipeline.BodyLimitFor(std::string(header.method_string()), std::string(header.target()));
    if (early_status == 0 && parser.content_length() && *parser.content_length() > limit) {
      early_status = 413;  // Refused before a byte of the body is read.
    }
    if (early_status != 0) {
      refused.method = std::string(header.method_string());
      Response refusal = pipeline.Refuse(refused, early_status);
      co_await WriteResponse(stream, settings, std::move(refusal), false, false);
      co_return;
    }
    parser.body_limit(limit);

    if (bhttp::token_list(header[bhttp::field::expect]).exists("100-continue") &&
        !parser.is_done()) {
      bhttp::response<bhttp::empty_body> proceed{bhttp::status::continue_, 11};
      Lowest(stream).expires_after(settings.write_timeout);
      co_await bhttp::async_write(stream, proceed, asio::redirect_error(asio::use_awaitable, ec));
      if (ec) co_return;
    }

    Lowest(stream).expires_after(settings.body_timeout);
    co_await bhttp::async_read(stream, buffer, parser,
                               asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
      log::Debug("http_read_body_failed", {{"error", ec.message()}});
      int status = 400;
      if (ec == bhttp::error::body_limit) status = 413;
      if (ec == beast::error::timeout) status = 408;
      if (ec == bhttp::error::end_of_stream || ec == asio::error::eof) co_return;
      refused.method = std::string(header.method_string());
      Response refusal = pipeline.Refuse(refused, status);
      co_await WriteResponse(stream, settings, std::move(refusal), false, false);
      co_return;
    }
    Lowest(stream).expires_never();

    bool keep_alive = parser.get().keep_alive();
    bool head = parser.get().method() == bhttp::verb::head;
    Request request = ToRequest(parser.release(), address, settings.secure);
    Response response;
    if (settings.redirect_only) {
      response = RedirectToHttps(request, settings.redirect_https_port);
      // The redirect bypasses the pipeline but is a response like any other (WEB-3). No
      // HSTS: browsers ignore it over plain HTTP (RFC 6797 section 8.1).
      ApplySecurityHeaders(response, false);
    } else {
      response = co_await Dispatch(pipeline, std::move(request));
    }
    keep_alive = keep_alive && !response.close_connection && !settings.shared->stopping.load() &&
                 served + 1 < settings.max_requests;
    co_await WriteResponse(stream, settings, std::move(response), head, keep_alive);
    if (!keep_alive) co_return;
  }
}

// Registers the connection for shutdown and releases its slot when it ends.
class ConnectionScope {
 public:
  ConnectionScope(ConnectionRegistry& registry, std::function<void()> close,
                  const ConnectionSettings& settings, const std::string& address)
      : registry_(registry),
        handle_(registry.Add(std::move(close))),
        settings_(settings),
        address_(address) {}
  ~ConnectionScope() {
    registry_.Remove(handle_);
    settings_.shared->Release(address_);
  }
  ConnectionScope(const ConnectionScope&) = delete;
  ConnectionScope& operator=(const ConnectionScope&) = delete;
  ConnectionRegistry::Entry& entry() { return *handle_; }

 private:
  ConnectionRegistry& registry_;
  ConnectionRegistry::Handle handle_;
  const ConnectionSettings& settings_;
  const std::string& address_;
};

}  // namespace

void SharedState::Release(const std::string& address) {
  std::lock_guard lock(mutex);
  auto found = per_address.find(address);
  if (found != per_address.end() && --found->second == 0) per_address.erase(found);
  --open_connections;
}

asio::awaitable<void> ServePlain(tcp::socket socket, ConnectionSettings settings,
                                 std::string address, ConnectionRegistry& registry) {
  beast::tcp_stream stream(std::move(socket));
  ConnectionScope scope(
      registry, [&stream] { stream.cancel(); }, settings, address);
  beast::flat_buffer buffer;
  co_await ServeRequests(stream, buffer, settings, address, scope.entry());
  ErrorCode ignored;
  stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  stream.close();
}

asio::awaitable<void> ServeTls(tcp::socket socket, asio::ssl::context& tls,
                               ConnectionSettings settings, std::string address,
                               ConnectionRegistry& registry) {
  beast::ssl_stream<beast::tcp_stream> stream(beast::tcp_stream(std::move(socket)), tls);
  ConnectionScope scope(
      registry, [&stream] { beast::get_lowest_layer(stream).cancel(); }, settings, address);
  beast::flat_buffer buffer;
  ErrorCode ec;
  Lowest(stream).expires_after(settings.header_timeout);
  co_await stream.async_handshake(asio::ssl::stream_base::server,
                                  asio::redirect_error(asio::use_awaitable, ec));
  if (ec) {
    log::Debug("tls_handshake_failed", {{"address", address}, {"error", ec.message()}});
    co_return;
  }
  co_await ServeRequests(stream, buffer, settings, address, scope.entry());
  Lowest(stream).expires_after(std::chrono::seconds(2));
  co_await stream.async_shutdown(asio::redirect_error(asio::use_awaitable, ec));
  Lowest(stream).close();
}

}  // namespace finhelm::http

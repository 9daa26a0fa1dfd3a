#include "http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>

namespace finhelm::integration {
namespace {

using Clock = std::chrono::steady_clock;

Error Failure(std::string message) {
  return MakeError(ErrorCode::kUnavailable, std::move(message));
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::optional<std::size_t> ParseSize(std::string_view text) {
  std::size_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::optional<std::string> HttpResponse::Header(std::string_view name) const {
  for (const auto& [field, value] : headers) {
    if (EqualsIgnoreCase(field, name)) return value;
  }
  return std::nullopt;
}

Result<std::optional<HttpResponse>> TakeResponse(std::string& buffer, bool peer_closed) {
  auto header_end = buffer.find("\r\n\r\n");
  if (header_end == std::string::npos) return std::optional<HttpResponse>();
  std::string_view head(buffer.data(), header_end);

  HttpResponse response;
  auto line_end = head.find("\r\n");
  std::string_view status_line = head.substr(0, line_end);
  if (!status_line.starts_with("HTTP/1.1 ") || status_line.size() < 12) {
    return Failure("malformed status line: " + std::string(status_line));
  }
  auto status = ParseSize(status_line.substr(9, 3));
  if (!status) return Failure("malformed status line: " + std::string(status_line));
  response.status = static_cast<int>(*status);

  std::string_view fields = line_end == std::string_view::npos ? "" : head.substr(line_end + 2);
  while (!fields.empty()) {
    auto end = fields.find("\r\n");
    std::string_view field = fields.substr(0, end);
    fields = end == std::string_view::npos ? "" : fields.substr(end + 2);
    auto colon = field.find(':');
    if (colon == std::string_view::npos) return Failure("malformed header: " + std::string(field));
    response.headers.emplace_back(field.substr(0, colon), Trim(field.substr(colon + 1)));
  }

  std::size_t body_start = header_end + 4;
  bool no_body = response.status / 100 == 1 || response.status == 204 || response.status == 304;
  std::size_t body_length = 0;
  if (auto length = response.Header("Content-Length")) {
    auto parsed = ParseSize(*length);
    if (!parsed) return Failure("malformed Content-Length: " + *length);
    body_length = *parsed;
  } else if (response.HasHeader("Transfer-Encoding")) {
    return Failure("chunked responses are not supported by this client");
  } else if (!no_body) {
    // Delimited by the end of the connection.
    if (!peer_closed) return std::optional<HttpResponse>();
    body_length = buffer.size() - body_start;
  }
  if (no_body) body_length = 0;
  if (buffer.size() - body_start < body_length) return std::optional<HttpResponse>();
  response.body = buffer.substr(body_start, body_length);
  buffer.erase(0, body_start + body_length);
  return std::optional<HttpResponse>(std::move(response));
}

Result<HttpConnection> HttpConnection::Open(std::uint16_t port) {
  // Close-on-exec: a server started later must not inherit, and keep open, a client end.
  UniqueFd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
  if (!fd.valid()) return Failure("socket failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd.get(), reinterpret_cast<const sockaddr*>(&address), sizeof(address)) != 0) {
    return Failure("connect to port " + std::to_string(port) + " failed: errno " +
                   std::to_string(errno));
  }
  int one = 1;
  ::setsockopt(fd.get(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
  return HttpConnection(std::move(fd));
}

HttpConnection HttpConnection::Broken() {
  HttpConnection connection{UniqueFd()};
  connection.peer_closed_ = true;
  return connection;
}

bool HttpConnection::Send(std::string_view bytes) {
  if (!fd_.valid()) return false;
  while (!bytes.empty()) {
    ssize_t sent = ::send(fd_.get(), bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (sent < 0 && errno == EINTR) continue;
    if (sent <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(sent));
  }
  return true;
}

bool HttpConnection::ReceiveSome(std::chrono::milliseconds timeout) {
  if (peer_closed_) return false;
  pollfd readable{fd_.get(), POLLIN, 0};
  int ready = ::poll(&readable, 1, static_cast<int>(std::max<std::int64_t>(0, timeout.count())));
  if (ready <= 0) return false;
  char chunk[16384];
  ssize_t got = ::recv(fd_.get(), chunk, sizeof(chunk), 0);
  if (got < 0 && errno == EINTR) return true;
  if (got <= 0) {
    peer_closed_ = true;  // End of file, or a reset: either way the server is gone.
    return true;
  }
  buffer_.append(chunk, static_cast<std::size_t>(got));
  return true;
}

Result<HttpResponse> HttpConnection::Read(std::chrono::milliseconds timeout) {
  auto deadline = Clock::now() + timeout;
  while (true) {
    auto taken = TakeResponse(buffer_, peer_closed_);
    if (!taken.ok()) return taken.error();
    if (taken->has_value()) return std::move(**taken);
    if (peer_closed_) return Failure("closed before a complete response");
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0 || !ReceiveSome(left)) return Failure("timed out");
  }
}

bool HttpConnection::WaitForClose(std::chrono::milliseconds timeout) {
  auto deadline = Clock::now() + timeout;
  while (!peer_closed_) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0 || !ReceiveSome(left)) return false;
  }
  return true;
}

bool HttpConnection::Readable() {
  while (ReceiveSome(std::chrono::milliseconds(0))) {
  }
  return peer_closed_ || buffer_.find("\r\n\r\n") != std::string::npos;
}

std::string GetRequest(std::string_view target, std::string_view extra_headers) {
  std::string request = "GET ";
  request.append(target).append(" HTTP/1.1\r\nHost: localhost\r\n");
  request.append(extra_headers).append("\r\n");
  return request;
}

std::string PostJsonRequest(std::string_view target, std::string_view body,
                            std::string_view extra_headers) {
  std::string request = "POST ";
  request.append(target).append(" HTTP/1.1\r\nHost: localhost\r\n");
  request.append("Content-Type: application/json\r\n");
  request.append("Content-Length: ").append(std::to_string(body.size())).append("\r\n");
  request.append(extra_headers).append("\r\n").append(body);
  return request;
}

Result<HttpResponse> Exchange(std::uint16_t port, std::string_view request) {
  auto connection = HttpConnection::Open(port);
  if (!connection.ok()) return connection.error();
  if (!connection->Send(request)) return Failure("send failed");
  return connection->Read();
}

}  // namespace finhelm::integration

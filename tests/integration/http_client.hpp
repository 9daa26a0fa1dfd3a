// A deliberately small HTTP/1.1 client over a raw TCP socket.
//
// Tests write the request bytes themselves -- malformed, slow, pipelined -- so the
// client never rewrites them; it only reads responses back, with a deadline on every
// wait so that a server that hangs fails the test instead of blocking it.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "unique_fd.hpp"

namespace finhelm::integration {

inline constexpr std::chrono::milliseconds kReadTimeout{5000};

struct HttpResponse {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // In arrival order.
  std::string body;

  // The first value of header `name` (case-insensitive), if present.
  std::optional<std::string> Header(std::string_view name) const;
  bool HasHeader(std::string_view name) const { return Header(name).has_value(); }
};

// Takes one complete response off the front of `buffer`. Returns nullopt while more bytes
// are needed; `peer_closed` completes a body that is delimited by the end of the
// connection. Chunked responses are not supported: FinHelm always sends Content-Length.
Result<std::optional<HttpResponse>> TakeResponse(std::string& buffer, bool peer_closed);

// One client connection to 127.0.0.1.
class HttpConnection {
 public:
  static Result<HttpConnection> Open(std::uint16_t port);
  // A connection that was never made: Send fails and Read reports it closed. Lets a helper
  // return something after it has reported why Open failed.
  static HttpConnection Broken();

  // Writes all of `bytes`; false once the server has gone away.
  bool Send(std::string_view bytes);
  // The next response, or an error naming why none came ("timed out", "closed").
  Result<HttpResponse> Read(std::chrono::milliseconds timeout = kReadTimeout);
  // True when the server closes the connection (end of file or reset) within `timeout`.
  // Bytes that arrive first are kept for Read.
  bool WaitForClose(std::chrono::milliseconds timeout);
  // True when a response or the end of the connection is waiting to be read.
  bool Readable();

 private:
  explicit HttpConnection(UniqueFd fd) : fd_(std::move(fd)) {}
  // Receives once within `timeout`; false when nothing came.
  bool ReceiveSome(std::chrono::milliseconds timeout);

  UniqueFd fd_;
  std::string buffer_;
  bool peer_closed_ = false;
};

// Request text for the common cases. `extra_headers` are whole lines, each ending in CRLF.
std::string GetRequest(std::string_view target, std::string_view extra_headers = {});
std::string PostJsonRequest(std::string_view target, std::string_view body,
                            std::string_view extra_headers = {});

// Opens a connection, sends `request` and reads one response.
Result<HttpResponse> Exchange(std::uint16_t port, std::string_view request);

}  // namespace finhelm::integration

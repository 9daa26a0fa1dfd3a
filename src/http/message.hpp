// Request and Response: FinHelm's own small HTTP message types.
//
// Handlers, middleware and tests see only these; Boost.Beast stays inside the server's
// own translation units (docs/architecture.md, "compile-time firewall"), which keeps
// every other file compiling in a fraction of a second.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "access/principal.hpp"
#include "core/unique_fd.hpp"

namespace finhelm::http {

// Header fields in arrival order; names compare case-insensitively.
class Headers {
 public:
  // Returns the first value of `name`, if present.
  std::optional<std::string_view> Get(std::string_view name) const;
  bool Has(std::string_view name) const { return Get(name).has_value(); }
  std::size_t Count(std::string_view name) const;
  // Replaces every field named `name` with one field.
  void Set(std::string_view name, std::string_view value);
  void Add(std::string_view name, std::string_view value);
  void Remove(std::string_view name);
  std::size_t size() const { return fields_.size(); }
  const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

bool EqualsIgnoreCase(std::string_view a, std::string_view b);

// The credentials of `Authorization: <scheme> <credentials>` when the scheme is `scheme`,
// compared without case (RFC 9110 section 11.1); nullopt for another scheme, no field, or
// empty credentials.
std::optional<std::string_view> AuthorizationCredentials(const Headers& headers,
                                                         std::string_view scheme);

struct Request {
  std::string method;  // Upper case, as received ("GET").
  std::string target;  // Raw request target ("/v1/x?y=1").
  std::string path;    // Percent-decoded path without the query.
  std::string query;   // Raw query string without '?'.
  Headers headers;
  std::string body;
  std::string remote_address;  // Client address after trusted-proxy resolution.
  bool secure = false;         // Arrived over TLS (or from a trusted TLS-terminating proxy).

  // Filled in by the pipeline.
  std::string request_id;
  std::string route_template;  // "/v1/orgs/{org}" once routed; "" when unmatched.
  std::map<std::string, std::string, std::less<>> path_params;
  std::shared_ptr<const nlohmann::json> json;  // The validated body of a JSON route.
  access::Principal principal;
  Headers response_headers;  // Headers the pipeline adds to whatever response is sent.
  std::chrono::steady_clock::time_point received_at = std::chrono::steady_clock::now();
};

// A response body in a file, sent in chunks so that memory does not grow with its size
// (exports). The file is already unlinked: closing the descriptor frees it.
struct BodyFile {
  UniqueFd fd;
  std::uint64_t bytes = 0;
};

struct Response {
  int status = 200;
  Headers headers;
  std::string body;
  // When set, the body is this file instead of `body`.
  std::shared_ptr<const BodyFile> body_file;
  bool close_connection = false;

  static Response Json(int status, std::string body);
  static Response Empty(int status);
};

// The reason phrase for `status` ("Not Found"); "Unknown" when FinHelm never sends it.
std::string_view ReasonPhrase(int status);

}  // namespace finhelm::http

// Router: maps a method and a path to the route that handles it.
//
// Patterns are literal segments and `{name}` parameters ("/v1/orgs/{org}/imports/{id}").
// A Route cannot be built without the Permission it needs (ACL-1). Literal segments win
// over parameters at the same depth, so "/v1/me/sessions" is never read as an id.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "access/permission.hpp"
#include "core/result.hpp"
#include "http/message.hpp"

namespace finhelm::http {

using Handler = std::function<Response(Request&)>;

// Where a handler runs. Inline handlers run on the I/O thread and must never block
// (no database, no hashing, no outbound calls) and must be public; everything else runs
// on the worker pool. An inline route whose body exceeds 64 KiB runs on a worker.
enum class Execution { kInline, kWorker };

// What the route accepts as a body; decides the body limit and the media-type check.
// kForm is application/x-www-form-urlencoded, which only the OAuth token grant takes
// (RFC 6749 section 4.4.2); its handler parses it.
enum class BodyKind { kNone, kJson, kForm, kMultipart };

struct Route {
  std::string method;
  std::string pattern;
  access::Permission permission;
  Handler handler;
  Execution execution = Execution::kWorker;
  BodyKind body = BodyKind::kNone;
  // The OpenAPI operation whose request schema validates the body ("" for none).
  std::string operation_id;
};

struct RouteMatch {
  const Route* route = nullptr;  // Null when nothing matched.
  std::vector<std::pair<std::string, std::string>> params;
  std::vector<std::string> allowed;  // Methods of the path, when only the method failed.
};

class Router {
 public:
  Router();
  ~Router();
  Router(const Router&) = delete;
  Router& operator=(const Router&) = delete;

  // Adds `route`; fails on a malformed pattern or a duplicate method and pattern.
  Status Add(Route route);

  // Matches an already percent-decoded path. Trailing slashes are not stripped.
  RouteMatch Match(std::string_view method, std::string_view path) const;

  const std::vector<std::unique_ptr<Route>>& routes() const { return routes_; }

 private:
  struct Node;
  std::unique_ptr<Node> root_;
  std::vector<std::unique_ptr<Route>> routes_;
};

// Splits "/a/b/c" into {"a","b","c"}; exposed for tests and fuzzing.
std::vector<std::string_view> SplitPath(std::string_view path);

}  // namespace finhelm::http

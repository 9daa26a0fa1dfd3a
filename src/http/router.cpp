#include "http/router.hpp"

#include <algorithm>
#include <map>

namespace finhelm::http {

struct Router::Node {
  std::map<std::string, std::unique_ptr<Node>, std::less<>> literal;
  std::unique_ptr<Node> parameter;
  std::string parameter_name;
  std::vector<const Route*> routes;  // One per method at this exact path.
};

Router::Router() : root_(std::make_unique<Node>()) {}
Router::~Router() = default;

std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> segments;
  if (path.empty() || path.front() != '/') return segments;
  path.remove_prefix(1);
  while (true) {
    auto slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

Status Router::Add(Route route) {
  if (route.pattern.empty() || route.pattern.front() != '/') {
    return MakeError(ErrorCode::kInvalidArgument, "pattern must start with /: " + route.pattern);
  }
  if (!route.handler) {
    return MakeError(ErrorCode::kInvalidArgument, "route has no handler: " + route.pattern);
  }
  if (route.execution == Execution::kInline && route.permission != access::Permission::kPublic) {
    // Inline handlers run on I/O threads, where authentication cannot.
    return MakeError(ErrorCode::kInvalidArgument, "inline route must be public: " + route.pattern);
  }
  Node* node = root_.get();
  for (std::string_view segment : SplitPath(route.pattern)) {
    // "{name}" with no further brace inside; "{a}{b}" or "{{a}}" falls through as malformed.
    bool is_parameter = segment.size() > 2 && segment.front() == '{' && segment.back() == '}' &&
                        segment.find_first_of("{}", 1) == segment.size() - 1;
    if (is_parameter) {
      std::string name(segment.substr(1, segment.size() - 2));
      if (!node->parameter) {
        node->parameter = std::make_unique<Node>();
        node->parameter_name = name;
      } else if (node->parameter_name != name) {
        return MakeError(ErrorCode::kInvalidArgument,
                         "conflicting parameter names at " + route.pattern);
      }
      node = node->parameter.get();
      continue;
    }
    if (segment.find_first_of("{}") != std::string_view::npos) {
      return MakeError(ErrorCode::kInvalidArgument, "malformed segment in " + route.pattern);
    }
    auto found = node->literal.find(segment);
    if (found == node->literal.end()) {
      found = node->literal.emplace(std::string(segment), std::make_unique<Node>()).first;
    }
    node = found->second.get();
  }
  for (const Route* existing : node->routes) {
    if (existing->method == route.method) {
      return MakeError(ErrorCode::kConflict,
                       "duplicate route " + route.method + " " + route.pattern);
    }
  }
  routes_.push_back(std::make_unique<Route>(std::move(route)));
  node->routes.push_back(routes_.back().get());
  return Status::Ok();
}

namespace {

// Depth-first search preferring literal segments; returns the node for the full path.
const auto* Find(const auto* node, const std::vector<std::string_view>& segments, std::size_t index,
                 std::vector<std::pair<std::string, std::string>>& params) {
  if (index == segments.size()) return node->routes.empty() ? nullptr : node;
  std::string_view segment = segments[index];
  if (auto found = node->literal.find(segment); found != node->literal.end()) {
    if (const auto* hit = Find(found->second.get(), segments, index + 1, params)) return hit;
  }
  if (node->parameter && !segment.empty()) {
    params.emplace_back(node->parameter_name, std::string(segment));
    if (const auto* hit = Find(node->parameter.get(), segments, index + 1, params)) return hit;
    params.pop_back();
  }
  return static_cast<decltype(node)>(nullptr);
}

}  // namespace

RouteMatch Router::Match(std::string_view method, std::string_view path) const {
  RouteMatch match;
  auto segments = SplitPath(path);
  if (segments.empty()) return match;
  const Node* node = Find(root_.get(), segments, 0, match.params);
  if (node == nullptr) return match;
  for (const Route* route : node->routes) {
    if (route->method == method || (method == "HEAD" && route->method == "GET")) {
      match.route = route;
      return match;
    }
  }
  for (const Route* route : node->routes) {
    match.allowed.push_back(route->method);
    // HEAD is served wherever GET is (RFC 9110 section 9.3.2), so Allow names it too.
    if (route->method == "GET") match.allowed.emplace_back("HEAD");
  }
  std::sort(match.allowed.begin(), match.allowed.end());
  match.params.clear();
  return match;
}

}  // namespace finhelm::http

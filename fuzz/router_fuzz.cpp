// Fuzzes Router::Match and Router::Add.
//
// The first byte picks a method; the first line of the rest is a path. It is matched
// against a fixed table shaped like FinHelm's (literals beside parameters at several
// depths), and the match must agree with the pattern it names: as many segments, equal
// literals, non-empty parameter values in order. Every further line is added as a
// pattern to a second router; a literal pattern that was accepted must then match itself.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "http/router.hpp"

namespace {

using finhelm::access::Permission;
using finhelm::http::Request;
using finhelm::http::Response;
using finhelm::http::Route;
using finhelm::http::RouteMatch;
using finhelm::http::Router;
using finhelm::http::SplitPath;

constexpr std::array<std::string_view, 8> kMethods = {"GET",   "HEAD",   "POST",    "PUT",
                                                      "PATCH", "DELETE", "OPTIONS", "TRACE"};

void Require(bool condition) {
  if (!condition) std::abort();
}

Route MakeRoute(std::string_view method, std::string_view pattern) {
  Route route;
  route.method = std::string(method);
  route.pattern = std::string(pattern);
  route.permission = Permission::kReadOrg;
  route.handler = [](Request&) { return Response::Empty(204); };
  return route;
}

const Router& FixedRouter() {
  static const Router* router = [] {
    auto* built = new Router();
    constexpr std::pair<std::string_view, std::string_view> kRoutes[] = {
        {"GET", "/healthz"},
        {"GET", "/v1/me"},
        {"GET", "/v1/me/sessions"},
        {"DELETE", "/v1/me/sessions/{session}"},
        {"GET", "/v1/orgs"},
        {"POST", "/v1/orgs"},
        {"GET", "/v1/orgs/{org}"},
        {"PATCH", "/v1/orgs/{org}"},
        {"DELETE", "/v1/orgs/{org}"},
        {"GET", "/v1/orgs/{org}/members"},
        {"PUT", "/v1/orgs/{org}/members/{member}"},
        {"GET", "/v1/orgs/{org}/imports/{import}"},
        {"POST", "/v1/orgs/{org}/imports"},
        {"GET", "/v1/orgs/{org}/reports/pnl"},
        {"GET", "/v1/orgs/{org}/reports/{report}"},
        {"GET", "/v1/{anything}/status"},
        {"GET", "/"},
    };
    for (const auto& [method, pattern] : kRoutes) {
      if (!built->Add(MakeRoute(method, pattern)).ok()) std::abort();
    }
    return built;
  }();
  return *router;
}

bool IsParameter(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

void CheckMatch(const RouteMatch& match, std::string_view method, std::string_view path) {
  if (match.route == nullptr) {
    Require(match.params.empty());
    Require(std::is_sorted(match.allowed.begin(), match.allowed.end()));
    Require(std::find(match.allowed.begin(), match.allowed.end(), method) == match.allowed.end());
    return;
  }
  Require(match.allowed.empty());
  Require(match.route->method == method || (method == "HEAD" && match.route->method == "GET"));
  auto pattern = SplitPath(match.route->pattern);
  auto segments = SplitPath(path);
  Require(pattern.size() == segments.size());
  std::size_t next_param = 0;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (!IsParameter(pattern[i])) {
      Require(pattern[i] == segments[i]);
      continue;
    }
    Require(next_param < match.params.size());
    const auto& [name, value] = match.params[next_param++];
    Require(name == pattern[i].substr(1, pattern[i].size() - 2));
    Require(!value.empty() && value == segments[i]);
  }
  Require(next_param == match.params.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view method = kMethods[data[0] % kMethods.size()];
  std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  const std::string_view path = rest.substr(0, rest.find('\n'));

  const RouteMatch match = FixedRouter().Match(method, path);
  CheckMatch(match, method, path);
  const RouteMatch again = FixedRouter().Match(method, path);
  Require(again.route == match.route && again.params == match.params &&
          again.allowed == match.allowed);

  Router router;
  std::vector<std::string> added;
  while (rest.find('\n') != std::string_view::npos) {
    rest.remove_prefix(rest.find('\n') + 1);
    std::string_view pattern = rest.substr(0, rest.find('\n'));
    if (router.Add(MakeRoute(method, pattern)).ok()) added.emplace_back(pattern);
  }
  for (const std::string& pattern : added) {
    RouteMatch self = router.Match(method, pattern);
    CheckMatch(self, method, pattern);
    if (pattern.find('{') == std::string::npos) {
      Require(self.route != nullptr && self.route->pattern == pattern);
    }
  }
  CheckMatch(router.Match(method, path), method, path);
  return 0;
}

#include "http/router.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace finhelm::http {
namespace {

using access::Permission;

Response Named(std::string name) {
  Response response;
  response.body = std::move(name);
  return response;
}

Route MakeRoute(std::string method, std::string pattern,
                Permission permission = Permission::kPublic) {
  std::string tag = method + " " + pattern;
  Route route;
  route.method = std::move(method);
  route.pattern = std::move(pattern);
  route.permission = permission;
  route.handler = [tag](Request&) { return Named(tag); };
  return route;
}

// Runs the handler of `match` to tell which route it found.
std::string HandlerOf(const RouteMatch& match) {
  if (match.route == nullptr) return "<none>";
  Request request;
  return match.route->handler(request).body;
}

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (auto [method, pattern] : std::vector<std::pair<const char*, const char*>>{
             {"GET", "/healthz"},
             {"GET", "/v1/me/sessions"},
             {"GET", "/v1/orgs/{org}"},
             {"PATCH", "/v1/orgs/{org}"},
             {"DELETE", "/v1/orgs/{org}"},
             {"GET", "/v1/orgs/{org}/imports/{id}"},
             {"GET", "/v1/{scope}/sessions"},
             {"POST", "/v1/orgs/{org}/imports"},
         }) {
      Status added = router_.Add(MakeRoute(method, pattern));
      ASSERT_TRUE(added.ok()) << added.error().message;
    }
  }

  Router router_;
};

TEST_F(RouterTest, MatchesLiteralPaths) {
  RouteMatch match = router_.Match("GET", "/healthz");
  EXPECT_EQ(HandlerOf(match), "GET /healthz");
  EXPECT_TRUE(match.params.empty());
  EXPECT_TRUE(match.allowed.empty());
}

TEST_F(RouterTest, LiteralSegmentBeatsParameter) {
  EXPECT_EQ(HandlerOf(router_.Match("GET", "/v1/me/sessions")), "GET /v1/me/sessions");
  RouteMatch other = router_.Match("GET", "/v1/you/sessions");
  EXPECT_EQ(HandlerOf(other), "GET /v1/{scope}/sessions");
  ASSERT_EQ(other.params.size(), 1u);
  EXPECT_EQ(other.params[0], std::make_pair(std::string("scope"), std::string("you")));
}

TEST(Router, FallsBackToTheParameterWhenTheLiteralBranchDeadEnds) {
  Router router;
  ASSERT_TRUE(router.Add(MakeRoute("GET", "/a/b/c")).ok());
  ASSERT_TRUE(router.Add(MakeRoute("GET", "/a/{x}/d/{y}")).ok());
  RouteMatch match = router.Match("GET", "/a/b/d/1");
  EXPECT_EQ(HandlerOf(match), "GET /a/{x}/d/{y}");
  std::vector<std::pair<std::string, std::string>> expected = {{"x", "b"}, {"y", "1"}};
  EXPECT_EQ(match.params, expected);  // Nothing left over from the abandoned branch.
  EXPECT_EQ(HandlerOf(router.Match("GET", "/a/b/c")), "GET /a/b/c");
}

TEST_F(RouterTest, ExtractsParametersInOrder) {
  RouteMatch match = router_.Match("GET", "/v1/orgs/acme/imports/42");
  ASSERT_EQ(HandlerOf(match), "GET /v1/orgs/{org}/imports/{id}");
  std::vector<std::pair<std::string, std::string>> expected = {{"org", "acme"}, {"id", "42"}};
  EXPECT_EQ(match.params, expected);
}

TEST_F(RouterTest, PassesDecodedParameterValuesThroughUntouched) {
  RouteMatch match = router_.Match("GET", "/v1/orgs/a b%2F");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.params[0].second, "a b%2F");
}

TEST_F(RouterTest, ListsAllowedMethodsSortedWhenOnlyTheMethodFails) {
  RouteMatch match = router_.Match("PUT", "/v1/orgs/acme");
  EXPECT_EQ(match.route, nullptr);
  EXPECT_EQ(match.allowed, (std::vector<std::string>{"DELETE", "GET", "HEAD", "PATCH"}));
  EXPECT_TRUE(match.params.empty());
}

TEST_F(RouterTest, HeadMatchesGet) {
  EXPECT_EQ(HandlerOf(router_.Match("HEAD", "/healthz")), "GET /healthz");
  RouteMatch post_only = router_.Match("HEAD", "/v1/orgs/acme/imports");
  EXPECT_EQ(post_only.route, nullptr);
  EXPECT_EQ(post_only.allowed, std::vector<std::string>{"POST"});
}

TEST_F(RouterTest, MethodsAreCaseSensitive) {
  RouteMatch match = router_.Match("get", "/healthz");
  EXPECT_EQ(match.route, nullptr);
  EXPECT_EQ(match.allowed, (std::vector<std::string>{"GET", "HEAD"}));
}

TEST_F(RouterTest, UnknownPathsMatchNothing) {
  for (const char* path : {"/", "/nope", "/healthz/", "/healthz/x", "/v1", "/v1/orgs",
                           "/v1/orgs/acme/imports/42/x", "", "healthz", "//healthz"}) {
    RouteMatch match = router_.Match("GET", path);
    EXPECT_EQ(match.route, nullptr) << path;
    EXPECT_TRUE(match.allowed.empty()) << path;
    EXPECT_TRUE(match.params.empty()) << path;
  }
}

TEST_F(RouterTest, EmptySegmentNeverMatchesAParameter) {
  for (const char* path :
       {"/v1/orgs/", "/v1/orgs//imports/42", "/v1/orgs/acme/imports/", "/v1//sessions"}) {
    RouteMatch match = router_.Match("GET", path);
    EXPECT_EQ(match.route, nullptr) << path;
    EXPECT_TRUE(match.allowed.empty()) << path;
  }
}

TEST(Router, RefusesDuplicateRoutes) {
  Router router;
  ASSERT_TRUE(router.Add(MakeRoute("GET", "/v1/orgs/{org}")).ok());
  Status again = router.Add(MakeRoute("GET", "/v1/orgs/{org}"));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_NE(again.error().message.find("GET /v1/orgs/{org}"), std::string::npos);
  EXPECT_TRUE(router.Add(MakeRoute("POST", "/v1/orgs/{org}")).ok());
  EXPECT_EQ(router.routes().size(), 2u);
}

TEST(Router, RefusesConflictingParameterNamesAtOneDepth) {
  Router router;
  ASSERT_TRUE(router.Add(MakeRoute("GET", "/v1/orgs/{org}")).ok());
  Status renamed = router.Add(MakeRoute("GET", "/v1/orgs/{id}/x"));
  ASSERT_FALSE(renamed.ok());
  EXPECT_EQ(renamed.error().code, ErrorCode::kInvalidArgument);
}

TEST(Router, RefusesMalformedPatterns) {
  for (const char* pattern :
       {"", "healthz", "v1/{x}", "/v1/{org", "/v1/org}", "/v1/{}", "/v1/x{org}", "/v1/{org}x"}) {
    Router router;
    Status added = router.Add(MakeRoute("GET", pattern));
    EXPECT_FALSE(added.ok()) << pattern;
    EXPECT_TRUE(router.routes().empty()) << pattern;
  }
}

// Regression: a segment such as "{a}{b}" or "{{x}}" was taken for one parameter named
// "a}{b" or "{x}" instead of being refused as malformed.
TEST(Router, RefusesBracesInsideAParameterName) {
  for (const char* pattern : {"/v1/{a}{b}", "/v1/{{x}}", "/v1/{a{b}", "/v1/{a}b}"}) {
    Router router;
    Status added = router.Add(MakeRoute("GET", pattern));
    EXPECT_FALSE(added.ok()) << pattern;
    EXPECT_TRUE(router.routes().empty()) << pattern;
  }
}

TEST(Router, RefusesARouteWithoutHandler) {
  Router router;
  Route route = MakeRoute("GET", "/x");
  route.handler = nullptr;
  EXPECT_FALSE(router.Add(std::move(route)).ok());
}

TEST(Router, KeepsEachRoutesPermission) {
  Router router;
  ASSERT_TRUE(router.Add(MakeRoute("GET", "/v1/orgs/{org}/audit", Permission::kAuditOrg)).ok());
  RouteMatch match = router.Match("GET", "/v1/orgs/acme/audit");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->permission, Permission::kAuditOrg);
}

TEST(SplitPath, SplitsOnSlashesKeepingEmptySegments) {
  EXPECT_EQ(SplitPath("/a/b"), (std::vector<std::string_view>{"a", "b"}));
  EXPECT_EQ(SplitPath("/"), (std::vector<std::string_view>{""}));
  EXPECT_EQ(SplitPath("/a//b/"), (std::vector<std::string_view>{"a", "", "b", ""}));
  EXPECT_TRUE(SplitPath("").empty());
  EXPECT_TRUE(SplitPath("a/b").empty());
}

}  // namespace
}  // namespace finhelm::http

namespace finhelm::http {
namespace {

// Inline handlers run on I/O threads, where authentication (a database read) cannot: a
// route that needs a signed-in caller may not be inline.
TEST(Router, RefusesAnInlineRouteThatIsNotPublic) {
  Router router;
  Route guarded = MakeRoute("GET", "/v1/me", access::Permission::kAuthenticated);
  guarded.execution = Execution::kInline;
  Status added = router.Add(std::move(guarded));
  ASSERT_FALSE(added.ok());
  EXPECT_EQ(added.error().code, ErrorCode::kInvalidArgument);

  Route open = MakeRoute("GET", "/healthz");
  open.execution = Execution::kInline;
  EXPECT_TRUE(router.Add(std::move(open)).ok());
}

}  // namespace
}  // namespace finhelm::http

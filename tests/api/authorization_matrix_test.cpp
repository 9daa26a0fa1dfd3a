// The authorization matrix (ACL-1, ACL-2, ACL-3, AUTH-7): every route of the real route table,
// for every kind of caller, gets the status the permission table decides.
//
// The routes are the server's own (api::AddAllRoutes); their handlers are replaced by one
// that answers 299, so the test sees exactly what the pipeline decides before a handler
// runs. `kExpectedPermissions` is the reviewed list of what each route needs: a route
// added without a row here fails the test, as does a row whose route is gone.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <future>
#include <map>
#include <string>

#include "api/routes.hpp"
#include "http/pipeline.hpp"
#include "observability/metrics.hpp"

namespace finhelm::api {
namespace {

using access::Permission;
using access::Role;
using http::Request;
using http::Response;
using namespace std::chrono_literals;

constexpr int kReachedHandler = 299;
constexpr std::int64_t kOrg = 7;

const std::map<std::string, Permission>& ExpectedPermissions() {
  static const std::map<std::string, Permission> kExpected = {
      {"GET /healthz", Permission::kPublic},
      {"GET /readyz", Permission::kPublic},
      {"GET /metrics", Permission::kPublic},
      {"GET /v1/openapi.json", Permission::kPublic},
      {"POST /v1/diagnostics/echo", Permission::kPublic},
      {"GET /v1/setup", Permission::kPublic},
      {"POST /v1/setup", Permission::kPublic},
      {"POST /v1/auth/register", Permission::kPublic},
      {"POST /v1/auth/verify-email", Permission::kPublic},
      {"POST /v1/auth/login", Permission::kPublic},
      {"POST /v1/auth/mfa", Permission::kPublic},
      {"POST /v1/auth/logout", Permission::kAuthenticated},
      {"POST /v1/auth/password/forgot", Permission::kPublic},
      {"POST /v1/auth/password/reset", Permission::kPublic},
      {"GET /v1/me", Permission::kAuthenticated},
      {"POST /v1/me/password", Permission::kAuthenticated},
      {"GET /v1/me/sessions", Permission::kAuthenticated},
      {"DELETE /v1/me/sessions/{id}", Permission::kAuthenticated},
      {"POST /v1/me/mfa/totp", Permission::kAuthenticated},
      {"POST /v1/me/mfa/totp/confirm", Permission::kAuthenticated},
      {"DELETE /v1/me/mfa/totp", Permission::kAuthenticated},
      {"GET /v1/orgs", Permission::kAuthenticated},
      {"POST /v1/orgs", Permission::kAuthenticated},
      {"GET /v1/orgs/{org}", Permission::kReadOrg},
      {"GET /v1/orgs/{org}/audit-events", Permission::kAuditOrg},
      {"GET /v1/orgs/{org}/members", Permission::kManageOrg},
      {"PATCH /v1/orgs/{org}/members/{user}", Permission::kManageOrg},
      {"DELETE /v1/orgs/{org}/members/{user}", Permission::kManageOrg},
      {"DELETE /v1/orgs/{org}/members/{user}/sessions", Permission::kManageOrg},
      {"GET /v1/orgs/{org}/invitations", Permission::kManageOrg},
      {"POST /v1/orgs/{org}/invitations", Permission::kManageOrg},
      {"DELETE /v1/orgs/{org}/invitations/{id}", Permission::kManageOrg},
      {"POST /v1/invitations/accept", Permission::kAuthenticated},
      {"POST /v1/me/reauthenticate", Permission::kAuthenticated},
      {"POST /v1/me/email", Permission::kAuthenticated},
      {"POST /v1/auth/confirm-email", Permission::kPublic},
      {"DELETE /v1/me", Permission::kAuthenticated},
      {"GET /v1/me/export", Permission::kAuthenticated},
      {"DELETE /v1/orgs/{org}", Permission::kDeleteOrg},
      {"POST /v1/oauth/token", Permission::kPublic},
      {"GET /.well-known/jwks.json", Permission::kPublic},
      {"GET /v1/orgs/{org}/service-clients", Permission::kManageOrg},
      {"POST /v1/orgs/{org}/service-clients", Permission::kManageOrg},
      {"DELETE /v1/orgs/{org}/service-clients/{id}", Permission::kManageOrg},
      {"GET /v1/orgs/{org}/accounts", Permission::kReadOrg},
      {"GET /v1/orgs/{org}/transactions", Permission::kReadOrg},
      {"GET /v1/orgs/{org}/transactions/{id}", Permission::kReadOrg},
      {"GET /v1/orgs/{org}/customers", Permission::kReadOrg},
      {"GET /v1/orgs/{org}/vendors", Permission::kReadOrg},
      {"GET /v1/orgs/{org}/reports/profit-and-loss", Permission::kReadOrg},
      {"GET /v1/orgs/{org}/reports/balance-sheet", Permission::kReadOrg},
      {"GET /v1/orgs/{org}/reports/cash-flow", Permission::kReadOrg},
      {"GET /v1/orgs/{org}/reports/budget-vs-actual", Permission::kReadOrg},
      {"GET /v1/orgs/{org}/reports/ar-aging", Permission::kReadOrg},
      {"GET /v1/orgs/{org}/reports/ap-aging", Permission::kReadOrg},
      {"GET /v1/orgs/{org}/imports", Permission::kReadOrg},
      {"POST /v1/orgs/{org}/imports", Permission::kOperateOrg},
      {"POST /v1/orgs/{org}/imports/preview", Permission::kOperateOrg},
      {"GET /v1/orgs/{org}/imports/{id}", Permission::kReadOrg},
      {"GET /v1/orgs/{org}/exports/transactions.csv", Permission::kOperateOrg},
      {"GET /v1/orgs/{org}/exports/transactions.xlsx", Permission::kOperateOrg},
  };
  return kExpected;
}

// Who calls: the Cookie header names a user persona (admins have a second factor); a
// machine persona sends a bearer token for an organization and one scope.
struct Persona {
  enum class Machine { kNone, kWithScope, kWithoutScope, kOfAnotherOrg };
  const char* name;
  std::optional<Role> role_in_org;  // In organization 7; nullopt: not a member.
  bool signed_in = true;
  Machine machine = Machine::kNone;
};

using Machine = Persona::Machine;

const Persona kPersonas[] = {
    {"anonymous", std::nullopt, false},
    {"viewer", Role::kViewer},
    {"accountant", Role::kAccountant},
    {"admin", Role::kAdmin},
    {"admin-of-another-org", std::nullopt},
    {"machine-with-the-scope", std::nullopt, true, Machine::kWithScope},
    {"machine-without-the-scope", std::nullopt, true, Machine::kWithoutScope},
    {"machine-of-another-org", std::nullopt, true, Machine::kOfAnotherOrg},
};

// A grantable scope other than `permission`: what the machine without the scope holds.
Permission OtherScope(Permission permission) {
  return permission == Permission::kReadOrg ? Permission::kAuditOrg : Permission::kReadOrg;
}

// The scope a machine persona's token carries on a route needing `permission`: the
// route's own when it can be granted, else the widest one there is.
Permission ScopeFor(Permission permission, Machine machine) {
  Permission wanted = access::IsGrantableScope(permission) ? permission : Permission::kOperateOrg;
  return machine == Machine::kWithoutScope ? OtherScope(wanted) : wanted;
}

class PersonaAuthenticator final : public http::Authenticator {
 public:
  Result<access::Principal> Authenticate(const Request& request) override {
    access::Principal principal;
    // "Bearer <organization> <scope>", as the test writes it: the pipeline, not a token
    // parser, is under test here.
    if (auto bearer = request.headers.Get("Authorization")) {
      std::string_view text = bearer->substr(std::string_view("Bearer ").size());
      auto space = text.find(' ');
      principal.kind = access::Principal::Kind::kMachineClient;
      principal.subject_id = "fhc_matrix";
      principal.token_organization = std::stoll(std::string(text.substr(0, space)));
      principal.scopes.push_back(*access::ParsePermission(text.substr(space + 1)));
      return principal;
    }
    auto cookie = request.headers.Get("Cookie");
    if (!cookie) return principal;
    principal.kind = access::Principal::Kind::kUser;
    principal.subject_id = std::string(*cookie);
    principal.session_id = "s";
    principal.csrf_token = "csrf";
    principal.mfa_enrolled = true;
    return principal;
  }
  Result<std::optional<Role>> RoleIn(const access::Principal& principal,
                                     std::int64_t organization) override {
    for (const Persona& persona : kPersonas) {
      if (principal.subject_id == persona.name && organization == kOrg) {
        return persona.role_in_org;
      }
    }
    return std::optional<Role>();
  }
  void RecordRefusal(const Request&, std::string_view, std::int64_t) override {}
};

// Every body passes validation: the matrix is about who may call, not what they send.
class AcceptingValidator final : public http::BodyValidator {
 public:
  http::ValidationOutcome Validate(std::string_view, std::string_view) const override {
    return {std::make_shared<const nlohmann::json>(nlohmann::json::object()), {}};
  }
};

// The status the permission table decides for `persona` on a route needing `permission`.
int ExpectedStatus(Permission permission, const Persona& persona) {
  if (permission == Permission::kPublic) return kReachedHandler;
  if (!persona.signed_in) return 401;
  if (persona.machine != Machine::kNone) {
    // AUTH-7: never on the user's own routes nor on members and service clients.
    if (!access::IsGrantableScope(permission)) return 401;
    if (persona.machine == Machine::kOfAnotherOrg) return 404;
    return persona.machine == Machine::kWithScope ? kReachedHandler : 403;
  }
  if (!access::IsOrganizationScoped(permission)) return kReachedHandler;
  if (!persona.role_in_org) return 404;
  return access::RoleAllows(*persona.role_in_org, permission) ? kReachedHandler : 403;
}

std::string Concrete(std::string pattern) {
  for (auto [param, value] : {std::pair{"{org}", "7"}, {"{user}", "3"}, {"{id}", "abc"}}) {
    if (auto at = pattern.find(param); at != std::string::npos) {
      pattern.replace(at, std::string_view(param).size(), value);
    }
  }
  return pattern;
}

TEST(AuthorizationMatrix, EveryRouteAndCallerGetsWhatThePermissionTableDecides) {
  http::Router real;
  metrics::Registry registry;
  RouteDependencies dependencies;
  dependencies.system.metrics = &registry;
  ASSERT_TRUE(AddAllRoutes(real, dependencies).ok());

  http::Router stubbed;
  std::set<std::string> routed;
  for (const auto& route : real.routes()) {
    std::string name = route->method + " " + route->pattern;
    routed.insert(name);
    auto expected = ExpectedPermissions().find(name);
    ASSERT_NE(expected, ExpectedPermissions().end()) << name << " has no row in the matrix";
    EXPECT_EQ(route->permission, expected->second) << name;
    http::Route copy = *route;
    copy.handler = [](Request&) { return Response::Json(kReachedHandler, "{}"); };
    ASSERT_TRUE(stubbed.Add(std::move(copy)).ok());
  }
  for (const auto& [name, permission] : ExpectedPermissions()) {
    EXPECT_TRUE(routed.contains(name)) << name << " is in the matrix but not routed";
  }

  PersonaAuthenticator authenticator;
  AcceptingValidator validator;
  http::InMemoryRateLimitStore rate_limits;
  metrics::Registry metrics;
  WorkerPool workers(2, 256);
  http::PipelineOptions options;
  options.default_rate_limit = {1'000'000, std::chrono::seconds(60)};
  http::Pipeline pipeline(options, stubbed, &validator, authenticator, rate_limits, metrics,
                          workers);

  int checked = 0;
  for (const auto& route : stubbed.routes()) {
    for (const Persona& persona : kPersonas) {
      Request request;
      request.method = route->method;
      request.target = Concrete(route->pattern);
      request.remote_address = "192.0.2.1";
      request.headers.Add("Host", "localhost");
      if (persona.machine != Machine::kNone) {
        std::string organization = persona.machine == Machine::kOfAnotherOrg ? "8" : "7";
        std::string scope(access::PermissionName(ScopeFor(route->permission, persona.machine)));
        request.headers.Add("Authorization", "Bearer " + organization + " " + scope);
      } else if (persona.signed_in) {
        request.headers.Add("Cookie", persona.name);
      }
      request.headers.Add("X-CSRF-Token", "csrf");
      if (route->body == http::BodyKind::kJson) {
        request.headers.Add("Content-Type", "application/json");
        request.body = "{}";
      } else if (route->body == http::BodyKind::kMultipart) {
        request.headers.Add("Content-Type", "multipart/form-data; boundary=matrix");
        request.body = "--matrix--\r\n";
      } else if (route->body == http::BodyKind::kForm) {
        request.headers.Add("Content-Type", "application/x-www-form-urlencoded");
        request.body = "grant_type=client_credentials";
      }
      auto promise = std::make_shared<std::promise<Response>>();
      auto answer = promise->get_future();
      pipeline.Dispatch(std::move(request),
                        [promise](Response response) { promise->set_value(std::move(response)); });
      ASSERT_EQ(answer.wait_for(10s), std::future_status::ready);
      int status = answer.get().status;
      EXPECT_EQ(status, ExpectedStatus(route->permission, persona))
          << route->method << " " << route->pattern << " as " << persona.name;
      ++checked;
    }
  }
  EXPECT_EQ(checked, static_cast<int>(ExpectedPermissions().size() * std::size(kPersonas)));
}

}  // namespace
}  // namespace finhelm::api

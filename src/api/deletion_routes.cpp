#include "api/deletion_routes.hpp"

#include <nlohmann/json.hpp>

#include "api/identity_routes.hpp"
#include "api/internal/handler_support.hpp"
#include "api/reauthentication.hpp"
#include "api/request_audit.hpp"
#include "api/session_authenticator.hpp"
#include "identity/deletions.hpp"
#include "observability/log.hpp"
#include "storage/database.hpp"

namespace finhelm::api {
namespace {

using access::Permission;
using http::BodyKind;
using http::Request;
using http::Response;
using internal::Dump;
using internal::ProblemOf;
using nlohmann::json;

class DeletionHandlers {
 public:
  explicit DeletionHandlers(DeletionRouteDependencies dependencies) : deps_(dependencies) {}

  Response DeleteMe(Request& request) const {
    if (auto stale = Stale(request)) return *stale;
    auto user = UserOf(request.principal);
    auto connection = deps_.database->Acquire();
    if (!connection.ok()) return http::ErrorResponse(connection.error(), request.request_id);
    Status deleted = identity::DeleteUser(**connection, *user);
    if (!deleted.ok() && deleted.error().code == ErrorCode::kConflict) {
      auto sole = identity::OrganizationsOnlyAdministeredBy(**connection, *user);
      json organizations = json::array();
      if (sole.ok()) {
        for (OrganizationId id : *sole) organizations.push_back(id.value);
      }
      http::Problem problem = http::MakeProblem(
          409, "last-admin",
          "Make another member an admin, or delete the organization, before deleting your "
          "account.");
      Response response = http::ProblemResponse(problem, request.request_id);
      json body = json::parse(response.body, nullptr, false);
      body["organizations"] = std::move(organizations);
      response.body = Dump(body);
      return response;
    }
    if (!deleted.ok()) return http::ErrorResponse(deleted.error(), request.request_id);
    std::string target = "user:" + std::to_string(user->value);
    log::Info("user_deleted", {{"request_id", request.request_id}, {"user_id", user->value}});
    AuditRequest(*deps_.database, *deps_.clock, request, "user_deleted", target);
    Response response = Response::Empty(204);
    response.headers.Add("Set-Cookie", ExpiredSessionCookie());
    return response;
  }

  Response DeleteOrganization(Request& request) const {
    if (auto stale = Stale(request)) return *stale;
    OrganizationId organization{request.principal.organization_id};
    auto connection = deps_.database->Acquire();
    if (!connection.ok()) return http::ErrorResponse(connection.error(), request.request_id);
    storage::OrgScope scope(**connection, organization);
    Status deleted = identity::DeleteOrganization(scope, *deps_.clock);
    if (!deleted.ok() && deleted.error().code == ErrorCode::kNotFound) {
      return ProblemOf(request, 404, "");
    }
    if (!deleted.ok()) return http::ErrorResponse(deleted.error(), request.request_id);
    std::string target = "org:" + std::to_string(organization.value);
    log::Info("organization_deleted",
              {{"request_id", request.request_id}, {"organization_id", organization.value}});
    // In the organization's own log, which outlives it, and in the installation's.
    AuditRequest(*deps_.database, *deps_.clock, request, "organization_deleted", target, "{}",
                 organization);
    AuditRequest(*deps_.database, *deps_.clock, request, "organization_deleted", target);
    return Response::Empty(204);
  }

 private:
  std::optional<Response> Stale(const Request& request) const {
    return RequireRecentAuthentication(request, *deps_.clock, deps_.reauthentication_window);
  }

  DeletionRouteDependencies deps_;
};

}  // namespace

Status AddDeletionRoutes(http::Router& router, DeletionRouteDependencies dependencies) {
  using H = DeletionHandlers;
  static constexpr internal::RouteEntry<H> kRoutes[] = {
      {"DELETE", "/v1/me", Permission::kAuthenticated, &H::DeleteMe, BodyKind::kNone, ""},
      {"DELETE", "/v1/orgs/{org}", Permission::kDeleteOrg, &H::DeleteOrganization, BodyKind::kNone,
       ""},
  };
  return internal::AddRouteTable<H>(router, std::make_shared<const H>(dependencies), kRoutes);
}

}  // namespace finhelm::api

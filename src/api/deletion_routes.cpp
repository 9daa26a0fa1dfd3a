#include "api/deletion_routes.hpp"

#include <nlohmann/json.hpp>

#include "api/identity_routes.hpp"
#include "api/internal/handler_support.hpp"
#include "api/reauthentication.hpp"
#include "api/request_audit.hpp"
#include "api/session_authenticator.hpp"
#include "identity/deletions.hpp"
#include "identity/personal_data.hpp"
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

json PersonalDataJson(const identity::PersonalData& data) {
  const identity::User& user = data.user;
  json memberships = json::array();
  for (const identity::Membership& membership : data.memberships) {
    memberships.push_back({{"organization_id", membership.organization.value},
                           {"organization_name", membership.organization_name},
                           {"role", access::RoleName(membership.role)}});
  }
  json sessions = json::array();
  for (const identity::SessionRecord& session : data.sessions) {
    sessions.push_back({{"id", session.id},
                        {"stage", session.stage},
                        {"user_agent", session.user_agent},
                        {"client_address", session.client_address},
                        {"created_at", session.created_at},
                        {"last_seen_at", session.last_seen_at},
                        {"expires_at", session.expires_at}});
  }
  json events = json::array();
  for (const identity::AuditRecord& event : data.audit_events) {
    json details = json::parse(event.details, nullptr, false);
    if (details.is_discarded()) details = event.details;
    events.push_back({{"id", event.id},
                      {"organization_id", event.organization_id},
                      {"occurred_at_ms", event.occurred_at_ms},
                      {"event", event.event},
                      {"target", event.target},
                      {"address", event.address},
                      {"request_id", event.request_id},
                      {"details", std::move(details)}});
  }
  auto optional = [](const std::optional<std::int64_t>& value) {
    return value ? json(*value) : json(nullptr);
  };
  return {{"user",
           {{"id", user.id.value},
            {"email", user.email},
            {"name", user.name},
            {"email_verified_at", optional(user.email_verified_at)},
            {"password_changed_at", user.password_changed_at},
            {"created_at", user.created_at}}},
          {"memberships", memberships},
          {"sessions", sessions},
          {"second_factor",
           {{"enrolled", data.second_factor_confirmed_at.has_value()},
            {"confirmed_at", optional(data.second_factor_confirmed_at)},
            {"recovery_codes_left", data.recovery_codes_left}}},
          {"audit_events", events},
          {"audit_events_truncated", data.audit_events_truncated}};
}

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

  // DATA-6: everything FinHelm holds about the signed-in user, as one JSON download.
  Response ExportMe(Request& request) const {
    auto user = UserOf(request.principal);
    auto connection = deps_.database->Acquire();
    if (!connection.ok()) return http::ErrorResponse(connection.error(), request.request_id);
    auto data = identity::CollectPersonalData(**connection, *user);
    if (!data.ok() && data.error().code == ErrorCode::kNotFound) {
      return ProblemOf(request, 401, "unauthenticated");
    }
    if (!data.ok()) return http::ErrorResponse(data.error(), request.request_id);
    AuditRequest(*deps_.database, *deps_.clock, request, "data_exported",
                 "user:" + std::to_string(user->value),
                 Dump({{"audit_events", data->audit_events.size()}}));
    Response response = Response::Json(200, Dump(PersonalDataJson(*data)));
    response.headers.Set("Content-Disposition",
                         "attachment; filename=\"finhelm-personal-data.json\"");
    response.headers.Set("Cache-Control", "no-store");
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
      {"GET", "/v1/me/export", Permission::kAuthenticated, &H::ExportMe, BodyKind::kNone, ""},
      {"DELETE", "/v1/me", Permission::kAuthenticated, &H::DeleteMe, BodyKind::kNone, ""},
      {"DELETE", "/v1/orgs/{org}", Permission::kDeleteOrg, &H::DeleteOrganization, BodyKind::kNone,
       ""},
  };
  return internal::AddRouteTable<H>(router, std::make_shared<const H>(dependencies), kRoutes);
}

}  // namespace finhelm::api

#include "api/member_routes.hpp"

#include <charconv>
#include <nlohmann/json.hpp>

#include "api/internal/handler_support.hpp"
#include "api/request_audit.hpp"
#include "api/session_authenticator.hpp"
#include "http/problem.hpp"
#include "identity/email_address.hpp"
#include "identity/invitations.hpp"
#include "identity/memberships.hpp"
#include "storage/database.hpp"

namespace finhelm::api {
namespace {

using access::Permission;
using http::BodyKind;
using http::Request;
using http::Response;
using internal::Dump;
using internal::FieldProblem;
using internal::ProblemOf;
using nlohmann::json;

std::optional<identity::UserId> UserParam(const Request& request) {
  const std::string& text = request.path_params.at("user");
  std::int64_t id = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return identity::UserId{id};
}

class MemberHandlers {
 public:
  explicit MemberHandlers(MemberRouteDependencies dependencies) : deps_(dependencies) {}

  OrganizationId Org(const Request& request) const {
    return OrganizationId{request.principal.organization_id};
  }

  void Audit(const Request& request, std::string_view event, std::string_view target,
             const json& details = json::object()) const {
    AuditRequest(*deps_.database, *deps_.clock, request, event, target, Dump(details),
                 Org(request));
  }

  Response ListMembers(Request& request) const {
    auto connection = deps_.database->Acquire();
    if (!connection.ok()) return http::ErrorResponse(connection.error(), request.request_id);
    storage::OrgScope scope(**connection, Org(request));
    auto members = identity::ListMembers(scope);
    if (!members.ok()) return http::ErrorResponse(members.error(), request.request_id);
    json items = json::array();
    for (const identity::Member& member : *members) {
      items.push_back({{"user_id", member.user.value},
                       {"email", member.email},
                       {"name", member.name},
                       {"role", access::RoleName(member.role)},
                       {"joined_at", member.joined_at}});
    }
    return Response::Json(200, Dump({{"members", items}}));
  }

  Response ChangeRole(Request& request) const {
    auto user = UserParam(request);
    if (!user) return ProblemOf(request, 404, "");
    auto role = access::ParseRole((*request.json)["role"].get<std::string>());
    if (!role) return FieldProblem(request, "/role", "expected viewer, accountant or admin");
    auto connection = deps_.database->Acquire();
    if (!connection.ok()) return http::ErrorResponse(connection.error(), request.request_id);
    storage::OrgScope scope(**connection, Org(request));
    Status changed = identity::ChangeRole(scope, *deps_.sessions, *user, *role);
    if (!changed.ok()) return Refusal(request, changed.error());
    Audit(request, "authz_role_changed", "user:" + std::to_string(user->value),
          {{"role", access::RoleName(*role)}});
    return Response::Empty(204);
  }

  Response RemoveMember(Request& request) const {
    auto user = UserParam(request);
    if (!user) return ProblemOf(request, 404, "");
    auto connection = deps_.database->Acquire();
    if (!connection.ok()) return http::ErrorResponse(connection.error(), request.request_id);
    storage::OrgScope scope(**connection, Org(request));
    Status removed = identity::RemoveMember(scope, *deps_.sessions, *user);
    if (!removed.ok()) return Refusal(request, removed.error());
    Audit(request, "member_removed", "user:" + std::to_string(user->value));
    return Response::Empty(204);
  }

  // SESS-4: an admin ends a member's sessions.
  Response EndMemberSessions(Request& request) const {
    auto user = UserParam(request);
    if (!user) return ProblemOf(request, 404, "");
    auto connection = deps_.database->Acquire();
    if (!connection.ok()) return http::ErrorResponse(connection.error(), request.request_id);
    storage::OrgScope scope(**connection, Org(request));
    auto role = identity::RoleOf(scope, *user);
    if (!role.ok()) return http::ErrorResponse(role.error(), request.request_id);
    if (!role->has_value()) return ProblemOf(request, 404, "");
    Status ended = deps_.sessions->DestroyAllOf(**connection, *user);
    if (!ended.ok()) return http::ErrorResponse(ended.error(), request.request_id);
    Audit(request, "session_revoked_by_admin", "user:" + std::to_string(user->value));
    return Response::Empty(204);
  }

  Response ListInvitations(Request& request) const {
    auto connection = deps_.database->Acquire();
    if (!connection.ok()) return http::ErrorResponse(connection.error(), request.request_id);
    storage::OrgScope scope(**connection, Org(request));
    auto invitations = identity::ListInvitations(scope, *deps_.clock);
    if (!invitations.ok()) return http::ErrorResponse(invitations.error(), request.request_id);
    json items = json::array();
    for (const identity::Invitation& invitation : *invitations) items.push_back(Json(invitation));
    return Response::Json(200, Dump({{"invitations", items}}));
  }

  Response Invite(Request& request) const {
    auto email = identity::NormalizeEmail((*request.json)["email"].get<std::string>());
    if (!email.ok()) return FieldProblem(request, "/email", "Enter a valid email address.");
    auto role = access::ParseRole((*request.json)["role"].get<std::string>());
    if (!role) return FieldProblem(request, "/role", "expected viewer, accountant or admin");
    auto connection = deps_.database->Acquire();
    if (!connection.ok()) return http::ErrorResponse(connection.error(), request.request_id);
    auto invitation = identity::Invite(**connection, Org(request), *email, *role,
                                       *UserOf(request.principal), *deps_.jobs, *deps_.clock);
    if (!invitation.ok() && invitation.error().code == ErrorCode::kConflict) {
      return ProblemOf(request, 409, "already-a-member", "This person is already a member.");
    }
    if (!invitation.ok()) return http::ErrorResponse(invitation.error(), request.request_id);
    Audit(request, "member_invited", "invitation:" + invitation->id,
          {{"role", access::RoleName(*role)}});
    return Response::Json(201, Dump(Json(*invitation)));
  }

  Response RevokeInvitation(Request& request) const {
    auto connection = deps_.database->Acquire();
    if (!connection.ok()) return http::ErrorResponse(connection.error(), request.request_id);
    storage::OrgScope scope(**connection, Org(request));
    const std::string& id = request.path_params.at("id");
    Status revoked = identity::RevokeInvitation(scope, id, *deps_.clock);
    if (!revoked.ok()) return http::ErrorResponse(revoked.error(), request.request_id);
    Audit(request, "invitation_revoked", "invitation:" + id);
    return Response::Empty(204);
  }

  Response Accept(Request& request) const {
    auto connection = deps_.database->Acquire();
    if (!connection.ok()) return http::ErrorResponse(connection.error(), request.request_id);
    auto organization =
        identity::AcceptInvitation(**connection, (*request.json)["token"].get<std::string>(),
                                   *UserOf(request.principal), *deps_.clock);
    if (!organization.ok()) {
      switch (organization.error().code) {
        case ErrorCode::kNotFound:
          return ProblemOf(request, 400, "invalid-token", "This invitation is invalid or expired.");
        case ErrorCode::kPermissionDenied:
          return ProblemOf(request, 403, "invitation-email-mismatch",
                           "Sign in with the email address the invitation was sent to.");
        case ErrorCode::kConflict:
          return ProblemOf(request, 409, "already-a-member", "You are already a member.");
        default:
          return http::ErrorResponse(organization.error(), request.request_id);
      }
    }
    AuditRequest(*deps_.database, *deps_.clock, request, "member_joined",
                 "org:" + std::to_string(organization->value), "{}", *organization);
    return Response::Empty(204);
  }

 private:
  static json Json(const identity::Invitation& invitation) {
    return {{"id", invitation.id},
            {"email", invitation.email},
            {"role", access::RoleName(invitation.role)},
            {"created_at", invitation.created_at},
            {"expires_at", invitation.expires_at}};
  }

  static Response Refusal(const Request& request, const Error& error) {
    if (error.code == ErrorCode::kConflict) {
      return ProblemOf(request, 409, "last-admin",
                       "An organization keeps at least one admin; make someone else admin first.");
    }
    return http::ErrorResponse(error, request.request_id);
  }

  MemberRouteDependencies deps_;
};

}  // namespace

Status AddMemberRoutes(http::Router& router, MemberRouteDependencies dependencies) {
  using H = MemberHandlers;
  static constexpr internal::RouteEntry<H> kEntries[] = {
      {"GET", "/v1/orgs/{org}/members", Permission::kManageOrg, &H::ListMembers, BodyKind::kNone,
       ""},
      {"PATCH", "/v1/orgs/{org}/members/{user}", Permission::kManageOrg, &H::ChangeRole,
       BodyKind::kJson, "patchOrgMember"},
      {"DELETE", "/v1/orgs/{org}/members/{user}", Permission::kManageOrg, &H::RemoveMember,
       BodyKind::kNone, ""},
      {"DELETE", "/v1/orgs/{org}/members/{user}/sessions", Permission::kManageOrg,
       &H::EndMemberSessions, BodyKind::kNone, ""},
      {"GET", "/v1/orgs/{org}/invitations", Permission::kManageOrg, &H::ListInvitations,
       BodyKind::kNone, ""},
      {"POST", "/v1/orgs/{org}/invitations", Permission::kManageOrg, &H::Invite, BodyKind::kJson,
       "postOrgInvitations"},
      {"DELETE", "/v1/orgs/{org}/invitations/{id}", Permission::kManageOrg, &H::RevokeInvitation,
       BodyKind::kNone, ""},
      {"POST", "/v1/invitations/accept", Permission::kAuthenticated, &H::Accept, BodyKind::kJson,
       "postInvitationsAccept"},
  };
  return internal::AddRouteTable<H>(router, std::make_shared<const H>(dependencies), kEntries);
}

}  // namespace finhelm::api

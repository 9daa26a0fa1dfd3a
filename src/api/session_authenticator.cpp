#include "api/session_authenticator.hpp"

#include <charconv>

#include <nlohmann/json.hpp>

#include "api/request_audit.hpp"
#include "http/url.hpp"
#include "identity/memberships.hpp"
#include "observability/log.hpp"
#include "storage/database.hpp"

namespace finhelm::api {

std::optional<identity::UserId> UserOf(const access::Principal& principal) {
  if (principal.kind != access::Principal::Kind::kUser) return std::nullopt;
  std::int64_t id = 0;
  const std::string& text = principal.subject_id;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return identity::UserId{id};
}

Result<access::Principal> SessionAuthenticator::AuthenticateBearer(const http::Request& request,
                                                                   std::string_view token) {
  access::Principal principal;
  principal.bearer_rejected = true;
  if (machine_tokens_ == nullptr) return principal;
  auto checked = machine_tokens_->Verify(token);
  if (!checked.ok()) return checked.error();
  if (!checked->identity) {
    log::Warn("authn_token_invalid", {{"request_id", request.request_id},
                                      {"reason", checked->rejection},
                                      {"address", request.remote_address}});
    return principal;
  }
  principal.bearer_rejected = false;
  principal.kind = access::Principal::Kind::kMachineClient;
  principal.subject_id = checked->identity->client_id;
  principal.scopes = std::move(checked->identity->scopes);
  principal.token_organization = checked->identity->organization.value;
  return principal;
}

Result<access::Principal> SessionAuthenticator::Authenticate(const http::Request& request) {
  // RFC 6750 section 2.1; any other scheme (Basic, at the token endpoint) is not ours.
  if (auto token = http::AuthorizationCredentials(request.headers, "Bearer")) {
    return AuthenticateBearer(request, *token);
  }
  access::Principal principal;
  auto cookies = request.headers.Get("Cookie");
  if (!cookies) return principal;
  auto token = http::FindCookie(*cookies, identity::kSessionCookie);
  if (!token || token->empty()) return principal;

  auto connection = database_.Acquire();
  if (!connection.ok()) return connection.error();
  std::string_view agent = request.headers.Get("User-Agent").value_or("");
  auto resolved = sessions_.Resolve(**connection, *token, agent);
  if (!resolved.ok()) return resolved.error();
  if (resolved->ended == identity::SessionEnd::kAgentChanged) {
    log::Warn("session_suspicious", {{"request_id", request.request_id},
                                     {"reason", "user_agent_changed"},
                                     {"address", request.remote_address}});
    std::string details =
        nlohmann::json{{"reason", "user_agent_changed"}, {"user_agent", agent.substr(0, 256)}}.dump(
            -1, ' ', false, nlohmann::json::error_handler_t::replace);
    AuditRequest(database_, clock_, request, "session_suspicious",
                 "user:" + std::to_string(resolved->ended_user.value), details);
  }
  if (!resolved->session || resolved->session->stage != identity::SessionStage::kFull) {
    return principal;
  }
  const identity::Session& session = *resolved->session;
  principal.kind = access::Principal::Kind::kUser;
  principal.subject_id = std::to_string(session.user.value);
  principal.session_id = session.id;
  principal.csrf_token = session.csrf_token;
  principal.authenticated_at = session.authenticated_at;
  principal.mfa_enrolled = session.mfa_enrolled;
  return principal;
}

Result<std::optional<access::Role>> SessionAuthenticator::RoleIn(const access::Principal& principal,
                                                                 std::int64_t organization) {
  auto user = UserOf(principal);
  if (!user) return std::optional<access::Role>();
  auto connection = database_.Acquire();
  if (!connection.ok()) return connection.error();
  storage::OrgScope scope(**connection, OrganizationId{organization});
  return identity::RoleOf(scope, *user);
}

void SessionAuthenticator::RecordRefusal(const http::Request& request, std::string_view event,
                                         std::int64_t organization) {
  std::string details =
      nlohmann::json{{"route", request.route_template}, {"method", request.method}}.dump(
          -1, ' ', false, nlohmann::json::error_handler_t::replace);
  AuditRequest(database_, clock_, request, event, request.route_template, details,
               OrganizationId{organization});
}

}  // namespace finhelm::api

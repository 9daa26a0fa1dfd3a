#include "api/machine_client_routes.hpp"

#include <nlohmann/json.hpp>

#include "api/internal/handler_support.hpp"
#include "api/reauthentication.hpp"
#include "api/request_audit.hpp"
#include "api/session_authenticator.hpp"
#include "crypto/encoding.hpp"
#include "http/url.hpp"
#include "identity/service_clients.hpp"
#include "observability/log.hpp"
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

constexpr std::size_t kMaxFormParameters = 8;

// An RFC 6749 section 5.2 error.
Response OAuthError(int status, std::string_view error, std::string_view description) {
  Response response =
      Response::Json(status, Dump({{"error", error}, {"error_description", description}}));
  response.headers.Set("Cache-Control", "no-store");
  return response;
}

struct PresentedClient {
  std::string id;
  std::string secret;
  bool via_basic = false;
};

// RFC 6749 section 2.3.1: Basic credentials are the form-encoded id and secret, joined by
// ':' and base64-encoded.
std::optional<PresentedClient> BasicCredentials(const http::Headers& headers) {
  auto encoded = http::AuthorizationCredentials(headers, "Basic");
  if (!encoded) return std::nullopt;
  auto decoded = crypto::Base64DecodeSecret(*encoded);
  if (!decoded.ok()) return std::nullopt;
  std::string_view pair = decoded->AsStringView();
  auto colon = pair.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  auto id = http::PercentDecode(pair.substr(0, colon), true);
  auto secret = http::PercentDecode(pair.substr(colon + 1), true);
  if (!id.ok() || !secret.ok()) return std::nullopt;
  return PresentedClient{std::move(*id), std::move(*secret), true};
}

json KeyJson(const identity::PublishedKey& key) {
  return {{"kty", "OKP"},   {"crv", "Ed25519"}, {"x", crypto::Base64UrlEncode(key.public_key)},
          {"kid", key.kid}, {"use", "sig"},     {"alg", "EdDSA"}};
}

json ClientJson(const identity::ServiceClient& client) {
  json scopes = json::array();
  for (Permission scope : client.scopes) scopes.push_back(access::PermissionName(scope));
  json body = {{"id", client.id},
               {"name", client.name},
               {"scopes", scopes},
               {"created_at", client.created_at}};
  body["last_used_at"] = client.last_used_at ? json(*client.last_used_at) : json(nullptr);
  return body;
}

class MachineClientHandlers {
 public:
  explicit MachineClientHandlers(MachineClientRouteDependencies dependencies)
      : deps_(dependencies) {}

  Response IssueToken(Request& request) const {
    auto params = http::ParseQuery(request.body, kMaxFormParameters);
    if (!params.ok()) return OAuthError(400, "invalid_request", "The form body is malformed.");
    for (std::size_t i = 0; i < params->size(); ++i) {
      for (std::size_t j = i + 1; j < params->size(); ++j) {
        if ((*params)[i].first == (*params)[j].first) {
          // RFC 6749 section 3.2: a parameter must not be sent twice.
          return OAuthError(400, "invalid_request", "A parameter is repeated.");
        }
      }
    }
    auto grant_type = http::FindParam(*params, "grant_type");
    if (!grant_type) return OAuthError(400, "invalid_request", "grant_type is missing.");
    if (*grant_type != "client_credentials") {
      return OAuthError(400, "unsupported_grant_type", "Only client_credentials is supported.");
    }
    auto authorization = request.headers.Get("Authorization");
    auto body_id = http::FindParam(*params, "client_id");
    auto body_secret = http::FindParam(*params, "client_secret");
    std::optional<PresentedClient> client;
    if (authorization) {
      // RFC 6749 section 2.3: one way of authenticating per request.
      if (body_secret) {
        return OAuthError(400, "invalid_request", "Use one client authentication method.");
      }
      client = BasicCredentials(request.headers);
    } else if (body_id && body_secret) {
      client = PresentedClient{std::string(*body_id), std::string(*body_secret), false};
    }
    if (auto limited = ThrottleAddress(request)) return *limited;
    if (!client) return InvalidClient(request, authorization.has_value(), "");

    auto grant = deps_.tokens->Issue(client->id, client->secret, http::FindParam(*params, "scope"));
    if (!grant.ok()) return http::ErrorResponse(grant.error(), request.request_id);
    using Kind = identity::TokenGrant::Kind;
    if (grant->kind == Kind::kInvalidClient) {
      return InvalidClient(request, client->via_basic, client->id);
    }
    std::string actor = "client:" + grant->client_id;
    if (grant->kind == Kind::kInvalidScope) {
      AuditRequest(*deps_.database, *deps_.clock, request, "authn_token_fail", actor,
                   R"({"reason":"invalid_scope"})", grant->organization, actor);
      return OAuthError(400, "invalid_scope", "The scope is unknown or not held by the client.");
    }
    AuditRequest(*deps_.database, *deps_.clock, request, "authn_token_created", actor,
                 Dump({{"scope", grant->scope}}), grant->organization, actor);
    Response response = Response::Json(200, Dump({{"access_token", grant->access_token},
                                                  {"token_type", "Bearer"},
                                                  {"expires_in", grant->expires_in},
                                                  {"scope", grant->scope}}));
    response.headers.Set("Cache-Control", "no-store");
    response.headers.Set("Pragma", "no-cache");
    return response;
  }

  Response Jwks(Request& request) const {
    auto keys = deps_.keys->Published();
    if (!keys.ok()) return http::ErrorResponse(keys.error(), request.request_id);
    if (keys->empty()) {
      // Publish a key before the first token is asked for, so verifiers can fetch it.
      if (auto current = deps_.keys->Current(); !current.ok()) {
        return http::ErrorResponse(current.error(), request.request_id);
      }
      keys = deps_.keys->Published();
      if (!keys.ok()) return http::ErrorResponse(keys.error(), request.request_id);
    }
    json list = json::array();
    for (const identity::PublishedKey& key : *keys) list.push_back(KeyJson(key));
    Response response = Response::Json(200, Dump({{"keys", list}}));
    response.headers.Set("Content-Type", "application/jwk-set+json");
    // Short: a rotation by another server shows up here within the signing keys' cache.
    response.headers.Set("Cache-Control", "public, max-age=60");
    return response;
  }

  Response ListClients(Request& request) const {
    auto connection = deps_.database->Acquire();
    if (!connection.ok()) return http::ErrorResponse(connection.error(), request.request_id);
    storage::OrgScope scope(**connection, Org(request));
    auto clients = identity::ListServiceClients(scope);
    if (!clients.ok()) return http::ErrorResponse(clients.error(), request.request_id);
    json items = json::array();
    for (const identity::ServiceClient& client : *clients) items.push_back(ClientJson(client));
    return Response::Json(200, Dump({{"service_clients", items}}));
  }

  Response CreateClient(Request& request) const {
    if (auto stale =
            RequireRecentAuthentication(request, *deps_.clock, deps_.reauthentication_window)) {
      return *stale;
    }
    const json& body = *request.json;
    std::vector<Permission> scopes;
    for (const json& name : body["scopes"]) {
      auto scope = access::ParseScope(name.get<std::string>());
      if (!scope) {
        return FieldProblem(request, "/scopes", "expected org:read, org:operate or org:audit");
      }
      if (std::find(scopes.begin(), scopes.end(), *scope) == scopes.end()) scopes.push_back(*scope);
    }
    std::string name = body["name"].get<std::string>();
    auto connection = deps_.database->Acquire();
    if (!connection.ok()) return http::ErrorResponse(connection.error(), request.request_id);
    storage::OrgScope scope(**connection, Org(request));
    auto created = identity::CreateServiceClient(
        scope, *deps_.clock, name, scopes, UserOf(request.principal).value_or(identity::UserId{}));
    if (!created.ok() && created.error().code == ErrorCode::kInvalidArgument) {
      return FieldProblem(request, "/name", created.error().message);
    }
    if (!created.ok()) return http::ErrorResponse(created.error(), request.request_id);
    AuditRequest(*deps_.database, *deps_.clock, request, "service_client_created",
                 "client:" + created->client.id, Dump({{"scope", identity::FormatScopes(scopes)}}),
                 Org(request));
    json answer = ClientJson(created->client);
    answer["secret"] = created->secret;  // The only time it exists outside the caller.
    Response response = Response::Json(201, Dump(answer));
    response.headers.Set("Cache-Control", "no-store");
    return response;
  }

  Response RevokeClient(Request& request) const {
    const std::string& id = request.path_params.at("id");
    auto connection = deps_.database->Acquire();
    if (!connection.ok()) return http::ErrorResponse(connection.error(), request.request_id);
    storage::OrgScope scope(**connection, Org(request));
    Status revoked = identity::RevokeServiceClient(scope, *deps_.clock, id);
    if (!revoked.ok() && revoked.error().code == ErrorCode::kNotFound) {
      return ProblemOf(request, 404, "");
    }
    if (!revoked.ok()) return http::ErrorResponse(revoked.error(), request.request_id);
    AuditRequest(*deps_.database, *deps_.clock, request, "service_client_revoked", "client:" + id,
                 "{}", Org(request));
    return Response::Empty(204);
  }

 private:
  static OrganizationId Org(const Request& request) {
    return OrganizationId{request.principal.organization_id};
  }

  std::optional<Response> ThrottleAddress(const Request& request) const {
    http::RateDecision decision =
        deps_.rate_limits->Take("token:" + request.remote_address, deps_.auth_rate_limit);
    if (decision.allowed) return std::nullopt;
    log::Warn("excess_rate_limit_exceeded", {{"request_id", request.request_id},
                                             {"bucket", "token"},
                                             {"address", request.remote_address}});
    Response response = OAuthError(429, "slow_down", "Too many attempts; try again later.");
    response.headers.Set("Retry-After",
                         std::to_string(std::max<std::int64_t>(1, decision.retry_after.count())));
    return response;
  }

  Response InvalidClient(const Request& request, bool via_basic, std::string_view id) const {
    log::Warn("authn_token_fail",
              {{"request_id", request.request_id}, {"address", request.remote_address}});
    // The id is not known to be a client's, so it is recorded shortened (DATA-5).
    std::string target = id.empty() ? "unknown" : "client:" + std::string(id.substr(0, 12));
    AuditRequest(*deps_.database, *deps_.clock, request, "authn_token_fail", target,
                 R"({"reason":"invalid_client"})");
    Response response = OAuthError(401, "invalid_client", "Client authentication failed.");
    // RFC 6749 section 5.2: a client that tried Basic is told the scheme again.
    if (via_basic) response.headers.Set("WWW-Authenticate", R"(Basic realm="finhelm")");
    return response;
  }

  MachineClientRouteDependencies deps_;
};

}  // namespace

Status AddMachineClientRoutes(http::Router& router, MachineClientRouteDependencies dependencies) {
  using H = MachineClientHandlers;
  static constexpr internal::RouteEntry<H> kRoutes[] = {
      {"POST", "/v1/oauth/token", Permission::kPublic, &H::IssueToken, BodyKind::kForm, ""},
      {"GET", "/.well-known/jwks.json", Permission::kPublic, &H::Jwks, BodyKind::kNone, ""},
      {"GET", "/v1/orgs/{org}/service-clients", Permission::kManageOrg, &H::ListClients,
       BodyKind::kNone, ""},
      {"POST", "/v1/orgs/{org}/service-clients", Permission::kManageOrg, &H::CreateClient,
       BodyKind::kJson, "postServiceClient"},
      {"DELETE", "/v1/orgs/{org}/service-clients/{id}", Permission::kManageOrg, &H::RevokeClient,
       BodyKind::kNone, ""},
  };
  return internal::AddRouteTable<H>(router, std::make_shared<const H>(dependencies), kRoutes);
}

}  // namespace finhelm::api

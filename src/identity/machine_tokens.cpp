#include "identity/machine_tokens.hpp"

#include <algorithm>

#include "crypto/encoding.hpp"
#include "crypto/random.hpp"
#include "identity/service_clients.hpp"
#include "storage/database.hpp"
#include "storage/org_scope.hpp"

namespace finhelm::identity {
namespace {

bool Holds(const std::vector<access::Permission>& scopes, access::Permission scope) {
  return std::find(scopes.begin(), scopes.end(), scope) != scopes.end();
}

}  // namespace

Result<TokenGrant> MachineTokens::Issue(std::string_view client_id, std::string_view client_secret,
                                        std::optional<std::string_view> requested_scope) {
  TokenGrant grant;
  std::optional<ClientCredentials> client;
  {
    auto connection = database_.Acquire();
    if (!connection.ok()) return connection.error();
    auto checked = CheckClientSecret(**connection, clock_, client_id, client_secret);
    if (!checked.ok()) return checked.error();
    client = std::move(*checked);
  }
  if (!client) return grant;
  grant.client_id = client->id;
  grant.organization = client->organization;

  std::vector<access::Permission> scopes = client->scopes;
  if (requested_scope) {
    // RFC 6749 section 3.3: the token gets what was asked for, and no more than the client
    // holds; asking for more is an error rather than a silently narrower token.
    auto requested = ParseScopes(*requested_scope);
    if (!requested || requested->empty()) {
      grant.kind = TokenGrant::Kind::kInvalidScope;
      return grant;
    }
    for (access::Permission scope : *requested) {
      if (!Holds(client->scopes, scope)) {
        grant.kind = TokenGrant::Kind::kInvalidScope;
        return grant;
      }
    }
    scopes = std::move(*requested);
  }

  auto key = keys_.Current();
  if (!key.ok()) return key.error();
  const std::int64_t now = clock_.NowUnixSeconds();
  AccessTokenClaims claims;
  claims.issuer = settings_.issuer;
  claims.audience = settings_.audience;
  claims.subject = client->id;
  claims.token_id = crypto::Base64UrlEncode(crypto::RandomBytes(16));
  claims.scope = FormatScopes(scopes);
  claims.organization = client->organization.value;
  claims.issued_at = now;
  claims.not_before = now;
  claims.expires_at = now + settings_.lifetime.count();

  grant.kind = TokenGrant::Kind::kIssued;
  grant.access_token = SignAccessToken(claims, key->kid, key->key);
  grant.scope = claims.scope;
  grant.expires_in = settings_.lifetime.count();
  return grant;
}

Result<BearerCheck> MachineTokens::Verify(std::string_view token) {
  AccessTokenRules rules;
  rules.issuer = settings_.issuer;
  rules.audience = settings_.audience;
  rules.now = clock_.NowUnixSeconds();
  rules.max_lifetime = settings_.max_lifetime;
  rules.skew = settings_.skew;
  AccessTokenCheck check = VerifyAccessToken(
      token, [this](std::string_view kid) { return keys_.PublicKey(kid); }, rules);
  BearerCheck outcome;
  if (!check.ok()) {
    outcome.rejection = std::string(JwtRejectionName(check.rejection));
    return outcome;
  }
  auto token_scopes = ParseScopes(check.claims->scope);
  if (!token_scopes) {
    outcome.rejection = "malformed_scope";
    return outcome;
  }
  OrganizationId organization{check.claims->organization};
  auto connection = database_.Acquire();
  if (!connection.ok()) return connection.error();
  storage::OrgScope scope(**connection, organization);
  auto held = ActiveClientScopes(scope, check.claims->subject);
  if (!held.ok()) return held.error();
  if (!held->has_value()) {
    outcome.rejection = "client_revoked";
    return outcome;
  }
  MachineIdentity identity{check.claims->subject, organization, {}};
  for (access::Permission granted : *token_scopes) {
    if (Holds(**held, granted)) identity.scopes.push_back(granted);
  }
  outcome.identity = std::move(identity);
  return outcome;
}

}  // namespace finhelm::identity

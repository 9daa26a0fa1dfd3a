// Service clients: machine identities of one organization (AUTH-7).
//
// An admin creates a client with a name and scopes; its id ("fhc_" and 128 random bits)
// is public, its secret ("fhs_" and 256 random bits) is returned once and stored only as
// its SHA-256: a secret of that strength needs no slow hash, and a stolen table yields
// nothing to try. Revocation takes effect on the next request, since every bearer
// request checks that its client is still active.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "access/permission.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "identity/users.hpp"
#include "storage/connection.hpp"
#include "storage/org_scope.hpp"

namespace finhelm::identity {

inline constexpr std::size_t kMaxServiceClientName = 100;

struct ServiceClient {
  std::string id;
  std::string name;
  std::vector<access::Permission> scopes;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> last_used_at;
};

struct CreatedServiceClient {
  ServiceClient client;
  std::string secret;  // Shown to the admin once; never stored.
};

// An authenticated client at the token endpoint.
struct ClientCredentials {
  std::string id;
  OrganizationId organization;
  std::vector<access::Permission> scopes;
};

// "org:read org:operate" and its inverse; ParseScopes fails (nullopt) on an unknown,
// ungrantable or repeated name.
std::string FormatScopes(const std::vector<access::Permission>& scopes);
std::optional<std::vector<access::Permission>> ParseScopes(std::string_view text);

// kInvalidArgument for an empty or overlong name or no scopes.
Result<CreatedServiceClient> CreateServiceClient(storage::OrgScope& scope, const Clock& clock,
                                                 std::string_view name,
                                                 const std::vector<access::Permission>& scopes,
                                                 UserId created_by);

// The organization's active clients, newest first.
Result<std::vector<ServiceClient>> ListServiceClients(storage::OrgScope& scope);

// kNotFound when the organization has no active client of that id.
Status RevokeServiceClient(storage::OrgScope& scope, const Clock& clock, std::string_view id);

// The client of `id` when `secret` is its secret and it is active; nullopt otherwise.
// Takes the same time for an unknown id as for a wrong secret.
Result<std::optional<ClientCredentials>> CheckClientSecret(storage::Connection& connection,
                                                           const Clock& clock, std::string_view id,
                                                           std::string_view secret);

// The scopes of the organization's active client `id`, or nullopt when it is revoked or
// unknown: checked on every bearer request.
Result<std::optional<std::vector<access::Permission>>> ActiveClientScopes(storage::OrgScope& scope,
                                                                          std::string_view id);

}  // namespace finhelm::identity

#include "identity/service_clients.hpp"

#include "crypto/constant_time.hpp"
#include "crypto/encoding.hpp"
#include "crypto/hash.hpp"
#include "crypto/random.hpp"

namespace finhelm::identity {
namespace {

using storage::Row;
using storage::Sql;

constexpr std::string_view kClientIdPrefix = "fhc_";
constexpr std::string_view kSecretPrefix = "fhs_";

constexpr Sql kInsertClient =
    "INSERT INTO service_clients (id, organization_id, name, scopes, secret_hash, created_by, "
    "created_at) VALUES (?, :org_id, ?, ?, ?, ?, ?)";
constexpr Sql kSelectActive =
    "SELECT id, name, scopes, created_at, last_used_at FROM service_clients "
    "WHERE organization_id = :org_id AND revoked_at IS NULL ORDER BY created_at DESC, id";
constexpr Sql kRevoke =
    "UPDATE service_clients SET revoked_at = ? WHERE organization_id = :org_id AND id = ? "
    "AND revoked_at IS NULL";
constexpr Sql kSelectActiveScopes =
    "SELECT scopes FROM service_clients WHERE organization_id = :org_id AND id = ? "
    "AND revoked_at IS NULL";
// The token endpoint knows only the client id, which is what names the organization.
constexpr Sql kSelectForSecret = Sql::CrossTenant(
    "SELECT organization_id, scopes, secret_hash FROM service_clients "
    "WHERE id = ? AND revoked_at IS NULL");
constexpr Sql kMarkUsed =
    Sql::CrossTenant("UPDATE service_clients SET last_used_at = ? WHERE id = ?");

// Compared when the id is unknown, so that both paths hash and compare once.
const std::string& DecoyHash() {
  static const std::string kDecoy = crypto::Sha256Hex(std::string_view("no such client"));
  return kDecoy;
}

}  // namespace

std::string FormatScopes(const std::vector<access::Permission>& scopes) {
  std::string text;
  for (access::Permission scope : scopes) {
    if (!text.empty()) text += ' ';
    text += access::PermissionName(scope);
  }
  return text;
}

std::optional<std::vector<access::Permission>> ParseScopes(std::string_view text) {
  std::vector<access::Permission> scopes;
  while (!text.empty()) {
    auto space = text.find(' ');
    std::string_view name = text.substr(0, space);
    text = space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
    if (name.empty()) return std::nullopt;  // Two spaces, or one at an end.
    auto scope = access::ParseScope(name);
    if (!scope) return std::nullopt;
    for (access::Permission held : scopes) {
      if (held == *scope) return std::nullopt;
    }
    scopes.push_back(*scope);
  }
  return scopes;
}

Result<CreatedServiceClient> CreateServiceClient(storage::OrgScope& scope, const Clock& clock,
                                                 std::string_view name,
                                                 const std::vector<access::Permission>& scopes,
                                                 UserId created_by) {
  if (name.empty() || name.size() > kMaxServiceClientName) {
    return MakeError(ErrorCode::kInvalidArgument, "name must be 1 to 100 characters");
  }
  if (scopes.empty()) return MakeError(ErrorCode::kInvalidArgument, "at least one scope");
  for (access::Permission permission : scopes) {
    if (!access::IsGrantableScope(permission)) {
      return MakeError(ErrorCode::kInvalidArgument, "scope cannot be granted to a client");
    }
  }
  CreatedServiceClient created;
  created.client.id =
      std::string(kClientIdPrefix) + crypto::Base64UrlEncode(crypto::RandomBytes(16));
  created.client.name = std::string(name);
  created.client.scopes = scopes;
  created.client.created_at = clock.NowUnixSeconds();
  created.secret = std::string(kSecretPrefix) + crypto::RandomToken();
  auto inserted =
      scope.Execute(kInsertClient, {created.client.id, created.client.name, FormatScopes(scopes),
                                    crypto::Sha256Hex(created.secret), created_by.value,
                                    created.client.created_at});
  if (!inserted.ok()) return inserted.error();
  return created;
}

Result<std::vector<ServiceClient>> ListServiceClients(storage::OrgScope& scope) {
  auto rows = scope.Query(kSelectActive);
  if (!rows.ok()) return rows.error();
  std::vector<ServiceClient> clients;
  for (const Row& row : *rows) {
    ServiceClient client;
    client.id = row.Text(0);
    client.name = row.Text(1);
    client.scopes = ParseScopes(row.Text(2)).value_or(std::vector<access::Permission>{});
    client.created_at = row.Int(3);
    if (!row.IsNull(4)) client.last_used_at = row.Int(4);
    clients.push_back(std::move(client));
  }
  return clients;
}

Status RevokeServiceClient(storage::OrgScope& scope, const Clock& clock, std::string_view id) {
  auto revoked = scope.Execute(kRevoke, {clock.NowUnixSeconds(), std::string(id)});
  if (!revoked.ok()) return revoked.error();
  if (*revoked == 0) return MakeError(ErrorCode::kNotFound, "no such service client");
  return Status::Ok();
}

Result<std::optional<ClientCredentials>> CheckClientSecret(storage::Connection& connection,
                                                           const Clock& clock, std::string_view id,
                                                           std::string_view secret) {
  std::string presented = crypto::Sha256Hex(secret);
  auto row = connection.QueryOptional(kSelectForSecret, {std::string(id)});
  if (!row.ok()) return row.error();
  const std::string& stored = row->has_value() ? (*row)->Text(2) : DecoyHash();
  bool matches = crypto::ConstantTimeEquals(presented, stored);
  if (!row->has_value() || !matches) return std::optional<ClientCredentials>();
  auto scopes = ParseScopes((*row)->Text(1));
  if (!scopes) return MakeError(ErrorCode::kDataLoss, "stored scopes are malformed");
  auto used = connection.Execute(kMarkUsed, {clock.NowUnixSeconds(), std::string(id)});
  if (!used.ok()) return used.error();
  return std::optional<ClientCredentials>(
      ClientCredentials{std::string(id), OrganizationId{(*row)->Int(0)}, std::move(*scopes)});
}

Result<std::optional<std::vector<access::Permission>>> ActiveClientScopes(storage::OrgScope& scope,
                                                                          std::string_view id) {
  using Scopes = std::vector<access::Permission>;
  auto row = scope.QueryOptional(kSelectActiveScopes, {std::string(id)});
  if (!row.ok()) return row.error();
  if (!row->has_value()) return std::optional<Scopes>();
  auto scopes = ParseScopes((*row)->Text(0));
  if (!scopes) return MakeError(ErrorCode::kDataLoss, "stored scopes are malformed");
  return std::optional<Scopes>(std::move(*scopes));
}

}  // namespace finhelm::identity

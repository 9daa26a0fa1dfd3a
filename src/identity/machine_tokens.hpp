// MachineTokens: the client-credentials grant and the check of the bearer tokens it
// issues (AUTH-7).
//
// Issue checks a client's id and secret and signs a token with the current key for the
// scopes asked for (all of the client's when none are). Verify checks a presented token
// (jwt.hpp) and then that its client is still active, narrowing the token's scopes to
// those the client holds now: revoking a client, or taking a scope away, acts on the
// next request rather than when the token expires. Thread-safe; blocks (database).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "access/permission.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "identity/jwt.hpp"
#include "identity/signing_keys.hpp"
#include "storage/organization_id.hpp"

namespace finhelm::storage {
class Database;
}

namespace finhelm::identity {

struct MachineTokenSettings {
  std::string issuer;    // The server's public URL.
  std::string audience;  // The public URL of its API ("<url>/v1").
  std::chrono::seconds lifetime{10 * 60};
  std::chrono::seconds max_lifetime{15 * 60};  // What a verifier accepts (AUTH-7).
  std::chrono::seconds skew{60};
};

struct TokenGrant {
  enum class Kind { kIssued, kInvalidClient, kInvalidScope };
  Kind kind = Kind::kInvalidClient;
  std::string access_token;
  std::string scope;
  std::int64_t expires_in = 0;
  std::string client_id;        // Set when the client authenticated.
  OrganizationId organization;  // Set when the client authenticated.
};

struct MachineIdentity {
  std::string client_id;
  OrganizationId organization;
  std::vector<access::Permission> scopes;
};

struct BearerCheck {
  std::optional<MachineIdentity> identity;
  std::string rejection;  // Why not, for the log: a JwtRejection name or "client_revoked".
};

class MachineTokens {
 public:
  MachineTokens(storage::Database& database, SigningKeys& keys, const Clock& clock,
                MachineTokenSettings settings)
      : database_(database), keys_(keys), clock_(clock), settings_(std::move(settings)) {}

  // `requested_scope` is the grant's `scope` parameter; nullopt when absent.
  Result<TokenGrant> Issue(std::string_view client_id, std::string_view client_secret,
                           std::optional<std::string_view> requested_scope);

  Result<BearerCheck> Verify(std::string_view token);

  const MachineTokenSettings& settings() const { return settings_; }

 private:
  storage::Database& database_;
  SigningKeys& keys_;
  const Clock& clock_;
  const MachineTokenSettings settings_;
};

}  // namespace finhelm::identity

// Machine clients (AUTH-7): POST /v1/oauth/token (the client-credentials grant of RFC
// 6749 section 4.4), GET /.well-known/jwks.json (the public keys of RFC 7517), and the
// organization's service clients for its admins.
//
// The token endpoint speaks OAuth, not problem details: form-encoded requests, client
// authentication by HTTP Basic or by body parameters (one of the two), and errors as
// {"error": ...} (RFC 6749 section 5.2). Failed attempts take from the per-address bucket
// of AUTH-5. Creating a service client needs a password proven in the last five minutes
// (AUTH-8).
#pragma once

#include "core/clock.hpp"
#include "http/rate_limit.hpp"
#include "http/router.hpp"
#include "identity/machine_tokens.hpp"

namespace finhelm::storage {
class Database;
}

namespace finhelm::api {

struct MachineClientRouteDependencies {
  identity::MachineTokens* tokens = nullptr;
  identity::SigningKeys* keys = nullptr;
  storage::Database* database = nullptr;
  http::RateLimitStore* rate_limits = nullptr;
  const Clock* clock = nullptr;
  http::RateLimit auth_rate_limit{20, std::chrono::seconds(60)};
  std::chrono::seconds reauthentication_window{5 * 60};  // AUTH-8
};

Status AddMachineClientRoutes(http::Router& router, MachineClientRouteDependencies dependencies);

}  // namespace finhelm::api

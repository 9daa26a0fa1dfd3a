// SessionAuthenticator: turns the `__Host-fh_session` cookie into a Principal (SESS-1..5)
// and answers the pipeline's membership questions from the memberships table (ACL-3).
//
// A request with `Authorization: Bearer` is a machine client's (AUTH-7) and its cookies are
// not looked at; a token that fails any check marks the principal `bearer_rejected`.
// A cookie that names no live session leaves the request anonymous: the route's
// permission then decides between serving it and 401. A session presented by another
// User-Agent is destroyed and logged as suspicious (SESS-5). Runs on worker threads.
#pragma once

#include "http/pipeline.hpp"
#include "identity/machine_tokens.hpp"
#include "identity/sessions.hpp"

namespace finhelm::storage {
class Database;
}

namespace finhelm::api {

class SessionAuthenticator final : public http::Authenticator {
 public:
  // `machine_tokens` may be null: bearer tokens are then refused.
  SessionAuthenticator(storage::Database& database, identity::SessionStore& sessions,
                       const Clock& clock, identity::MachineTokens* machine_tokens = nullptr)
      : database_(database), sessions_(sessions), clock_(clock), machine_tokens_(machine_tokens) {}

  Result<access::Principal> Authenticate(const http::Request& request) override;
  Result<std::optional<access::Role>> RoleIn(const access::Principal& principal,
                                             std::int64_t organization) override;
  void RecordRefusal(const http::Request& request, std::string_view event,
                     std::int64_t organization) override;

 private:
  Result<access::Principal> AuthenticateBearer(const http::Request& request,
                                               std::string_view token);

  storage::Database& database_;
  identity::SessionStore& sessions_;
  const Clock& clock_;
  identity::MachineTokens* machine_tokens_;
};

// The user id of a principal authenticated as a user; nullopt for anyone else.
std::optional<identity::UserId> UserOf(const access::Principal& principal);

}  // namespace finhelm::api

// Principal: who is making a request, as established by authentication, and what the
// pipeline's authorization step found about their place in the organization of the path.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "access/permission.hpp"

namespace finhelm::access {

struct Principal {
  enum class Kind { kAnonymous, kUser, kMachineClient };
  Kind kind = Kind::kAnonymous;
  std::string subject_id;  // User or service-client id; empty when anonymous.

  // Set when a session cookie authenticated the request: its public id and the CSRF
  // token that state-changing requests must echo in X-CSRF-Token (WEB-4).
  std::string session_id;
  std::string csrf_token;
  std::int64_t authenticated_at = 0;  // When the password was last proven (AUTH-8).
  bool mfa_enrolled = false;          // The user has a confirmed second factor (AUTH-6).

  // Set when a bearer token authenticated the request (kind kMachineClient): the scopes it
  // grants and the one organization it is good for.
  std::vector<Permission> scopes;
  std::int64_t token_organization = 0;
  // A bearer token came with the request and was refused: a non-public route answers 401
  // invalid_token rather than treating the caller as anonymous.
  bool bearer_rejected = false;

  // Set by authorization on /v1/orgs/{org}/... routes: the organization and the role the
  // principal holds in it.
  std::int64_t organization_id = 0;
  std::optional<Role> role;

  bool authenticated() const { return kind != Kind::kAnonymous; }
  bool via_cookie() const { return !session_id.empty(); }
  bool HasScope(Permission permission) const {
    for (Permission scope : scopes) {
      if (scope == permission) return true;
    }
    return false;
  }
};

}  // namespace finhelm::access

// First run: with no user yet, a one-time link creates the first admin and organization.
// There are no default credentials (SPEC section 6).
//
// IssueSetupToken voids earlier unused tokens, so only the link printed last works; it
// expires after an hour and is used once. CompleteSetup refuses once any user exists,
// whatever the token, so that the link cannot add a second admin later.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "identity/accounts.hpp"

namespace finhelm::identity {

inline constexpr std::chrono::hours kSetupTokenLifetime{1};

// A new token when the installation has no user; nullopt when it has one.
Result<std::optional<std::string>> IssueSetupToken(storage::Connection& connection,
                                                   const Clock& clock);

struct SetupRequest {
  std::string token;
  std::string email;
  std::string password;
  std::string name;
  std::string organization_name;
};

struct SetupOutcome {
  std::vector<InputProblem> problems;  // Non-empty: nothing was created.
  UserId user;
  OrganizationId organization;
};

// Creates the first user (verified: the operator holds the link) as admin of a new
// organization. kNotFound for a token that cannot be used; kConflict once a user exists.
Result<SetupOutcome> CompleteSetup(storage::Connection& connection, const SetupRequest& request,
                                   const PasswordPolicy& policy, const PasswordHasher& hasher,
                                   const Clock& clock);

}  // namespace finhelm::identity

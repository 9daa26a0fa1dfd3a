// Users: the accounts table. Users are global (one person, many organizations), so these
// statements run on a bare Connection; what a user may see of an organization is decided
// by memberships (memberships.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "storage/connection.hpp"

namespace finhelm::identity {

struct UserId {
  std::int64_t value = 0;
  friend auto operator<=>(const UserId&, const UserId&) = default;
};

struct User {
  UserId id;
  std::string email;  // Normalized (email_address.hpp).
  std::string name;
  std::string password_hash;  // Argon2id PHC string.
  std::optional<std::int64_t> email_verified_at;
  std::int64_t password_changed_at = 0;
  std::int64_t created_at = 0;

  bool email_verified() const { return email_verified_at.has_value(); }
};

struct NewUser {
  std::string email;  // Already normalized.
  std::string name;
  std::string password_hash;
};

// Fails with kConflict when the email is taken.
Result<UserId> CreateUser(storage::Connection& connection, const NewUser& user, const Clock& clock);

Result<std::optional<User>> FindUserByEmail(storage::Connection& connection,
                                            std::string_view normalized_email);
Result<std::optional<User>> FindUserById(storage::Connection& connection, UserId id);

// Sets email_verified_at once; verifying again keeps the first time.
Status MarkEmailVerified(storage::Connection& connection, UserId id, const Clock& clock);

// Replaces the hash. `changed` is false for an upgrade of the parameters of the same
// password (AUTH-1), which does not count as a password change.
Status StorePasswordHash(storage::Connection& connection, UserId id, std::string_view phc,
                         bool changed, const Clock& clock);

// True when the installation has no user yet (first run).
Result<bool> NoUsersYet(storage::Connection& connection);

}  // namespace finhelm::identity

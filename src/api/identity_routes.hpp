// The identity routes of SPEC section 4: registration, verification, login and logout,
// forgotten and reset password, /v1/me and its sessions, and the user's organizations.
//
// Handlers translate HTTP to identity::Accounts and back; the rules live there. Each
// authentication attempt also takes a token from the per-address bucket of AUTH-5 and
// WEB-1 (20 a minute).
#pragma once

#include <functional>

#include "core/clock.hpp"
#include "http/rate_limit.hpp"
#include "http/router.hpp"
#include "identity/accounts.hpp"

namespace finhelm::storage {
class Database;
}

namespace finhelm::storage {
class OrgScope;
}

namespace finhelm::api {

struct IdentityRouteDependencies {
  identity::Accounts* accounts = nullptr;
  storage::Database* database = nullptr;
  http::RateLimitStore* rate_limits = nullptr;
  const Clock* clock = nullptr;
  const identity::PasswordPolicy* policy = nullptr;  // For first-run setup.
  const identity::PasswordHasher* hasher = nullptr;
  http::RateLimit auth_rate_limit{20, std::chrono::seconds(60)};
  // AUTH-2: GET /v1/me recommends a new password once the current one is this old.
  std::chrono::seconds password_reminder_age{std::chrono::hours(24 * 365)};
  std::chrono::seconds reauthentication_window{5 * 60};  // AUTH-8
  // Queues the demo company for import into a new organization (first-run setup, when
  // asked); returns the import's id. Empty when the demo is not available.
  std::function<Result<std::int64_t>(storage::OrgScope&, std::int64_t user_id)> load_demo_company;
};

Status AddIdentityRoutes(http::Router& router, IdentityRouteDependencies dependencies);

// The Set-Cookie value that installs a session token, and the one that removes it. The
// `__Host-` prefix makes browsers insist on Secure, Path=/ and no Domain (SESS-1);
// browsers keep Secure cookies from http://localhost and 127.0.0.1 too.
std::string SessionCookie(std::string_view token);
std::string ExpiredSessionCookie();

// The cookie of a sign-in that still owes its second factor (five minutes).
inline constexpr std::string_view kPendingMfaCookie = "__Host-fh_mfa";
std::string PendingMfaCookie(std::string_view token);
std::string ExpiredCookie(std::string_view name);

}  // namespace finhelm::api

// What FinHelm holds about one user, for their own export (DATA-6): the account (without
// its password hash), memberships, sessions (without token hashes or CSRF tokens), the
// second factor's state (without its secret), and the audit events they caused, in every
// organization. The organizations' books are the organizations' data, not the user's: an
// accountant exports those with the ledger exports.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "identity/memberships.hpp"
#include "identity/users.hpp"

namespace finhelm::storage {
class Connection;
}

namespace finhelm::identity {

struct SessionRecord {
  std::string id;
  std::string stage;
  std::string user_agent;
  std::string client_address;
  std::int64_t created_at = 0;
  std::int64_t last_seen_at = 0;
  std::int64_t expires_at = 0;
};

struct AuditRecord {
  std::int64_t id = 0;
  std::int64_t organization_id = 0;  // 0: the installation's own log
  std::int64_t occurred_at_ms = 0;
  std::string event;
  std::string target;
  std::string address;
  std::string request_id;
  std::string details;  // JSON text, as recorded
};

struct PersonalData {
  User user;  // password_hash cleared
  std::vector<Membership> memberships;
  std::vector<SessionRecord> sessions;
  std::optional<std::int64_t> second_factor_confirmed_at;
  std::int64_t recovery_codes_left = 0;
  std::vector<AuditRecord> audit_events;  // oldest first, at most kMaxExportedAuditEvents
  bool audit_events_truncated = false;
};

inline constexpr std::int64_t kMaxExportedAuditEvents = 100'000;

// kNotFound when the user is gone.
Result<PersonalData> CollectPersonalData(storage::Connection& connection, UserId user);

}  // namespace finhelm::identity

// AuditLog: the append-only, hash-chained record of security events (AUD-1, AUD-2).
//
//   audit::Record(connection, clock, {.event = "authn_login_fail", .actor = "anonymous",
//                                     .target = log::MaskEmail(email), ...});
//
// Event names follow the OWASP Logging Vocabulary. Each event carries the SHA-256 of the
// event before it (one chain for the whole installation), and `audit_chain` remembers the
// newest hash, so that Verify finds any edited, removed or inserted event, the newest
// included. CR and LF in text fields are stored encoded (`\r`, `\n`), so that no field can
// forge a line in an export. Times are UTC milliseconds.
//
// Appending serializes on the chain head: on SQLite through the write lock of the
// enclosing transaction, on PostgreSQL through a row lock on `audit_chain`. Record runs
// its own transaction unless one is open on the connection (`in_transaction`).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "storage/connection.hpp"
#include "storage/organization_id.hpp"

namespace finhelm::audit {

struct AuditEvent {
  OrganizationId organization{0};  // 0: the installation (sign-ins, account changes).
  std::string event;               // OWASP vocabulary: "authn_login_success", "authz_fail".
  std::string actor;               // "user:12", "client:abc", "anonymous", "operator".
  std::string target;              // What the event is about: "user:12", "org:3", a route.
  std::string address;             // Client address, "" for the shell.
  std::string request_id;          // "" outside a request.
  std::string details = "{}";      // A JSON object of further fields.
};

struct StoredAuditEvent {
  std::int64_t id = 0;
  std::int64_t occurred_at_ms = 0;
  AuditEvent event;
  std::string previous_hash;
  std::string hash;
};

// Appends `event`. With `in_transaction`, the caller has a read-write transaction open on
// `connection` and the event commits or rolls back with the caller's work.
Status Record(storage::Connection& connection, const Clock& clock, AuditEvent event,
              bool in_transaction = false);

struct AuditQuery {
  std::optional<std::string> event;
  std::optional<std::string> actor;
  std::optional<std::int64_t> since_ms;   // Inclusive.
  std::optional<std::int64_t> until_ms;   // Exclusive.
  std::optional<std::int64_t> before_id;  // Cursor: events older than this id.
  int limit = 50;
};

// One organization's events, newest first.
Result<std::vector<StoredAuditEvent>> List(storage::Connection& connection,
                                           OrganizationId organization, const AuditQuery& query);

struct VerifyReport {
  std::int64_t events_checked = 0;
  bool intact = true;
  std::string problem;  // The first break found: "event 17 was edited".
};

// Walks the whole chain in id order and checks every link and the chain head.
Result<VerifyReport> Verify(storage::Connection& connection);

// Replaces CR and LF with the two-character escapes `\r` and `\n`.
std::string EncodeLineBreaks(std::string_view text);

}  // namespace finhelm::audit

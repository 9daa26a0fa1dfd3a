#include "audit/audit_log.hpp"

#include <nlohmann/json.hpp>

#include "crypto/hash.hpp"
#include "storage/org_scope.hpp"
#include "storage/transaction.hpp"

namespace finhelm::audit {
namespace {

using storage::DialectSql;
using storage::Row;
using storage::Sql;

constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// The chain head is locked before it is read, so that two appends cannot both build on
// the same previous hash. SQLite needs no clause: the transaction holds the write lock.
constexpr DialectSql kLockHead = {
    .sqlite = "SELECT last_event_id, last_hash FROM audit_chain WHERE id = 1",
    .postgres = "SELECT last_event_id, last_hash FROM audit_chain WHERE id = 1 FOR UPDATE",
};
constexpr Sql kInsertEvent =
    "INSERT INTO audit_events (id, organization_id, occurred_at_ms, event, actor, target, "
    "address, request_id, details, previous_hash, hash) "
    "VALUES (?, :org_id, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr Sql kAdvanceHead = "UPDATE audit_chain SET last_event_id = ?, last_hash = ? WHERE id = 1";
constexpr Sql kSelectHead =
    "SELECT last_event_id, last_hash, purged_through_id FROM audit_chain WHERE id = 1";
// Verification reads every organization's events: the chain spans them all.
constexpr Sql kSelectChain = Sql::CrossTenant(
    "SELECT id, occurred_at_ms, organization_id, event, actor, target, address, request_id, "
    "details, previous_hash, hash FROM audit_events WHERE id > ? ORDER BY id LIMIT 1000");
constexpr Sql kSelectPage =
    "SELECT id, occurred_at_ms, organization_id, event, actor, target, address, request_id, "
    "details, previous_hash, hash FROM audit_events WHERE organization_id = :org_id "
    "AND (CAST(? AS TEXT) IS NULL OR event = ?) AND (CAST(? AS TEXT) IS NULL OR actor = ?) "
    "AND (CAST(? AS BIGINT) IS NULL OR occurred_at_ms >= ?) "
    "AND (CAST(? AS BIGINT) IS NULL OR occurred_at_ms < ?) "
    "AND (CAST(? AS BIGINT) IS NULL OR id < ?) ORDER BY id DESC LIMIT ?";

// The bytes that are hashed: every stored field in a fixed order, as a JSON array, so
// that no two different events serialize alike.
std::string HashOf(std::int64_t id, std::int64_t occurred_at_ms, const AuditEvent& event,
                   std::string_view previous_hash) {
  nlohmann::json fields = {
      id,           occurred_at_ms, event.organization.value, event.event,   event.actor,
      event.target, event.address,  event.request_id,         event.details, previous_hash};
  return crypto::Sha256Hex(fields.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

StoredAuditEvent FromRow(const Row& row) {
  StoredAuditEvent stored;
  stored.id = row.Int(0);
  stored.occurred_at_ms = row.Int(1);
  stored.event.organization = OrganizationId{row.Int(2)};
  stored.event.event = row.Text(3);
  stored.event.actor = row.Text(4);
  stored.event.target = row.Text(5);
  stored.event.address = row.Text(6);
  stored.event.request_id = row.Text(7);
  stored.event.details = row.Text(8);
  stored.previous_hash = row.Text(9);
  stored.hash = row.Text(10);
  return stored;
}

Status Append(storage::Connection& connection, const Clock& clock, const AuditEvent& event) {
  auto head = connection.QueryOptional(ForDialect(kLockHead, connection.dialect()));
  if (!head.ok()) return head.error();
  if (!head->has_value()) return MakeError(ErrorCode::kDataLoss, "the audit chain head is gone");
  std::int64_t id = (*head)->Int(0) + 1;
  std::string previous = (*head)->Text(1);
  std::int64_t now_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(clock.Now().time_since_epoch()).count();
  std::string hash = HashOf(id, now_ms, event, previous);
  storage::OrgScope scope(connection, event.organization);
  auto inserted =
      scope.Execute(kInsertEvent, {id, now_ms, event.event, event.actor, event.target,
                                   event.address, event.request_id, event.details, previous, hash});
  if (!inserted.ok()) return inserted.error();
  auto advanced = connection.Execute(kAdvanceHead, {id, hash});
  if (!advanced.ok()) return advanced.error();
  return Status::Ok();
}

}  // namespace

std::string EncodeLineBreaks(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\r') {
      out += "\\r";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

Status Record(storage::Connection& connection, const Clock& clock, AuditEvent event,
              bool in_transaction) {
  for (std::string* field : {&event.event, &event.actor, &event.target, &event.address,
                             &event.request_id, &event.details}) {
    *field = EncodeLineBreaks(*field);
  }
  if (in_transaction) return Append(connection, clock, event);
  auto transaction = storage::Transaction::Begin(connection);
  if (!transaction.ok()) return transaction.error();
  if (Status appended = Append(connection, clock, event); !appended.ok()) return appended;
  return transaction->Commit();
}

Result<std::vector<StoredAuditEvent>> List(storage::Connection& connection,
                                           OrganizationId organization, const AuditQuery& query) {
  storage::OrgScope scope(connection, organization);
  auto rows =
      scope.Query(kSelectPage, {query.event, query.event, query.actor, query.actor, query.since_ms,
                                query.since_ms, query.until_ms, query.until_ms, query.before_id,
                                query.before_id, query.limit});
  if (!rows.ok()) return rows.error();
  std::vector<StoredAuditEvent> events;
  events.reserve(rows->size());
  for (const Row& row : *rows) events.push_back(FromRow(row));
  return events;
}

Result<VerifyReport> Verify(storage::Connection& connection) {
  auto head = connection.QueryOptional(kSelectHead);
  if (!head.ok()) return head.error();
  if (!head->has_value()) return MakeError(ErrorCode::kDataLoss, "the audit chain head is gone");
  std::int64_t last_id = (*head)->Int(0);
  std::string last_hash = (*head)->Text(1);
  std::int64_t purged_through = (*head)->Int(2);

  VerifyReport report;
  auto fail = [&report](std::string problem) {
    report.intact = false;
    report.problem = std::move(problem);
    return report;
  };
  std::int64_t expected_id = purged_through + 1;
  std::string previous_hash;  // Unknown for the first event after a purge.
  if (purged_through == 0) previous_hash = std::string(kGenesisHash);
  std::int64_t cursor = purged_through;
  while (true) {
    auto rows = connection.Query(kSelectChain, {cursor});
    if (!rows.ok()) return rows.error();
    if (rows->empty()) break;
    for (const Row& row : *rows) {
      StoredAuditEvent stored = FromRow(row);
      if (stored.id != expected_id) {
        return fail("event " + std::to_string(expected_id) + " is missing");
      }
      if (!previous_hash.empty() && stored.previous_hash != previous_hash) {
        return fail("event " + std::to_string(stored.id) + " does not follow the one before it");
      }
      if (HashOf(stored.id, stored.occurred_at_ms, stored.event, stored.previous_hash) !=
          stored.hash) {
        return fail("event " + std::to_string(stored.id) + " was edited");
      }
      previous_hash = stored.hash;
      ++expected_id;
      ++report.events_checked;
      cursor = stored.id;
    }
  }
  if (expected_id - 1 != last_id) {
    return fail("the chain ends at event " + std::to_string(expected_id - 1) +
                " but its head names event " + std::to_string(last_id));
  }
  if (last_id > purged_through && previous_hash != last_hash) {
    return fail("the newest event does not match the chain head");
  }
  return report;
}

}  // namespace finhelm::audit

#include "audit/audit_retention.hpp"

#include "storage/transaction.hpp"

namespace finhelm::audit {
namespace {

using storage::DialectSql;
using storage::Sql;

// Retention spans every organization's events, as the chain does.
constexpr Sql kLastExpired =
    Sql::CrossTenant("SELECT COALESCE(MAX(id), 0) FROM audit_events WHERE occurred_at_ms < ?");
constexpr DialectSql kLockHead = {
    .sqlite = "SELECT purged_through_id FROM audit_chain WHERE id = 1",
    .postgres = "SELECT purged_through_id FROM audit_chain WHERE id = 1 FOR UPDATE",
};
constexpr Sql kDeleteThrough = Sql::CrossTenant("DELETE FROM audit_events WHERE id <= ?");
constexpr Sql kAdvancePurge = "UPDATE audit_chain SET purged_through_id = ? WHERE id = 1";

}  // namespace

Result<std::int64_t> PurgeExpiredEvents(storage::Connection& connection, const Clock& clock,
                                        std::chrono::seconds retention) {
  const std::int64_t now_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(clock.Now().time_since_epoch()).count();
  const std::int64_t cutoff_ms =
      now_ms - std::chrono::duration_cast<std::chrono::milliseconds>(retention).count();
  auto transaction = storage::Transaction::Begin(connection);
  if (!transaction.ok()) return transaction.error();
  auto head = connection.QueryOptional(ForDialect(kLockHead, connection.dialect()));
  if (!head.ok()) return head.error();
  if (!*head) return MakeError(ErrorCode::kDataLoss, "the audit chain head is gone");
  const std::int64_t purged_through = (*head)->Int(0);
  auto last = connection.QueryOptional(kLastExpired, {cutoff_ms});
  if (!last.ok()) return last.error();
  const std::int64_t through = (*last)->Int(0);
  if (through <= purged_through) return std::int64_t{0};
  auto deleted = connection.Execute(kDeleteThrough, {through});
  if (!deleted.ok()) return deleted.error();
  auto advanced = connection.Execute(kAdvancePurge, {through});
  if (!advanced.ok()) return advanced.error();
  if (Status committed = transaction->Commit(); !committed.ok()) return committed.error();
  return *deleted;
}

}  // namespace finhelm::audit

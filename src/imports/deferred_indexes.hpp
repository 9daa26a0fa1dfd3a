// DeferredIndexes: a large import into SQLite builds the ledger's secondary indexes once.
//
// Storing a million lines means a million entries in each of the four secondary indexes of
// ledger_lines and ledger_transactions (by date, by account, by transaction), inserted in
// the order of the file, which is not the order of any of them. Building an index sorts
// its keys once, which costs less than keeping it current row by row while the table
// grows by more than it held (measured in docs/performance.md). So when an import brings
// more records than the table has lines, for all organizations together, the write pass
// drops these indexes, stores its rows, and creates them again -- all inside the import's
// own transaction. Other connections read the last committed snapshot (WAL), which still
// has every index; a rollback brings them back as they were. The unique indexes stay:
// they are what de-duplicates.
//
// SQLite only: in PostgreSQL, DROP INDEX locks the table against every reader until the
// transaction ends, so there an import keeps the indexes current.
#pragma once

#include <cstdint>

#include "core/result.hpp"
#include "storage/connection.hpp"
#include "storage/sql.hpp"

namespace finhelm::imports {

class DeferredIndexes {
 public:
  // Drops the indexes when it pays for an import of `incoming_records`; otherwise does
  // nothing. Call within the import's transaction.
  static Result<DeferredIndexes> DropIfWorthwhile(storage::Connection& connection,
                                                  std::int64_t incoming_records);

  bool dropped() const { return connection_ != nullptr; }

  // Creates the dropped indexes again; a no-op when none were dropped or after the first
  // call. Must run before the transaction commits.
  Status Rebuild();

 private:
  explicit DeferredIndexes(storage::Connection* connection) : connection_(connection) {}

  storage::Connection* connection_;
};

// The deferred indexes, created exactly as migration 13 wrote them (a test compares these
// statements with the schema, so that a later migration changing one cannot be undone here).
struct DeferredIndex {
  const char* name;
  storage::Sql drop;
  storage::Sql create;
};
inline constexpr DeferredIndex kDeferredIndexes[] = {
    {"ledger_lines_by_date", "DROP INDEX ledger_lines_by_date",
     "CREATE INDEX ledger_lines_by_date ON ledger_lines (organization_id, posted_on, account_id, "
     "amount)"},
    {"ledger_lines_by_account", "DROP INDEX ledger_lines_by_account",
     "CREATE INDEX ledger_lines_by_account ON ledger_lines (organization_id, account_id, "
     "posted_on)"},
    {"ledger_lines_by_transaction", "DROP INDEX ledger_lines_by_transaction",
     "CREATE INDEX ledger_lines_by_transaction ON ledger_lines (transaction_id)"},
    {"ledger_transactions_by_date", "DROP INDEX ledger_transactions_by_date",
     "CREATE INDEX ledger_transactions_by_date ON ledger_transactions (organization_id, "
     "posted_on, id)"},
};

}  // namespace finhelm::imports

#include "imports/deferred_indexes.hpp"

namespace finhelm::imports {
namespace {

// The highest line id approximates how many lines the table holds, in one B-tree seek
// where COUNT(*) would read every page. It reads no organization's data, only the table's
// size, hence cross-tenant.
constexpr storage::Sql kStoredLines =
    storage::Sql::CrossTenant("SELECT COALESCE(MAX(id), 0) FROM ledger_lines");

}  // namespace

Result<DeferredIndexes> DeferredIndexes::DropIfWorthwhile(storage::Connection& connection,
                                                          std::int64_t incoming_records) {
  if (connection.dialect() != storage::Dialect::kSqlite) return DeferredIndexes(nullptr);
  auto stored = connection.QueryOptional(kStoredLines);
  if (!stored.ok()) return stored.error();
  if (!*stored || incoming_records <= (*stored)->Int(0)) return DeferredIndexes(nullptr);
  for (const DeferredIndex& index : kDeferredIndexes) {
    if (Status dropped = connection.ExecuteScript(index.drop); !dropped.ok()) {
      return dropped.error();
    }
  }
  return DeferredIndexes(&connection);
}

Status DeferredIndexes::Rebuild() {
  if (connection_ == nullptr) return Status::Ok();
  for (const DeferredIndex& index : kDeferredIndexes) {
    if (Status created = connection_->ExecuteScript(index.create); !created.ok()) return created;
  }
  connection_ = nullptr;
  return Status::Ok();
}

}  // namespace finhelm::imports

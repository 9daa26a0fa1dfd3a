#include "storage/transaction.hpp"

#include <utility>

#include "observability/log.hpp"

namespace finhelm::storage {
namespace {

constexpr Sql kBeginSqliteWrite = "BEGIN IMMEDIATE";
constexpr Sql kBeginSqliteRead = "BEGIN DEFERRED";
constexpr Sql kBeginPostgresWrite = "BEGIN";
constexpr Sql kBeginPostgresRead = "BEGIN READ ONLY";
constexpr Sql kCommit = "COMMIT";
constexpr Sql kRollback = "ROLLBACK";

const Sql& BeginStatement(Dialect dialect, TransactionMode mode) {
  bool write = mode == TransactionMode::kReadWrite;
  if (dialect == Dialect::kSqlite) return write ? kBeginSqliteWrite : kBeginSqliteRead;
  return write ? kBeginPostgresWrite : kBeginPostgresRead;
}

}  // namespace

Result<Transaction> Transaction::Begin(Connection& connection, TransactionMode mode) {
  Status begun = connection.ExecuteScript(BeginStatement(connection.dialect(), mode));
  if (!begun.ok()) return begun.error();
  return Transaction(connection);
}

Transaction::Transaction(Transaction&& other) noexcept
    : connection_(std::exchange(other.connection_, nullptr)) {}

Transaction::~Transaction() {
  if (connection_ == nullptr) return;
  Status rolled_back = Rollback();
  if (!rolled_back.ok()) {
    log::Error("storage_rollback_failed", {{"code", ErrorCodeName(rolled_back.error().code)}});
  }
}

Status Transaction::Commit() {
  if (connection_ == nullptr) {
    return MakeError(ErrorCode::kInternal, "transaction already finished");
  }
  Status committed = connection_->ExecuteScript(kCommit);
  if (committed.ok()) connection_ = nullptr;
  return committed;
}

Status Transaction::Rollback() {
  if (connection_ == nullptr) {
    return MakeError(ErrorCode::kInternal, "transaction already finished");
  }
  Connection* connection = std::exchange(connection_, nullptr);
  return connection->ExecuteScript(kRollback);
}

}  // namespace finhelm::storage

// Transaction: RAII scope of a database transaction.
//
//   auto tx = Transaction::Begin(*connection);
//   if (!tx.ok()) return tx.error();
//   ... statements on *connection ...
//   return tx->Commit();
//
// Destroying a Transaction that was not committed rolls it back, so every early return
// undoes the work. If even the rollback fails, the connection is left inside the
// transaction, and the pool closes it instead of lending it again.
//
// On SQLite a read-write transaction starts with BEGIN IMMEDIATE: it takes the write lock
// up front (waiting up to busy_timeout) instead of failing later when a read upgrades to a
// write. Transactions do not nest.
#pragma once

#include "core/result.hpp"
#include "storage/connection.hpp"

namespace finhelm::storage {

enum class TransactionMode { kReadWrite, kReadOnly };

class Transaction {
 public:
  static Result<Transaction> Begin(Connection& connection,
                                   TransactionMode mode = TransactionMode::kReadWrite);

  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  // Makes the work durable. After a failed commit the transaction is still open and the
  // destructor rolls it back.
  Status Commit();
  Status Rollback();

 private:
  explicit Transaction(Connection& connection) : connection_(&connection) {}

  Connection* connection_;  // nullptr once committed, rolled back, or moved from
};

}  // namespace finhelm::storage

// LedgerWriter: stores an import's transactions and lines in multi-row statements.
//
// A General Ledger export of a million rows is a million lines and half a million
// transactions. One INSERT per row spends most of its time on what every statement pays
// (opening cursors on the table and its indexes, checking foreign keys, halting), so the
// writer queues rows and sends them 64 to a statement; both databases take that in one
// step. De-duplication stays where it was, in the unique indexes: a transaction whose key
// exists is looked up instead, and a line whose fingerprint exists is skipped, which is
// how the writer tells a new record from a duplicate one.
//
// Lines reference their transaction by its slot in the writer's map of keys to ids, found
// once per line; Flush writes the queued transactions first, which fills their slots, then
// the lines with those ids. The ids of every transaction this import touched stay in
// memory (about 80 bytes each with the map's node), because a General Ledger lists a
// transaction's lines in different account sections, far apart in the file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/result.hpp"
#include "imports/fingerprint.hpp"
#include "storage/org_scope.hpp"

namespace finhelm::imports {

struct PendingTransaction {
  DatedKey key{};
  std::int64_t* id = nullptr;  // its slot in the writer, filled when it is written
  std::int32_t posted_on = 0;
  std::string type;
  std::string num;
  std::string name;
  std::optional<std::int64_t> counterparty;
  std::optional<std::int32_t> due_on;
};

struct PendingLine {
  const std::int64_t* transaction_id = nullptr;  // a slot from LedgerWriter::Slot
  std::int64_t account_id = 0;
  std::int32_t posted_on = 0;
  std::int64_t amount = 0;  // debit-positive minor units
  std::string memo;
  std::optional<std::int64_t> counterparty;
  DatedKey fingerprint{};
  std::int64_t source_line = 0;
};

class LedgerWriter {
 public:
  LedgerWriter(storage::OrgScope& scope, std::int64_t import_id, std::int64_t now_unix_seconds);

  // The slot that will hold the id of the transaction with `key`, and whether this import
  // sees the key for the first time; then the caller must Queue the transaction before
  // its record is added. The slot stays where it is until the writer is destroyed.
  struct Slot {
    std::int64_t* id;
    bool first;
  };
  Slot TransactionSlot(const DatedKey& key);
  void Queue(PendingTransaction transaction);

  // Queues one record: its lines, all with the record's source line. A record is new
  // when at least one of its lines is, and a duplicate otherwise.
  Status AddRecord(std::vector<PendingLine>& lines);

  // Writes everything queued. Call once after the last record.
  Status Flush();

  std::int64_t records_new() const { return records_new_; }
  std::int64_t records_duplicate() const { return records_duplicate_; }
  std::int64_t transactions_new() const { return transactions_new_; }

 private:
  Status FlushTransactions();
  Status FlushLines();
  Status InsertTransactions(const storage::Sql& sql, std::size_t from, std::size_t rows);
  Status InsertLines(const storage::Sql& sql, std::size_t from, std::size_t rows,
                     std::unordered_set<std::int64_t>& inserted);

  storage::OrgScope& scope_;
  std::int64_t import_id_;
  std::int64_t now_;
  // The id of every transaction of this import; 0 while it is queued and not yet written.
  // A node-based map, so that slots keep their address as it grows.
  std::unordered_map<DatedKey, std::int64_t, DatedKeyHash> transaction_ids_;
  std::vector<PendingTransaction> transactions_;
  std::vector<PendingLine> lines_;
  std::vector<std::int64_t> record_lines_;  // the source line of each queued record
  std::vector<storage::Value> params_;      // reused between statements
  std::int64_t records_new_ = 0;
  std::int64_t records_duplicate_ = 0;
  std::int64_t transactions_new_ = 0;
};

}  // namespace finhelm::imports

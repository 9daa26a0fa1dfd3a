#include "imports/ledger_writer.hpp"

#include <algorithm>
#include <span>
#include <utility>

#include "storage/multi_row_sql.hpp"

namespace finhelm::imports {
namespace {

using storage::Sql;

inline constexpr char kTransactionHead[] =
    "INSERT INTO ledger_transactions (organization_id, transaction_key, posted_on, "
    "transaction_type, num, name, counterparty_id, due_on, source, import_id, created_at) "
    "VALUES ";
inline constexpr char kTransactionRow[] = "(:org_id, ?, ?, ?, ?, ?, ?, ?, 'import', ?, ?)";
inline constexpr char kTransactionTail[] =
    " ON CONFLICT (organization_id, transaction_key) DO NOTHING RETURNING id, transaction_key";
constexpr std::size_t kTransactionParams = 9;

inline constexpr char kLineHead[] =
    "INSERT INTO ledger_lines (organization_id, transaction_id, account_id, posted_on, amount, "
    "memo, counterparty_id, fingerprint, import_id, source_line) VALUES ";
inline constexpr char kLineRow[] = "(:org_id, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
inline constexpr char kLineTail[] =
    " ON CONFLICT (organization_id, fingerprint) DO NOTHING RETURNING source_line";
constexpr std::size_t kLineParams = 9;

template <const char* Head, const char* Row, const char* Tail>
struct StatementSizes {
  // A batch of any size is sent as statements of these sizes, largest first.
  static constexpr std::array<std::size_t, 4> kRows{64, 16, 4, 1};
  static constexpr std::array<Sql, 4> kSql{Sql(storage::kRepeatedRows<Head, Row, Tail, 64>.data()),
                                           Sql(storage::kRepeatedRows<Head, Row, Tail, 16>.data()),
                                           Sql(storage::kRepeatedRows<Head, Row, Tail, 4>.data()),
                                           Sql(storage::kRepeatedRows<Head, Row, Tail, 1>.data())};
};
using TransactionStatements = StatementSizes<kTransactionHead, kTransactionRow, kTransactionTail>;
using LineStatements = StatementSizes<kLineHead, kLineRow, kLineTail>;

constexpr Sql kSelectTransaction{
    "SELECT id FROM ledger_transactions WHERE organization_id = :org_id AND transaction_key = ?"};

// Lines queued before the writer flushes at the next record boundary: enough to fill
// four of the largest statements, little enough to stay a few kilobytes.
constexpr std::size_t kFlushLines = 256;

Result<DatedKey> KeyOf(const storage::Blob& bytes) {
  DatedKey key{};
  if (bytes.size() != key.size()) {
    return MakeError(ErrorCode::kInternal, "transaction key of unexpected size");
  }
  std::copy(bytes.begin(), bytes.end(), key.begin());
  return key;
}

// Calls `send(index, from, rows)` for statements covering `total` rows.
template <typename Statements, typename Send>
Status InChunks(std::size_t total, Send&& send) {
  std::size_t from = 0;
  for (std::size_t size = 0; size < Statements::kRows.size(); ++size) {
    const std::size_t rows = Statements::kRows[size];
    while (total - from >= rows) {
      if (Status sent = send(Statements::kSql[size], from, rows); !sent.ok()) return sent;
      from += rows;
    }
  }
  return Status::Ok();
}

}  // namespace

LedgerWriter::LedgerWriter(storage::OrgScope& scope, std::int64_t import_id,
                           std::int64_t now_unix_seconds)
    : scope_(scope), import_id_(import_id), now_(now_unix_seconds) {}

LedgerWriter::Slot LedgerWriter::TransactionSlot(const DatedKey& key) {
  auto [slot, first] = transaction_ids_.try_emplace(key, 0);
  return {&slot->second, first};
}

void LedgerWriter::Queue(PendingTransaction transaction) {
  transactions_.push_back(std::move(transaction));
}

Status LedgerWriter::AddRecord(std::vector<PendingLine>& lines) {
  if (lines.empty()) return Status::Ok();
  record_lines_.push_back(lines.front().source_line);
  for (PendingLine& line : lines) lines_.push_back(std::move(line));
  lines.clear();
  if (lines_.size() >= kFlushLines) return Flush();
  return Status::Ok();
}

Status LedgerWriter::Flush() {
  if (Status written = FlushTransactions(); !written.ok()) return written;
  return FlushLines();
}

Status LedgerWriter::FlushTransactions() {
  Status sent = InChunks<TransactionStatements>(
      transactions_.size(), [&](const Sql& sql, std::size_t from, std::size_t rows) {
        return InsertTransactions(sql, from, rows);
      });
  if (!sent.ok()) return sent;
  // Those the database did not return existed before this import.
  for (const PendingTransaction& transaction : transactions_) {
    std::int64_t& id = *transaction.id;
    if (id != 0) continue;
    auto existing = scope_.QueryOptional(kSelectTransaction, {BlobOf(transaction.key)});
    if (!existing.ok()) return existing.error();
    if (!*existing) return MakeError(ErrorCode::kInternal, "transaction vanished");
    id = (*existing)->Int(0);
  }
  transactions_.clear();
  return Status::Ok();
}

Status LedgerWriter::InsertTransactions(const Sql& sql, std::size_t from, std::size_t rows) {
  params_.clear();
  params_.reserve(rows * kTransactionParams);
  for (std::size_t i = from; i < from + rows; ++i) {
    const PendingTransaction& transaction = transactions_[i];
    params_.emplace_back(BlobOf(transaction.key));
    params_.emplace_back(transaction.posted_on);
    params_.emplace_back(transaction.type);
    params_.emplace_back(transaction.num);
    params_.emplace_back(transaction.name);
    params_.emplace_back(transaction.counterparty);
    params_.emplace_back(transaction.due_on);
    params_.emplace_back(import_id_);
    params_.emplace_back(now_);
  }
  auto inserted = scope_.QueryRows(sql, params_);
  if (!inserted.ok()) return inserted.error();
  for (const storage::Row& row : *inserted) {
    auto key = KeyOf(row.Bytes(1));
    if (!key.ok()) return key.error();
    auto slot = transaction_ids_.find(*key);
    if (slot == transaction_ids_.end()) return MakeError(ErrorCode::kInternal, "unknown key");
    slot->second = row.Int(0);
    ++transactions_new_;
  }
  return Status::Ok();
}

Status LedgerWriter::FlushLines() {
  std::unordered_set<std::int64_t> inserted;
  Status sent = InChunks<LineStatements>(lines_.size(),
                                         [&](const Sql& sql, std::size_t from, std::size_t rows) {
                                           return InsertLines(sql, from, rows, inserted);
                                         });
  if (!sent.ok()) return sent;
  for (std::int64_t line : record_lines_) {
    ++(inserted.contains(line) ? records_new_ : records_duplicate_);
  }
  lines_.clear();
  record_lines_.clear();
  return Status::Ok();
}

Status LedgerWriter::InsertLines(const Sql& sql, std::size_t from, std::size_t rows,
                                 std::unordered_set<std::int64_t>& inserted) {
  params_.clear();
  params_.reserve(rows * kLineParams);
  for (std::size_t i = from; i < from + rows; ++i) {
    PendingLine& line = lines_[i];
    const std::int64_t transaction_id = *line.transaction_id;
    if (transaction_id == 0) return MakeError(ErrorCode::kInternal, "line before transaction");
    params_.emplace_back(transaction_id);
    params_.emplace_back(line.account_id);
    params_.emplace_back(line.posted_on);
    params_.emplace_back(line.amount);
    params_.emplace_back(std::move(line.memo));
    params_.emplace_back(line.counterparty);
    params_.emplace_back(BlobOf(line.fingerprint));
    params_.emplace_back(import_id_);
    params_.emplace_back(line.source_line);
  }
  auto added = scope_.QueryRows(sql, params_);
  if (!added.ok()) return added.error();
  for (const storage::Row& row : *added) inserted.insert(row.Int(0));
  return Status::Ok();
}

}  // namespace finhelm::imports

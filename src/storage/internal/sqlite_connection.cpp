#include "storage/internal/sqlite_connection.hpp"

#include <sqlite3.h>

#include <string>
#include <utility>

namespace finhelm::storage::internal {
namespace {

ErrorCode MapSqliteCode(int code) {
  switch (code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return ErrorCode::kConflict;
    default:
      break;
  }
  switch (code & 0xff) {
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG:
      return ErrorCode::kInvalidArgument;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_PROTOCOL:
      return ErrorCode::kUnavailable;
    case SQLITE_FULL:
    case SQLITE_NOMEM:
      return ErrorCode::kResourceExhausted;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return ErrorCode::kDataLoss;
    default:
      return ErrorCode::kInternal;
  }
}

bool OnlyWhitespace(const char* begin, const char* end) {
  for (const char* c = begin; c < end; ++c) {
    if (*c != ' ' && *c != '\n' && *c != '\t' && *c != '\r') return false;
  }
  return true;
}

Status Bind(sqlite3_stmt* statement, int index, const Value& value) {
  int rc = SQLITE_OK;
  // A null destructor is SQLITE_STATIC: the values outlive the statement's execution.
  switch (value.type()) {
    case Value::Type::kNull:
      rc = sqlite3_bind_null(statement, index);
      break;
    case Value::Type::kInt:
      rc = sqlite3_bind_int64(statement, index, value.AsInt());
      break;
    case Value::Type::kText:
      rc = sqlite3_bind_text64(statement, index, value.AsText().data(), value.AsText().size(),
                               nullptr, SQLITE_UTF8);
      break;
    case Value::Type::kBlob:
      // An empty vector's data() may be null, which SQLite would bind as NULL.
      rc = value.AsBlob().empty() ? sqlite3_bind_zeroblob(statement, index, 0)
                                  : sqlite3_bind_blob64(statement, index, value.AsBlob().data(),
                                                        value.AsBlob().size(), nullptr);
      break;
  }
  if (rc != SQLITE_OK) return MakeError(MapSqliteCode(rc), sqlite3_errstr(rc));
  return Status::Ok();
}

Value ReadColumn(sqlite3_stmt* statement, int column) {
  switch (sqlite3_column_type(statement, column)) {
    case SQLITE_INTEGER:
      return Value(sqlite3_column_int64(statement, column));
    case SQLITE_BLOB: {
      const auto* bytes = static_cast<const std::uint8_t*>(sqlite3_column_blob(statement, column));
      auto size = static_cast<std::size_t>(sqlite3_column_bytes(statement, column));
      return Value(bytes == nullptr ? Blob() : Blob(bytes, bytes + size));
    }
    case SQLITE_NULL:
      return Value();
    default: {  // TEXT, and FLOAT rendered as text (FinHelm stores no floating point).
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
      auto size = static_cast<std::size_t>(sqlite3_column_bytes(statement, column));
      return Value(std::string(text == nullptr ? "" : text, size));
    }
  }
}

constexpr int kStatementJournalSpillBytes = -1;

}  // namespace

void SqliteConnection::Closer::operator()(sqlite3* db) const { sqlite3_close_v2(db); }

Result<std::unique_ptr<Connection>> SqliteConnection::Open(const std::string& path,
                                                           std::chrono::milliseconds busy_timeout) {
  // Before SQLite initializes, once: a statement that writes many rows keeps a journal of
  // the pages it changes, to undo itself alone if it fails. SQLite spills that journal to
  // a temporary file past 64 KiB; a 64-row insert into an indexed table journals a few
  // megabytes, so it is kept in memory (a bulk import wrote 800,000 pages to disk before).
  // -1, never spill, rather than a larger threshold: with any threshold above 64 KiB,
  // SQLite 3.40 fails CREATE INDEX over a million rows inside a transaction with
  // SQLITE_FULL (imports/deferred_indexes.hpp builds indexes that way).
  static const int kStatementJournalInMemory =
      sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, kStatementJournalSpillBytes);
  (void)kStatementJournalInMemory;  // SQLITE_MISUSE if something initialized SQLite first.
  sqlite3* raw = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  std::unique_ptr<sqlite3, Closer> db(raw);
  if (rc != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db.get()) : sqlite3_errstr(rc);
    return MakeError(MapSqliteCode(rc), "sqlite open failed: " + message);
  }
  sqlite3_extended_result_codes(db.get(), 1);
  // Set first, so that the pragmas below wait for a writer instead of failing.
  sqlite3_busy_timeout(db.get(), static_cast<int>(busy_timeout.count()));
  std::unique_ptr<SqliteConnection> connection(new SqliteConnection(std::move(db)));
  Status pragmas = connection->RunScript(
      "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;");
  if (!pragmas.ok()) return pragmas.error();
  return std::unique_ptr<Connection>(std::move(connection));
}

bool SqliteConnection::ReusableNow() { return sqlite3_get_autocommit(db_.get()) != 0; }

Error SqliteConnection::LastError(int code) const {
  return MakeError(MapSqliteCode(code), std::string("sqlite: ") + sqlite3_errmsg(db_.get()) + " (" +
                                            std::to_string(code) + ")");
}

void SqliteConnection::StatementCloser::operator()(sqlite3_stmt* statement) const {
  sqlite3_finalize(statement);
}

Result<sqlite3_stmt*> SqliteConnection::Prepare(std::string_view sql) {
  constexpr std::size_t kMaxCachedStatements = 256;
  std::string key(sql);
  if (auto found = statements_.find(key); found != statements_.end()) return found->second.get();
  sqlite3_stmt* raw = nullptr;
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &raw, &tail);
  CachedStatement statement(raw);
  if (rc != SQLITE_OK) return LastError(sqlite3_extended_errcode(db_.get()));
  if (!statement) return MakeError(ErrorCode::kInternal, "empty statement");
  if (!OnlyWhitespace(tail, sql.data() + sql.size())) {
    return MakeError(ErrorCode::kInternal, "one statement per call; use ExecuteScript");
  }
  if (statements_.size() >= kMaxCachedStatements) statements_.clear();
  return statements_.emplace(std::move(key), std::move(statement)).first->second.get();
}

Result<StatementResult> SqliteConnection::RunStatement(std::string_view sql,
                                                       std::span<const Value* const> params) {
  auto prepared = Prepare(sql);
  if (!prepared.ok()) return prepared.error();
  // Reset and unbound however this call ends, ready for the next one.
  struct Rewind {
    sqlite3_stmt* statement;
    ~Rewind() {
      sqlite3_reset(statement);
      sqlite3_clear_bindings(statement);
    }
  } rewind{*prepared};
  sqlite3_stmt* statement = *prepared;
  for (std::size_t i = 0; i < params.size(); ++i) {
    Status bound = Bind(statement, static_cast<int>(i + 1), *params[i]);
    if (!bound.ok()) return bound.error();
  }

  StatementResult result;
  const int columns = sqlite3_column_count(statement);
  while (true) {
    int rc = sqlite3_step(statement);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) return LastError(sqlite3_extended_errcode(db_.get()));
    std::vector<Value> values;
    values.reserve(static_cast<std::size_t>(columns));
    for (int column = 0; column < columns; ++column) {
      values.push_back(ReadColumn(statement, column));
    }
    result.rows.emplace_back(std::move(values));
  }
  if (sqlite3_stmt_readonly(statement) == 0) {
    result.affected_rows = sqlite3_changes64(db_.get());
  }
  return result;
}

Status SqliteConnection::RunScript(std::string_view sql) {
  std::string text(sql);
  int rc = sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return LastError(sqlite3_extended_errcode(db_.get()));
  return Status::Ok();
}

}  // namespace finhelm::storage::internal

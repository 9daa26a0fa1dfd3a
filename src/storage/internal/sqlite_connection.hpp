// SqliteConnection: Connection over SQLite's C API. Internal to storage.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <unordered_map>

#include "core/result.hpp"
#include "storage/connection.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace finhelm::storage::internal {

class SqliteConnection final : public Connection {
 public:
  // Opens (creating if needed) the database file at `path` with FinHelm's settings: WAL
  // journal, foreign keys enforced, synchronous=NORMAL, and `busy_timeout` of waiting for
  // another writer before failing with kUnavailable.
  static Result<std::unique_ptr<Connection>> Open(const std::string& path,
                                                  std::chrono::milliseconds busy_timeout);

  Dialect dialect() const override { return Dialect::kSqlite; }
  bool ReusableNow() override;

 protected:
  Result<StatementResult> RunStatement(std::string_view sql,
                                       std::span<const Value* const> params) override;
  Status RunScript(std::string_view sql) override;

 private:
  struct Closer {
    void operator()(sqlite3* db) const;
  };
  explicit SqliteConnection(std::unique_ptr<sqlite3, Closer> db) : db_(std::move(db)) {}

  struct StatementCloser {
    void operator()(sqlite3_stmt* statement) const;
  };
  using CachedStatement = std::unique_ptr<sqlite3_stmt, StatementCloser>;

  Error LastError(int code) const;
  // The prepared statement for `sql`, from the cache or prepared now (and cached).
  Result<sqlite3_stmt*> Prepare(std::string_view sql);

  // Declared before the cache: statements must be finalized before the database closes.
  std::unique_ptr<sqlite3, Closer> db_;
  // Prepared statements by text. FinHelm's statements are a fixed set of constants, so
  // the cache stays small; a bulk import runs each of its few statements a million times
  // and prepares each once. Cleared whole if it ever grows past kMaxCachedStatements.
  std::unordered_map<std::string, CachedStatement> statements_;
};

}  // namespace finhelm::storage::internal

// SqliteConnection: Connection over SQLite's C API. Internal to storage.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "core/result.hpp"
#include "storage/connection.hpp"

struct sqlite3;

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

  Error LastError(int code) const;

  std::unique_ptr<sqlite3, Closer> db_;
};

}  // namespace finhelm::storage::internal

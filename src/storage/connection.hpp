// Connection: one session with SQLite or PostgreSQL, behind one interface.
//
// Connections come from a Database's pool (database.hpp) and are used by one thread at a
// time. Every statement is an Sql constant with bound parameters (sql.hpp); the
// connection translates the neutral placeholders for its dialect, checks the tenant-scope
// rules, and maps database failures onto ErrorCode:
//   unique or foreign-key violation          -> kConflict
//   NOT NULL or CHECK violation, bad value   -> kInvalidArgument
//   busy, locked, deadlock, connection lost  -> kUnavailable (retrying may succeed)
//   disk full, too many connections          -> kResourceExhausted
//   corrupt database                         -> kDataLoss
//   anything else (a bug in a statement)     -> kInternal
// Error messages carry the database's primary message and code for the log, never the
// values that were bound.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.hpp"
#include "storage/sql.hpp"
#include "storage/value.hpp"

namespace finhelm::storage {

enum class Dialect { kSqlite, kPostgres };

// "sqlite" or "postgresql", for logs and metrics.
const char* DialectName(Dialect dialect);

inline const Sql& ForDialect(const DialectSql& statement, Dialect dialect) {
  return dialect == Dialect::kSqlite ? statement.sqlite : statement.postgres;
}

using Params = std::initializer_list<Value>;

struct StatementResult {
  std::vector<Row> rows;
  std::int64_t affected_rows = 0;  // rows inserted, updated or deleted
};

class OrgScope;

class Connection {
 public:
  virtual ~Connection() = default;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  virtual Dialect dialect() const = 0;

  // Runs one statement and returns its rows (a SELECT, or a write with RETURNING).
  Result<std::vector<Row>> Query(const Sql& sql, Params params = {});
  // Returns the first row of the result, or nullopt when there is none.
  Result<std::optional<Row>> QueryOptional(const Sql& sql, Params params = {});
  // Runs one statement and returns the number of rows it changed.
  Result<std::int64_t> Execute(const Sql& sql, Params params = {});
  // Runs a script of several statements without parameters: schema changes and
  // transaction control. Tenant-scope rules apply as for single statements.
  Status ExecuteScript(const Sql& script);

  // Whether the pool may hand this connection out again: still open and outside any
  // transaction. A connection that fails this is closed instead of reused.
  virtual bool ReusableNow() = 0;

 protected:
  Connection() = default;

  // Runs one statement whose placeholders are already in the dialect's own form.
  virtual Result<StatementResult> RunStatement(std::string_view sql,
                                               std::span<const Value* const> params) = 0;
  virtual Status RunScript(std::string_view sql) = 0;

 private:
  friend class OrgScope;

  // The single entry point of every statement: checks scope and parameter count,
  // translates placeholders, and binds `organization` at each :org_id.
  Result<StatementResult> Run(const Sql& sql, std::span<const Value> params,
                              const Value* organization);

  // A statement in the dialect's own placeholders, and where each takes its value from:
  // the index of a positional parameter, or -1 for the organization.
  struct Translation {
    std::string text;
    std::vector<int> sources;
  };
  Translation Translate(const Sql& sql) const;

  // By the address of the statement's text: Sql texts are string literals, so one
  // address is always one statement.
  std::unordered_map<const char*, Translation> translations_;
};

}  // namespace finhelm::storage

// Numbered schema migrations.
//
// Each migration is a numbered script, one per file in storage/migrations/, listed in
// order in migrations/catalog.cpp; it has a text per dialect where SQLite and PostgreSQL
// differ (identity columns, BLOB vs BYTEA). Applied versions are recorded in the table
// `schema_migrations` with the SHA-256 of the script that ran.
//
// Rules for writing one: never edit a migration once it has shipped -- add a new one.
// Times are BIGINT Unix seconds (`*_at`) or milliseconds (`*_ms`); ids are BIGINT.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "storage/connection.hpp"
#include "storage/sql.hpp"

namespace finhelm::storage {

class Database;

struct Migration {
  std::int64_t version = 0;  // 1, 2, 3, ... without gaps
  std::string_view name;
  DialectSql script;
};

struct MigrationState {
  std::int64_t applied_version = 0;  // highest applied; 0 on an empty database
  std::int64_t latest_version = 0;   // highest this binary knows
  bool up_to_date() const { return applied_version == latest_version; }
};

// The migrations compiled into FinHelm, in order.
std::span<const Migration> BuiltInMigrations();

// Applies every migration not yet applied, in order, each in its own transaction together
// with its row in schema_migrations. Idempotent, and safe to run from several processes
// at once (SQLite's write lock, a PostgreSQL advisory lock). Fails with kDataLoss when an
// applied migration's checksum no longer matches its script (it was edited), and with
// kConflict when the database has a migration this binary does not know (it is newer).
Status Migrate(Database& database);
Status Migrate(Database& database, std::span<const Migration> migrations);

// Reads what is applied, with the same checks as Migrate; for /readyz and `finhelm migrate
// --status`.
Result<MigrationState> CurrentState(Database& database);
Result<MigrationState> CurrentState(Database& database, std::span<const Migration> migrations);

// Lower-case hex SHA-256 of the migration's script for `dialect`.
std::string MigrationChecksum(const Migration& migration, Dialect dialect);

}  // namespace finhelm::storage

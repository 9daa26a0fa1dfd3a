#include "storage/migration.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "observability/log.hpp"
#include "storage/database.hpp"
#include "storage/transaction.hpp"

namespace finhelm::storage {
namespace {

constexpr DialectSql kLedgerExists = {
    .sqlite =
        "SELECT COUNT(*) FROM sqlite_master "
        "WHERE type = 'table' AND name = 'schema_migrations'",
    .postgres =
        "SELECT COUNT(*) FROM pg_catalog.pg_tables "
        "WHERE schemaname = current_schema() AND tablename = 'schema_migrations'",
};
constexpr Sql kSelectApplied = "SELECT version, checksum FROM schema_migrations ORDER BY version";
constexpr Sql kSelectChecksum = "SELECT checksum FROM schema_migrations WHERE version = ?";
constexpr Sql kInsertApplied =
    "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)";
// Serializes migrating processes on PostgreSQL until the transaction ends; SQLite's
// BEGIN IMMEDIATE already does. The key is an arbitrary constant owned by FinHelm.
constexpr Sql kPostgresMigrationLock = "SELECT pg_advisory_xact_lock(4611686018427387903)";

Status CheckCatalog(std::span<const Migration> migrations) {
  for (std::size_t i = 0; i < migrations.size(); ++i) {
    if (migrations[i].version != static_cast<std::int64_t>(i + 1)) {
      return MakeError(ErrorCode::kInternal, "migrations must be numbered 1, 2, 3, ...");
    }
  }
  return Status::Ok();
}

// Compares one applied row with the catalog.
Status CheckApplied(std::span<const Migration> migrations, Dialect dialect, std::int64_t version,
                    const std::string& checksum) {
  if (version < 1 || version > static_cast<std::int64_t>(migrations.size())) {
    return MakeError(ErrorCode::kConflict, "database has migration " + std::to_string(version) +
                                               ", unknown to this binary");
  }
  const Migration& migration = migrations[static_cast<std::size_t>(version - 1)];
  if (MigrationChecksum(migration, dialect) != checksum) {
    return MakeError(ErrorCode::kDataLoss, "applied migration " + std::to_string(version) + " (" +
                                               std::string(migration.name) +
                                               ") no longer matches its checksum");
  }
  return Status::Ok();
}

Result<std::int64_t> VerifyApplied(Connection& connection, std::span<const Migration> migrations) {
  auto exists = connection.QueryOptional(ForDialect(kLedgerExists, connection.dialect()));
  if (!exists.ok()) return exists.error();
  if (!exists->has_value() || (*exists)->Int(0) == 0) return std::int64_t{0};
  auto applied = connection.Query(kSelectApplied);
  if (!applied.ok()) return applied.error();
  std::int64_t highest = 0;
  for (const Row& row : *applied) {
    Status matches = CheckApplied(migrations, connection.dialect(), row.Int(0), row.Text(1));
    if (!matches.ok()) return matches.error();
    highest = std::max(highest, row.Int(0));
  }
  return highest;
}

// Applies `migration` unless another process did it first; all in one transaction.
Status ApplyOne(Connection& connection, std::span<const Migration> migrations,
                const Migration& migration) {
  auto tx = Transaction::Begin(connection);
  if (!tx.ok()) return tx.error();
  const Dialect dialect = connection.dialect();
  if (dialect == Dialect::kPostgres) {
    auto locked = connection.Query(kPostgresMigrationLock);
    if (!locked.ok()) return locked.error();
  }
  // Migration 1 creates the ledger itself; its script is idempotent, so it runs first.
  const bool creates_ledger = migration.version == 1;
  if (creates_ledger) {
    if (Status ran = connection.ExecuteScript(ForDialect(migration.script, dialect)); !ran.ok()) {
      return ran;
    }
  }
  auto applied = connection.QueryOptional(kSelectChecksum, {migration.version});
  if (!applied.ok()) return applied.error();
  if (applied->has_value()) {
    return CheckApplied(migrations, dialect, migration.version, (*applied)->Text(0));
  }
  if (!creates_ledger) {
    if (Status ran = connection.ExecuteScript(ForDialect(migration.script, dialect)); !ran.ok()) {
      return ran;
    }
  }
  SystemClock clock;
  auto recorded = connection.Execute(
      kInsertApplied, {migration.version, migration.name, MigrationChecksum(migration, dialect),
                       clock.NowUnixSeconds()});
  if (!recorded.ok()) return recorded.error();
  Status committed = tx->Commit();
  if (committed.ok()) {
    log::Info("storage_migration_applied",
              {{"version", migration.version}, {"name", migration.name}});
  }
  return committed;
}

}  // namespace

std::string MigrationChecksum(const Migration& migration, Dialect dialect) {
  std::string_view text = ForDialect(migration.script, dialect).text();
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  EVP_Digest(text.data(), text.size(), digest.data(), &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xf];
  }
  return hex;
}

Status Migrate(Database& database) { return Migrate(database, BuiltInMigrations()); }

Status Migrate(Database& database, std::span<const Migration> migrations) {
  if (Status catalog = CheckCatalog(migrations); !catalog.ok()) return catalog;
  auto connection = database.Acquire();
  if (!connection.ok()) return connection.error();
  // Checks every applied migration before changing anything.
  auto applied = VerifyApplied(**connection, migrations);
  if (!applied.ok()) return applied.error();
  for (const Migration& migration : migrations) {
    if (migration.version <= *applied) continue;
    Status done = ApplyOne(**connection, migrations, migration);
    if (!done.ok()) {
      log::Error("storage_migration_failed",
                 {{"version", migration.version}, {"code", ErrorCodeName(done.error().code)}});
      return done;
    }
  }
  return Status::Ok();
}

Result<MigrationState> CurrentState(Database& database) {
  return CurrentState(database, BuiltInMigrations());
}

Result<MigrationState> CurrentState(Database& database, std::span<const Migration> migrations) {
  if (Status catalog = CheckCatalog(migrations); !catalog.ok()) return catalog.error();
  auto connection = database.Acquire();
  if (!connection.ok()) return connection.error();
  auto applied = VerifyApplied(**connection, migrations);
  if (!applied.ok()) return applied.error();
  return MigrationState{*applied, static_cast<std::int64_t>(migrations.size())};
}

}  // namespace finhelm::storage

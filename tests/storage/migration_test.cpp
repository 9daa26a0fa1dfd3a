#include "storage/migration.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "storage/tenant_tables.hpp"
#include "tests/storage/test_database.hpp"

namespace finhelm::storage {
namespace {

using testing::Backend;
using testing::BackendTest;

constexpr Sql kCountApplied = "SELECT COUNT(*) FROM schema_migrations";
constexpr DialectSql kTablesWithOrganizationId = {
    .sqlite =
        "SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) c "
        "WHERE m.type = 'table' AND c.name = 'organization_id'",
    .postgres =
        "SELECT table_name FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND column_name = 'organization_id'",
};

// The number of built-in migrations: the version an extra migration comes after.
std::int64_t BuiltInCount() { return static_cast<std::int64_t>(BuiltInMigrations().size()); }

// The built-in migrations plus one more, numbered after them, to test what happens to
// later versions.
std::vector<Migration> WithExtraMigration(Migration extra) {
  std::vector<Migration> all(BuiltInMigrations().begin(), BuiltInMigrations().end());
  extra.version = BuiltInCount() + 1;
  all.push_back(extra);
  return all;
}

constexpr Migration kExtra{
    .version = 0,  // Numbered by WithExtraMigration.
    .name = "extra",
    .script = Portable("CREATE TABLE extra (id BIGINT PRIMARY KEY)"),
};
constexpr Migration kExtraEdited{
    .version = 0,  // Numbered by WithExtraMigration.
    .name = "extra",
    .script = Portable("CREATE TABLE extra (id BIGINT PRIMARY KEY, edited TEXT)"),
};

using MigrationTest = BackendTest;  // SetUp has already migrated once

TEST_P(MigrationTest, FreshDatabaseIsUpToDate) {
  auto state = CurrentState(database());
  ASSERT_TRUE(state.ok()) << state.error().message;
  EXPECT_EQ(state->applied_version, static_cast<std::int64_t>(BuiltInMigrations().size()));
  EXPECT_TRUE(state->up_to_date());
}

TEST_P(MigrationTest, MigrateIsIdempotent) {
  ASSERT_TRUE(Migrate(database()).ok());
  ASSERT_TRUE(Migrate(database()).ok());
  auto connection = database().Acquire();
  auto count = (*connection)->QueryOptional(kCountApplied);
  ASSERT_TRUE(count.ok());
  EXPECT_EQ((*count)->Int(0), static_cast<std::int64_t>(BuiltInMigrations().size()));
}

TEST_P(MigrationTest, NewMigrationIsPendingThenApplied) {
  auto extended = WithExtraMigration(kExtra);
  auto before = CurrentState(database(), extended);
  ASSERT_TRUE(before.ok());
  EXPECT_FALSE(before->up_to_date());
  EXPECT_EQ(before->latest_version, BuiltInCount() + 1);
  ASSERT_TRUE(Migrate(database(), extended).ok());
  auto after = CurrentState(database(), extended);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->applied_version, BuiltInCount() + 1);
}

TEST_P(MigrationTest, EditedAppliedMigrationIsDataLoss) {
  ASSERT_TRUE(Migrate(database(), WithExtraMigration(kExtra)).ok());
  Status migrated = Migrate(database(), WithExtraMigration(kExtraEdited));
  ASSERT_FALSE(migrated.ok());
  EXPECT_EQ(migrated.error().code, ErrorCode::kDataLoss);
  auto state = CurrentState(database(), WithExtraMigration(kExtraEdited));
  ASSERT_FALSE(state.ok());
  EXPECT_EQ(state.error().code, ErrorCode::kDataLoss);
}

TEST_P(MigrationTest, DatabaseNewerThanBinaryIsConflict) {
  ASSERT_TRUE(Migrate(database(), WithExtraMigration(kExtra)).ok());
  auto state = CurrentState(database());
  ASSERT_FALSE(state.ok());
  EXPECT_EQ(state.error().code, ErrorCode::kConflict);
}

TEST_P(MigrationTest, FailingMigrationLeavesNoTrace) {
  constexpr Migration kBroken{
      .version = 0,  // Numbered by WithExtraMigration.
      .name = "broken",
      .script = Portable("CREATE TABLE half_done (id BIGINT); SELECT no_such_column FROM jobs2"),
  };
  EXPECT_FALSE(Migrate(database(), WithExtraMigration(kBroken)).ok());
  auto state = CurrentState(database(), WithExtraMigration(kBroken));
  ASSERT_TRUE(state.ok());
  EXPECT_EQ(state->applied_version, BuiltInCount());
  ASSERT_TRUE(Migrate(database(), WithExtraMigration(kExtra)).ok()) << "half_done rolled back";
}

// proves ACL-4: every table with an organization_id column is known as a tenant table.
TEST_P(MigrationTest, TenantTableListMatchesSchema) {
  auto connection = database().Acquire();
  auto rows = (*connection)->Query(ForDialect(kTablesWithOrganizationId, database().dialect()));
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  std::set<std::string> in_schema;
  for (const Row& row : *rows) in_schema.insert(row.Text(0));
  std::set<std::string> declared(kTenantTables.begin(), kTenantTables.end());
  EXPECT_EQ(in_schema, declared);
}

TEST(StorageMigrationCatalog, ChecksumsDifferPerTextAndAreStable) {
  EXPECT_EQ(MigrationChecksum(kExtra, Dialect::kSqlite).size(), 64u);
  EXPECT_EQ(MigrationChecksum(kExtra, Dialect::kSqlite),
            MigrationChecksum(kExtra, Dialect::kPostgres));
  EXPECT_NE(MigrationChecksum(kExtra, Dialect::kSqlite),
            MigrationChecksum(kExtraEdited, Dialect::kSqlite));
  const Migration& organizations = BuiltInMigrations()[1];
  EXPECT_NE(MigrationChecksum(organizations, Dialect::kSqlite),
            MigrationChecksum(organizations, Dialect::kPostgres));
}

INSTANTIATE_TEST_SUITE_P(storage, MigrationTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);

}  // namespace
}  // namespace finhelm::storage

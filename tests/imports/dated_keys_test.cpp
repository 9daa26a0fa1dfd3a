// Transaction keys and line fingerprints led by their posting date (fingerprint.hpp),
// migration 15 that converts the keys stored before them, and the secondary indexes a
// large SQLite import drops and builds again (deferred_indexes.hpp), on both backends.
#include <gtest/gtest.h>
#include <sodium.h>

#include <sstream>
#include <string>

#include "demo/demo_company.hpp"
#include "demo/general_ledger_csv.hpp"
#include "imports/deferred_indexes.hpp"
#include "imports/fingerprint.hpp"
#include "storage/migration.hpp"
#include "storage/transaction.hpp"
#include "tests/imports/import_fixture.hpp"

namespace finhelm::imports {
namespace {

using storage::Sql;
using storage::testing::Backend;

// What the database held before migration 15: the digest alone, without the date.
constexpr storage::DialectSql kUndateTransactionKeys{
    Sql::CrossTenant("UPDATE ledger_transactions SET transaction_key = substr(transaction_key, 9)"),
    Sql::CrossTenant(
        "UPDATE ledger_transactions SET transaction_key = substring(transaction_key from 9)")};
constexpr storage::DialectSql kUndateFingerprints{
    Sql::CrossTenant("UPDATE ledger_lines SET fingerprint = substr(fingerprint, 9)"),
    Sql::CrossTenant("UPDATE ledger_lines SET fingerprint = substring(fingerprint from 9)")};
constexpr Sql kForgetMigration15{"DELETE FROM schema_migrations WHERE version = 15"};
constexpr Sql kLineKeys{
    "SELECT fingerprint, posted_on FROM ledger_lines WHERE organization_id = :org_id"};
constexpr Sql kTransactionKeys{
    "SELECT transaction_key, posted_on FROM ledger_transactions WHERE organization_id = :org_id"};
constexpr Sql kIndexText{"SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?"};

std::string DemoQuarterCsv() {
  demo::DemoOptions options;
  options.last_day = *CalendarDate::FromParts(2026, 12, 31);
  auto ledger = demo::GenerateDemoCompany(options);
  EXPECT_TRUE(ledger.ok());
  const CalendarDate last = *CalendarDate::FromParts(2024, 3, 31);
  std::erase_if(ledger->transactions,
                [&](const auto& transaction) { return last < transaction.date; });
  std::ostringstream out;
  EXPECT_TRUE(demo::WriteGeneralLedgerCsv(*ledger, out).ok());
  return out.str();
}

std::string DateDigits(std::int64_t posted_on) { return std::to_string(posted_on); }

class DatedKeys : public testing::ImportFixture {
 protected:
  // Every key of `sql` in the organization is its date's digits and then 16 bytes.
  void ExpectDated(const Sql& sql) {
    auto connection = database().Acquire();
    ASSERT_TRUE(connection.ok());
    storage::OrgScope scope(**connection, org_);
    auto rows = scope.Query(sql);
    ASSERT_TRUE(rows.ok());
    ASSERT_FALSE(rows->empty());
    for (const storage::Row& row : *rows) {
      const storage::Blob& key = row.Bytes(0);
      ASSERT_EQ(key.size(), kKeyBytes);
      EXPECT_EQ(std::string(key.begin(), key.begin() + kKeyDateBytes), DateDigits(row.Int(1)));
    }
  }
};

TEST(DatedKey, IsTheDateDigitsAndTheBlake2bDigestOfTheGroup) {
  const std::string group =
      "20240105\x1fInvoice\x1f"
      "1042\x1f"
      "Acme";
  const DatedKey key = TransactionKey(20240105, group);
  EXPECT_EQ(std::string(key.begin(), key.begin() + kKeyDateBytes), "20240105");
  unsigned char digest[kKeyDigestBytes];
  ASSERT_EQ(crypto_generichash(digest, sizeof digest,
                               reinterpret_cast<const unsigned char*>(group.data()), group.size(),
                               nullptr, 0),
            0);
  EXPECT_TRUE(std::equal(std::begin(digest), std::end(digest), key.begin() + kKeyDateBytes));
  EXPECT_EQ(BlobOf(key).size(), kKeyBytes);
}

TEST(DatedKey, EqualLinesOfOneDayGetDifferentFingerprints) {
  LineFingerprinter fingerprinter;
  const DatedKey first = fingerprinter.Fingerprint("g", "Checking", 20240105, "fee", -500);
  const DatedKey second = fingerprinter.Fingerprint("g", "Checking", 20240105, "fee", -500);
  EXPECT_NE(first, second);
  LineFingerprinter again;  // a later export of the same day finds both
  EXPECT_EQ(again.Fingerprint("g", "Checking", 20240105, "fee", -500), first);
  EXPECT_EQ(again.Fingerprint("g", "Checking", 20240105, "fee", -500), second);
}

TEST_P(DatedKeys, MigrationFifteenDatesStoredKeysSoThatReimportsFindThem) {
  const auto path = Write("quarter.csv", DemoQuarterCsv());
  const ImportReport first = Import(Source(path), org_);
  ASSERT_TRUE(first.clean());
  ASSERT_GT(first.rows_new, 100);
  {
    auto connection = database().Acquire();
    ASSERT_TRUE(connection.ok());
    const auto dialect = (*connection)->dialect();
    ASSERT_TRUE((*connection)->Execute(storage::ForDialect(kUndateTransactionKeys, dialect)).ok());
    ASSERT_TRUE((*connection)->Execute(storage::ForDialect(kUndateFingerprints, dialect)).ok());
    ASSERT_TRUE((*connection)->Execute(kForgetMigration15).ok());
  }
  ASSERT_TRUE(storage::Migrate(database()).ok());
  ExpectDated(kLineKeys);
  ExpectDated(kTransactionKeys);

  const ImportReport again = Import(Source(path), org_);
  ASSERT_TRUE(again.clean());
  EXPECT_EQ(again.rows_new, 0);
  EXPECT_EQ(again.rows_duplicate, first.rows_new);
  EXPECT_EQ(again.transactions_new, 0);
  EXPECT_EQ(CountLines(org_), first.rows_new);
}

class DeferredIndexesTest : public testing::ImportFixture {
 protected:
  std::optional<std::string> IndexText(storage::Connection& connection, const char* name) {
    auto row = connection.QueryOptional(kIndexText, {name});
    EXPECT_TRUE(row.ok());
    if (!row.ok() || !*row) return std::nullopt;
    return (*row)->Text(0);
  }
};

TEST_P(DeferredIndexesTest, OnlySqliteDropsThemAndOnlyForAnImportLargerThanTheTable) {
  auto connection = database().Acquire();
  ASSERT_TRUE(connection.ok());
  const bool sqlite = (*connection)->dialect() == storage::Dialect::kSqlite;
  {
    auto transaction = storage::Transaction::Begin(**connection);
    ASSERT_TRUE(transaction.ok());
    auto none = DeferredIndexes::DropIfWorthwhile(**connection, 0);  // 0 records, 0 lines
    ASSERT_TRUE(none.ok());
    EXPECT_FALSE(none->dropped());
    auto some = DeferredIndexes::DropIfWorthwhile(**connection, 1);
    ASSERT_TRUE(some.ok());
    EXPECT_EQ(some->dropped(), sqlite);
    ASSERT_TRUE(some->Rebuild().ok());
  }
  if (!sqlite) return;
  ASSERT_TRUE(Import(Source(Write("quarter.csv", DemoQuarterCsv())), org_).clean());
  auto transaction = storage::Transaction::Begin(**connection);
  ASSERT_TRUE(transaction.ok());
  auto smaller = DeferredIndexes::DropIfWorthwhile(**connection, CountLines(org_));
  ASSERT_TRUE(smaller.ok());
  EXPECT_FALSE(smaller->dropped());
}

TEST_P(DeferredIndexesTest, RebuildMakesExactlyTheIndexesOfTheMigrations) {
  auto connection = database().Acquire();
  ASSERT_TRUE(connection.ok());
  if ((*connection)->dialect() != storage::Dialect::kSqlite) GTEST_SKIP() << "SQLite only";
  for (const DeferredIndex& index : kDeferredIndexes) {
    EXPECT_EQ(IndexText(**connection, index.name), std::string(index.create.text()));
  }
  auto transaction = storage::Transaction::Begin(**connection);
  ASSERT_TRUE(transaction.ok());
  auto deferred = DeferredIndexes::DropIfWorthwhile(**connection, 1);
  ASSERT_TRUE(deferred.ok());
  ASSERT_TRUE(deferred->dropped());
  for (const DeferredIndex& index : kDeferredIndexes) {
    EXPECT_EQ(IndexText(**connection, index.name), std::nullopt);
  }
  ASSERT_TRUE(deferred->Rebuild().ok());
  ASSERT_TRUE(deferred->Rebuild().ok());  // the second call does nothing
  ASSERT_TRUE(transaction->Commit().ok());
  for (const DeferredIndex& index : kDeferredIndexes) {
    EXPECT_EQ(IndexText(**connection, index.name), std::string(index.create.text()));
  }
}

TEST_P(DeferredIndexesTest, ARolledBackImportLeavesEveryIndex) {
  auto connection = database().Acquire();
  ASSERT_TRUE(connection.ok());
  if ((*connection)->dialect() != storage::Dialect::kSqlite) GTEST_SKIP() << "SQLite only";
  {
    auto transaction = storage::Transaction::Begin(**connection);
    ASSERT_TRUE(transaction.ok());
    auto deferred = DeferredIndexes::DropIfWorthwhile(**connection, 1);
    ASSERT_TRUE(deferred.ok());
    ASSERT_TRUE(deferred->dropped());
  }  // rolled back
  for (const DeferredIndex& index : kDeferredIndexes) {
    EXPECT_EQ(IndexText(**connection, index.name), std::string(index.create.text()));
  }
}

TEST_P(DeferredIndexesTest, ALargeImportCommitsWithEveryIndex) {
  ASSERT_TRUE(Import(Source(Write("quarter.csv", DemoQuarterCsv())), org_).clean());
  auto connection = database().Acquire();
  ASSERT_TRUE(connection.ok());
  if ((*connection)->dialect() != storage::Dialect::kSqlite) GTEST_SKIP() << "SQLite only";
  for (const DeferredIndex& index : kDeferredIndexes) {
    EXPECT_EQ(IndexText(**connection, index.name), std::string(index.create.text()));
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, DatedKeys,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         storage::testing::BackendName);
INSTANTIATE_TEST_SUITE_P(Backends, DeferredIndexesTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         storage::testing::BackendName);

}  // namespace
}  // namespace finhelm::imports

#include "storage/database.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <limits>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "storage/transaction.hpp"
#include "tests/storage/test_database.hpp"

namespace finhelm::storage {
namespace {

using testing::Backend;
using testing::BackendTest;

constexpr DialectSql kCreateValues = {
    .sqlite =
        "CREATE TABLE test_values (id INTEGER PRIMARY KEY, body TEXT, data BLOB, "
        "amount INTEGER, label TEXT NOT NULL DEFAULT 'x')",
    .postgres =
        "CREATE TABLE test_values (id BIGINT PRIMARY KEY, body TEXT, data BYTEA, "
        "amount BIGINT, label TEXT NOT NULL DEFAULT 'x')",
};
constexpr Sql kInsertValue = "INSERT INTO test_values (id, body, data, amount) VALUES (?, ?, ?, ?)";
constexpr Sql kInsertLabel = "INSERT INTO test_values (id, label) VALUES (?, ?)";
constexpr Sql kSelectValue = "SELECT body, data, amount FROM test_values WHERE id = ?";
constexpr Sql kSelectByBody = "SELECT id FROM test_values WHERE body = ?";
constexpr Sql kCountValues = "SELECT COUNT(*) FROM test_values";

class DatabaseTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto connection = database().Acquire();
    ASSERT_TRUE(connection.ok());
    ASSERT_TRUE((*connection)->ExecuteScript(ForDialect(kCreateValues, database().dialect())).ok());
  }

  std::int64_t CountValues() {
    auto connection = database().Acquire();
    auto row = (*connection)->QueryOptional(kCountValues);
    EXPECT_TRUE(row.ok());
    return (*row)->Int(0);
  }
};

// proves IN-3: hostile text is data, never SQL.
TEST_P(DatabaseTest, HostileStringsRoundTripAsData) {
  const std::vector<std::string> hostile = {
      "'; DROP TABLE test_values; --",
      "' OR '1'='1",
      "Robert'); DELETE FROM organizations; --",
      "? $1 :org_id \\x00 \\",
      "\"quoted\" `tick` /* comment */",
      "line\nbreak\r\ttab",
      "Zoë 東京 🚀",
      "",
  };
  auto connection = database().Acquire();
  ASSERT_TRUE(connection.ok());
  for (std::size_t i = 0; i < hostile.size(); ++i) {
    auto id = static_cast<std::int64_t>(i + 1);
    auto inserted = (*connection)->Execute(kInsertValue, {id, hostile[i], std::nullopt, 0});
    ASSERT_TRUE(inserted.ok()) << inserted.error().message;
    EXPECT_EQ(*inserted, 1);
  }
  for (std::size_t i = 0; i < hostile.size(); ++i) {
    auto found = (*connection)->Query(kSelectByBody, {hostile[i]});
    ASSERT_TRUE(found.ok());
    ASSERT_EQ(found->size(), 1u) << hostile[i];
    EXPECT_EQ(found->front().Int(0), static_cast<std::int64_t>(i + 1));
  }
  EXPECT_EQ(CountValues(), static_cast<std::int64_t>(hostile.size()));
}

TEST_P(DatabaseTest, ValuesOfEveryTypeRoundTrip) {
  auto connection = database().Acquire();
  Blob bytes = {0x00, 0xff, 0x27, 0x5c, 0x00, 0x01};
  const std::int64_t big = std::numeric_limits<std::int64_t>::min();
  ASSERT_TRUE((*connection)->Execute(kInsertValue, {1, "text", bytes, big}).ok());
  ASSERT_TRUE((*connection)->Execute(kInsertValue, {2, std::nullopt, Blob{}, std::nullopt}).ok());

  auto first = (*connection)->QueryOptional(kSelectValue, {1});
  ASSERT_TRUE(first.ok() && first->has_value());
  EXPECT_EQ((*first)->Text(0), "text");
  EXPECT_EQ((*first)->Bytes(1), bytes);
  EXPECT_EQ((*first)->Int(2), big);

  auto second = (*connection)->QueryOptional(kSelectValue, {2});
  ASSERT_TRUE(second.ok() && second->has_value());
  EXPECT_EQ((*second)->OptionalText(0), std::nullopt);
  EXPECT_EQ((*second)->OptionalBytes(1), Blob{});
  EXPECT_EQ((*second)->OptionalInt(2), std::nullopt);

  auto missing = (*connection)->QueryOptional(kSelectValue, {3});
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
}

TEST_P(DatabaseTest, UniqueViolationIsConflict) {
  auto connection = database().Acquire();
  ASSERT_TRUE((*connection)->Execute(kInsertValue, {1, "a", std::nullopt, 1}).ok());
  auto duplicate = (*connection)->Execute(kInsertValue, {1, "b", std::nullopt, 2});
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().code, ErrorCode::kConflict);
  EXPECT_EQ(duplicate.error().message.find("'b'"), std::string::npos) << "no values in errors";
}

TEST_P(DatabaseTest, NotNullViolationIsInvalidArgument) {
  auto connection = database().Acquire();
  auto result = (*connection)->Execute(kInsertLabel, {1, std::nullopt});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
}

TEST_P(DatabaseTest, TransactionRollsBackUnlessCommitted) {
  auto connection = database().Acquire();
  {
    auto tx = Transaction::Begin(**connection);
    ASSERT_TRUE(tx.ok()) << tx.error().message;
    ASSERT_TRUE((*connection)->Execute(kInsertValue, {1, "gone", std::nullopt, 1}).ok());
  }  // destroyed without Commit
  EXPECT_EQ(CountValues(), 0);
  {
    auto tx = Transaction::Begin(**connection);
    ASSERT_TRUE((*connection)->Execute(kInsertValue, {2, "kept", std::nullopt, 1}).ok());
    ASSERT_TRUE(tx->Commit().ok());
    EXPECT_FALSE(tx->Commit().ok()) << "a transaction commits once";
  }
  EXPECT_EQ(CountValues(), 1);
}

TEST_P(DatabaseTest, FailedStatementInsideTransactionRollsBackEverything) {
  auto connection = database().Acquire();
  {
    auto tx = Transaction::Begin(**connection);
    ASSERT_TRUE((*connection)->Execute(kInsertValue, {1, "a", std::nullopt, 1}).ok());
    EXPECT_FALSE((*connection)->Execute(kInsertValue, {1, "a", std::nullopt, 1}).ok());
  }
  EXPECT_TRUE((*connection)->ReusableNow());
  EXPECT_EQ(CountValues(), 0);
}

TEST_P(DatabaseTest, ConnectionReturnedInsideTransactionIsNotReused) {
  {
    auto connection = database().Acquire();
    ASSERT_TRUE((*connection)->ExecuteScript("BEGIN").ok());
  }
  PoolStats stats = database().Stats();
  EXPECT_EQ(stats.in_use, 0u);
  auto connection = database().Acquire();
  ASSERT_TRUE(connection.ok());
  EXPECT_TRUE((*connection)->ReusableNow());
}

TEST_P(DatabaseTest, MultipleStatementsInOneCallAreRefused) {
  auto connection = database().Acquire();
  auto result = (*connection)->Execute("DELETE FROM test_values; DELETE FROM organizations");
  EXPECT_FALSE(result.ok());
}

class PoolTest : public BackendTest {
 protected:
  DatabaseOptions PoolOptions() const override {
    DatabaseOptions options;
    options.max_connections = 2;
    options.acquire_timeout = std::chrono::milliseconds(200);
    return options;
  }
};

TEST_P(PoolTest, AcquireTimesOutWhenExhausted) {
  auto first = database().Acquire();
  auto second = database().Acquire();
  ASSERT_TRUE(first.ok() && second.ok());
  PoolStats busy = database().Stats();
  EXPECT_EQ(busy.in_use, 2u);
  EXPECT_EQ(busy.idle, 0u);
  EXPECT_EQ(busy.max_connections, 2u);

  auto started = std::chrono::steady_clock::now();
  auto third = database().Acquire();
  auto waited = std::chrono::steady_clock::now() - started;
  ASSERT_FALSE(third.ok());
  EXPECT_EQ(third.error().code, ErrorCode::kUnavailable);
  EXPECT_GE(waited, std::chrono::milliseconds(190));
  EXPECT_EQ(database().Stats().acquire_timeouts, 1u);
}

TEST_P(PoolTest, WaiterGetsConnectionWhenOneIsReturned) {
  auto first = database().Acquire();
  auto second = database().Acquire();
  ASSERT_TRUE(first.ok() && second.ok());
  std::optional<Result<PooledConnection>> third;
  std::thread waiter([&] { third.emplace(database().Acquire()); });
  while (database().Stats().waiting == 0) std::this_thread::yield();
  { PooledConnection returned = std::move(first).value(); }
  waiter.join();
  ASSERT_TRUE(third->ok());
  EXPECT_EQ(database().Stats().waiting, 0u);
  EXPECT_EQ(database().Stats().in_use, 2u);
}

INSTANTIATE_TEST_SUITE_P(storage, DatabaseTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);
INSTANTIATE_TEST_SUITE_P(storage, PoolTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);

TEST(StorageOpen, RefusesUnusableUrls) {
  EXPECT_EQ(Database::Open("").error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(Database::Open("sqlite::memory:").error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(Database::Open("mysql://localhost/x").error().code, ErrorCode::kInvalidArgument);
}

TEST(StorageOpen, UnreachablePostgresIsUnavailable) {
  auto opened = Database::Open("postgresql://nobody@127.0.0.1:1/none?connect_timeout=1");
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().code, ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace finhelm::storage

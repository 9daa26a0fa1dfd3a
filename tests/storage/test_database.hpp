// Test support: a fresh, empty database per test on either backend.
//
// SQLite is a file in a new temporary directory. PostgreSQL is a private schema, created
// for the test in the database named by FINHELM_TEST_POSTGRES_URL and selected through
// the URL's search_path, so tests (and ctest -j) never see each other's rows. Without
// that variable, PostgreSQL tests skip (scripts/start-test-postgres.sh prints a URL).
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "core/result.hpp"
#include "storage/database.hpp"

namespace finhelm::storage::testing {

enum class Backend { kSqlite, kPostgres };

inline constexpr const char* kPostgresUrlVariable = "FINHELM_TEST_POSTGRES_URL";
inline constexpr const char* kPostgresSkipReason =
    "FINHELM_TEST_POSTGRES_URL is not set: PostgreSQL tests skipped. Start a throwaway "
    "server with `export FINHELM_TEST_POSTGRES_URL=$(scripts/start-test-postgres.sh)`.";

std::optional<std::string> PostgresUrlFromEnvironment();

// "sqlite" / "postgresql", for parametrized test names.
std::string BackendName(const ::testing::TestParamInfo<Backend>& info);
void PrintTo(Backend backend, std::ostream* out);

class TestDatabase {
 public:
  // Fails for PostgreSQL when the variable is unset; check PostgresUrlFromEnvironment
  // first to skip instead.
  static Result<std::unique_ptr<TestDatabase>> Create(Backend backend,
                                                      DatabaseOptions options = {});
  ~TestDatabase();

  // The URL of this test's database, for another Database or a child process.
  const std::string& url() const { return url_; }
  Database& database() { return *database_; }

 private:
  TestDatabase() = default;

  std::string url_;
  std::string cleanup_;  // the temporary directory, or the PostgreSQL schema
  std::string admin_url_;
  std::unique_ptr<Database> database_;
};

// A test parametrized over both backends, with a migrated database in SetUp.
class BackendTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override;
  void TearDown() override { test_database_.reset(); }

  Database& database() { return test_database_->database(); }
  const std::string& url() const { return test_database_->url(); }
  // Options for the database created in SetUp; override to change the pool.
  virtual DatabaseOptions PoolOptions() const { return {}; }

 private:
  std::unique_ptr<TestDatabase> test_database_;
};

}  // namespace finhelm::storage::testing

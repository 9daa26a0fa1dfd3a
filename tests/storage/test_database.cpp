#include "tests/storage/test_database.hpp"

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>

#include "storage/migration.hpp"

namespace finhelm::storage::testing {
namespace {

struct PgCloser {
  void operator()(PGconn* connection) const { PQfinish(connection); }
};
struct PgClearer {
  void operator()(PGresult* result) const { PQclear(result); }
};

// Runs one administrative command built from a name this file generated itself (never
// from input), so it bypasses the Sql type on purpose: schema names are identifiers,
// which cannot be bound as parameters.
Status AdminCommand(const std::string& url, const std::string& verb, const std::string& schema,
                    const std::string& suffix) {
  std::unique_ptr<PGconn, PgCloser> connection(PQconnectdb(url.c_str()));
  if (PQstatus(connection.get()) != CONNECTION_OK) {
    return MakeError(ErrorCode::kUnavailable, PQerrorMessage(connection.get()));
  }
  char* quoted = PQescapeIdentifier(connection.get(), schema.c_str(), schema.size());
  std::string command = verb;
  command.append(" ").append(quoted).append(suffix);
  PQfreemem(quoted);
  std::unique_ptr<PGresult, PgClearer> result(PQexec(connection.get(), command.c_str()));
  if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
    return MakeError(ErrorCode::kInternal, PQerrorMessage(connection.get()));
  }
  return Status::Ok();
}

std::string UniqueSuffix() {
  static std::atomic<int> counter{0};
  return std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" +
         std::to_string(std::random_device{}() % 1000000);
}

}  // namespace

std::optional<std::string> PostgresUrlFromEnvironment() {
  const char* url = std::getenv(kPostgresUrlVariable);
  if (url == nullptr || *url == '\0') return std::nullopt;
  return std::string(url);
}

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "sqlite" : "postgresql";
}

void PrintTo(Backend backend, std::ostream* out) {
  *out << (backend == Backend::kSqlite ? "sqlite" : "postgresql");
}

Result<std::unique_ptr<TestDatabase>> TestDatabase::Create(Backend backend,
                                                           DatabaseOptions options) {
  std::unique_ptr<TestDatabase> test(new TestDatabase());
  if (backend == Backend::kSqlite) {
    auto directory = std::filesystem::temp_directory_path() / ("finhelm_test_" + UniqueSuffix());
    std::filesystem::create_directories(directory);
    test->cleanup_ = directory.string();
    test->url_ = "sqlite:" + (directory / "finhelm.db").string();
  } else {
    auto base = PostgresUrlFromEnvironment();
    if (!base) return MakeError(ErrorCode::kUnavailable, kPostgresSkipReason);
    test->admin_url_ = *base;
    test->cleanup_ = "fh_test_" + UniqueSuffix();
    Status created = AdminCommand(*base, "CREATE SCHEMA", test->cleanup_, "");
    if (!created.ok()) return created.error();
    test->url_ = *base + (base->find('?') == std::string::npos ? "?" : "&") +
                 "options=-csearch_path%3D" + test->cleanup_;
  }
  auto database = Database::Open(test->url_, options);
  if (!database.ok()) return database.error();
  test->database_ = std::move(database).value();
  return test;
}

TestDatabase::~TestDatabase() {
  database_.reset();
  if (admin_url_.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(cleanup_, ignored);
  } else {
    Status dropped = AdminCommand(admin_url_, "DROP SCHEMA", cleanup_, " CASCADE");
    EXPECT_TRUE(dropped.ok()) << dropped.error().message;
  }
}

void BackendTest::SetUp() {
  if (GetParam() == Backend::kPostgres && !PostgresUrlFromEnvironment()) {
    GTEST_SKIP() << kPostgresSkipReason;
  }
  auto created = TestDatabase::Create(GetParam(), PoolOptions());
  ASSERT_TRUE(created.ok()) << created.error().message;
  test_database_ = std::move(created).value();
  Status migrated = Migrate(database());
  ASSERT_TRUE(migrated.ok()) << migrated.error().message;
}

}  // namespace finhelm::storage::testing

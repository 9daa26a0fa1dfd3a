#include "storage/sql.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "storage/connection.hpp"
#include "storage/org_scope.hpp"

namespace finhelm::storage {
namespace {

// Classification happens at compile time: these are proven by the compiler.
constexpr Sql kTwoParameters = "SELECT a FROM t WHERE b = ? AND c = ?";
static_assert(kTwoParameters.positional_parameters() == 2);
static_assert(!kTwoParameters.names_tenant_table());

constexpr Sql kTenantRead = "SELECT version FROM data_keys WHERE organization_id = :org_id";
static_assert(kTenantRead.binds_organization());
static_assert(kTenantRead.tenant_table() == "data_keys");

constexpr Sql kQuotedMarkers = "SELECT '?', ':org_id', \"?\" FROM t -- ?\n WHERE x = ? /* ? */";
static_assert(kQuotedMarkers.positional_parameters() == 1);
static_assert(!kQuotedMarkers.binds_organization());

constexpr Sql kCast = "SELECT x::org_id_type FROM t";
static_assert(!kCast.binds_organization());

constexpr Sql kQualifiedJoin = "SELECT 1 FROM organizations o JOIN public.JOBS j ON 1 = 1";
static_assert(kQualifiedJoin.tenant_table() == "jobs");

// Records what would reach the database instead of running it.
class RecordingConnection final : public Connection {
 public:
  explicit RecordingConnection(Dialect dialect) : dialect_(dialect) {}
  Dialect dialect() const override { return dialect_; }
  bool ReusableNow() override { return true; }

  std::string sql;
  std::vector<Value> params;

 protected:
  Result<StatementResult> RunStatement(std::string_view text,
                                       std::span<const Value* const> bound) override {
    sql = text;
    params.clear();
    for (const Value* value : bound) params.push_back(*value);
    return StatementResult{};
  }
  Status RunScript(std::string_view text) override {
    sql = text;
    return Status::Ok();
  }

 private:
  Dialect dialect_;
};

TEST(SqlText, PostgresGetsNumberedPlaceholders) {
  RecordingConnection connection(Dialect::kPostgres);
  ASSERT_TRUE(connection.Execute("UPDATE t SET a = ?, b = '?' WHERE c = ?", {1, "x"}).ok());
  EXPECT_EQ(connection.sql, "UPDATE t SET a = $1, b = '?' WHERE c = $2");
  EXPECT_EQ(connection.params, (std::vector<Value>{1, "x"}));
}

TEST(SqlText, SqliteKeepsQuestionMarks) {
  RecordingConnection connection(Dialect::kSqlite);
  ASSERT_TRUE(connection.Execute("UPDATE t SET a = ? WHERE c = ?", {1, 2}).ok());
  EXPECT_EQ(connection.sql, "UPDATE t SET a = ? WHERE c = ?");
}

TEST(SqlText, OrgScopeBindsOrganizationAtEachMarker) {
  RecordingConnection connection(Dialect::kPostgres);
  OrgScope scope(connection, OrganizationId{7});
  constexpr Sql kStatement =
      "SELECT j.id FROM jobs j WHERE j.organization_id = :org_id AND j.kind = ? "
      "AND EXISTS (SELECT 1 FROM data_keys d WHERE d.organization_id = :org_id)";
  ASSERT_TRUE(scope.Query(kStatement, {"import"}).ok());
  EXPECT_EQ(connection.sql,
            "SELECT j.id FROM jobs j WHERE j.organization_id = $1 AND j.kind = $2 "
            "AND EXISTS (SELECT 1 FROM data_keys d WHERE d.organization_id = $3)");
  EXPECT_EQ(connection.params, (std::vector<Value>{7, "import", 7}));
}

TEST(SqlText, WrongParameterCountIsRefused) {
  RecordingConnection connection(Dialect::kSqlite);
  auto result = connection.Execute("DELETE FROM t WHERE a = ?", {});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kInternal);
  EXPECT_TRUE(connection.sql.empty());
}

TEST(SqlText, TextWithNulIsRefusedOnBothBackends) {
  RecordingConnection connection(Dialect::kSqlite);
  auto result = connection.Execute("UPDATE t SET a = ?", {std::string("a\0b", 3)});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
}

// proves ACL-4: the layer itself refuses unscoped statements on tenant tables.
TEST(SqlText, TenantTableWithoutScopeIsRefused) {
  RecordingConnection connection(Dialect::kSqlite);
  auto result = connection.Query("SELECT wrapped_key FROM data_keys WHERE version = ?", {1});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kInternal);
  EXPECT_TRUE(connection.sql.empty()) << "nothing may reach the database";
}

TEST(SqlText, OrgMarkerWithoutScopeIsRefused) {
  RecordingConnection connection(Dialect::kSqlite);
  EXPECT_FALSE(connection.Query("SELECT 1 FROM t WHERE organization_id = :org_id").ok());
}

TEST(SqlText, ScopeRefusesStatementWithoutOrgMarker) {
  RecordingConnection connection(Dialect::kSqlite);
  OrgScope scope(connection, OrganizationId{1});
  EXPECT_FALSE(scope.Query("SELECT wrapped_key FROM data_keys").ok());
  EXPECT_FALSE(scope.Execute("DELETE FROM jobs WHERE id = ?", {5}).ok());
  EXPECT_TRUE(connection.sql.empty());
}

TEST(SqlText, CrossTenantStatementRunsWithoutScope) {
  RecordingConnection connection(Dialect::kSqlite);
  constexpr Sql kCount = Sql::CrossTenant("SELECT status, COUNT(*) FROM jobs GROUP BY status");
  EXPECT_TRUE(connection.Query(kCount).ok());
}

TEST(SqlText, ScriptsFollowTheSameScopeRules) {
  RecordingConnection connection(Dialect::kSqlite);
  EXPECT_FALSE(connection.ExecuteScript("DELETE FROM data_keys").ok());
  EXPECT_TRUE(connection.ExecuteScript("CREATE TABLE t (a INTEGER)").ok());
}

}  // namespace
}  // namespace finhelm::storage

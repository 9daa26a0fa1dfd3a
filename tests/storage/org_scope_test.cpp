#include "storage/org_scope.hpp"

#include <gtest/gtest.h>

#include <chrono>

#include "core/clock.hpp"
#include "storage/organizations.hpp"
#include "storage/transaction.hpp"
#include "tests/storage/test_database.hpp"

namespace finhelm::storage {
namespace {

using testing::Backend;
using testing::BackendTest;

constexpr Sql kInsertKey =
    "INSERT INTO data_keys (organization_id, version, wrapped_key, created_at) "
    "VALUES (:org_id, ?, ?, ?)";
constexpr Sql kSelectKeys =
    "SELECT version, wrapped_key FROM data_keys WHERE organization_id = :org_id "
    "ORDER BY version";
constexpr Sql kSelectKey =
    "SELECT wrapped_key FROM data_keys WHERE organization_id = :org_id AND version = ?";
constexpr Sql kRetireKeys =
    "UPDATE data_keys SET retired_at = ? WHERE organization_id = :org_id AND retired_at IS NULL";
constexpr Sql kDeleteKeys = "DELETE FROM data_keys WHERE organization_id = :org_id";
constexpr Sql kSelectAllKeysUnscoped = "SELECT version FROM data_keys";
constexpr Sql kCountAllKeys = Sql::CrossTenant("SELECT COUNT(*) FROM data_keys");
constexpr Sql kCountRetired =
    Sql::CrossTenant("SELECT COUNT(*) FROM data_keys WHERE retired_at IS NOT NULL");

class OrgScopeTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto connection = database().Acquire();
    alpha_ = CreateOrganization(**connection, "Alpha", clock_).value();
    beta_ = CreateOrganization(**connection, "Beta", clock_).value();
    OrgScope alpha(**connection, alpha_);
    OrgScope beta(**connection, beta_);
    ASSERT_TRUE(alpha.Execute(kInsertKey, {1, Blob{1}, 100}).ok());
    ASSERT_TRUE(alpha.Execute(kInsertKey, {2, Blob{2}, 100}).ok());
    ASSERT_TRUE(beta.Execute(kInsertKey, {1, Blob{9}, 100}).ok());
  }

  FakeClock clock_{std::chrono::system_clock::time_point(std::chrono::seconds(1'700'000'000))};
  OrganizationId alpha_;
  OrganizationId beta_;
};

// proves ACL-4
TEST_P(OrgScopeTest, NeverReturnsAnotherOrganizationsRows) {
  auto connection = database().Acquire();
  OrgScope beta(**connection, beta_);
  auto keys = beta.Query(kSelectKeys);
  ASSERT_TRUE(keys.ok()) << keys.error().message;
  ASSERT_EQ(keys->size(), 1u);
  EXPECT_EQ(keys->front().Bytes(1), Blob{9});

  // Alpha's version 2 exists, but not for Beta: the same id finds nothing.
  auto other = beta.QueryOptional(kSelectKey, {2});
  ASSERT_TRUE(other.ok());
  EXPECT_FALSE(other->has_value());
}

// proves ACL-4
TEST_P(OrgScopeTest, WritesTouchOnlyTheScopedOrganization) {
  auto connection = database().Acquire();
  OrgScope alpha(**connection, alpha_);
  auto retired = alpha.Execute(kRetireKeys, {200});
  ASSERT_TRUE(retired.ok());
  EXPECT_EQ(*retired, 2);
  EXPECT_EQ((*connection)->QueryOptional(kCountRetired).value()->Int(0), 2);

  auto deleted = alpha.Execute(kDeleteKeys);
  ASSERT_TRUE(deleted.ok());
  EXPECT_EQ(*deleted, 2);
  EXPECT_EQ((*connection)->QueryOptional(kCountAllKeys).value()->Int(0), 1);
}

// proves ACL-4
TEST_P(OrgScopeTest, RefusesUnscopedStatements) {
  auto connection = database().Acquire();
  auto bare = (*connection)->Query(kSelectAllKeysUnscoped);
  ASSERT_FALSE(bare.ok());
  EXPECT_EQ(bare.error().code, ErrorCode::kInternal);

  OrgScope alpha(**connection, alpha_);
  auto scoped = alpha.Query(kSelectAllKeysUnscoped);
  ASSERT_FALSE(scoped.ok());
  EXPECT_EQ(scoped.error().code, ErrorCode::kInternal);

  auto marker_without_scope = (*connection)->Query(kSelectKeys);
  EXPECT_FALSE(marker_without_scope.ok());
}

TEST_P(OrgScopeTest, ComposesWithTransactions) {
  auto connection = database().Acquire();
  {
    auto tx = Transaction::Begin(**connection);
    ASSERT_TRUE(tx.ok());
    OrgScope alpha(**connection, alpha_);
    ASSERT_TRUE(alpha.Execute(kDeleteKeys).ok());
  }
  OrgScope alpha(**connection, alpha_);
  EXPECT_EQ(alpha.Query(kSelectKeys)->size(), 2u);
}

TEST_P(OrgScopeTest, OrganizationsAreFoundById) {
  auto connection = database().Acquire();
  auto found = FindOrganization(**connection, beta_);
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->name, "Beta");
  EXPECT_EQ((*found)->created_at, 1'700'000'000);
  EXPECT_FALSE(FindOrganization(**connection, OrganizationId{999})->has_value());
}

INSTANTIATE_TEST_SUITE_P(storage, OrgScopeTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);

}  // namespace
}  // namespace finhelm::storage

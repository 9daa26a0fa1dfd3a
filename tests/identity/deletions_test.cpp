// Deleting users and organizations on the real databases (DATA-6).
#include "identity/deletions.hpp"

#include <gtest/gtest.h>

#include "audit/audit_log.hpp"
#include "identity/memberships.hpp"
#include "identity/service_clients.hpp"
#include "identity/sessions.hpp"
#include "storage/organizations.hpp"
#include "tests/identity/identity_fixture.hpp"

namespace finhelm::identity {
namespace {

class DeletionsTest : public testing::IdentityTest {
 protected:
  OrganizationId OrganizationOf(UserId admin) {
    auto connection = database().Acquire();
    EXPECT_TRUE(connection.ok());
    auto created = CreateOrganizationWithAdmin(**connection, "Acme", admin, clock_);
    EXPECT_TRUE(created.ok());
    return created.ok() ? *created : OrganizationId{};
  }

  void AddMember(OrganizationId organization, UserId user, access::Role role) {
    auto connection = database().Acquire();
    ASSERT_TRUE(connection.ok());
    storage::OrgScope scope(**connection, organization);
    ASSERT_TRUE(::finhelm::identity::AddMember(scope, user, role, clock_).ok());
  }

  std::int64_t Count(const storage::Sql& sql, std::int64_t id) {
    auto connection = database().Acquire();
    auto row = (*connection)->QueryOptional(sql, {id});
    EXPECT_TRUE(row.ok() && row->has_value());
    return row.ok() && row->has_value() ? (*row)->Int(0) : -1;
  }
};

// proves DATA-6: a user goes with sessions and memberships; the last admin cannot go.
TEST_P(DeletionsTest, AUserIsDeletedWithWhatIsTheirs) {
  UserId admin = AddUser("admin@example.com");
  UserId member = AddUser("member@example.com");
  OrganizationId organization = OrganizationOf(admin);
  AddMember(organization, member, access::Role::kAccountant);
  SessionStore sessions(clock_, SessionPolicy{});
  {
    auto connection = database().Acquire();
    ASSERT_TRUE(
        sessions.Create(**connection, member, SessionStage::kFull, "Agent", "192.0.2.1").ok());
  }

  auto connection = database().Acquire();
  ASSERT_TRUE(connection.ok());
  EXPECT_EQ(DeleteUser(**connection, admin).error().code, ErrorCode::kConflict);
  auto sole = OrganizationsOnlyAdministeredBy(**connection, admin);
  ASSERT_TRUE(sole.ok());
  ASSERT_EQ(sole->size(), 1u);
  EXPECT_EQ((*sole)[0].value, organization.value);

  ASSERT_TRUE(DeleteUser(**connection, member).ok());
  EXPECT_EQ(
      Count(storage::Sql::CrossTenant("SELECT COUNT(*) FROM users WHERE id = ?"), member.value), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM sessions WHERE user_id = ?", member.value), 0);
  EXPECT_EQ(Count(storage::Sql::CrossTenant("SELECT COUNT(*) FROM memberships WHERE user_id = ?"),
                  member.value),
            0);
  EXPECT_EQ(DeleteUser(**connection, member).error().code, ErrorCode::kNotFound);

  // With a second admin, the first may go.
  UserId second = AddUser("second@example.com");
  AddMember(organization, second, access::Role::kAdmin);
  EXPECT_TRUE(DeleteUser(**connection, admin).ok());
}

// proves DATA-6: an organization's members, clients and keys go at once; its audit
// events and its row (a tombstone) stay; it is not found afterwards.
TEST_P(DeletionsTest, AnOrganizationIsDeletedButItsAuditTrailStays) {
  UserId admin = AddUser("admin@example.com");
  OrganizationId organization = OrganizationOf(admin);
  auto connection = database().Acquire();
  ASSERT_TRUE(connection.ok());
  storage::OrgScope scope(**connection, organization);
  ASSERT_TRUE(
      CreateServiceClient(scope, clock_, "export", {access::Permission::kReadOrg}, admin).ok());
  ASSERT_TRUE(audit::Record(**connection, clock_,
                            {organization, "authz_role_changed", "user:1", "user:2", "", "", "{}"})
                  .ok());

  ASSERT_TRUE(DeleteOrganization(scope, clock_).ok());
  auto found = storage::FindOrganization(**connection, organization);
  ASSERT_TRUE(found.ok());
  EXPECT_FALSE(found->has_value());
  EXPECT_FALSE(RoleOf(scope, admin)->has_value());
  auto clients = ListServiceClients(scope);
  ASSERT_TRUE(clients.ok());
  EXPECT_TRUE(clients->empty());
  EXPECT_EQ(
      Count(storage::Sql::CrossTenant("SELECT COUNT(*) FROM data_keys WHERE organization_id = ?"),
            organization.value),
      0);
  EXPECT_EQ(Count(storage::Sql::CrossTenant(
                      "SELECT COUNT(*) FROM audit_events WHERE organization_id = ?"),
                  organization.value),
            1);
  EXPECT_EQ(DeleteOrganization(scope, clock_).error().code, ErrorCode::kNotFound);
  // The admin, who administers nothing now, may delete the account.
  EXPECT_TRUE(DeleteUser(**connection, admin).ok());
}

INSTANTIATE_BACKENDS(DeletionsTest);

}  // namespace
}  // namespace finhelm::identity

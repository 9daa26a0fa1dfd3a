#include "identity/memberships.hpp"

#include <gtest/gtest.h>

#include "tests/identity/identity_fixture.hpp"

namespace finhelm::identity {
namespace {

using access::Role;

class MembershipsTest : public testing::IdentityTest {};

// proves ACL-4: a role is only ever read within one organization's scope.
TEST_P(MembershipsTest, CreatorIsAdminAndOtherOrganizationsKnowNothing) {
  UserId owner = AddUser("owner@example.com");
  UserId stranger = AddUser("stranger@example.com");
  auto connection = database().Acquire();
  ASSERT_TRUE(connection.ok());
  auto acme = CreateOrganizationWithAdmin(**connection, "Acme", owner, clock_);
  auto globex = CreateOrganizationWithAdmin(**connection, "Globex", stranger, clock_);
  ASSERT_TRUE(acme.ok() && globex.ok());
  EXPECT_GT(acme->value, 0);  // Organization 0 is the installation's own.

  storage::OrgScope acme_scope(**connection, *acme);
  EXPECT_EQ(*RoleOf(acme_scope, owner), std::optional(Role::kAdmin));
  EXPECT_EQ(*RoleOf(acme_scope, stranger), std::nullopt);
  ASSERT_TRUE(AddMember(acme_scope, stranger, Role::kViewer, clock_).ok());
  EXPECT_EQ(*RoleOf(acme_scope, stranger), std::optional(Role::kViewer));
  EXPECT_EQ(AddMember(acme_scope, stranger, Role::kAdmin, clock_).error().code,
            ErrorCode::kConflict);

  auto mine = MembershipsOf(**connection, stranger);
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->size(), 2u);
  EXPECT_EQ((*mine)[0].organization_name, "Acme");
  EXPECT_EQ((*mine)[0].role, Role::kViewer);
  EXPECT_EQ((*mine)[1].organization_name, "Globex");
  EXPECT_EQ((*mine)[1].role, Role::kAdmin);
  EXPECT_EQ(MembershipsOf(**connection, owner)->size(), 1u);
}

INSTANTIATE_BACKENDS(MembershipsTest);

}  // namespace
}  // namespace finhelm::identity

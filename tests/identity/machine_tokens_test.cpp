// Service clients, signing keys and the token grant on the real databases (AUTH-7).
#include "identity/machine_tokens.hpp"

#include <gtest/gtest.h>

#include "crypto/hash.hpp"
#include "identity/service_clients.hpp"
#include "identity/signing_keys.hpp"
#include "storage/organizations.hpp"
#include "tests/identity/identity_fixture.hpp"

namespace finhelm::identity {
namespace {

using access::Permission;
using std::chrono::seconds;

constexpr seconds kTokenLifetimeBound{15 * 60 + 60};

class MachineTokensTest : public testing::IdentityTest {
 protected:
  void SetUp() override {
    IdentityTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    admin_ = AddUser("admin@example.com");
    org_a_ = MakeOrganization("Alpha");
    org_b_ = MakeOrganization("Beta");
    settings_.issuer = "https://finhelm.test";
    settings_.audience = "https://finhelm.test/v1";
    keys_.emplace(database(), data_keys_, clock_, kTokenLifetimeBound);
    tokens_.emplace(database(), *keys_, clock_, settings_);
  }

  OrganizationId MakeOrganization(std::string_view name) {
    auto connection = database().Acquire();
    EXPECT_TRUE(connection.ok());
    auto created = storage::CreateOrganization(**connection, name, clock_);
    EXPECT_TRUE(created.ok());
    return created.ok() ? *created : OrganizationId{};
  }

  CreatedServiceClient MakeClient(OrganizationId organization, std::vector<Permission> scopes) {
    auto connection = database().Acquire();
    EXPECT_TRUE(connection.ok());
    storage::OrgScope scope(**connection, organization);
    auto created = CreateServiceClient(scope, clock_, "nightly export", scopes, admin_);
    EXPECT_TRUE(created.ok()) << (created.ok() ? "" : created.error().message);
    return created.ok() ? std::move(*created) : CreatedServiceClient{};
  }

  std::string TokenFor(const CreatedServiceClient& client,
                       std::optional<std::string_view> scope = std::nullopt) {
    auto grant = tokens_->Issue(client.client.id, client.secret, scope);
    EXPECT_TRUE(grant.ok());
    EXPECT_EQ(grant.ok() ? grant->kind : TokenGrant::Kind::kInvalidClient,
              TokenGrant::Kind::kIssued);
    return grant.ok() ? grant->access_token : std::string();
  }

  crypto::MasterKeyRing master_ = testing::TestMasterRing();
  secrets::DataKeyStore data_keys_{master_, clock_};
  MachineTokenSettings settings_;
  std::optional<SigningKeys> keys_;
  std::optional<MachineTokens> tokens_;
  UserId admin_;
  OrganizationId org_a_;
  OrganizationId org_b_;
};

// proves AUTH-7: the secret is shown once and stored only as its SHA-256.
TEST_P(MachineTokensTest, ClientSecretsAreStoredHashed) {
  CreatedServiceClient client = MakeClient(org_a_, {Permission::kReadOrg});
  EXPECT_TRUE(client.client.id.starts_with("fhc_"));
  EXPECT_TRUE(client.secret.starts_with("fhs_"));
  EXPECT_GE(client.secret.size(), 4u + crypto::kTokenChars);
  auto connection = database().Acquire();
  ASSERT_TRUE(connection.ok());
  storage::OrgScope scope(**connection, org_a_);
  auto row = scope.QueryOptional(
      "SELECT secret_hash FROM service_clients WHERE organization_id = :org_id AND id = ?",
      {client.client.id});
  ASSERT_TRUE(row.ok() && row->has_value());
  EXPECT_EQ((*row)->Text(0), crypto::Sha256Hex(client.secret));
  EXPECT_EQ((*row)->Text(0).find(client.secret), std::string::npos);
}

// proves AUTH-7: client credentials yield a token of the client's organization and scopes.
TEST_P(MachineTokensTest, TheGrantIssuesATokenThatVerifies) {
  CreatedServiceClient client = MakeClient(org_a_, {Permission::kReadOrg, Permission::kOperateOrg});
  auto grant = tokens_->Issue(client.client.id, client.secret, std::nullopt);
  ASSERT_TRUE(grant.ok()) << grant.error().message;
  ASSERT_EQ(grant->kind, TokenGrant::Kind::kIssued);
  EXPECT_EQ(grant->scope, "org:read org:operate");
  EXPECT_EQ(grant->expires_in, 600);
  auto check = tokens_->Verify(grant->access_token);
  ASSERT_TRUE(check.ok());
  ASSERT_TRUE(check->identity.has_value()) << check->rejection;
  EXPECT_EQ(check->identity->client_id, client.client.id);
  EXPECT_EQ(check->identity->organization.value, org_a_.value);
  EXPECT_EQ(check->identity->scopes,
            (std::vector<Permission>{Permission::kReadOrg, Permission::kOperateOrg}));
}

TEST_P(MachineTokensTest, WrongSecretsAndUnknownClientsGetNoToken) {
  CreatedServiceClient client = MakeClient(org_a_, {Permission::kReadOrg});
  auto wrong = tokens_->Issue(client.client.id, client.secret + "x", std::nullopt);
  ASSERT_TRUE(wrong.ok());
  EXPECT_EQ(wrong->kind, TokenGrant::Kind::kInvalidClient);
  EXPECT_TRUE(wrong->access_token.empty());
  auto unknown = tokens_->Issue("fhc_nobody", client.secret, std::nullopt);
  ASSERT_TRUE(unknown.ok());
  EXPECT_EQ(unknown->kind, TokenGrant::Kind::kInvalidClient);
}

TEST_P(MachineTokensTest, AskingForAScopeTheClientLacksIsInvalidScope) {
  CreatedServiceClient client = MakeClient(org_a_, {Permission::kReadOrg});
  for (std::string_view scope : {"org:operate", "org:read org:operate", "org:manage",
                                 "authenticated", "", "org:read  org:read", "nonsense"}) {
    auto grant = tokens_->Issue(client.client.id, client.secret, scope);
    ASSERT_TRUE(grant.ok());
    EXPECT_EQ(grant->kind, TokenGrant::Kind::kInvalidScope) << scope;
  }
  auto narrower = tokens_->Issue(client.client.id, client.secret, "org:read");
  ASSERT_TRUE(narrower.ok());
  EXPECT_EQ(narrower->kind, TokenGrant::Kind::kIssued);
}

TEST_P(MachineTokensTest, ScopesThatCannotBeGrantedAreRefusedAtCreation) {
  auto connection = database().Acquire();
  ASSERT_TRUE(connection.ok());
  storage::OrgScope scope(**connection, org_a_);
  for (Permission permission :
       {Permission::kManageOrg, Permission::kAuthenticated, Permission::kPublic}) {
    auto created = CreateServiceClient(scope, clock_, "bad", {permission}, admin_);
    EXPECT_FALSE(created.ok());
  }
  EXPECT_FALSE(CreateServiceClient(scope, clock_, "none", {}, admin_).ok());
  EXPECT_FALSE(CreateServiceClient(scope, clock_, "", {Permission::kReadOrg}, admin_).ok());
}

// proves AUTH-7: revocation acts on the next request, not when the token expires.
TEST_P(MachineTokensTest, ARevokedClientsTokenStopsWorking) {
  CreatedServiceClient client = MakeClient(org_a_, {Permission::kReadOrg});
  std::string token = TokenFor(client);
  {
    auto connection = database().Acquire();
    ASSERT_TRUE(connection.ok());
    storage::OrgScope other(**connection, org_b_);
    EXPECT_EQ(RevokeServiceClient(other, clock_, client.client.id).error().code,
              ErrorCode::kNotFound);  // ACL-4: B cannot revoke A's client.
    storage::OrgScope scope(**connection, org_a_);
    ASSERT_TRUE(RevokeServiceClient(scope, clock_, client.client.id).ok());
    auto listed = ListServiceClients(scope);
    ASSERT_TRUE(listed.ok());
    EXPECT_TRUE(listed->empty());
  }
  auto check = tokens_->Verify(token);
  ASSERT_TRUE(check.ok());
  EXPECT_FALSE(check->identity.has_value());
  EXPECT_EQ(check->rejection, "client_revoked");
  auto grant = tokens_->Issue(client.client.id, client.secret, std::nullopt);
  ASSERT_TRUE(grant.ok());
  EXPECT_EQ(grant->kind, TokenGrant::Kind::kInvalidClient);
}

TEST_P(MachineTokensTest, ListingIsPerOrganization) {
  MakeClient(org_a_, {Permission::kReadOrg});
  MakeClient(org_b_, {Permission::kAuditOrg});
  auto connection = database().Acquire();
  ASSERT_TRUE(connection.ok());
  storage::OrgScope scope(**connection, org_b_);
  auto listed = ListServiceClients(scope);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].scopes, std::vector<Permission>{Permission::kAuditOrg});
  EXPECT_FALSE((*listed)[0].last_used_at.has_value());
}

// proves AUTH-7: tokens expire; 10 minutes of life, refused after exp plus the skew.
TEST_P(MachineTokensTest, TokensExpire) {
  std::string token = TokenFor(MakeClient(org_a_, {Permission::kReadOrg}));
  clock_.Advance(seconds(600 + 59));
  EXPECT_TRUE(tokens_->Verify(token)->identity.has_value());
  clock_.Advance(seconds(1));
  auto late = tokens_->Verify(token);
  EXPECT_FALSE(late->identity.has_value());
  EXPECT_EQ(late->rejection, "expired");
}

// proves AUTH-7: a retired key keeps verifying, and stays published, until its last
// token has expired; then it is gone from the JWKS and from the table.
TEST_P(MachineTokensTest, RotationKeepsTheOldKeyUntilItsTokensExpire) {
  CreatedServiceClient client = MakeClient(org_a_, {Permission::kReadOrg});
  std::string old_token = TokenFor(client);
  auto first = keys_->Published();
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->size(), 1u);
  std::string old_kid = (*first)[0].kid;

  auto new_kid = keys_->Rotate();
  ASSERT_TRUE(new_kid.ok()) << new_kid.error().message;
  EXPECT_NE(*new_kid, old_kid);
  auto both = keys_->Published();
  ASSERT_TRUE(both.ok());
  ASSERT_EQ(both->size(), 2u);
  EXPECT_EQ((*both)[0].kid, *new_kid);
  EXPECT_TRUE((*both)[0].current);
  EXPECT_EQ((*both)[1].kid, old_kid);
  EXPECT_TRUE(tokens_->Verify(old_token)->identity.has_value());
  std::string new_token = TokenFor(client);
  EXPECT_TRUE(tokens_->Verify(new_token)->identity.has_value());

  // Publication lasts the token lifetime bound plus the cache period.
  clock_.Advance(kTokenLifetimeBound + seconds(SigningKeys::kCacheSeconds) - seconds(1));
  EXPECT_TRUE(keys_->PublicKey(old_kid).has_value());
  auto kept = keys_->PurgeExpired();
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(*kept, 0);
  clock_.Advance(seconds(1));
  EXPECT_FALSE(keys_->PublicKey(old_kid).has_value());
  auto purged = keys_->PurgeExpired();
  ASSERT_TRUE(purged.ok());
  EXPECT_EQ(*purged, 1);
  auto remaining = keys_->Published();
  ASSERT_TRUE(remaining.ok());
  ASSERT_EQ(remaining->size(), 1u);
  EXPECT_EQ((*remaining)[0].kid, *new_kid);
}

TEST_P(MachineTokensTest, RotateIfOlderThanRotatesOnlyWhenDue) {
  ASSERT_TRUE(keys_->Current().ok());  // The first key, made on demand.
  auto early = keys_->RotateIfOlderThan(seconds(3600));
  ASSERT_TRUE(early.ok());
  EXPECT_FALSE(*early);
  clock_.Advance(seconds(3600));
  auto due = keys_->RotateIfOlderThan(seconds(3600));
  ASSERT_TRUE(due.ok());
  EXPECT_TRUE(*due);
  EXPECT_EQ(keys_->Published()->size(), 2u);
}

// proves DATA-2: the signing key's seed is stored only sealed.
TEST_P(MachineTokensTest, SigningSeedsAreStoredSealed) {
  auto current = keys_->Current();
  ASSERT_TRUE(current.ok());
  auto connection = database().Acquire();
  ASSERT_TRUE(connection.ok());
  auto row = (*connection)->QueryOptional("SELECT sealed_seed, public_key FROM signing_keys");
  ASSERT_TRUE(row.ok() && row->has_value());
  const storage::Blob& sealed = (*row)->Bytes(0);
  crypto::ByteSpan seed = current->key.seed();
  EXPECT_GT(sealed.size(), seed.size());
  EXPECT_EQ(std::search(sealed.begin(), sealed.end(), seed.begin(), seed.end()), sealed.end());
  EXPECT_EQ(current->kid, JwkThumbprint(current->key.public_key()));
}

// A second server over the same database sees a rotation within the cache period, and
// a kid it has not seen yet at once.
TEST_P(MachineTokensTest, AnotherServerLearnsOfANewKeyByItsKid) {
  SigningKeys other_server(database(), data_keys_, clock_, kTokenLifetimeBound);
  MachineTokens other_tokens(database(), other_server, clock_, settings_);
  CreatedServiceClient client = MakeClient(org_a_, {Permission::kReadOrg});
  ASSERT_TRUE(other_tokens.Verify(TokenFor(client))->identity.has_value());
  ASSERT_TRUE(keys_->Rotate().ok());
  EXPECT_TRUE(other_tokens.Verify(TokenFor(client))->identity.has_value());
}

INSTANTIATE_BACKENDS(MachineTokensTest);

}  // namespace
}  // namespace finhelm::identity

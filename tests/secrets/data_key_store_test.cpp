#include "secrets/data_key_store.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "crypto/random.hpp"
#include "storage/migration.hpp"
#include "storage/organizations.hpp"
#include "storage/transaction.hpp"
#include "tests/storage/test_database.hpp"

namespace finhelm::secrets {
namespace {

using storage::testing::Backend;

crypto::MasterKey MakeMasterKey(std::uint32_t version) {
  return crypto::MasterKey{version, crypto::RandomSecretBytes(crypto::kMasterKeyBytes)};
}

template <typename... Keys>
crypto::MasterKeyRing RingOf(Keys... keys) {
  std::vector<crypto::MasterKey> list;
  (list.push_back(std::move(keys)), ...);
  auto ring = crypto::MasterKeyRing::Create(std::move(list));
  EXPECT_TRUE(ring.ok());
  return std::move(*ring);
}

class DataKeyStoreTest : public storage::testing::BackendTest {
 protected:
  OrganizationId CreateOrganization(std::string_view name) {
    auto connection = database().Acquire();
    EXPECT_TRUE(connection.ok());
    auto id = storage::CreateOrganization(**connection, name, clock_);
    EXPECT_TRUE(id.ok());
    return *id;
  }

  FakeClock clock_{std::chrono::system_clock::time_point(std::chrono::seconds(1'800'000'000))};
};

// proves DATA-2: data keys are stored wrapped and sealed secrets open with the same key.
TEST_P(DataKeyStoreTest, CreatesVersionOneAndLoadsTheSameKeyAgain) {
  auto master = RingOf(MakeMasterKey(1));
  DataKeyStore store(master, clock_);
  OrganizationId organization = CreateOrganization("Acme");
  auto connection = database().Acquire();
  ASSERT_TRUE(connection.ok());
  storage::OrgScope scope(**connection, organization);

  auto first = store.LoadOrCreate(scope);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->current().version(), 1u);
  auto sealed = first->Seal(crypto::AsBytes("refresh-token"), "oauth:refresh:1");

  auto again = store.LoadOrCreate(scope);
  ASSERT_TRUE(again.ok());
  auto opened = again->Open(sealed, "oauth:refresh:1");
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(opened->AsStringView(), "refresh-token");
}

// proves DATA-2: an organization's data key cannot open another organization's secrets.
TEST_P(DataKeyStoreTest, OrganizationsHaveSeparateKeys) {
  auto master = RingOf(MakeMasterKey(1));
  DataKeyStore store(master, clock_);
  OrganizationId a = CreateOrganization("A");
  OrganizationId b = CreateOrganization("B");
  auto connection = database().Acquire();
  ASSERT_TRUE(connection.ok());
  storage::OrgScope scope_a(**connection, a);
  storage::OrgScope scope_b(**connection, b);
  auto ring_a = store.LoadOrCreate(scope_a);
  auto ring_b = store.LoadOrCreate(scope_b);
  ASSERT_TRUE(ring_a.ok() && ring_b.ok());
  auto sealed = ring_a->Seal(crypto::AsBytes("secret"), "row");
  auto opened = ring_b->Open(sealed, "row");
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().code, ErrorCode::kDataLoss);
}

// proves DATA-2: rotating the data key keeps older ciphertexts readable.
TEST_P(DataKeyStoreTest, RotatedDataKeyStillOpensOlderSecrets) {
  auto master = RingOf(MakeMasterKey(1));
  DataKeyStore store(master, clock_);
  OrganizationId organization = CreateOrganization("Acme");
  auto connection = database().Acquire();
  ASSERT_TRUE(connection.ok());
  storage::OrgScope scope(**connection, organization);

  auto before = store.LoadOrCreate(scope);
  ASSERT_TRUE(before.ok());
  auto old_secret = before->Seal(crypto::AsBytes("old"), "row:1");
  auto rotated = store.RotateDataKey(scope);
  ASSERT_TRUE(rotated.ok()) << rotated.error().message;
  EXPECT_EQ(*rotated, 2u);

  auto after = store.LoadOrCreate(scope);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->current().version(), 2u);
  auto opened = after->Open(old_secret, "row:1");
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(opened->AsStringView(), "old");
}

// proves DATA-2: the rotation command re-wraps every data key under the new master key,
// after which the old master key is no longer needed.
TEST_P(DataKeyStoreTest, RewrapAllMovesEveryKeyToTheCurrentMasterVersion) {
  crypto::MasterKey first = MakeMasterKey(1);
  crypto::MasterKey second = MakeMasterKey(2);
  auto old_master = RingOf(crypto::MasterKey{1, first.key.Clone()});
  OrganizationId a = CreateOrganization("A");
  OrganizationId b = CreateOrganization("B");
  std::vector<std::uint8_t> sealed;
  {
    DataKeyStore store(old_master, clock_);
    auto connection = database().Acquire();
    ASSERT_TRUE(connection.ok());
    storage::OrgScope scope_a(**connection, a);
    storage::OrgScope scope_b(**connection, b);
    auto ring = store.LoadOrCreate(scope_a);
    ASSERT_TRUE(ring.ok());
    sealed = ring->Seal(crypto::AsBytes("kept"), "row");
    ASSERT_TRUE(store.LoadOrCreate(scope_b).ok());
  }

  auto both =
      RingOf(crypto::MasterKey{1, first.key.Clone()}, crypto::MasterKey{2, second.key.Clone()});
  auto report = DataKeyStore(both, clock_).RewrapAll(database());
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->rewrapped, 2u);
  EXPECT_EQ(report->current, 0u);

  auto again = DataKeyStore(both, clock_).RewrapAll(database());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->rewrapped, 0u);
  EXPECT_EQ(again->current, 2u);

  auto only_new = RingOf(crypto::MasterKey{2, second.key.Clone()});
  DataKeyStore store(only_new, clock_);
  auto connection = database().Acquire();
  ASSERT_TRUE(connection.ok());
  storage::OrgScope scope_a(**connection, a);
  auto ring = store.LoadOrCreate(scope_a);
  ASSERT_TRUE(ring.ok()) << ring.error().message;
  auto opened = ring->Open(sealed, "row");
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(opened->AsStringView(), "kept");
}

// proves DATA-2: a data key wrapped under one master key does not unwrap under another.
TEST_P(DataKeyStoreTest, WrongMasterKeyIsDataLoss) {
  auto master = RingOf(MakeMasterKey(1));
  OrganizationId organization = CreateOrganization("Acme");
  auto connection = database().Acquire();
  ASSERT_TRUE(connection.ok());
  storage::OrgScope scope(**connection, organization);
  ASSERT_TRUE(DataKeyStore(master, clock_).LoadOrCreate(scope).ok());

  auto impostor = RingOf(MakeMasterKey(1));
  auto loaded = DataKeyStore(impostor, clock_).LoadOrCreate(scope);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().code, ErrorCode::kDataLoss);
}

INSTANTIATE_TEST_SUITE_P(secrets, DataKeyStoreTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         storage::testing::BackendName);

}  // namespace
}  // namespace finhelm::secrets

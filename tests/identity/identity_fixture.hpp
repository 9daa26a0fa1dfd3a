// A migrated database on each backend and a fake clock, for the identity tests.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "crypto/master_key_ring.hpp"
#include "crypto/random.hpp"
#include "identity/users.hpp"
#include "tests/storage/test_database.hpp"

namespace finhelm::identity::testing {

// 2027-01-15 08:00 UTC: a fixed start, so that expiries are easy to read in failures.
inline constexpr std::chrono::seconds kStart{1'799'999'999};

// Decodes an enrollment's base32 secret, as an authenticator app would.
inline std::vector<std::uint8_t> DecodeBase32(std::string_view text) {
  std::vector<std::uint8_t> out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    buffer = (buffer << 5) | static_cast<std::uint32_t>(c >= 'A' ? c - 'A' : c - '2' + 26);
    bits += 5;
    if (bits >= 8) {
      out.push_back(static_cast<std::uint8_t>((buffer >> (bits - 8)) & 0xFF));
      bits -= 8;
    }
  }
  return out;
}

// A master key ring of one fresh random key.
inline crypto::MasterKeyRing TestMasterRing() {
  std::vector<crypto::MasterKey> keys;
  keys.push_back({1, crypto::RandomSecretBytes(crypto::kMasterKeyBytes)});
  auto ring = crypto::MasterKeyRing::Create(std::move(keys));
  EXPECT_TRUE(ring.ok());
  return std::move(*ring);
}

class IdentityTest : public storage::testing::BackendTest {
 protected:
  // A verified user with a placeholder hash; tests that log in set a real one.
  UserId AddUser(const std::string& email, const std::string& hash = "$argon2id$placeholder") {
    auto connection = database().Acquire();
    EXPECT_TRUE(connection.ok());
    auto user = CreateUser(**connection, {email, "Test User", hash}, clock_);
    EXPECT_TRUE(user.ok()) << user.error().message;
    EXPECT_TRUE(MarkEmailVerified(**connection, *user, clock_).ok());
    return user.ok() ? *user : UserId{};
  }

  FakeClock clock_{std::chrono::system_clock::time_point(kStart)};
};

}  // namespace finhelm::identity::testing

#define INSTANTIATE_BACKENDS(suite)                                                            \
  INSTANTIATE_TEST_SUITE_P(identity, suite,                                                    \
                           ::testing::Values(::finhelm::storage::testing::Backend::kSqlite,    \
                                             ::finhelm::storage::testing::Backend::kPostgres), \
                           ::finhelm::storage::testing::BackendName)

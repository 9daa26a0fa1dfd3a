#include "identity/password_hasher.hpp"

#include <gtest/gtest.h>

namespace finhelm::identity {
namespace {

// Made by the Argon2 reference implementation (Debian's `argon2` command):
//   echo -n "correct horse battery staple" | argon2 finhelm-kat-salt -id -t 2 -k 19456 -p 1 -l 32
constexpr std::string_view kReferencePhc =
    "$argon2id$v=19$m=19456,t=2,p=1$ZmluaGVsbS1rYXQtc2FsdA$"
    "7O4bkemWyCVYTR7ex+mmy+Q0CtWClyk3wmK4mwpRpGI";

const PasswordHasher& Hasher() {
  static const PasswordHasher hasher;
  return hasher;
}

// proves AUTH-1: a known answer from the reference implementation verifies, and only for
// its password.
TEST(PasswordHasher, VerifiesTheReferenceImplementationsKnownAnswer) {
  EXPECT_TRUE(Hasher().Verify("correct horse battery staple", kReferencePhc));
  EXPECT_FALSE(Hasher().Verify("correct horse battery stapler", kReferencePhc));
  EXPECT_FALSE(Hasher().NeedsRehash(kReferencePhc));
}

// proves AUTH-1: Argon2id with m = 19 MiB, t = 2, p = 1, stored as a PHC string.
TEST(PasswordHasher, HashesWithArgon2idAtTheRequiredParameters) {
  auto phc = Hasher().Hash("violet kettle marches under 9 lanterns");
  ASSERT_TRUE(phc.ok());
  EXPECT_TRUE(phc->starts_with("$argon2id$v=19$m=19456,t=2,p=1$")) << *phc;
  EXPECT_TRUE(Hasher().Verify("violet kettle marches under 9 lanterns", *phc));
  EXPECT_FALSE(Hasher().Verify("violet kettle marches under 9 lantern", *phc));
  auto again = Hasher().Hash("violet kettle marches under 9 lanterns");
  ASSERT_TRUE(again.ok());
  EXPECT_NE(*phc, *again);  // A fresh salt each time.
}

// proves AUTH-1: a hash with weaker parameters is reported for upgrade.
TEST(PasswordHasher, ReportsWeakerHashesForRehash) {
  PasswordHasher weak({1, std::size_t{8} * 1024 * 1024});
  auto phc = weak.Hash("violet kettle marches under 9 lanterns");
  ASSERT_TRUE(phc.ok());
  EXPECT_TRUE(Hasher().NeedsRehash(*phc));
  EXPECT_TRUE(Hasher().Verify("violet kettle marches under 9 lanterns", *phc));
}

// proves AUTH-2: the NFKC form is hashed, so equivalent spellings are one password.
TEST(PasswordHasher, VerifiesEquivalentUnicodeSpellings) {
  auto phc = Hasher().Hash("caf\xC3\xA9 violet kettle marches");  // precomposed é
  ASSERT_TRUE(phc.ok());
  EXPECT_TRUE(Hasher().Verify("cafe\xCC\x81 violet kettle marches", *phc));  // e + accent
}

TEST(PasswordHasher, MalformedStoredHashNeverVerifies) {
  EXPECT_FALSE(Hasher().Verify("anything at all here", "not a hash"));
  EXPECT_FALSE(Hasher().Verify("anything at all here", ""));
  EXPECT_TRUE(Hasher().NeedsRehash("$2b$12$bcrypt"));
}

}  // namespace
}  // namespace finhelm::identity

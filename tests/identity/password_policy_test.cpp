#include "identity/password_policy.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "tests/crypto/temp_dir.hpp"

namespace finhelm::identity {
namespace {

using ::testing::Contains;
using ::testing::Field;
using ::testing::IsEmpty;
using ::testing::Not;

constexpr std::string_view kStrong = "violet kettle marches under 9 lanterns";

std::vector<std::string> Codes(const std::vector<PasswordProblem>& problems) {
  std::vector<std::string> codes;
  for (const PasswordProblem& problem : problems) codes.push_back(problem.code);
  return codes;
}

class PasswordPolicyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto loaded = PasswordPolicy::Load({});
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    policy_.emplace(std::move(*loaded));
  }
  std::vector<std::string> Check(std::string_view password, std::string_view email = "jo@ex.com",
                                 std::string_view name = "Jo Bloggs") {
    return Codes(policy_->Check(password, email, name));
  }
  std::optional<PasswordPolicy> policy_;
};

// proves AUTH-2
TEST_F(PasswordPolicyTest, AcceptsALongUnrelatedPassphrase) {
  EXPECT_THAT(Check(kStrong), IsEmpty());
}

// proves AUTH-2
TEST_F(PasswordPolicyTest, RefusesFewerThanFifteenCodePoints) {
  EXPECT_THAT(Check("Zq8#vW2!kP9@xL"), Contains("too_short"));        // 14
  EXPECT_THAT(Check("Zq8#vW2!kP9@xLm"), Not(Contains("too_short")));  // 15
}

// proves AUTH-2: counted in code points, so 15 three-byte characters are long enough.
TEST_F(PasswordPolicyTest, CountsCodePointsNotBytes) {
  std::string kana;
  // Fifteen hiragana syllables, three UTF-8 bytes each.
  for (std::string_view row : {"\u3042\u3044\u3046\u3048\u304A", "\u304B\u304D\u304F\u3051\u3053",
                               "\u3055\u3057\u3059\u305B\u305D"}) {
    kana += row;
  }
  ASSERT_EQ(kana.size(), 45u);
  EXPECT_EQ(CountCodePoints(kana), 15u);
  EXPECT_THAT(Check(kana), Not(Contains("too_short")));
  EXPECT_THAT(Check(kana.substr(0, 42)), Contains("too_short"));
}

// proves AUTH-2: never truncated, so more than 128 code points is refused, not cut.
TEST_F(PasswordPolicyTest, RefusesMoreThan128CodePoints) {
  std::string words;
  while (CountCodePoints(words) <= 128) words += "plum ";
  EXPECT_THAT(Check(words), Contains("too_long"));
}

// proves AUTH-2
TEST_F(PasswordPolicyTest, NormalizesToNfkcBeforeCounting) {
  auto fullwidth = NormalizeNfkc("\xEF\xBC\xA1\xEF\xBC\xA2");  // "ＡＢ"
  ASSERT_TRUE(fullwidth.ok());
  EXPECT_EQ(*fullwidth, "AB");
  EXPECT_FALSE(NormalizeNfkc("\xC3\x28").ok());  // Not UTF-8.
  EXPECT_THAT(Check("\xC3\x28 violet kettle marches"), Contains("encoding"));
}

// proves AUTH-2: zxcvbn's estimate must reach 10^8 guesses.
TEST_F(PasswordPolicyTest, RefusesPredictablePasswordsOfAnyLength) {
  EXPECT_THAT(Check("aaaaaaaaaaaaaaaaaaaa"), Contains("too_weak"));
  EXPECT_THAT(Check("1234567890123456"), Contains("too_weak"));
  EXPECT_THAT(Check("passwordpassword"), Contains("too_weak"));
}

// proves AUTH-2
TEST_F(PasswordPolicyTest, RefusesPasswordsBuiltFromTheEmailOrName) {
  EXPECT_THAT(Check("margaretthatcher1", "margaretthatcher@ex.com", "M T"), Contains("personal"));
  EXPECT_THAT(Check("Bartholomew Fitzgerald", "bf@ex.com", "Bartholomew Fitzgerald"),
              Contains("personal"));
  EXPECT_THAT(Check(kStrong, "bf@ex.com", "Bartholomew Fitzgerald"), Not(Contains("personal")));
}

// proves AUTH-2: the blocklist is compared case-insensitively.
TEST(PasswordPolicyBlocklist, RefusesListedPasswordsInAnyCase) {
  crypto::testing::TempDir dir;
  std::string path = dir / "list.txt";
  std::ofstream(path) << "#!comment: test list\nwinter garden lamp post 77\n";
  PasswordPolicyOptions options;
  options.blocklist_file = path;
  auto policy = PasswordPolicy::Load(options);
  ASSERT_TRUE(policy.ok());
  EXPECT_EQ(policy->blocklist_size(), 1u);
  EXPECT_THAT(Codes(policy->Check("Winter Garden Lamp Post 77", "a@b.co", "A")),
              Contains("blocklisted"));
}

TEST(PasswordPolicyBlocklist, DebianJohnListIsLoaded) {
  auto policy = PasswordPolicy::Load({});
  ASSERT_TRUE(policy.ok());
  EXPECT_GT(policy->blocklist_size(), 3000u);
}

TEST(PasswordPolicyBlocklist, MissingBlocklistIsAnError) {
  PasswordPolicyOptions options;
  options.blocklist_file = "/nonexistent/list.txt";
  auto policy = PasswordPolicy::Load(options);
  ASSERT_FALSE(policy.ok());
  EXPECT_EQ(policy.error().code, ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace finhelm::identity

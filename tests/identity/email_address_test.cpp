#include "identity/email_address.hpp"

#include <gtest/gtest.h>

namespace finhelm::identity {
namespace {

TEST(NormalizeEmail, TrimsAndLowersCase) {
  auto email = NormalizeEmail("  Jane.Doe+books@Example.COM \t");
  ASSERT_TRUE(email.ok());
  EXPECT_EQ(*email, "jane.doe+books@example.com");
}

TEST(NormalizeEmail, RefusesWhatCannotBeAnAddress) {
  for (const char* bad :
       {"", "jane", "@example.com", "jane@", "jane@example", "jane@@ex.com", "ja ne@example.com",
        "jane@ex..com", ".jane@example.com", "jane.@example.com", "jane@-ex.com",
        "jane@ex.com\r\nBcc: x@y.z", "j\xC3\xA9@example.com"}) {
    EXPECT_FALSE(NormalizeEmail(bad).ok()) << bad;
  }
  std::string long_local(65, 'a');
  EXPECT_FALSE(NormalizeEmail(long_local + "@example.com").ok());
  EXPECT_TRUE(NormalizeEmail(std::string(64, 'a') + "@example.com").ok());
}

}  // namespace
}  // namespace finhelm::identity

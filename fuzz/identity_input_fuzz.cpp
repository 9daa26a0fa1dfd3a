// Fuzzes what identity reads from request bodies and queries: emails, passwords and names
// (NFKC, the AUTH-2 policy), recovery codes, and the audit log's RFC 3339 times. None may
// crash, and each normal form is stable: normalizing it again changes nothing, and a
// parsed time formats back to itself.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "api/audit_routes.hpp"
#include "identity/email_address.hpp"
#include "identity/mfa.hpp"
#include "identity/password_policy.hpp"

namespace {

void Require(bool condition) {
  if (!condition) std::abort();
}

const finhelm::identity::PasswordPolicy& Policy() {
  static const auto policy = finhelm::identity::PasswordPolicy::Load({});
  Require(policy.ok());
  return *policy;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace finhelm;  // NOLINT(google-build-using-namespace): one small file.
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  if (auto email = identity::NormalizeEmail(text); email.ok()) {
    Require(email->find('@') != std::string::npos);
    Require(email->find('@') == email->rfind('@'));
    auto again = identity::NormalizeEmail(*email);
    Require(again.ok() && *again == *email);
  }

  if (auto normalized = identity::NormalizeNfkc(text); normalized.ok()) {
    auto again = identity::NormalizeNfkc(*normalized);
    Require(again.ok() && *again == *normalized);
    Require(identity::CountCodePoints(*normalized) <= normalized->size());
  }
  if (size <= 4096) {
    std::string half(text.substr(0, size / 2));
    (void)Policy().Check(text, half + "@example.com", text.substr(size / 2));
  }

  std::string code = identity::CanonicalRecoveryCode(text);
  Require(code.find_first_of("- ") == std::string::npos);

  if (auto ms = api::ParseUtcTimestamp(text); ms.ok()) {
    Require(*ms >= 0);
    auto back = api::ParseUtcTimestamp(api::FormatUtcTimestamp(*ms));
    Require(back.ok() && *back == *ms);
  }
  return 0;
}

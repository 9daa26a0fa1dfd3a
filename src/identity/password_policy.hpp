// PasswordPolicy: the rules of AUTH-2 for a new password.
//
//   auto policy = PasswordPolicy::Load(PasswordPolicyOptions{});
//   std::vector<PasswordProblem> problems = policy->Check(password, email, name);
//
// The password is taken as UTF-8 and normalized to NFKC before anything is counted or
// compared, so that the same password typed on two keyboards is one password. Length is
// counted in code points (15 to 128) and never truncated. Strength is zxcvbn's estimate
// (at least 10^8 guesses, about 26.6 bits); a password on the blocklist (Debian's
// john-data list, compared case-insensitively) or built from the user's email or name is
// refused. There are no composition rules (NIST SP 800-63B rev. 4).
//
// Thread-safe after Load: Check only reads.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/result.hpp"

namespace finhelm::identity {

struct PasswordPolicyOptions {
  std::size_t min_code_points = 15;
  std::size_t max_code_points = 128;
  double min_entropy_bits = 26.6;  // log2(10^8): zxcvbn's score 3.
  std::string blocklist_file = "/usr/share/john/password.lst";
};

// One reason a password is refused; `code` is stable for the web app, `message` is
// shown to the user.
struct PasswordProblem {
  std::string code;  // "too_short", "too_long", "too_weak", "blocklisted", "personal", "encoding"
  std::string message;
};

// The NFKC form of `text`, or kInvalidArgument when it is not valid UTF-8.
Result<std::string> NormalizeNfkc(std::string_view text);

// True when `text` holds an ASCII control character (CR, LF, tab, DEL, ...): names with
// them are refused, so that no name can break a mail header or a log line.
bool HasControlCharacters(std::string_view text);

// The number of code points in valid UTF-8 `text`.
std::size_t CountCodePoints(std::string_view text);

class PasswordPolicy {
 public:
  // Reads the blocklist. Fails with kUnavailable when the file cannot be read: a server
  // must not start with a policy that silently lets the commonest passwords through.
  static Result<PasswordPolicy> Load(PasswordPolicyOptions options);

  // Every rule the password breaks; empty when it is acceptable. `email` and `name` are
  // the account's, so that the password cannot be made of them.
  std::vector<PasswordProblem> Check(std::string_view password, std::string_view email,
                                     std::string_view name) const;

  std::size_t blocklist_size() const { return blocklist_.size(); }

 private:
  explicit PasswordPolicy(PasswordPolicyOptions options) : options_(std::move(options)) {}

  PasswordPolicyOptions options_;
  std::unordered_set<std::string> blocklist_;  // Lower-case entries.
};

}  // namespace finhelm::identity

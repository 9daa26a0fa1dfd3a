#include "identity/password_policy.hpp"

#include <utf8proc.h>
#include <zxcvbn.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <memory>

namespace finhelm::identity {
namespace {

struct FreeDeleter {
  void operator()(void* pointer) const { std::free(pointer); }  // NOLINT(*-no-malloc)
};

std::string LowerAscii(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

// The parts of an account a password must not be built from: the email's local part and
// domain label, the name's words and the whole name run together, and the product's name.
std::vector<std::string> PersonalTokens(std::string_view email, std::string_view name) {
  constexpr std::size_t kMinTokenLength = 4;
  std::vector<std::string> tokens = {"finhelm"};
  auto add = [&tokens](std::string token) {
    if (token.size() >= kMinTokenLength) tokens.push_back(std::move(token));
  };
  std::string lower_email = LowerAscii(email);
  std::size_t at = lower_email.find('@');
  add(lower_email.substr(0, at));
  if (at != std::string::npos) {
    std::string domain = lower_email.substr(at + 1);
    add(domain.substr(0, domain.find('.')));
  }
  std::string lower_name = LowerAscii(name);
  std::string joined;
  std::string word;
  for (char c : lower_name + " ") {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0 ||
        (static_cast<unsigned char>(c) & 0x80)) {
      word.push_back(c);
      joined.push_back(c);
    } else {
      add(word);
      word.clear();
    }
  }
  add(joined);
  return tokens;
}

}  // namespace

Result<std::string> NormalizeNfkc(std::string_view text) {
  // utf8proc reads a NUL-terminated string, so an embedded NUL would cut the text short.
  if (text.find('\0') != std::string_view::npos) {
    return MakeError(ErrorCode::kInvalidArgument, "text holds a NUL character");
  }
  std::string terminated(text);
  std::unique_ptr<utf8proc_uint8_t, FreeDeleter> normalized(
      utf8proc_NFKC(reinterpret_cast<const utf8proc_uint8_t*>(terminated.c_str())));
  if (!normalized) return MakeError(ErrorCode::kInvalidArgument, "text is not valid UTF-8");
  return std::string(reinterpret_cast<const char*>(normalized.get()));
}

bool HasControlCharacters(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7F;
  });
}

std::size_t CountCodePoints(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) {
    // Every code point has exactly one byte that is not a continuation byte (10xxxxxx).
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

Result<PasswordPolicy> PasswordPolicy::Load(PasswordPolicyOptions options) {
  std::ifstream file(options.blocklist_file);
  if (!file) {
    return MakeError(ErrorCode::kUnavailable,
                     "cannot read the password blocklist " + options.blocklist_file);
  }
  PasswordPolicy policy(std::move(options));
  std::string line;
  while (std::getline(file, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.starts_with("#!comment:")) continue;
    policy.blocklist_.insert(LowerAscii(line));
  }
  if (policy.blocklist_.empty()) {
    return MakeError(ErrorCode::kUnavailable, "the password blocklist is empty");
  }
  return policy;
}

std::vector<PasswordProblem> PasswordPolicy::Check(std::string_view password,
                                                   std::string_view email,
                                                   std::string_view name) const {
  auto normalized = NormalizeNfkc(password);
  if (!normalized.ok()) {
    return {{"encoding", "The password must be valid text (UTF-8) without NUL characters."}};
  }
  std::vector<PasswordProblem> problems;
  std::size_t length = CountCodePoints(*normalized);
  if (length < options_.min_code_points) {
    problems.push_back({"too_short", "Use at least " + std::to_string(options_.min_code_points) +
                                         " characters; a few unrelated words work well."});
  }
  if (length > options_.max_code_points) {
    problems.push_back(
        {"too_long", "Use at most " + std::to_string(options_.max_code_points) + " characters."});
    return problems;  // Too long to be worth estimating.
  }
  std::string lower = LowerAscii(*normalized);
  if (blocklist_.contains(lower)) {
    problems.push_back({"blocklisted", "This password is on a list of commonly used passwords."});
  }

  std::vector<std::string> tokens = PersonalTokens(email, name);
  bool personal = !lower.empty() && LowerAscii(email).find(lower) != std::string::npos;
  for (const std::string& token : tokens) {
    // A token that makes up a third or more of the password is what the password is.
    if (lower.find(token) != std::string::npos && token.size() * 3 >= lower.size()) {
      personal = true;
    }
  }
  if (personal) {
    problems.push_back({"personal", "The password must not be built from your email or name."});
  }

  std::vector<const char*> user_dictionary;
  user_dictionary.reserve(tokens.size() + 1);
  for (const std::string& token : tokens) user_dictionary.push_back(token.c_str());
  user_dictionary.push_back(nullptr);
  double bits = ZxcvbnMatch(normalized->c_str(), user_dictionary.data(), nullptr);
  if (bits < options_.min_entropy_bits) {
    problems.push_back({"too_weak", "This password is too easy to guess; add more words."});
  }
  return problems;
}

}  // namespace finhelm::identity

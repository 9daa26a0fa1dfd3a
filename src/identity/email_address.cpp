#include "identity/email_address.hpp"

#include <algorithm>
#include <cctype>

namespace finhelm::identity {
namespace {

constexpr std::size_t kMaxLocalPart = 64;
constexpr std::size_t kMaxAddress = 254;

bool IsAllowedLocalCharacter(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
         std::string_view("!#$%&'*+-/=?^_`{|}~.").find(c) != std::string_view::npos;
}

bool IsValidDomain(std::string_view domain) {
  if (domain.empty() || domain.find('.') == std::string_view::npos) return false;
  std::size_t label_start = 0;
  for (std::size_t i = 0; i <= domain.size(); ++i) {
    if (i == domain.size() || domain[i] == '.') {
      std::string_view label = domain.substr(label_start, i - label_start);
      if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
        return false;
      }
      label_start = i + 1;
      continue;
    }
    char c = domain[i];
    if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '-') return false;
  }
  return true;
}

}  // namespace

Result<std::string> NormalizeEmail(std::string_view email) {
  auto not_space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) == 0; };
  auto first = std::find_if(email.begin(), email.end(), not_space);
  auto last = std::find_if(email.rbegin(), email.rend(), not_space).base();
  std::string trimmed = first < last ? std::string(first, last) : std::string();
  std::transform(trimmed.begin(), trimmed.end(), trimmed.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });

  std::size_t at = trimmed.find('@');
  bool valid = trimmed.size() <= kMaxAddress && at != std::string::npos &&
               trimmed.find('@', at + 1) == std::string::npos && at > 0 && at <= kMaxLocalPart;
  if (valid) {
    std::string_view local = std::string_view(trimmed).substr(0, at);
    valid = std::all_of(local.begin(), local.end(), IsAllowedLocalCharacter) &&
            local.front() != '.' && local.back() != '.' &&
            local.find("..") == std::string_view::npos &&
            IsValidDomain(std::string_view(trimmed).substr(at + 1));
  }
  if (!valid) return MakeError(ErrorCode::kInvalidArgument, "not an email address");
  return trimmed;
}

}  // namespace finhelm::identity

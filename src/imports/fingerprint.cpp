#include "imports/fingerprint.hpp"

#include <sodium.h>

namespace finhelm::imports {
namespace {

constexpr std::size_t kDigestBytes = 16;

storage::Blob Digest(std::string_view text) {
  storage::Blob digest(kDigestBytes);
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(text.data()), text.size(), nullptr, 0);
  return digest;
}

}  // namespace

storage::Blob TransactionKey(std::string_view group) { return Digest(group); }

storage::Blob LineFingerprinter::Fingerprint(std::string_view group, std::string_view account,
                                             std::int32_t posted_on, std::string_view memo,
                                             std::int64_t amount) {
  if (posted_on != window_day_) {
    window_day_ = posted_on;
    seen_.clear();
  }
  std::string content(group);
  for (std::string_view part : {account, memo}) {
    content.push_back('\x1f');
    content += part;
  }
  content.push_back('\x1f');
  content += std::to_string(amount);
  const int occurrence = seen_[content]++;
  content.push_back('\x1f');
  content += std::to_string(occurrence);
  return Digest(content);
}

}  // namespace finhelm::imports

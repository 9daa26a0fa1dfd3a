#include "imports/fingerprint.hpp"

#include <sodium.h>

#include <charconv>
#include <cstring>

namespace finhelm::imports {
namespace {

DatedKey Digest(std::int32_t posted_on, std::string_view text) {
  DatedKey key{};
  // YYYYMMDD; CalendarDate keeps years within 1900..2199, so eight digits always hold it.
  std::uint32_t date = posted_on < 0 ? 0U : static_cast<std::uint32_t>(posted_on);
  for (std::size_t i = kKeyDateBytes; i-- > 0;) {
    key[i] = static_cast<std::uint8_t>('0' + date % 10);
    date /= 10;
  }
  crypto_generichash(key.data() + kKeyDateBytes, kKeyDigestBytes,
                     reinterpret_cast<const unsigned char*>(text.data()), text.size(), nullptr, 0);
  return key;
}

void AppendNumber(std::string& text, std::int64_t number) {
  char digits[24];
  auto [end, error] = std::to_chars(std::begin(digits), std::end(digits), number);
  text.append(digits, end);
}

}  // namespace

DatedKey TransactionKey(std::int32_t posted_on, std::string_view group) {
  return Digest(posted_on, group);
}

storage::Blob BlobOf(const DatedKey& key) { return {key.begin(), key.end()}; }

std::size_t DatedKeyHash::operator()(const DatedKey& key) const {
  std::size_t hash = 0;
  std::memcpy(&hash, key.data() + kKeyDateBytes, sizeof hash);
  return hash;
}

DatedKey LineFingerprinter::Fingerprint(std::string_view group, std::string_view account,
                                        std::int32_t posted_on, std::string_view memo,
                                        std::int64_t amount) {
  if (posted_on != window_day_) {
    window_day_ = posted_on;
    seen_.clear();
  }
  content_.assign(group);
  for (std::string_view part : {account, memo}) {
    content_.push_back('\x1f');
    content_ += part;
  }
  content_.push_back('\x1f');
  AppendNumber(content_, amount);
  const int occurrence = seen_[content_]++;
  content_.push_back('\x1f');
  AppendNumber(content_, occurrence);
  return Digest(posted_on, content_);
}

}  // namespace finhelm::imports

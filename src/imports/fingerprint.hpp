// What identifies a transaction and a line across imports, so that importing a file
// twice, or an export overlapping an earlier one, adds nothing twice.
//
// Both are a 128-bit BLAKE2b digest (libsodium) of text the exports write the same way
// every time: a transaction's group (ledger_rows.hpp), and for a line, its group, account,
// memo, debit-positive amount and occurrence -- how many identical lines came before it
// on the same account and day in this file, so that two equal lines stay two lines, and a
// later export holding both finds both. 2^64 lines would be needed for an even chance of
// one collision.
//
// The digest is led by the posting date as eight ASCII digits (YYYYMMDD). The unique
// indexes over these keys are what an import inserts into; led by the date, the keys of
// an export that lists its lines in date order land next to each other in the B-tree
// instead of at random pages of it (measured on a million rows: docs/performance.md).
// Exact de-duplication is unchanged, since the digest covers the date already.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "storage/value.hpp"

namespace finhelm::imports {

inline constexpr std::size_t kKeyDateBytes = 8;
inline constexpr std::size_t kKeyDigestBytes = 16;
inline constexpr std::size_t kKeyBytes = kKeyDateBytes + kKeyDigestBytes;

// A transaction key or line fingerprint as raw bytes.
using DatedKey = std::array<std::uint8_t, kKeyBytes>;

DatedKey TransactionKey(std::int32_t posted_on, std::string_view group);

storage::Blob BlobOf(const DatedKey& key);

// For hash maps of keys: eight bytes of the digest, which BLAKE2b has spread evenly.
struct DatedKeyHash {
  std::size_t operator()(const DatedKey& key) const;
};

// Counts identical lines in a window of one day: every export lists a day's lines
// together (per account in a General Ledger, for all accounts in a Transaction List or a
// bank statement), so a line identical to an earlier one in the file falls in the same
// window, and the window never holds more than one day's lines.
class LineFingerprinter {
 public:
  DatedKey Fingerprint(std::string_view group, std::string_view account, std::int32_t posted_on,
                       std::string_view memo, std::int64_t amount);

 private:
  std::int32_t window_day_ = 0;
  std::unordered_map<std::string, int> seen_;
  std::string content_;  // reused between lines
};

}  // namespace finhelm::imports

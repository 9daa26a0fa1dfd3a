// What identifies a transaction and a line across imports, so that importing a file
// twice, or an export overlapping an earlier one, adds nothing twice.
//
// Both are 128-bit BLAKE2b digests (libsodium) of text the exports write the same way
// every time: a transaction's group (ledger_rows.hpp), and for a line, its group, account,
// memo, debit-positive amount and occurrence -- how many identical lines came before it
// on the same account and day in this file, so that two equal lines stay two lines, and a
// later export holding both finds both. 2^64 lines would be needed for an even chance of
// one collision.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "storage/value.hpp"

namespace finhelm::imports {

storage::Blob TransactionKey(std::string_view group);

// Counts identical lines in a window of one day: every export lists a day's lines
// together (per account in a General Ledger, for all accounts in a Transaction List or a
// bank statement), so a line identical to an earlier one in the file falls in the same
// window, and the window never holds more than one day's lines.
class LineFingerprinter {
 public:
  storage::Blob Fingerprint(std::string_view group, std::string_view account,
                            std::int32_t posted_on, std::string_view memo, std::int64_t amount);

 private:
  std::int32_t window_day_ = 0;
  std::unordered_map<std::string, int> seen_;
};

}  // namespace finhelm::imports

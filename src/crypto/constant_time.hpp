// Comparison of secrets in time independent of where they differ (WEB-4, WEB-7).
#pragma once

#include <string_view>

#include "crypto/bytes.hpp"

namespace finhelm::crypto {

// True when `a` and `b` hold the same bytes. The time taken depends only on the lengths:
// lengths are public (tokens and MACs have fixed sizes), so unequal lengths answer false
// at once without reading either content.
bool ConstantTimeEquals(ByteSpan a, ByteSpan b);
inline bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  return ConstantTimeEquals(AsBytes(a), AsBytes(b));
}

}  // namespace finhelm::crypto

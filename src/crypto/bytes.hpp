// Borrowed byte ranges, the currency of every function in crypto/.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace finhelm::crypto {

// Read-only bytes owned by the caller for the duration of the call.
using ByteSpan = std::span<const std::uint8_t>;

// Views text as bytes without copying; `text` must outlive the span.
inline ByteSpan AsBytes(std::string_view text) {
  return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

}  // namespace finhelm::crypto

#include "crypto/constant_time.hpp"

#include <sodium.h>

namespace finhelm::crypto {

bool ConstantTimeEquals(ByteSpan a, ByteSpan b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace finhelm::crypto

#include "crypto/hash.hpp"

#include <sodium.h>

#include "crypto/encoding.hpp"

namespace finhelm::crypto {

static_assert(kSha256Bytes == crypto_hash_sha256_BYTES);

std::array<std::uint8_t, kSha256Bytes> Sha256(ByteSpan bytes) {
  std::array<std::uint8_t, kSha256Bytes> digest{};
  crypto_hash_sha256(digest.data(), bytes.data(), bytes.size());
  return digest;
}

std::string Sha256Hex(ByteSpan bytes) { return HexEncode(Sha256(bytes)); }

std::string Sha256Hex(std::string_view text) { return Sha256Hex(AsBytes(text)); }

}  // namespace finhelm::crypto

#include "crypto/random.hpp"

#include <sodium.h>

#include <array>

#include "crypto/encoding.hpp"
#include "crypto/internal/sodium.hpp"

namespace finhelm::crypto {

std::vector<std::uint8_t> RandomBytes(std::size_t count) {
  internal::EnsureSodium();
  std::vector<std::uint8_t> out(count);
  // randombytes_buf is declared nonnull, and an empty vector may have no buffer at all.
  if (!out.empty()) randombytes_buf(out.data(), out.size());
  return out;
}

SecretBytes RandomSecretBytes(std::size_t count) {
  SecretBytes out(count);
  if (!out.empty()) randombytes_buf(out.data(), out.size());
  return out;
}

std::string RandomToken() {
  const SecretBytes raw = RandomSecretBytes(kTokenBytes);
  return Base64UrlEncode(raw.bytes());
}

std::string RandomId128Hex() {
  internal::EnsureSodium();
  std::array<std::uint8_t, 16> raw{};
  randombytes_buf(raw.data(), raw.size());
  return HexEncode(raw);
}

}  // namespace finhelm::crypto

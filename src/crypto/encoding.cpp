#include "crypto/encoding.hpp"

#include <sodium.h>

namespace finhelm::crypto {
namespace {

// The longest decoding `text` could have; sodium_base642bin reports the exact length.
std::size_t MaxDecodedSize(std::string_view text) { return text.size() / 4 * 3 + 3; }

Error MalformedBase64() { return MakeError(ErrorCode::kInvalidArgument, "malformed base64"); }

// libsodium 1.0.18 (Debian 12) decodes every byte from 0x80 up as if it were the last
// letter of the alphabet, which would give one key or token many spellings. Those bytes
// are refused here first. The scan reads every byte without branching on any, in keeping
// with libsodium's own constant-time decoding of key material.
bool HasNonAsciiByte(std::string_view text) {
  unsigned high_bits = 0;
  for (char c : text) high_bits |= static_cast<unsigned char>(c) & 0x80u;
  return high_bits != 0;
}

}  // namespace

std::string Base64UrlEncode(ByteSpan bytes) {
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  // The encoded length counts the NUL terminator libsodium writes; std::string keeps its
  // own, so the buffer is sized with it and trimmed afterwards.
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), kVariant), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(), kVariant);
  out.pop_back();
  return out;
}

Result<std::vector<std::uint8_t>> Base64UrlDecode(std::string_view text) {
  if (HasNonAsciiByte(text)) return MalformedBase64();
  std::vector<std::uint8_t> out(MaxDecodedSize(text));
  std::size_t decoded = 0;
  if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), /*ignore=*/nullptr,
                        &decoded, /*b64_end=*/nullptr,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0) {
    return MalformedBase64();
  }
  out.resize(decoded);
  return out;
}

std::string Base64Encode(ByteSpan bytes) {
  constexpr int kVariant = sodium_base64_VARIANT_ORIGINAL;
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), kVariant), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(), kVariant);
  out.pop_back();  // The terminating NUL.
  return out;
}

SecretBytes Base64EncodeSecret(ByteSpan bytes) {
  constexpr int kVariant = sodium_base64_VARIANT_ORIGINAL;
  SecretBytes out(sodium_base64_ENCODED_LEN(bytes.size(), kVariant));
  sodium_bin2base64(reinterpret_cast<char*>(out.data()), out.size(), bytes.data(), bytes.size(),
                    kVariant);
  out.Truncate(out.size() - 1);
  return out;
}

Result<SecretBytes> Base64DecodeSecret(std::string_view text) {
  if (HasNonAsciiByte(text)) return MalformedBase64();
  SecretBytes out(MaxDecodedSize(text));
  std::size_t decoded = 0;
  if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), /*ignore=*/nullptr,
                        &decoded, /*b64_end=*/nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
    return MalformedBase64();
  }
  out.Truncate(decoded);
  return out;
}

std::string HexEncode(ByteSpan bytes) {
  std::string out(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes.data(), bytes.size());
  out.pop_back();
  return out;
}

}  // namespace finhelm::crypto

// Text encodings of bytes: base64url for tokens, standard base64 for key files, hex for
// digests and file names. Decoders are strict: one canonical spelling per byte string.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "crypto/bytes.hpp"
#include "crypto/secret_bytes.hpp"

namespace finhelm::crypto {

// RFC 4648 section 5 alphabet ('-' and '_'), without '=' padding: safe in URLs, cookies
// and file names as is.
std::string Base64UrlEncode(ByteSpan bytes);
// Inverse of Base64UrlEncode. kInvalidArgument for padding, whitespace, characters
// outside the alphabet, an impossible length, or unused trailing bits that are not zero.
Result<std::vector<std::uint8_t>> Base64UrlDecode(std::string_view text);

// RFC 4648 section 4 (standard alphabet, '=' padding), the output of `base64` and
// `openssl rand -base64`, encoded straight into secret memory.
SecretBytes Base64EncodeSecret(ByteSpan bytes);
// The same encoding for bytes that are not secret (MIME bodies and headers).
std::string Base64Encode(ByteSpan bytes);
// Inverse of Base64EncodeSecret, decoding straight into secret memory; rejects the same
// malformations as Base64UrlDecode, and missing padding.
Result<SecretBytes> Base64DecodeSecret(std::string_view text);

// Lowercase hexadecimal, two characters per byte.
std::string HexEncode(ByteSpan bytes);

}  // namespace finhelm::crypto

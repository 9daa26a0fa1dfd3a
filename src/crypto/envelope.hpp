// Sealing secrets for storage (DATA-2): XChaCha20-Poly1305 under a data key, with the
// row identity as associated data.
//
// A sealed value is self-describing bytes, stored as a BLOB / bytea:
//
//   offset 0   1 byte   format version, kSealedFormatV1
//   offset 1   4 bytes  data key version, unsigned big-endian
//   offset 5  24 bytes  random nonce
//   offset 29  n bytes  ciphertext of the n-byte plaintext, then a 16-byte tag
//
// The first five bytes and the caller's associated data are authenticated. The
// associated data names where the value lives (RowIdentity below), so a ciphertext copied
// into another row, column or organization no longer opens. A failure to open is
// kDataLoss, and the caller logs the AUD-1 event `crypt_decrypt_fail`.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "crypto/bytes.hpp"
#include "crypto/data_key.hpp"
#include "crypto/secret_bytes.hpp"

namespace finhelm::crypto {

inline constexpr std::uint8_t kSealedFormatV1 = 1;
// Bytes a sealed value adds to its plaintext: header, nonce and tag.
inline constexpr std::size_t kSealedOverheadBytes = 45;

// Encrypts `plaintext` under `key` with a fresh random nonce; cannot fail.
std::vector<std::uint8_t> Seal(const DataKey& key, ByteSpan plaintext,
                               std::string_view associated_data);
// Decrypts a value sealed under `key` with the same associated data. kDataLoss when the
// value is truncated, has an unknown format, names another key version, or fails
// authentication (wrong key, wrong associated data, any altered byte).
Result<SecretBytes> Open(const DataKey& key, ByteSpan sealed, std::string_view associated_data);
// The data key version a sealed value names, read without decrypting, so that a caller
// can fetch that key, or find values still sealed under an old one. kDataLoss as Open
// for a malformed header.
Result<std::uint32_t> SealedKeyVersion(ByteSpan sealed);

// The associated data for a value stored at (table, column, organization, row id), as
// netstrings: "12:oauth_tokens,13:refresh_token,2:42,3:117,". Length prefixes keep the
// parts from running into each other whatever characters they contain.
std::string RowIdentity(std::string_view table, std::string_view column,
                        std::string_view organization_id, std::string_view row_id);

}  // namespace finhelm::crypto

// Private to crypto/: the one XChaCha20-Poly1305 blob layout shared by sealed values and
// wrapped data keys.
//
//   offset 0   1 byte   format version
//   offset 1   4 bytes  key version, unsigned big-endian
//   offset 5  24 bytes  random nonce
//   offset 29  n bytes  ciphertext, then the 16-byte Poly1305 tag
//
// The authenticated data is the 5-byte header followed by the caller's context, so that
// neither the format nor the key version can be altered without failing the tag, and the
// context (a row identity, an organization) binds the blob to where it is stored.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "crypto/bytes.hpp"
#include "crypto/secret_bytes.hpp"

namespace finhelm::crypto::internal {

inline constexpr std::size_t kAeadKeyBytes = 32;
inline constexpr std::size_t kAeadHeaderBytes = 5;
inline constexpr std::size_t kAeadNonceBytes = 24;
inline constexpr std::size_t kAeadTagBytes = 16;
inline constexpr std::size_t kAeadOverheadBytes =
    kAeadHeaderBytes + kAeadNonceBytes + kAeadTagBytes;

struct AeadHeader {
  std::uint8_t format = 0;
  std::uint32_t key_version = 0;
};

// Encrypts `plaintext` under `key` (kAeadKeyBytes) with a fresh random nonce.
std::vector<std::uint8_t> SealAeadBlob(AeadHeader header, const SecretBytes& key,
                                       ByteSpan plaintext, ByteSpan context);

// Reads the header of `blob`; kDataLoss when the blob is too short to hold a header, a
// nonce and a tag, or names a format other than `expected_format`. `what` names the kind
// of blob in the error message.
Result<AeadHeader> ReadAeadHeader(ByteSpan blob, std::uint8_t expected_format,
                                  std::string_view what);

// Decrypts `blob` (whose header was already read) into secret memory; kDataLoss when the
// tag does not verify: wrong key, wrong context, or any altered byte.
Result<SecretBytes> OpenAeadBlob(const SecretBytes& key, ByteSpan blob, ByteSpan context,
                                 std::string_view what);

void PutUint32BigEndian(std::uint32_t value, std::vector<std::uint8_t>& out);

}  // namespace finhelm::crypto::internal

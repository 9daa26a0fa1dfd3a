#include "crypto/internal/aead_blob.hpp"

#include <algorithm>

#include <sodium.h>

#include <cassert>
#include <string>

#include "crypto/internal/sodium.hpp"

namespace finhelm::crypto::internal {
namespace {

static_assert(kAeadKeyBytes == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
static_assert(kAeadNonceBytes == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
static_assert(kAeadTagBytes == crypto_aead_xchacha20poly1305_ietf_ABYTES);

std::vector<std::uint8_t> AuthenticatedData(ByteSpan header, ByteSpan context) {
  // Sized once and filled by copy: g++ 12 at -O2 reports a false -Warray-bounds for an
  // insert after constructing from the five-byte header.
  std::vector<std::uint8_t> data(header.size() + context.size());
  std::copy(header.begin(), header.end(), data.begin());
  std::copy(context.begin(), context.end(),
            data.begin() + static_cast<std::ptrdiff_t>(header.size()));
  return data;
}

}  // namespace

void PutUint32BigEndian(std::uint32_t value, std::vector<std::uint8_t>& out) {
  for (int shift = 24; shift >= 0; shift -= 8) {
    out.push_back(static_cast<std::uint8_t>(value >> shift));
  }
}

std::vector<std::uint8_t> SealAeadBlob(AeadHeader header, const SecretBytes& key,
                                       ByteSpan plaintext, ByteSpan context) {
  assert(key.size() == kAeadKeyBytes);
  EnsureSodium();
  std::vector<std::uint8_t> blob;
  blob.reserve(kAeadOverheadBytes + plaintext.size());
  blob.push_back(header.format);
  PutUint32BigEndian(header.key_version, blob);
  blob.resize(kAeadHeaderBytes + kAeadNonceBytes);
  std::uint8_t* nonce = blob.data() + kAeadHeaderBytes;
  randombytes_buf(nonce, kAeadNonceBytes);

  const std::vector<std::uint8_t> ad =
      AuthenticatedData(ByteSpan(blob.data(), kAeadHeaderBytes), context);
  const std::size_t prefix = blob.size();
  blob.resize(prefix + plaintext.size() + kAeadTagBytes);
  unsigned long long written = 0;  // NOLINT(google-runtime-int): libsodium's type.
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      blob.data() + prefix, &written, plaintext.data(), plaintext.size(), ad.data(), ad.size(),
      /*nsec=*/nullptr, blob.data() + kAeadHeaderBytes, key.data());
  assert(written == plaintext.size() + kAeadTagBytes);
  return blob;
}

Result<AeadHeader> ReadAeadHeader(ByteSpan blob, std::uint8_t expected_format,
                                  std::string_view what) {
  if (blob.size() < kAeadOverheadBytes) {
    return MakeError(ErrorCode::kDataLoss, std::string(what) + " is truncated");
  }
  if (blob[0] != expected_format) {
    return MakeError(ErrorCode::kDataLoss, std::string(what) + " has unknown format " +
                                               std::to_string(static_cast<int>(blob[0])));
  }
  AeadHeader header;
  header.format = blob[0];
  for (std::size_t i = 1; i < kAeadHeaderBytes; ++i) {
    header.key_version = (header.key_version << 8) | blob[i];
  }
  return header;
}

Result<SecretBytes> OpenAeadBlob(const SecretBytes& key, ByteSpan blob, ByteSpan context,
                                 std::string_view what) {
  assert(key.size() == kAeadKeyBytes);
  assert(blob.size() >= kAeadOverheadBytes);
  EnsureSodium();
  const std::vector<std::uint8_t> ad = AuthenticatedData(blob.first(kAeadHeaderBytes), context);
  const ByteSpan nonce = blob.subspan(kAeadHeaderBytes, kAeadNonceBytes);
  const ByteSpan ciphertext = blob.subspan(kAeadHeaderBytes + kAeadNonceBytes);
  SecretBytes plaintext(ciphertext.size() - kAeadTagBytes);
  unsigned long long written = 0;  // NOLINT(google-runtime-int): libsodium's type.
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(plaintext.data(), &written, /*nsec=*/nullptr,
                                                 ciphertext.data(), ciphertext.size(), ad.data(),
                                                 ad.size(), nonce.data(), key.data()) != 0) {
    return MakeError(ErrorCode::kDataLoss, std::string(what) + " failed authentication");
  }
  assert(written == plaintext.size());
  return plaintext;
}

}  // namespace finhelm::crypto::internal

#include "crypto/envelope.hpp"

#include <initializer_list>

#include "crypto/internal/aead_blob.hpp"

namespace finhelm::crypto {

static_assert(kSealedOverheadBytes == internal::kAeadOverheadBytes);

namespace {

constexpr std::string_view kSealedValue = "sealed value";

}  // namespace

std::vector<std::uint8_t> Seal(const DataKey& key, ByteSpan plaintext,
                               std::string_view associated_data) {
  return internal::SealAeadBlob({kSealedFormatV1, key.version()}, key.key(), plaintext,
                                AsBytes(associated_data));
}

Result<SecretBytes> Open(const DataKey& key, ByteSpan sealed, std::string_view associated_data) {
  auto header = internal::ReadAeadHeader(sealed, kSealedFormatV1, kSealedValue);
  if (!header.ok()) return header.error();
  if (header->key_version != key.version()) {
    return MakeError(ErrorCode::kDataLoss, "sealed value names data key version " +
                                               std::to_string(header->key_version) + ", not " +
                                               std::to_string(key.version()));
  }
  return internal::OpenAeadBlob(key.key(), sealed, AsBytes(associated_data), kSealedValue);
}

Result<std::uint32_t> SealedKeyVersion(ByteSpan sealed) {
  auto header = internal::ReadAeadHeader(sealed, kSealedFormatV1, kSealedValue);
  if (!header.ok()) return header.error();
  return header->key_version;
}

std::string RowIdentity(std::string_view table, std::string_view column,
                        std::string_view organization_id, std::string_view row_id) {
  std::string out;
  for (std::string_view part : {table, column, organization_id, row_id}) {
    out += std::to_string(part.size());
    out += ':';
    out += part;
    out += ',';
  }
  return out;
}

}  // namespace finhelm::crypto

#include "crypto/master_key_ring.hpp"

#include <algorithm>
#include <string>

#include "crypto/internal/aead_blob.hpp"

namespace finhelm::crypto {
namespace {

constexpr std::string_view kWrappedDataKey = "wrapped data key";
// Separates this use of the AEAD from sealed values, should a key ever serve both.
constexpr std::string_view kWrapLabel = "finhelm wrapped data key v1";
constexpr std::size_t kWrappedKeyBytes = internal::kAeadOverheadBytes + kDataKeyBytes;

// label, NUL, data key version (4 bytes big-endian), then the organization id: the label
// and version have fixed lengths, so the organization id is whatever remains.
std::vector<std::uint8_t> WrapContext(std::string_view organization_id,
                                      std::uint32_t data_key_version) {
  std::vector<std::uint8_t> context(kWrapLabel.begin(), kWrapLabel.end());
  context.push_back(0);
  internal::PutUint32BigEndian(data_key_version, context);
  context.insert(context.end(), organization_id.begin(), organization_id.end());
  return context;
}

}  // namespace

Result<MasterKeyRing> MasterKeyRing::Create(std::vector<MasterKey> keys) {
  if (keys.empty()) return MakeError(ErrorCode::kInvalidArgument, "no master key");
  std::sort(keys.begin(), keys.end(),
            [](const MasterKey& a, const MasterKey& b) { return a.version < b.version; });
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const std::string name = "master key version " + std::to_string(keys[i].version);
    if (keys[i].version == 0) {
      return MakeError(ErrorCode::kInvalidArgument, "master key version 0 is reserved");
    }
    if (i > 0 && keys[i - 1].version == keys[i].version) {
      return MakeError(ErrorCode::kInvalidArgument, name + " appears twice");
    }
    if (keys[i].key.size() != kMasterKeyBytes) {
      return MakeError(ErrorCode::kInvalidArgument,
                       name + " is not " + std::to_string(kMasterKeyBytes) + " bytes");
    }
  }
  return MasterKeyRing(std::move(keys));
}

std::vector<std::uint32_t> MasterKeyRing::versions() const {
  std::vector<std::uint32_t> out;
  out.reserve(keys_.size());
  for (const MasterKey& key : keys_) out.push_back(key.version);
  return out;
}

const MasterKey* MasterKeyRing::Find(std::uint32_t version) const {
  for (const MasterKey& key : keys_) {
    if (key.version == version) return &key;
  }
  return nullptr;
}

std::vector<std::uint8_t> MasterKeyRing::WrapDataKey(const DataKey& data_key,
                                                     std::string_view organization_id) const {
  const MasterKey& current = keys_.back();
  return internal::SealAeadBlob({kWrappedKeyFormatV1, current.version}, current.key,
                                data_key.key().bytes(),
                                WrapContext(organization_id, data_key.version()));
}

Result<DataKey> MasterKeyRing::UnwrapDataKey(ByteSpan wrapped, std::string_view organization_id,
                                             std::uint32_t data_key_version) const {
  auto header = internal::ReadAeadHeader(wrapped, kWrappedKeyFormatV1, kWrappedDataKey);
  if (!header.ok()) return header.error();
  if (wrapped.size() != kWrappedKeyBytes) {
    return MakeError(ErrorCode::kDataLoss, "wrapped data key has the wrong length");
  }
  const MasterKey* master = Find(header->key_version);
  if (master == nullptr) {
    return MakeError(ErrorCode::kDataLoss, "wrapped data key names master key version " +
                                               std::to_string(header->key_version) +
                                               ", which is not loaded");
  }
  auto key = internal::OpenAeadBlob(
      master->key, wrapped, WrapContext(organization_id, data_key_version), kWrappedDataKey);
  if (!key.ok()) return key.error();
  return DataKey::FromBytes(data_key_version, std::move(key).value());
}

Result<std::vector<std::uint8_t>> MasterKeyRing::RewrapDataKey(
    ByteSpan wrapped, std::string_view organization_id, std::uint32_t data_key_version) const {
  auto data_key = UnwrapDataKey(wrapped, organization_id, data_key_version);
  if (!data_key.ok()) return data_key.error();
  return WrapDataKey(*data_key, organization_id);
}

Result<std::uint32_t> WrappedMasterKeyVersion(ByteSpan wrapped) {
  auto header = internal::ReadAeadHeader(wrapped, kWrappedKeyFormatV1, kWrappedDataKey);
  if (!header.ok()) return header.error();
  return header->key_version;
}

}  // namespace finhelm::crypto

#include "crypto/data_key.hpp"

#include <algorithm>
#include <cassert>
#include <limits>
#include <string>

#include "crypto/envelope.hpp"
#include "crypto/random.hpp"

namespace finhelm::crypto {

DataKey DataKey::Generate(std::uint32_t version) {
  assert(version != 0);
  return DataKey(version, RandomSecretBytes(kDataKeyBytes));
}

Result<DataKey> DataKey::FromBytes(std::uint32_t version, SecretBytes key) {
  if (version == 0) return MakeError(ErrorCode::kInvalidArgument, "data key version 0");
  if (key.size() != kDataKeyBytes) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "data key must be " + std::to_string(kDataKeyBytes) + " bytes");
  }
  return DataKey(version, std::move(key));
}

DataKeyRing::DataKeyRing(DataKey first) { keys_.push_back(std::move(first)); }

Status DataKeyRing::Add(DataKey key) {
  const auto position = std::lower_bound(
      keys_.begin(), keys_.end(), key.version(),
      [](const DataKey& existing, std::uint32_t version) { return existing.version() < version; });
  if (position != keys_.end() && position->version() == key.version()) {
    return MakeError(ErrorCode::kConflict,
                     "data key version " + std::to_string(key.version()) + " already present");
  }
  keys_.insert(position, std::move(key));
  return Status::Ok();
}

Result<std::uint32_t> DataKeyRing::Rotate() {
  const std::uint32_t current_version = current().version();
  if (current_version == std::numeric_limits<std::uint32_t>::max()) {
    return MakeError(ErrorCode::kResourceExhausted, "data key versions exhausted");
  }
  keys_.push_back(DataKey::Generate(current_version + 1));
  return current_version + 1;
}

Status DataKeyRing::Retire(std::uint32_t version) {
  if (version == current().version()) {
    return MakeError(ErrorCode::kInvalidArgument, "cannot retire the current data key");
  }
  const auto position = std::find_if(keys_.begin(), keys_.end(), [version](const DataKey& key) {
    return key.version() == version;
  });
  if (position == keys_.end()) {
    return MakeError(ErrorCode::kNotFound, "no data key version " + std::to_string(version));
  }
  keys_.erase(position);
  return Status::Ok();
}

const DataKey* DataKeyRing::Find(std::uint32_t version) const {
  for (const DataKey& key : keys_) {
    if (key.version() == version) return &key;
  }
  return nullptr;
}

std::vector<std::uint32_t> DataKeyRing::versions() const {
  std::vector<std::uint32_t> out;
  out.reserve(keys_.size());
  for (const DataKey& key : keys_) out.push_back(key.version());
  return out;
}

std::vector<std::uint8_t> DataKeyRing::Seal(ByteSpan plaintext,
                                            std::string_view associated_data) const {
  return crypto::Seal(current(), plaintext, associated_data);
}

Result<SecretBytes> DataKeyRing::Open(ByteSpan sealed, std::string_view associated_data) const {
  auto version = SealedKeyVersion(sealed);
  if (!version.ok()) return version.error();
  const DataKey* key = Find(*version);
  if (key == nullptr) {
    return MakeError(ErrorCode::kDataLoss, "sealed value names data key version " +
                                               std::to_string(*version) + ", not in the ring");
  }
  return crypto::Open(*key, sealed, associated_data);
}

Result<std::vector<std::uint8_t>> DataKeyRing::Reseal(ByteSpan sealed,
                                                      std::string_view associated_data) const {
  auto plaintext = Open(sealed, associated_data);
  if (!plaintext.ok()) return plaintext.error();
  return Seal(plaintext->bytes(), associated_data);
}

}  // namespace finhelm::crypto

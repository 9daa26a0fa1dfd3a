// Master keys (DATA-2): the keys that wrap each organization's data keys.
//
// Master keys are numbered; the highest version is current and wraps every data key
// created or rewrapped from now on. Older versions stay in the ring only to unwrap data
// keys wrapped before a master rotation. Rotating the master key:
//   1. add a line with the next version to the key file (AddMasterKeyVersion),
//   2. restart, then rewrap every row of `data_keys` with RewrapDataKey,
//   3. once WrappedMasterKeyVersion reports no row under the old version, remove its line.
//
// A wrapped data key uses the layout of envelope.hpp (format kWrappedKeyFormatV1, the
// master key version in the header) and is bound to its organization and data key
// version, so a wrapped key copied to another organization or version does not unwrap.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "crypto/bytes.hpp"
#include "crypto/data_key.hpp"
#include "crypto/secret_bytes.hpp"

namespace finhelm::crypto {

inline constexpr std::size_t kMasterKeyBytes = 32;
inline constexpr std::uint8_t kWrappedKeyFormatV1 = 1;

struct MasterKey {
  std::uint32_t version = 0;
  SecretBytes key;
};

// Immutable once created, so it may be shared between threads freely.
class MasterKeyRing {
 public:
  // kInvalidArgument for an empty list, version 0, a duplicate version, or a key that is
  // not kMasterKeyBytes long.
  static Result<MasterKeyRing> Create(std::vector<MasterKey> keys);

  std::uint32_t current_version() const { return keys_.back().version; }
  // Ascending.
  std::vector<std::uint32_t> versions() const;

  // Wraps `data_key` under the current master key, bound to `organization_id` and the
  // data key's version. The result is what the `data_keys` table stores.
  std::vector<std::uint8_t> WrapDataKey(const DataKey& data_key,
                                        std::string_view organization_id) const;
  // Unwraps with the master version the blob names. kDataLoss when that version is not
  // in the ring, the blob is malformed, or it was not wrapped for this organization and
  // data key version.
  Result<DataKey> UnwrapDataKey(ByteSpan wrapped, std::string_view organization_id,
                                std::uint32_t data_key_version) const;
  // UnwrapDataKey, then WrapDataKey under the current master version.
  Result<std::vector<std::uint8_t>> RewrapDataKey(ByteSpan wrapped,
                                                  std::string_view organization_id,
                                                  std::uint32_t data_key_version) const;

 private:
  explicit MasterKeyRing(std::vector<MasterKey> keys) : keys_(std::move(keys)) {}
  const MasterKey* Find(std::uint32_t version) const;

  std::vector<MasterKey> keys_;  // Ascending by version, never empty; last is current.
};

// The master key version a wrapped data key names, read without unwrapping, to find the
// rows a master rotation still has to rewrap. kDataLoss for a malformed header.
Result<std::uint32_t> WrappedMasterKeyVersion(ByteSpan wrapped);

}  // namespace finhelm::crypto

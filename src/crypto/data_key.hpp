// Data keys (DATA-2): the per-organization 256-bit keys that seal stored secrets.
//
// Each organization has one or more numbered data keys. The highest version is current
// and seals new values; older versions stay only to open values sealed before a rotation,
// until a re-encryption pass has resealed them (DataKeyRing::Reseal). A data key is never
// stored in the clear: MasterKeyRing wraps it for the `data_keys` table.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "crypto/bytes.hpp"
#include "crypto/secret_bytes.hpp"

namespace finhelm::crypto {

inline constexpr std::size_t kDataKeyBytes = 32;

class DataKey {
 public:
  // A fresh random key. `version` must be at least 1; version 0 means "none" everywhere.
  static DataKey Generate(std::uint32_t version);
  // Adopts existing key material; kInvalidArgument for version 0 or a key that is not
  // kDataKeyBytes long.
  static Result<DataKey> FromBytes(std::uint32_t version, SecretBytes key);

  std::uint32_t version() const { return version_; }
  const SecretBytes& key() const { return key_; }
  DataKey Clone() const { return DataKey(version_, key_.Clone()); }

 private:
  DataKey(std::uint32_t version, SecretBytes key) : version_(version), key_(std::move(key)) {}

  std::uint32_t version_;
  SecretBytes key_;
};

// The data keys of one organization. Never empty. Not synchronized: share it between
// threads only while no one calls Add, Rotate or Retire.
class DataKeyRing {
 public:
  explicit DataKeyRing(DataKey first);

  // kConflict when a key with the same version is already present.
  Status Add(DataKey key);
  // Generates version current+1 and makes it current; returns the new version, which the
  // caller wraps and stores. kResourceExhausted once versions run out at 2^32-1.
  Result<std::uint32_t> Rotate();
  // Forgets an old version once nothing is sealed under it any more. kInvalidArgument for
  // the current version, kNotFound for an absent one.
  Status Retire(std::uint32_t version);

  const DataKey& current() const { return keys_.back(); }
  // The key with `version`, or nullptr.
  const DataKey* Find(std::uint32_t version) const;
  std::vector<std::uint32_t> versions() const;

  // Seal and Open of envelope.hpp, choosing the current key to seal and the version a
  // sealed value names to open. Open answers kDataLoss for a version not in the ring.
  std::vector<std::uint8_t> Seal(ByteSpan plaintext, std::string_view associated_data) const;
  Result<SecretBytes> Open(ByteSpan sealed, std::string_view associated_data) const;
  // Opens `sealed` with whichever version it names and seals it again under the current
  // key, for the re-encryption pass that lets an old version be retired.
  Result<std::vector<std::uint8_t>> Reseal(ByteSpan sealed, std::string_view associated_data) const;

 private:
  std::vector<DataKey> keys_;  // Ascending by version; the last one is current.
};

}  // namespace finhelm::crypto

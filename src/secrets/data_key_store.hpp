// DataKeyStore: each organization's data keys, stored only wrapped by the master key
// (DATA-2), in the `data_keys` table.
//
// A secret of an organization (an OAuth token, a TOTP secret) is sealed with the
// organization's current data key; the ciphertext names the key version, so older versions
// are kept until nothing refers to them. Two rotations exist:
//   - RotateDataKey adds a new data-key version for one organization; new secrets use it,
//     old ciphertexts still open with the version they name;
//   - RewrapAll re-wraps every stored data key under the master ring's current version,
//     after an operator added a master key version (`finhelm keys rotate`).
// Neither needs a secret to be decrypted: the data keys themselves never change in
// RewrapAll, only their wrapping.
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "crypto/data_key.hpp"
#include "crypto/master_key_ring.hpp"
#include "storage/connection.hpp"
#include "storage/database.hpp"
#include "storage/org_scope.hpp"

namespace finhelm::secrets {

struct RewrapReport {
  std::size_t rewrapped = 0;  // Keys that were under an older master version.
  std::size_t current = 0;    // Keys already under the current master version.
};

class DataKeyStore {
 public:
  // Both must outlive the store.
  DataKeyStore(const crypto::MasterKeyRing& master, const Clock& clock)
      : master_(master), clock_(clock) {}

  // Unwraps every data key of the scope's organization; creates version 1 when there is
  // none yet. Call inside a transaction when the result is used to write.
  Result<crypto::DataKeyRing> LoadOrCreate(storage::OrgScope& scope) const;

  // Stores a new data-key version for the organization and returns it.
  Result<std::uint32_t> RotateDataKey(storage::OrgScope& scope) const;

  // Re-wraps every organization's data keys under the current master version, one
  // transaction per organization so a failure leaves each organization consistent.
  Result<RewrapReport> RewrapAll(storage::Database& database) const;

 private:
  Status Insert(storage::OrgScope& scope, const crypto::DataKey& key) const;

  const crypto::MasterKeyRing& master_;
  const Clock& clock_;
};

}  // namespace finhelm::secrets

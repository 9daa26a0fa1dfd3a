// Fuzzes the readers of stored ciphertext: Open, SealedKeyVersion, UnwrapDataKey and the
// master key file parser. None may crash, and a refusal of a stored blob must always be
// kDataLoss, the code callers turn into the `crypt_decrypt_fail` audit event. Every input
// is also sealed as plaintext and must open back to itself.
//
// The keys are fixed so that the seed corpus (fuzz/corpus/envelope/) can hold blobs that
// really open: data key version 1 of 32 'd' bytes, master key version 1 of 32 'm' bytes,
// associated data "fuzz:row", organization "org-1".
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crypto/data_key.hpp"
#include "crypto/envelope.hpp"
#include "crypto/key_file.hpp"
#include "crypto/master_key_ring.hpp"
#include "crypto/secret_bytes.hpp"

namespace {

using finhelm::ErrorCode;
using namespace finhelm::crypto;  // NOLINT(google-build-using-namespace): a .cpp leaf.

constexpr std::string_view kRow = "fuzz:row";
constexpr std::string_view kOrganization = "org-1";

const DataKey& FuzzDataKey() {
  static const DataKey key =
      std::move(DataKey::FromBytes(1, SecretBytes::CopyOf(std::string(32, 'd')))).value();
  return key;
}

const MasterKeyRing& FuzzMasterKeyRing() {
  static const MasterKeyRing ring = [] {
    std::vector<MasterKey> keys;
    keys.push_back(MasterKey{1, SecretBytes::CopyOf(std::string(32, 'm'))});
    return std::move(MasterKeyRing::Create(std::move(keys))).value();
  }();
  return ring;
}

template <typename T>
void RequireOkOrDataLoss(const finhelm::Result<T>& result) {
  if (!result.ok() && result.error().code != ErrorCode::kDataLoss) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const ByteSpan input(data, size);
  RequireOkOrDataLoss(Open(FuzzDataKey(), input, kRow));
  RequireOkOrDataLoss(SealedKeyVersion(input));
  RequireOkOrDataLoss(FuzzMasterKeyRing().UnwrapDataKey(input, kOrganization, 1));
  (void)ParseMasterKeyFile(input);

  const std::vector<std::uint8_t> sealed = Seal(FuzzDataKey(), input, kRow);
  auto opened = Open(FuzzDataKey(), sealed, kRow);
  if (!opened.ok() || opened->size() != size ||
      !std::equal(input.begin(), input.end(), opened->bytes().begin())) {
    std::abort();
  }
  return 0;
}

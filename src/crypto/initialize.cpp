#include "crypto/initialize.hpp"

#include <sodium.h>

#include <cstdlib>

#include "crypto/internal/sodium.hpp"
#include "observability/log.hpp"

namespace finhelm::crypto {
namespace {

// sodium_init is itself idempotent, but a function-local static makes the one call
// race-free and lets every later caller skip it.
int SodiumInitResult() {
  static const int kResult = sodium_init();
  return kResult;
}

}  // namespace

Status InitializeCrypto() {
  if (SodiumInitResult() < 0) {
    return MakeError(ErrorCode::kInternal, "libsodium initialization failed");
  }
  return Status::Ok();
}

namespace internal {

void EnsureSodium() {
  if (SodiumInitResult() < 0) {
    log::Error("crypto_init_fail");
    std::abort();
  }
}

}  // namespace internal
}  // namespace finhelm::crypto

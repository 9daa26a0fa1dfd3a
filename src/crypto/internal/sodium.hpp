// Private to crypto/: the guard every entry point runs before touching libsodium.
#pragma once

namespace finhelm::crypto::internal {

// Initializes libsodium on first use. A failure here means the process has no usable
// random source or memory mapping, which InitializeCrypto would already have reported at
// start-up; continuing without either would be unsafe, so it aborts.
void EnsureSodium();

}  // namespace finhelm::crypto::internal

// Start-up of the cryptographic library (libsodium).
#pragma once

#include "core/result.hpp"

namespace finhelm::crypto {

// Initializes libsodium once per process. Safe to call more than once and from several
// threads. The server calls it before it serves and refuses to start when it fails; every
// function in crypto/ also initializes on first use, so tests and tools need not call it.
Status InitializeCrypto();

}  // namespace finhelm::crypto

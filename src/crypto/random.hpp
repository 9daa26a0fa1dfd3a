// Random bytes, tokens and identifiers from the operating system's CSPRNG (libsodium's
// randombytes, which uses getrandom on Linux). None of these can fail once the process
// has started.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "crypto/secret_bytes.hpp"

namespace finhelm::crypto {

// 256 bits, the strength AUTH-3, SESS-1 and IN-4 require of tokens.
inline constexpr std::size_t kTokenBytes = 32;
// The base64url length of kTokenBytes without padding.
inline constexpr std::size_t kTokenChars = 43;

// Public randomness: nonces, salts, anything that is not itself a secret.
std::vector<std::uint8_t> RandomBytes(std::size_t count);
// Randomness that is a secret (keys), generated straight into secret memory.
SecretBytes RandomSecretBytes(std::size_t count);

// A fresh 256-bit token as 43 base64url characters: session ids, verification and reset
// tokens, OAuth state. Store only its Sha256Hex.
std::string RandomToken();
// 128 random bits as 32 lowercase hex characters: names for uploaded files (IN-5).
std::string RandomId128Hex();

}  // namespace finhelm::crypto

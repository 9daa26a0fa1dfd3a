// Ed25519 signatures (RFC 8032) through libsodium: the signing keys of the JWTs that
// machine clients present (AUTH-7).
//
// A key pair is kept as its 32-byte seed, in secret memory; the public key is derived
// from it. Signing is deterministic, so the RFC 8037 example is a known answer.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <utility>

#include "core/result.hpp"
#include "crypto/bytes.hpp"
#include "crypto/secret_bytes.hpp"

namespace finhelm::crypto {

inline constexpr std::size_t kEd25519SeedBytes = 32;
inline constexpr std::size_t kEd25519PublicKeyBytes = 32;
inline constexpr std::size_t kEd25519SignatureBytes = 64;

using Ed25519PublicKey = std::array<std::uint8_t, kEd25519PublicKeyBytes>;
using Ed25519Signature = std::array<std::uint8_t, kEd25519SignatureBytes>;

class Ed25519KeyPair {
 public:
  // A fresh key pair from the system's CSPRNG.
  static Ed25519KeyPair Generate();
  // The key pair of a stored seed; kInvalidArgument unless it is 32 bytes.
  static Result<Ed25519KeyPair> FromSeed(ByteSpan seed);

  const Ed25519PublicKey& public_key() const { return public_key_; }
  // The seed, for sealing at rest.
  ByteSpan seed() const { return seed_.bytes(); }

  Ed25519Signature Sign(ByteSpan message) const;
  // A second key pair of the same seed, in its own secret memory.
  Ed25519KeyPair Clone() const;

 private:
  static SecretBytes RandomSeed();
  Ed25519KeyPair(SecretBytes seed, SecretBytes secret_key, const Ed25519PublicKey& public_key)
      : seed_(std::move(seed)), secret_key_(std::move(secret_key)), public_key_(public_key) {}

  SecretBytes seed_;
  SecretBytes secret_key_;  // libsodium's 64-byte form: seed followed by the public key.
  Ed25519PublicKey public_key_;
};

// True when `signature` is a valid signature of `message` under `public_key`; false for
// any malformed input (wrong sizes, a non-canonical signature, a small-order key).
bool Ed25519Verify(ByteSpan public_key, ByteSpan message, ByteSpan signature);

}  // namespace finhelm::crypto

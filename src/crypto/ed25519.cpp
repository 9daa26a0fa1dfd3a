#include "crypto/ed25519.hpp"

#include <sodium.h>

namespace finhelm::crypto {

Ed25519KeyPair Ed25519KeyPair::Generate() {
  SecretBytes seed = RandomSeed();
  auto pair = FromSeed(seed.bytes());
  return std::move(*pair);  // A seed of the right size cannot fail.
}

SecretBytes Ed25519KeyPair::RandomSeed() {
  SecretBytes seed(kEd25519SeedBytes);
  randombytes_buf(seed.data(), seed.size());
  return seed;
}

Result<Ed25519KeyPair> Ed25519KeyPair::FromSeed(ByteSpan seed) {
  if (seed.size() != kEd25519SeedBytes) {
    return MakeError(ErrorCode::kInvalidArgument, "an Ed25519 seed is 32 bytes");
  }
  SecretBytes secret_key(crypto_sign_SECRETKEYBYTES);
  Ed25519PublicKey public_key{};
  crypto_sign_seed_keypair(public_key.data(), secret_key.data(), seed.data());
  return Ed25519KeyPair(SecretBytes::CopyOf(seed), std::move(secret_key), public_key);
}

Ed25519Signature Ed25519KeyPair::Sign(ByteSpan message) const {
  Ed25519Signature signature{};
  crypto_sign_detached(signature.data(), nullptr, message.data(), message.size(),
                       secret_key_.data());
  return signature;
}

Ed25519KeyPair Ed25519KeyPair::Clone() const {
  return Ed25519KeyPair(seed_.Clone(), secret_key_.Clone(), public_key_);
}

bool Ed25519Verify(ByteSpan public_key, ByteSpan message, ByteSpan signature) {
  if (public_key.size() != crypto_sign_PUBLICKEYBYTES || signature.size() != crypto_sign_BYTES) {
    return false;
  }
  return crypto_sign_verify_detached(signature.data(), message.data(), message.size(),
                                     public_key.data()) == 0;
}

}  // namespace finhelm::crypto

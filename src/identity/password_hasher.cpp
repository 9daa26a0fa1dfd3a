#include "identity/password_hasher.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <thread>

#include "crypto/random.hpp"
#include "identity/password_policy.hpp"

namespace finhelm::identity {

namespace {

std::ptrdiff_t HashSlots() {
  auto cores = static_cast<std::ptrdiff_t>(std::thread::hardware_concurrency());
  return std::clamp<std::ptrdiff_t>(cores, 1, PasswordHasher::kMaxConcurrentHashes);
}

}  // namespace

PasswordHasher::PasswordHasher(Argon2idParameters parameters)
    : parameters_(parameters), gate_(HashSlots()) {
  auto dummy = Hash(crypto::RandomToken());
  if (dummy.ok()) dummy_phc_ = std::move(*dummy);
}

Result<std::string> PasswordHasher::Hash(std::string_view password) const {
  auto normalized = NormalizeNfkc(password);
  if (!normalized.ok()) return normalized.error();
  std::array<char, crypto_pwhash_STRBYTES> phc{};
  Slot slot(gate_);
  if (crypto_pwhash_str(phc.data(), normalized->data(), normalized->size(), parameters_.ops_limit,
                        parameters_.memory_limit) != 0) {
    sodium_memzero(normalized->data(), normalized->size());
    return MakeError(ErrorCode::kResourceExhausted, "argon2id ran out of memory");
  }
  sodium_memzero(normalized->data(), normalized->size());
  return std::string(phc.data());
}

bool PasswordHasher::Verify(std::string_view password, std::string_view phc) const {
  auto normalized = NormalizeNfkc(password);
  if (!normalized.ok()) {
    VerifyAgainstDummy("");
    return false;
  }
  std::string terminated(phc);  // libsodium reads a NUL-terminated PHC string.
  Slot slot(gate_);
  bool matches =
      crypto_pwhash_str_verify(terminated.c_str(), normalized->data(), normalized->size()) == 0;
  sodium_memzero(normalized->data(), normalized->size());
  return matches;
}

bool PasswordHasher::NeedsRehash(std::string_view phc) const {
  std::string terminated(phc);
  return crypto_pwhash_str_needs_rehash(terminated.c_str(), parameters_.ops_limit,
                                        parameters_.memory_limit) != 0;
}

void PasswordHasher::VerifyAgainstDummy(std::string_view password) const {
  std::string terminated(password);
  Slot slot(gate_);
  // The answer is known to be no; only the time spent matters.
  [[maybe_unused]] int ignored =
      crypto_pwhash_str_verify(dummy_phc_.c_str(), terminated.data(), terminated.size());
}

}  // namespace finhelm::identity

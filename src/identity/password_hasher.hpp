// PasswordHasher: Argon2id hashes of passwords (AUTH-1), as PHC strings.
//
// Hashing costs about 10-20 ms of CPU and 19 MiB of memory by design: call it from a
// worker thread, never from an I/O thread. Passwords are hashed in their NFKC form
// (password_policy.hpp) so that verification matches what was checked at registration.
//
// At most one hash per core runs at a time; callers beyond that wait. More would only
// share the cores, finish each login later, and take CPU from the I/O threads (bench/auth
// measured 0.76 of the bound with 4 concurrent hashes on 2 cores, 0.82 with 2).
//
// Thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <semaphore>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace finhelm::identity {

struct Argon2idParameters {
  std::uint64_t ops_limit = 2;                               // t
  std::size_t memory_limit = std::size_t{19} * 1024 * 1024;  // m = 19 MiB
};

class PasswordHasher {
 public:
  static constexpr std::ptrdiff_t kMaxConcurrentHashes = 256;

  // Makes one hash of a random password for VerifyAgainstDummy: costs one hash.
  explicit PasswordHasher(Argon2idParameters parameters = {});
  PasswordHasher(const PasswordHasher&) = delete;
  PasswordHasher& operator=(const PasswordHasher&) = delete;

  // The PHC string ("$argon2id$v=19$m=19456,t=2,p=1$...") of the NFKC form of `password`.
  // Fails with kInvalidArgument for text that is not valid UTF-8, kResourceExhausted
  // when the memory cannot be had.
  Result<std::string> Hash(std::string_view password) const;

  // True when `password` matches `phc`. A malformed stored hash verifies as false.
  bool Verify(std::string_view password, std::string_view phc) const;

  // True when `phc` was made with weaker parameters than this hasher's (or another
  // algorithm), so that a successful login should store a fresh hash.
  bool NeedsRehash(std::string_view phc) const;

  // Spends the time of one verification without any account, so that a login for an
  // unknown email takes as long as one for a known email (AUTH-4).
  void VerifyAgainstDummy(std::string_view password) const;

  const Argon2idParameters& parameters() const { return parameters_; }

 private:
  // Holds one of the per-core slots for the duration of a hash.
  class Slot {
   public:
    explicit Slot(std::counting_semaphore<kMaxConcurrentHashes>& gate) : gate_(gate) {
      gate_.acquire();
    }
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;
    ~Slot() { gate_.release(); }

   private:
    std::counting_semaphore<kMaxConcurrentHashes>& gate_;
  };

  Argon2idParameters parameters_;
  mutable std::counting_semaphore<kMaxConcurrentHashes> gate_;
  std::string dummy_phc_;  // A hash of a random password, with these parameters.
};

}  // namespace finhelm::identity

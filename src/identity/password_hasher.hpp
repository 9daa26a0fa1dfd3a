// PasswordHasher: Argon2id hashes of passwords (AUTH-1), as PHC strings.
//
// Hashing costs about 10-20 ms of CPU and 19 MiB of memory by design: call it from a
// worker thread, never from an I/O thread. Passwords are hashed in their NFKC form
// (password_policy.hpp) so that verification matches what was checked at registration.
//
// Thread-safe: it holds only its parameters.
#pragma once

#include <cstddef>
#include <cstdint>
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
  // Makes one hash of a random password for VerifyAgainstDummy: costs one hash.
  explicit PasswordHasher(Argon2idParameters parameters = {});

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
  Argon2idParameters parameters_;
  std::string dummy_phc_;  // A hash of a random password, with these parameters.
};

}  // namespace finhelm::identity

// SigningKeys: the installation's Ed25519 keys that sign machine clients' tokens (AUTH-7).
//
// One key is current and signs; rotation retires it and makes a new one current. A
// retired key stays published in the JWKS, and keeps verifying, until every token it
// signed has expired (`publish_until`); then Purge deletes it. The seed is stored sealed
// under the installation's data key (DATA-2). The key id is the key's RFC 7638 JWK
// thumbprint.
//
// Several servers may share one database: each caches what it read for at most
// kCacheSeconds, so a rotation by another process is seen within that time, and a retired
// key is published for that long beyond its tokens' lifetime. A `kid` this process has not
// seen makes it read the table again, at most once a second, so forged ids cannot turn
// into a query per request. Thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "crypto/ed25519.hpp"
#include "secrets/data_key_store.hpp"

namespace finhelm::storage {
class Database;
}

namespace finhelm::identity {

struct PublishedKey {
  std::string kid;
  crypto::Ed25519PublicKey public_key{};
  bool current = false;
  std::int64_t created_at = 0;
  std::int64_t publish_until = 0;  // 0 while current.
};

struct SigningKey {
  std::string kid;
  crypto::Ed25519KeyPair key;
};

// RFC 7638: base64url(SHA-256({"crv":"Ed25519","kty":"OKP","x":"..."})).
std::string JwkThumbprint(const crypto::Ed25519PublicKey& public_key);

class SigningKeys {
 public:
  static constexpr std::int64_t kCacheSeconds = 60;

  // `token_lifetime` is the longest a token may live, skew included: how long a retired
  // key is published (plus kCacheSeconds).
  SigningKeys(storage::Database& database, const secrets::DataKeyStore& data_keys,
              const Clock& clock, std::chrono::seconds token_lifetime);

  // The key to sign with; makes the first one when there is none.
  Result<SigningKey> Current();
  // Every key a verifier should accept now: the current one first, then retired ones
  // still within their publication.
  Result<std::vector<PublishedKey>> Published();
  // The public key of `kid` when it is published; nullopt otherwise.
  std::optional<crypto::Ed25519PublicKey> PublicKey(std::string_view kid);

  // Retires the current key (if any) and makes a new one current; returns its kid.
  Result<std::string> Rotate();
  // Rotates when the current key is older than `period` or there is none.
  Result<bool> RotateIfOlderThan(std::chrono::seconds period);
  // Deletes retired keys whose publication has ended; returns how many.
  Result<std::int64_t> PurgeExpired();

 private:
  Result<std::vector<PublishedKey>> LoadPublished();
  Result<std::optional<SigningKey>> ReadCurrent();
  void Forget();

  storage::Database& database_;
  const secrets::DataKeyStore& data_keys_;
  const Clock& clock_;
  const std::int64_t publication_after_retirement_;

  std::mutex mutex_;
  std::optional<SigningKey> current_;  // guarded by mutex_
  std::int64_t current_loaded_at_ = 0;
  std::vector<PublishedKey> published_;  // guarded by mutex_
  std::int64_t published_loaded_at_ = 0;
  std::chrono::steady_clock::time_point last_unknown_reload_{};
};

}  // namespace finhelm::identity

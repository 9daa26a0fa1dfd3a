#include "identity/signing_keys.hpp"

#include <algorithm>

#include "crypto/encoding.hpp"
#include "crypto/envelope.hpp"
#include "crypto/hash.hpp"
#include "identity/account_mail.hpp"
#include "observability/log.hpp"
#include "storage/database.hpp"
#include "storage/org_scope.hpp"
#include "storage/transaction.hpp"

namespace finhelm::identity {
namespace {

using storage::Sql;

constexpr Sql kSelectCurrent =
    "SELECT kid, public_key, sealed_seed, created_at FROM signing_keys WHERE state = 'current'";
constexpr Sql kSelectPublished =
    "SELECT kid, public_key, state, created_at, publish_until FROM signing_keys "
    "WHERE state = 'current' OR publish_until > ? ORDER BY state, created_at DESC";
constexpr Sql kRetireCurrent =
    "UPDATE signing_keys SET state = 'retired', retired_at = ?, publish_until = ? "
    "WHERE state = 'current'";
constexpr Sql kInsertKey =
    "INSERT INTO signing_keys (kid, state, public_key, sealed_seed, created_at) "
    "VALUES (?, 'current', ?, ?, ?)";
constexpr Sql kDeleteExpired =
    "DELETE FROM signing_keys WHERE state = 'retired' AND publish_until <= ?";

std::string SeedIdentity(std::string_view kid) {
  return crypto::RowIdentity("signing_keys", "sealed_seed",
                             std::to_string(kInstallationOrganization.value), kid);
}

std::optional<crypto::Ed25519PublicKey> PublicKeyOf(const storage::Blob& bytes) {
  if (bytes.size() != crypto::kEd25519PublicKeyBytes) return std::nullopt;
  crypto::Ed25519PublicKey key{};
  std::copy(bytes.begin(), bytes.end(), key.begin());
  return key;
}

}  // namespace

std::string JwkThumbprint(const crypto::Ed25519PublicKey& public_key) {
  // The members in lexicographic order, no whitespace: RFC 7638 section 3.2.
  std::string canonical =
      R"({"crv":"Ed25519","kty":"OKP","x":")" + crypto::Base64UrlEncode(public_key) + R"("})";
  return crypto::Base64UrlEncode(crypto::Sha256(crypto::AsBytes(canonical)));
}

SigningKeys::SigningKeys(storage::Database& database, const secrets::DataKeyStore& data_keys,
                         const Clock& clock, std::chrono::seconds token_lifetime)
    : database_(database),
      data_keys_(data_keys),
      clock_(clock),
      publication_after_retirement_(token_lifetime.count() + kCacheSeconds) {}

void SigningKeys::Forget() {
  std::lock_guard lock(mutex_);
  current_.reset();
  published_.clear();
  published_loaded_at_ = 0;
}

Result<std::optional<SigningKey>> SigningKeys::ReadCurrent() {
  auto connection = database_.Acquire();
  if (!connection.ok()) return connection.error();
  auto row = (*connection)->QueryOptional(kSelectCurrent);
  if (!row.ok()) return row.error();
  if (!row->has_value()) return std::optional<SigningKey>();
  storage::OrgScope installation(**connection, kInstallationOrganization);
  auto ring = data_keys_.LoadOrCreate(installation);
  if (!ring.ok()) return ring.error();
  std::string kid = (*row)->Text(0);
  auto seed = ring->Open((*row)->Bytes(2), SeedIdentity(kid));
  if (!seed.ok()) {
    log::Error("crypt_decrypt_fail", {{"what", "signing_key"}, {"kid", kid}});
    return seed.error();
  }
  auto key = crypto::Ed25519KeyPair::FromSeed(seed->bytes());
  if (!key.ok()) return key.error();
  return std::optional<SigningKey>(SigningKey{std::move(kid), std::move(*key)});
}

Result<SigningKey> SigningKeys::Current() {
  const std::int64_t now = clock_.NowUnixSeconds();
  {
    std::lock_guard lock(mutex_);
    if (current_ && now - current_loaded_at_ < kCacheSeconds) {
      return SigningKey{current_->kid, current_->key.Clone()};
    }
  }
  auto read = ReadCurrent();
  if (!read.ok()) return read.error();
  if (!read->has_value()) {
    // The first key. Another server may make it at the same moment: the unique index
    // lets one win, and the loser reads the winner's key.
    auto made = Rotate();
    read = ReadCurrent();
    if (!read.ok()) return read.error();
    if (!read->has_value()) {
      return made.ok() ? MakeError(ErrorCode::kUnavailable, "no current signing key")
                       : made.error();
    }
  }
  SigningKey key = std::move(**read);
  std::lock_guard lock(mutex_);
  current_ = SigningKey{key.kid, key.key.Clone()};
  current_loaded_at_ = now;
  return key;
}

Result<std::vector<PublishedKey>> SigningKeys::LoadPublished() {
  auto connection = database_.Acquire();
  if (!connection.ok()) return connection.error();
  auto rows = (*connection)->Query(kSelectPublished, {clock_.NowUnixSeconds()});
  if (!rows.ok()) return rows.error();
  std::vector<PublishedKey> keys;
  for (const storage::Row& row : *rows) {
    auto public_key = PublicKeyOf(row.Bytes(1));
    if (!public_key) return MakeError(ErrorCode::kDataLoss, "a stored public key is malformed");
    keys.push_back({row.Text(0), *public_key, row.Text(2) == "current", row.Int(3),
                    row.IsNull(4) ? 0 : row.Int(4)});
  }
  return keys;
}

Result<std::vector<PublishedKey>> SigningKeys::Published() {
  const std::int64_t now = clock_.NowUnixSeconds();
  {
    std::lock_guard lock(mutex_);
    if (published_loaded_at_ != 0 && now - published_loaded_at_ < kCacheSeconds) {
      return published_;
    }
  }
  auto keys = LoadPublished();
  if (!keys.ok()) return keys.error();
  std::lock_guard lock(mutex_);
  published_ = *keys;
  published_loaded_at_ = now;
  return keys;
}

std::optional<crypto::Ed25519PublicKey> SigningKeys::PublicKey(std::string_view kid) {
  auto find = [&](const std::vector<PublishedKey>& keys) -> std::optional<PublishedKey> {
    for (const PublishedKey& key : keys) {
      if (key.kid == kid) return key;
    }
    return std::nullopt;
  };
  auto published = Published();
  if (!published.ok()) return std::nullopt;
  auto found = find(*published);
  if (!found) {
    // A key made by another server since the last read: read again, but rarely.
    auto steady_now = std::chrono::steady_clock::now();
    {
      std::lock_guard lock(mutex_);
      if (steady_now - last_unknown_reload_ < std::chrono::seconds(1)) return std::nullopt;
      last_unknown_reload_ = steady_now;
    }
    auto reloaded = LoadPublished();
    if (!reloaded.ok()) return std::nullopt;
    found = find(*reloaded);
    std::lock_guard lock(mutex_);
    published_ = std::move(*reloaded);
    published_loaded_at_ = clock_.NowUnixSeconds();
  }
  if (!found) return std::nullopt;
  if (!found->current && found->publish_until <= clock_.NowUnixSeconds()) return std::nullopt;
  return found->public_key;
}

Result<std::string> SigningKeys::Rotate() {
  crypto::Ed25519KeyPair key = crypto::Ed25519KeyPair::Generate();
  std::string kid = JwkThumbprint(key.public_key());
  const std::int64_t now = clock_.NowUnixSeconds();

  auto connection = database_.Acquire();
  if (!connection.ok()) return connection.error();
  auto transaction = storage::Transaction::Begin(**connection);
  if (!transaction.ok()) return transaction.error();
  storage::OrgScope installation(**connection, kInstallationOrganization);
  auto ring = data_keys_.LoadOrCreate(installation);
  if (!ring.ok()) return ring.error();
  auto retired = (*connection)->Execute(kRetireCurrent, {now, now + publication_after_retirement_});
  if (!retired.ok()) return retired.error();
  storage::Blob public_key(key.public_key().begin(), key.public_key().end());
  auto inserted = (*connection)
                      ->Execute(kInsertKey, {kid, std::move(public_key),
                                             ring->Seal(key.seed(), SeedIdentity(kid)), now});
  if (!inserted.ok()) return inserted.error();
  if (Status committed = transaction->Commit(); !committed.ok()) return committed.error();
  Forget();
  log::Info("signing_key_rotated", {{"kid", kid}, {"retired", *retired}});
  return kid;
}

Result<bool> SigningKeys::RotateIfOlderThan(std::chrono::seconds period) {
  {
    auto connection = database_.Acquire();
    if (!connection.ok()) return connection.error();
    auto row = (*connection)->QueryOptional(kSelectCurrent);
    if (!row.ok()) return row.error();
    if (row->has_value() && clock_.NowUnixSeconds() - (*row)->Int(3) < period.count()) {
      return false;
    }
  }  // Rotate takes a connection of its own.
  auto rotated = Rotate();
  if (!rotated.ok()) return rotated.error();
  return true;
}

Result<std::int64_t> SigningKeys::PurgeExpired() {
  auto connection = database_.Acquire();
  if (!connection.ok()) return connection.error();
  auto deleted = (*connection)->Execute(kDeleteExpired, {clock_.NowUnixSeconds()});
  if (!deleted.ok()) return deleted.error();
  if (*deleted > 0) Forget();
  return deleted;
}

}  // namespace finhelm::identity

#include "secrets/data_key_store.hpp"

#include <string>

#include "observability/log.hpp"
#include "storage/sql.hpp"
#include "storage/transaction.hpp"

namespace finhelm::secrets {
namespace {

using storage::Sql;

constexpr Sql kSelectKeys(
    "SELECT version, wrapped_key FROM data_keys "
    "WHERE organization_id = :org_id AND retired_at IS NULL ORDER BY version");
constexpr Sql kInsertKey(
    "INSERT INTO data_keys (organization_id, version, wrapped_key, created_at) "
    "VALUES (:org_id, ?, ?, ?)");
constexpr Sql kUpdateWrapping(
    "UPDATE data_keys SET wrapped_key = ? "
    "WHERE organization_id = :org_id AND version = ?");
// Key rotation walks every organization: the one place that reads data_keys across tenants.
constexpr Sql kSelectOrganizationsWithKeys =
    Sql::CrossTenant("SELECT DISTINCT organization_id FROM data_keys ORDER BY organization_id");

std::string OrganizationText(const storage::OrgScope& scope) {
  return std::to_string(scope.organization().value);
}

Result<std::uint32_t> ToVersion(std::int64_t stored) {
  if (stored <= 0 || stored > static_cast<std::int64_t>(UINT32_MAX)) {
    return MakeError(ErrorCode::kDataLoss, "data key version out of range");
  }
  return static_cast<std::uint32_t>(stored);
}

}  // namespace

Status DataKeyStore::Insert(storage::OrgScope& scope, const crypto::DataKey& key) const {
  storage::Blob wrapped = master_.WrapDataKey(key, OrganizationText(scope));
  auto inserted = scope.Execute(
      kInsertKey, {static_cast<std::int64_t>(key.version()), wrapped, clock_.NowUnixSeconds()});
  if (!inserted.ok()) return inserted.error();
  return Status::Ok();
}

Result<crypto::DataKeyRing> DataKeyStore::LoadOrCreate(storage::OrgScope& scope) const {
  auto rows = scope.Query(kSelectKeys);
  if (!rows.ok()) return rows.error();
  if (rows->empty()) {
    crypto::DataKey first = crypto::DataKey::Generate(1);
    if (Status stored = Insert(scope, first); !stored.ok()) return stored.error();
    return crypto::DataKeyRing(std::move(first));
  }
  std::optional<crypto::DataKeyRing> ring;
  for (const storage::Row& row : *rows) {
    auto version = ToVersion(row.Int(0));
    if (!version.ok()) return version.error();
    auto key = master_.UnwrapDataKey(row.Bytes(1), OrganizationText(scope), *version);
    if (!key.ok()) {
      log::Error("crypt_decrypt_fail", {{"what", "data_key"},
                                        {"organization_id", scope.organization().value},
                                        {"version", static_cast<std::int64_t>(*version)}});
      return key.error();
    }
    if (!ring) {
      ring.emplace(std::move(*key));
    } else if (Status added = ring->Add(std::move(*key)); !added.ok()) {
      return added.error();
    }
  }
  return std::move(*ring);
}

Result<std::uint32_t> DataKeyStore::RotateDataKey(storage::OrgScope& scope) const {
  auto ring = LoadOrCreate(scope);
  if (!ring.ok()) return ring.error();
  auto next = ring->Rotate();
  if (!next.ok()) return next.error();
  const crypto::DataKey* key = ring->Find(*next);
  if (key == nullptr) return MakeError(ErrorCode::kInternal, "rotated key missing from ring");
  if (Status stored = Insert(scope, *key); !stored.ok()) return stored.error();
  log::Info("data_key_rotated", {{"organization_id", scope.organization().value},
                                 {"version", static_cast<std::int64_t>(*next)}});
  return *next;
}

Result<RewrapReport> DataKeyStore::RewrapAll(storage::Database& database) const {
  RewrapReport report;
  auto connection = database.Acquire();
  if (!connection.ok()) return connection.error();
  auto organizations = (*connection)->Query(kSelectOrganizationsWithKeys);
  if (!organizations.ok()) return organizations.error();

  for (const storage::Row& organization : *organizations) {
    auto transaction = storage::Transaction::Begin(**connection);
    if (!transaction.ok()) return transaction.error();
    storage::OrgScope scope(**connection, OrganizationId{organization.Int(0)});
    auto rows = scope.Query(kSelectKeys);
    if (!rows.ok()) return rows.error();
    for (const storage::Row& row : *rows) {
      auto version = ToVersion(row.Int(0));
      if (!version.ok()) return version.error();
      auto wrapped_under = crypto::WrappedMasterKeyVersion(row.Bytes(1));
      if (!wrapped_under.ok()) return wrapped_under.error();
      if (*wrapped_under == master_.current_version()) {
        ++report.current;
        continue;
      }
      auto rewrapped = master_.RewrapDataKey(row.Bytes(1), OrganizationText(scope), *version);
      if (!rewrapped.ok()) return rewrapped.error();
      auto updated = scope.Execute(
          kUpdateWrapping, {storage::Blob(*rewrapped), static_cast<std::int64_t>(*version)});
      if (!updated.ok()) return updated.error();
      ++report.rewrapped;
    }
    if (Status committed = transaction->Commit(); !committed.ok()) return committed.error();
  }
  log::Info("data_keys_rewrapped",
            {{"rewrapped", static_cast<std::uint64_t>(report.rewrapped)},
             {"already_current", static_cast<std::uint64_t>(report.current)},
             {"master_version", static_cast<std::int64_t>(master_.current_version())}});
  return report;
}

}  // namespace finhelm::secrets

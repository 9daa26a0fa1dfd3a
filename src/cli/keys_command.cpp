#include <cstdio>

#include "audit/audit_log.hpp"
#include "cli/commands.hpp"
#include "cli/startup.hpp"
#include "core/clock.hpp"
#include "crypto/key_file.hpp"
#include "identity/machine_tokens.hpp"
#include "identity/signing_keys.hpp"
#include "secrets/data_key_store.hpp"
#include "storage/migration.hpp"
#include "storage/organizations.hpp"
#include "storage/transaction.hpp"

namespace finhelm::cli {
namespace {

int Fail(const std::string& message) {
  std::fprintf(stderr, "finhelm: %s\n", message.c_str());
  return kExitFailure;
}

// The key file named by --file, or else by the configuration.
std::optional<std::string> KeyFilePath(const config::Config& config,
                                       const std::optional<std::string>& file) {
  return file ? file : config.master_key_file;
}

}  // namespace

int KeysInit(const CommonOptions& options, const std::optional<std::string>& file) {
  auto loaded = LoadConfig(options);
  auto path = KeyFilePath(loaded.config, file);
  if (!path) return Fail("name the key file with --file or FINHELM_MASTER_KEY_FILE");
  if (Status created = crypto::GenerateMasterKeyFile(*path); !created.ok()) {
    return Fail(created.error().message);
  }
  std::printf("created master key file %s (version 1, mode 0600)\n", path->c_str());
  return kExitOk;
}

int KeysAddMaster(const CommonOptions& options, const std::optional<std::string>& file) {
  auto loaded = LoadConfig(options);
  auto path = KeyFilePath(loaded.config, file);
  if (!path) return Fail("name the key file with --file or FINHELM_MASTER_KEY_FILE");
  auto version = crypto::AddMasterKeyVersion(*path);
  if (!version.ok()) return Fail(version.error().message);
  std::printf("added master key version %u to %s; run `finhelm keys rotate` to re-wrap\n", *version,
              path->c_str());
  return kExitOk;
}

int KeysRotate(const CommonOptions& options, std::optional<std::int64_t> organization) {
  auto loaded = LoadConfig(options);
  if (!loaded.problems.empty()) {
    PrintProblems(loaded.problems);
    return kExitBadConfig;
  }
  ConfigureLogging(loaded.config);
  if (!loaded.config.master_key_file) return Fail("FINHELM_MASTER_KEY_FILE is not set");
  auto master = crypto::LoadMasterKeyRing(*loaded.config.master_key_file);
  if (!master.ok()) return Fail(master.error().message);
  auto database = OpenDatabase(loaded.config);
  if (!database.ok()) return Fail(database.error().message);
  if (Status migrated = storage::Migrate(**database); !migrated.ok()) {
    return Fail(migrated.error().message);
  }
  SystemClock clock;
  secrets::DataKeyStore store(*master, clock);

  if (!organization) {
    auto report = store.RewrapAll(**database);
    if (!report.ok()) return Fail(report.error().message);
    std::printf("re-wrapped %zu data keys under master key version %u (%zu already were)\n",
                report->rewrapped, master->current_version(), report->current);
    return kExitOk;
  }
  auto connection = (*database)->Acquire();
  if (!connection.ok()) return Fail(connection.error().message);
  auto found = storage::FindOrganization(**connection, OrganizationId{*organization});
  if (!found.ok()) return Fail(found.error().message);
  if (!*found) return Fail("no organization has id " + std::to_string(*organization));
  auto transaction = storage::Transaction::Begin(**connection);
  if (!transaction.ok()) return Fail(transaction.error().message);
  storage::OrgScope scope(**connection, OrganizationId{*organization});
  auto version = store.RotateDataKey(scope);
  if (!version.ok()) return Fail(version.error().message);
  if (Status committed = transaction->Commit(); !committed.ok()) {
    return Fail(committed.error().message);
  }
  std::printf("organization %lld now seals new secrets with data key version %u\n",
              static_cast<long long>(*organization), *version);
  return kExitOk;
}

int KeysRotateSigning(const CommonOptions& options) {
  auto loaded = LoadConfig(options);
  if (!loaded.problems.empty()) {
    PrintProblems(loaded.problems);
    return kExitBadConfig;
  }
  ConfigureLogging(loaded.config);
  auto master = MasterKeyFor(loaded.config);
  if (!master.ok()) return Fail(master.error().message);
  auto database = OpenDatabase(loaded.config);
  if (!database.ok()) return Fail(database.error().message);
  if (Status migrated = storage::Migrate(**database); !migrated.ok()) {
    return Fail(migrated.error().message);
  }
  SystemClock clock;
  secrets::DataKeyStore data_keys(*master, clock);
  identity::MachineTokenSettings settings;
  identity::SigningKeys keys(**database, data_keys, clock, settings.max_lifetime + settings.skew);
  auto kid = keys.Rotate();
  if (!kid.ok()) return Fail(kid.error().message);
  auto connection = (*database)->Acquire();
  if (!connection.ok()) return Fail(connection.error().message);
  if (Status audited = audit::Record(**connection, clock,
                                     {OrganizationId{0}, "signing_key_rotated", "operator",
                                      "signing_key:" + *kid, "", "", "{}"});
      !audited.ok()) {
    return Fail(audited.error().message);
  }
  std::printf(
      "machine tokens are now signed with key %s; the previous key stays published "
      "until its tokens expire\n",
      kid->c_str());
  return kExitOk;
}

}  // namespace finhelm::cli

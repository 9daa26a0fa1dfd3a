// The ordered list of FinHelm's migrations. A new migration is a new file beside this one
// and one more entry at the end of kAll.
#include "storage/migration.hpp"

#include <array>

#include "storage/migrations/0001_schema_migrations.hpp"
#include "storage/migrations/0002_organizations.hpp"
#include "storage/migrations/0003_data_keys.hpp"
#include "storage/migrations/0004_jobs.hpp"
#include "storage/migrations/0005_identity.hpp"
#include "storage/migrations/0006_audit.hpp"
#include "storage/migrations/0007_mfa.hpp"
#include "storage/migrations/0008_invitations.hpp"
#include "storage/migrations/0009_setup.hpp"
#include "storage/migrations/0010_machine_clients.hpp"
#include "storage/migrations/0011_email_changes.hpp"
#include "storage/migrations/0012_deletions.hpp"
#include "storage/migrations/0013_ledger.hpp"
#include "storage/migrations/0014_personal_data.hpp"
#include "storage/migrations/0015_dated_keys.hpp"

namespace finhelm::storage {

std::span<const Migration> BuiltInMigrations() {
  static constexpr std::array kAll = {
      // One migration a line, so that each new one is a one-line diff.
      // clang-format off
      migrations::kMigration0001,
      migrations::kMigration0002,
      migrations::kMigration0003,
      migrations::kMigration0004,
      migrations::kMigration0005,
      migrations::kMigration0006,
      migrations::kMigration0007,
      migrations::kMigration0008,
      migrations::kMigration0009,
      migrations::kMigration0010,
      migrations::kMigration0011,
      migrations::kMigration0012,
      migrations::kMigration0013,
      migrations::kMigration0014,
      migrations::kMigration0015,
      // clang-format on
  };
  return kAll;
}

}  // namespace finhelm::storage

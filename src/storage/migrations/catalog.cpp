// The ordered list of FinHelm's migrations. A new migration is a new file beside this one
// and one more entry at the end of kAll.
#include "storage/migration.hpp"

#include <array>

#include "storage/migrations/0001_schema_migrations.hpp"
#include "storage/migrations/0002_organizations.hpp"
#include "storage/migrations/0003_data_keys.hpp"
#include "storage/migrations/0004_jobs.hpp"
#include "storage/migrations/0005_identity.hpp"

namespace finhelm::storage {

std::span<const Migration> BuiltInMigrations() {
  static constexpr std::array kAll = {
      migrations::kMigration0001, migrations::kMigration0002, migrations::kMigration0003,
      migrations::kMigration0004, migrations::kMigration0005,
  };
  return kAll;
}

}  // namespace finhelm::storage

#include <cstdio>

#include "cli/commands.hpp"
#include "cli/startup.hpp"
#include "storage/migration.hpp"

namespace finhelm::cli {

int Migrate(const CommonOptions& options, bool status_only) {
  auto loaded = LoadConfig(options);
  if (!loaded.problems.empty()) {
    PrintProblems(loaded.problems);
    return kExitBadConfig;
  }
  ConfigureLogging(loaded.config);
  auto database = OpenDatabase(loaded.config);
  if (!database.ok()) {
    std::fprintf(stderr, "finhelm: %s\n", database.error().message.c_str());
    return kExitFailure;
  }
  if (!status_only) {
    if (Status migrated = storage::Migrate(**database); !migrated.ok()) {
      std::fprintf(stderr, "finhelm: migration failed: %s\n", migrated.error().message.c_str());
      return kExitFailure;
    }
  }
  auto state = storage::CurrentState(**database);
  if (!state.ok()) {
    std::fprintf(stderr, "finhelm: %s\n", state.error().message.c_str());
    return kExitFailure;
  }
  std::printf("schema version %lld of %lld%s\n", static_cast<long long>(state->applied_version),
              static_cast<long long>(state->latest_version),
              state->up_to_date() ? " (up to date)" : " (pending migrations)");
  return state->up_to_date() || status_only ? kExitOk : kExitFailure;
}

}  // namespace finhelm::cli

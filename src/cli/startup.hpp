// Start-up steps shared by the commands: configuration, logging, the database.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "cli/commands.hpp"
#include "config/config.hpp"
#include "core/result.hpp"
#include "crypto/master_key_ring.hpp"
#include "storage/database.hpp"

namespace finhelm::cli {

struct LoadedConfig {
  config::Config config;
  std::vector<config::Problem> problems;  // Load and Check problems together.
};

// Reads --config and FINHELM_* and checks the result.
LoadedConfig LoadConfig(const CommonOptions& options);

// Prints each problem on standard error, one per line, with the setting it concerns.
void PrintProblems(const std::vector<config::Problem>& problems);

// Applies log.level (and the production floor) to the logger.
void ConfigureLogging(const config::Config& config);

// Opens the configured database, creating the data directory (mode 0700) for SQLite.
Result<std::unique_ptr<storage::Database>> OpenDatabase(const config::Config& config);

// The configuration and the migrated database, for commands that work on the data.
struct Installation {
  config::Config config;
  std::unique_ptr<storage::Database> database;
};

// Loads and checks the configuration, opens and migrates the database; on failure prints
// why on standard error, sets `exit_status` and returns nullopt.
std::optional<Installation> OpenInstallation(const CommonOptions& options, int& exit_status);

// The configured master key ring; in development without one, DATA_DIR/master.keys,
// made on first use with mode 0600.
Result<crypto::MasterKeyRing> MasterKeyFor(const config::Config& config);

}  // namespace finhelm::cli

#include "cli/startup.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "crypto/key_file.hpp"
#include "observability/log.hpp"
#include "storage/migration.hpp"

namespace finhelm::cli {

LoadedConfig LoadConfig(const CommonOptions& options) {
  auto outcome = config::Load(options.config_path, config::ProcessEnvironment());
  LoadedConfig loaded{std::move(outcome.config), std::move(outcome.problems)};
  auto checked = config::Check(loaded.config);
  loaded.problems.insert(loaded.problems.end(), checked.begin(), checked.end());
  return loaded;
}

void PrintProblems(const std::vector<config::Problem>& problems) {
  std::fprintf(stderr, "finhelm: the configuration has %zu problem%s:\n", problems.size(),
               problems.size() == 1 ? "" : "s");
  for (const auto& problem : problems) {
    std::fprintf(stderr, "  - %s: %s\n", problem.setting.c_str(), problem.message.c_str());
  }
}

void ConfigureLogging(const config::Config& config) {
  log::Level level = log::Level::kInfo;
  if (config.log_level == "debug") level = log::Level::kDebug;
  if (config.log_level == "warn") level = log::Level::kWarn;
  if (config.log_level == "error") level = log::Level::kError;
  log::Configure(level, nullptr);
}

Result<std::unique_ptr<storage::Database>> OpenDatabase(const config::Config& config) {
  if (!config.database_url) {
    std::error_code ec;
    std::filesystem::create_directories(config.data_dir, ec);
    if (ec) {
      return MakeError(ErrorCode::kUnavailable,
                       "cannot create data directory " + config.data_dir + ": " + ec.message());
    }
    // The database and uploads hold financial records: owner only.
    if (::chmod(config.data_dir.c_str(), 0700) != 0) {
      return MakeError(ErrorCode::kUnavailable, "cannot restrict data directory " +
                                                    config.data_dir + ": " + std::strerror(errno));
    }
  }
  storage::DatabaseOptions options;
  options.max_connections = config.database_pool_size;
  return storage::Database::Open(config.EffectiveDatabaseUrl(), options);
}

// The configured master key ring. In development without one, `DATA_DIR/master.keys`,
// made on first start with mode 0600, so that secrets are sealed on a laptop too;
// production refuses to start without a configured key (config.cpp).
Result<crypto::MasterKeyRing> MasterKeyFor(const config::Config& config) {
  if (config.master_key_file) return crypto::LoadMasterKeyRing(*config.master_key_file);
  std::filesystem::path path = std::filesystem::path(config.data_dir) / "master.keys";
  std::error_code error;
  std::filesystem::create_directories(config.data_dir, error);
  if (error) return MakeError(ErrorCode::kUnavailable, "cannot create " + config.data_dir);
  std::filesystem::permissions(config.data_dir, std::filesystem::perms::owner_all, error);
  if (!std::filesystem::exists(path)) {
    if (Status made = crypto::GenerateMasterKeyFile(path); !made.ok()) return made.error();
    log::Warn("master_key_generated", {{"path", path.string()},
                                       {"detail",
                                        "development only; configure "
                                        "FINHELM_MASTER_KEY_FILE for production"}});
  }
  return crypto::LoadMasterKeyRing(path);
}

std::optional<Installation> OpenInstallation(const CommonOptions& options, int& exit_status) {
  auto loaded = LoadConfig(options);
  if (!loaded.problems.empty()) {
    PrintProblems(loaded.problems);
    exit_status = kExitBadConfig;
    return std::nullopt;
  }
  ConfigureLogging(loaded.config);
  auto database = OpenDatabase(loaded.config);
  if (!database.ok()) {
    std::fprintf(stderr, "finhelm: %s\n", database.error().message.c_str());
    exit_status = kExitFailure;
    return std::nullopt;
  }
  if (Status migrated = storage::Migrate(**database); !migrated.ok()) {
    std::fprintf(stderr, "finhelm: migration failed: %s\n", migrated.error().message.c_str());
    exit_status = kExitFailure;
    return std::nullopt;
  }
  return Installation{std::move(loaded.config), std::move(*database)};
}

}  // namespace finhelm::cli

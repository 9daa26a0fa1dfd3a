// finhelm: one binary, many subcommands (SPEC section 2, item 8).
#include <CLI/CLI.hpp>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  using namespace finhelm::cli;  // NOLINT(google-build-using-namespace): one small file.

  CLI::App app{"FinHelm: the financial insight server for small businesses and their accountants"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "finhelm " FINHELM_VERSION);

  CommonOptions common;
  app.add_option("-c,--config", common.config_path, "TOML configuration file")
      ->check(CLI::ExistingFile);

  auto* serve = app.add_subcommand("serve", "Migrate the database, then serve the API and app");
  bool status_only = false;
  auto* migrate = app.add_subcommand("migrate", "Apply pending database migrations");
  migrate->add_flag("--status", status_only, "Only show applied and latest versions");
  auto* config = app.add_subcommand("config", "Inspect the configuration");
  config->require_subcommand(1);
  auto* check = config->add_subcommand("check", "Explain every problem with the configuration");
  auto* version = app.add_subcommand("version", "Print the version");

  CLI11_PARSE(app, argc, argv);

  if (serve->parsed()) return Serve(common);
  if (migrate->parsed()) return Migrate(common, status_only);
  if (check->parsed()) return ConfigCheck(common);
  if (version->parsed()) return Version();
  return kExitFailure;
}

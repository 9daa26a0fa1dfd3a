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

  auto* keys = app.add_subcommand("keys", "Manage the master key and data keys (DATA-2)");
  keys->require_subcommand(1);
  std::optional<std::string> key_file;
  auto* keys_init = keys->add_subcommand("init", "Create a new master key file (mode 0600)");
  keys_init->add_option("--file", key_file, "Key file (default: FINHELM_MASTER_KEY_FILE)");
  auto* keys_add = keys->add_subcommand("add-master", "Add a new master key version");
  keys_add->add_option("--file", key_file, "Key file (default: FINHELM_MASTER_KEY_FILE)");
  std::optional<std::int64_t> organization;
  auto* keys_rotate =
      keys->add_subcommand("rotate",
                           "Re-wrap every data key under the newest master key, or with --org give "
                           "one organization a new data key");
  keys_rotate->add_option("--org", organization, "Organization id");
  auto* keys_rotate_signing = keys->add_subcommand(
      "rotate-signing", "Sign machine tokens with a new key from now on (AUTH-7)");

  auto* admin = app.add_subcommand("admin", "Operator commands on accounts and the audit log");
  admin->require_subcommand(1);
  auto* audit_verify =
      admin->add_subcommand("audit-verify", "Check the audit log's hash chain (AUD-2)");
  AdminCreateUserOptions new_user;
  auto* create_user = admin->add_subcommand(
      "create-user", "Create a verified user; the password is read from standard input");
  create_user->add_option("--email", new_user.email, "Email address")->required();
  create_user->add_option("--name", new_user.name, "Full name")->required();
  create_user->add_option("--org-name", new_user.organization_name,
                          "Also create an organization the user administers");

  std::string reset_email;
  auto* reset_mfa = admin->add_subcommand(
      "reset-mfa", "Remove a user's second factor and end their sessions (a lost device)");
  reset_mfa->add_option("--email", reset_email, "The user's email address")->required();

  ImportFileOptions import_file;
  auto* import = app.add_subcommand(
      "import", "Import a QuickBooks or bank CSV export into an organization, all or nothing");
  import->add_option("file", import_file.path, "The .csv file")->required();
  import->add_option("--org", import_file.organization, "Organization id")->required();
  import->add_option("--options", import_file.options_json,
                     "JSON: date_order, amount_style, and for a bank statement its mapping");

  auto* demo = app.add_subcommand("demo", "The bundled demo company");
  demo->require_subcommand(1);
  std::int64_t demo_organization = 0;
  auto* demo_load = demo->add_subcommand("load", "Import the demo company into an organization");
  demo_load->add_option("--org", demo_organization, "Organization id")->required();
  std::string demo_path;
  std::optional<std::string> demo_last_day;
  auto* demo_export =
      demo->add_subcommand("export", "Write the demo company's General Ledger CSV to a file");
  demo_export->add_option("file", demo_path, "Where to write it")->required();
  demo_export->add_option("--last-day", demo_last_day, "Its last day, YYYY-MM-DD");

  CLI11_PARSE(app, argc, argv);

  if (serve->parsed()) return Serve(common);
  if (migrate->parsed()) return Migrate(common, status_only);
  if (check->parsed()) return ConfigCheck(common);
  if (version->parsed()) return Version();
  if (keys_init->parsed()) return KeysInit(common, key_file);
  if (keys_add->parsed()) return KeysAddMaster(common, key_file);
  if (keys_rotate->parsed()) return KeysRotate(common, organization);
  if (keys_rotate_signing->parsed()) return KeysRotateSigning(common);
  if (audit_verify->parsed()) return AdminAuditVerify(common);
  if (create_user->parsed()) return AdminCreateUser(common, new_user);
  if (reset_mfa->parsed()) return AdminResetMfa(common, reset_email);
  if (import->parsed()) return ImportFile(common, import_file);
  if (demo_load->parsed()) return DemoLoad(common, demo_organization);
  if (demo_export->parsed()) return DemoExport(demo_path, demo_last_day);
  return kExitFailure;
}

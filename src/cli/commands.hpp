// The subcommands of the `finhelm` binary. main.cpp parses the command line (CLI11 lives
// only there) and calls one of these; each returns the process exit status.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace finhelm::cli {

// Exit statuses shared by every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadConfig = 2;

struct CommonOptions {
  std::optional<std::string> config_path;  // --config PATH
};

int Serve(const CommonOptions& options);
int Migrate(const CommonOptions& options, bool status_only);
int ConfigCheck(const CommonOptions& options);
int Version();

// Master and data keys (DATA-2, DATA-4). `file` overrides FINHELM_MASTER_KEY_FILE.
int KeysInit(const CommonOptions& options, const std::optional<std::string>& file);
int KeysAddMaster(const CommonOptions& options, const std::optional<std::string>& file);
// Re-wraps every data key under the current master version, or with `organization`,
// gives that organization a new data-key version.
int KeysRotate(const CommonOptions& options, std::optional<std::int64_t> organization);
// A new key for machine tokens now (AUTH-7); the scheduled job does the same weekly.
int KeysRotateSigning(const CommonOptions& options);

// `finhelm admin audit-verify`: walks the audit chain (AUD-2); exit 1 when it is broken.
int AdminAuditVerify(const CommonOptions& options);

// `finhelm admin create-user`: a verified account whose password is read from standard
// input, optionally with a new organization it administers.
struct AdminCreateUserOptions {
  std::string email;
  std::string name;
  std::optional<std::string> organization_name;
};
int AdminCreateUser(const CommonOptions& options, const AdminCreateUserOptions& user);

// `finhelm admin reset-mfa --email E`: removes a user's second factor (a lost phone) and
// ends their sessions; audited.
int AdminResetMfa(const CommonOptions& options, const std::string& email);

// `finhelm import FILE --org ID [--options JSON]`: imports one CSV export (see
// imports/import_options.hpp for the options); exit 1 when the file is refused or rejected.
struct ImportFileOptions {
  std::string path;
  std::int64_t organization = 0;
  std::optional<std::string> options_json;
};
int ImportFile(const CommonOptions& options, const ImportFileOptions& file);

// `finhelm demo load --org ID`: imports the demo company, as of today, into an
// organization; `finhelm demo export FILE`: writes its General Ledger CSV.
int DemoLoad(const CommonOptions& options, std::int64_t organization);
int DemoExport(const std::string& path, const std::optional<std::string>& last_day);

}  // namespace finhelm::cli

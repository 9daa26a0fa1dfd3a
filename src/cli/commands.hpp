// The subcommands of the `finhelm` binary. main.cpp parses the command line (CLI11 lives
// only there) and calls one of these; each returns the process exit status.
#pragma once

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

}  // namespace finhelm::cli

#include <cstdio>

#include "cli/commands.hpp"
#include "cli/startup.hpp"

namespace finhelm::cli {

int ConfigCheck(const CommonOptions& options) {
  auto loaded = LoadConfig(options);
  const config::Config& config = loaded.config;
  std::printf("profile:  %s\n", config::ProfileName(config.profile));
  std::printf("listen:   %s:%u (%s)\n", config.listen_address.c_str(),
              static_cast<unsigned>(config.listen_port),
              config.tls_enabled() ? "TLS" : "plain HTTP");
  std::printf("database: %s\n", config.database_url
                                    ? "postgresql (FINHELM_DATABASE_URL)"
                                    : ("sqlite " + config.data_dir + "/finhelm.db").c_str());
  if (loaded.problems.empty()) {
    std::printf("configuration is valid\n");
    return kExitOk;
  }
  PrintProblems(loaded.problems);
  return kExitBadConfig;
}

int Version() {
  std::printf("finhelm %s\n", FINHELM_VERSION);
  return kExitOk;
}

}  // namespace finhelm::cli

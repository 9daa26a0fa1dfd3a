// Start-up refusals: a configuration that is unsafe or wrong never serves (DATA-1,
// DATA-4, OPS-1, IN-2), and every problem is named so an operator can fix it.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "server_process.hpp"
#include "temp_dir.hpp"

namespace finhelm::integration {
namespace {

constexpr int kExitBadConfig = 2;

class Startup : public ::testing::Test {
 protected:
  void SetUp() override {
    // Check() reads only the permissions of these files, so placeholders suffice.
    ASSERT_TRUE(WriteFile(dir_ / "master.key", "placeholder"));
    ASSERT_TRUE(WriteFile(dir_ / "tls.key", "placeholder"));
    ASSERT_TRUE(WriteFile(dir_ / "tls.crt", "placeholder"));
  }

  // Production with everything it needs, on loopback; tests remove or spoil one thing.
  Environment Production() const {
    return {{"FINHELM_PROFILE", "production"},
            {"FINHELM_LISTEN", "127.0.0.1:0"},
            {"FINHELM_DATA_DIR", (dir_ / "data").string()},
            {"FINHELM_MASTER_KEY_FILE", (dir_ / "master.key").string()},
            {"FINHELM_TLS_CERT_FILE", (dir_ / "tls.crt").string()},
            {"FINHELM_TLS_KEY_FILE", (dir_ / "tls.key").string()}};
  }

  // Runs `finhelm [--config FILE] serve` and expects it to refuse, naming `settings`.
  CommandOutcome ExpectServeRefused(const Environment& environment,
                                    const std::vector<std::string>& settings,
                                    const std::string& toml = {}) {
    std::vector<std::string> args;
    if (!toml.empty()) {
      EXPECT_TRUE(WriteFile(dir_ / "finhelm.toml", toml));
      args = {"--config", (dir_ / "finhelm.toml").string()};
    }
    args.push_back("serve");
    auto outcome = RunFinhelm(args, environment, std::chrono::seconds(10));
    if (!outcome.ok()) {
      ADD_FAILURE() << outcome.error().message;
      return {};
    }
    EXPECT_EQ(outcome->exit_status, kExitBadConfig) << outcome->err;
    EXPECT_EQ(outcome->out.find("serving on"), std::string::npos) << outcome->out;
    for (const std::string& setting : settings) {
      EXPECT_NE(outcome->err.find("  - " + setting + ": "), std::string::npos)
          << setting << " not named in:\n"
          << outcome->err;
    }
    return *outcome;
  }

  TempDir dir_;
};

// proves DATA-1
TEST_F(Startup, ProductionRefusesPlainHttpOutsideLoopback) {
  Environment environment = Production();
  environment.erase("FINHELM_TLS_CERT_FILE");
  environment.erase("FINHELM_TLS_KEY_FILE");
  environment["FINHELM_LISTEN"] = "0.0.0.0:0";
  CommandOutcome outcome = ExpectServeRefused(environment, {"server.listen"});
  EXPECT_NE(outcome.err.find("refusing to serve plain HTTP on 0.0.0.0"), std::string::npos)
      << outcome.err;
  EXPECT_FALSE(std::filesystem::exists(dir_ / "data")) << "storage was opened before refusing";
}

// proves DATA-1
TEST_F(Startup, DevelopmentAlsoRefusesPlainHttpOutsideLoopback) {
  ExpectServeRefused(
      {{"FINHELM_LISTEN", "0.0.0.0:0"}, {"FINHELM_DATA_DIR", (dir_ / "data").string()}},
      {"server.listen"});
}

// proves DATA-4
TEST_F(Startup, ProductionRefusesToStartWithoutMasterKey) {
  Environment environment = Production();
  environment.erase("FINHELM_MASTER_KEY_FILE");
  CommandOutcome outcome = ExpectServeRefused(environment, {"secrets.master_key_file"});
  EXPECT_NE(outcome.err.find("FINHELM_MASTER_KEY_FILE"), std::string::npos) << outcome.err;
  // It is the only problem: the refusal is about the key and nothing else.
  EXPECT_NE(outcome.err.find("has 1 problem:"), std::string::npos) << outcome.err;
}

// proves DATA-4
TEST_F(Startup, ProductionRefusesSecretFilesOthersCanRead) {
  std::filesystem::permissions(dir_ / "master.key", std::filesystem::perms::others_read,
                               std::filesystem::perm_options::add);
  ExpectServeRefused(Production(), {"secrets.master_key_file"});
}

// proves IN-2
TEST_F(Startup, ProductionRefusesLimitsLoosenedPastTheFloors) {
  ExpectServeRefused(Production(),
                     {"limits.header_timeout_seconds", "limits.body_timeout_seconds",
                      "limits.json_body_bytes", "limits.requests_per_minute"},
                     "[limits]\nheader_timeout_seconds = 11\nbody_timeout_seconds = 31\n"
                     "json_body_bytes = 2097152\nrequests_per_minute = 601\n");
}

// proves OPS-1
TEST_F(Startup, ProductionRefusesDebugLogging) {
  Environment environment = Production();
  environment["FINHELM_LOG_LEVEL"] = "debug";
  ExpectServeRefused(environment, {"log.level"});
}

TEST_F(Startup, ConfigCheckNamesAnUnknownKey) {
  ASSERT_TRUE(WriteFile(dir_ / "typo.toml", "[server]\nlisen = \"127.0.0.1:8080\"\n"));
  auto outcome = RunFinhelm({"--config", (dir_ / "typo.toml").string(), "config", "check"}, {});
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  EXPECT_EQ(outcome->exit_status, kExitBadConfig);
  EXPECT_NE(outcome->err.find("server.lisen: unknown setting"), std::string::npos) << outcome->err;
}

TEST_F(Startup, ConfigCheckAcceptsAValidFile) {
  ASSERT_TRUE(WriteFile(dir_ / "good.toml", "[server]\nlisten = \"127.0.0.1:8080\"\n"));
  auto outcome = RunFinhelm({"--config", (dir_ / "good.toml").string(), "config", "check"}, {});
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  EXPECT_EQ(outcome->exit_status, 0) << outcome->err;
  EXPECT_NE(outcome->out.find("configuration is valid"), std::string::npos) << outcome->out;
}

}  // namespace
}  // namespace finhelm::integration

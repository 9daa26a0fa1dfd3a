#include "config/config.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>
#include <vector>

namespace finhelm::config {
namespace {

// A private scratch directory, removed with everything in it afterwards.
class TempDir {
 public:
  TempDir() {
    std::string pattern = std::filesystem::temp_directory_path() / "finhelm-config-XXXXXX";
    if (::mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // Writes `contents` to `name` with `mode` and returns the full path.
  std::string Write(const std::string& name, const std::string& contents, mode_t mode = 0600) {
    std::filesystem::path path = path_ / name;
    std::ofstream(path, std::ios::binary) << contents;
    EXPECT_EQ(::chmod(path.c_str(), mode), 0);
    return path.string();
  }

 private:
  std::filesystem::path path_;
};

// The problem reported for `setting`, or nullptr.
const Problem* FindProblem(const std::vector<Problem>& problems, const std::string& setting) {
  auto found = std::find_if(problems.begin(), problems.end(),
                            [&](const Problem& problem) { return problem.setting == setting; });
  return found == problems.end() ? nullptr : &*found;
}

std::string Describe(const std::vector<Problem>& problems) {
  std::string text;
  for (const Problem& problem : problems) text += problem.setting + ": " + problem.message + "\n";
  return text;
}

bool Mentions(const Problem* problem, const std::string& text) {
  return problem != nullptr && problem->message.find(text) != std::string::npos;
}

TEST(Load, UsesDefaultsWithoutAFile) {
  LoadOutcome outcome = Load(std::nullopt, {});
  EXPECT_TRUE(outcome.problems.empty()) << Describe(outcome.problems);
  const Config& config = outcome.config;
  EXPECT_EQ(config.profile, Profile::kDevelopment);
  EXPECT_EQ(config.listen_address, "127.0.0.1");
  EXPECT_EQ(config.listen_port, 8080);
  EXPECT_EQ(config.json_body_limit, 1024u * 1024u);
  EXPECT_EQ(config.upload_body_limit, 25u * 1024u * 1024u);
  EXPECT_EQ(config.header_timeout, std::chrono::seconds(10));
  EXPECT_EQ(config.body_timeout, std::chrono::seconds(30));
  EXPECT_EQ(config.requests_per_minute, 600u);
  EXPECT_EQ(config.log_level, "info");
  EXPECT_EQ(config.io_threads, DefaultIoThreads());
  EXPECT_GE(config.io_threads, 1u);
  EXPECT_TRUE(Check(config).empty()) << Describe(Check(config));
}

TEST(Load, ReadsEverySectionOfTheFile) {
  TempDir dir;
  std::string path = dir.Write("finhelm.toml", R"(
profile = "development"

[server]
listen = "[::1]:9443"
io_threads = 3
trusted_proxies = ["10.0.0.1", "10.0.0.2"]
cors_allowed_origins = ["https://app.example"]

[limits]
json_body_bytes = 65536
requests_per_minute = 120
header_timeout_seconds = 5

[storage]
database_url = "postgresql://finhelm@db/finhelm"

[log]
level = "warn"
)");
  LoadOutcome outcome = Load(path, {});
  ASSERT_TRUE(outcome.problems.empty()) << Describe(outcome.problems);
  const Config& config = outcome.config;
  EXPECT_EQ(config.listen_address, "::1");
  EXPECT_EQ(config.listen_port, 9443);
  EXPECT_EQ(config.io_threads, 3u);
  EXPECT_EQ(config.trusted_proxies, (std::vector<std::string>{"10.0.0.1", "10.0.0.2"}));
  EXPECT_EQ(config.cors_allowed_origins, std::vector<std::string>{"https://app.example"});
  EXPECT_EQ(config.json_body_limit, 65536u);
  EXPECT_EQ(config.requests_per_minute, 120u);
  EXPECT_EQ(config.header_timeout, std::chrono::seconds(5));
  EXPECT_EQ(config.EffectiveDatabaseUrl(), "postgresql://finhelm@db/finhelm");
  EXPECT_EQ(config.log_level, "warn");
}

// The identity settings of issue #3: each has its environment name and its bounds.
TEST(Load, ReadsTheIdentitySettingsWithinTheirBounds) {
  LoadOutcome outcome = Load(std::nullopt, {{"FINHELM_REAUTHENTICATION_WINDOW_SECONDS", "60"},
                                            {"FINHELM_PASSWORD_REMINDER_DAYS", "90"},
                                            {"FINHELM_SIGNING_KEY_ROTATION_SECONDS", "86400"},
                                            {"FINHELM_METRICS_TOKEN_FILE", "/run/metrics.token"}});
  ASSERT_TRUE(outcome.problems.empty()) << Describe(outcome.problems);
  EXPECT_EQ(outcome.config.reauthentication_window, std::chrono::seconds(60));
  EXPECT_EQ(outcome.config.password_reminder_age, std::chrono::hours(24 * 90));
  EXPECT_EQ(outcome.config.signing_key_rotation, std::chrono::seconds(86400));
  EXPECT_EQ(outcome.config.metrics_token_file, "/run/metrics.token");

  // AUTH-8's five minutes may be shortened, never lengthened; rotation at most hourly.
  LoadOutcome longer = Load(std::nullopt, {{"FINHELM_REAUTHENTICATION_WINDOW_SECONDS", "301"},
                                           {"FINHELM_SIGNING_KEY_ROTATION_SECONDS", "60"}});
  EXPECT_EQ(longer.problems.size(), 2u) << Describe(longer.problems);
  EXPECT_EQ(longer.config.reauthentication_window, std::chrono::seconds(300));
}

// proves DATA-6: retention is configurable per kind, within bounds.
TEST(Load, ReadsTheRetentionOfEachKind) {
  LoadOutcome defaults = Load(std::nullopt, {});
  EXPECT_EQ(defaults.config.audit_retention, std::chrono::hours(24 * 400));
  EXPECT_EQ(defaults.config.succeeded_job_retention, std::chrono::hours(24 * 7));
  EXPECT_EQ(defaults.config.dead_job_retention, std::chrono::hours(24 * 30));
  TempDir dir;
  LoadOutcome outcome = Load(dir.Write("finhelm.toml", R"(
[retention]
audit_events_days = 730
succeeded_jobs_days = 2
dead_jobs_days = 90
)"),
                             {});
  ASSERT_TRUE(outcome.problems.empty()) << Describe(outcome.problems);
  EXPECT_EQ(outcome.config.audit_retention, std::chrono::hours(24 * 730));
  EXPECT_EQ(outcome.config.succeeded_job_retention, std::chrono::hours(24 * 2));
  EXPECT_EQ(outcome.config.dead_job_retention, std::chrono::hours(24 * 90));
  // An audit log kept less than a month cannot serve an investigation.
  LoadOutcome short_log = Load(dir.Write("short.toml", "[retention]\naudit_events_days = 7\n"), {});
  EXPECT_NE(FindProblem(short_log.problems, "retention.audit_events_days"), nullptr)
      << Describe(short_log.problems);
}

TEST(Load, LetsTheEnvironmentOverrideTheFile) {
  TempDir dir;
  std::string path = dir.Write("finhelm.toml", R"(
[server]
listen = "127.0.0.1:8080"
trusted_proxies = ["10.0.0.1"]
[log]
level = "warn"
[limits]
requests_per_minute = 100
)");
  LoadOutcome outcome = Load(path, {{"FINHELM_LOG_LEVEL", "error"},
                                    {"FINHELM_LISTEN", "127.0.0.2:9000"},
                                    {"FINHELM_REQUESTS_PER_MINUTE", "50"},
                                    {"FINHELM_TRUSTED_PROXIES", "10.0.0.7,,10.0.0.8"},
                                    {"FINHELM_DATA_DIR", "/var/lib/finhelm"},
                                    {"UNRELATED", "ignored"}});
  ASSERT_TRUE(outcome.problems.empty()) << Describe(outcome.problems);
  EXPECT_EQ(outcome.config.log_level, "error");
  EXPECT_EQ(outcome.config.listen_address, "127.0.0.2");
  EXPECT_EQ(outcome.config.listen_port, 9000);
  EXPECT_EQ(outcome.config.requests_per_minute, 50u);
  EXPECT_EQ(outcome.config.trusted_proxies, (std::vector<std::string>{"10.0.0.7", "10.0.0.8"}));
  EXPECT_EQ(outcome.config.EffectiveDatabaseUrl(), "sqlite:/var/lib/finhelm/finhelm.db");
}

TEST(Load, ReportsUnknownKeys) {
  TempDir dir;
  std::string path = dir.Write("finhelm.toml", R"(
[server]
listen = "127.0.0.1:8080"
colour = "blue"
[secrets]
master_key = "never put a key here"
)");
  LoadOutcome outcome = Load(path, {});
  EXPECT_TRUE(Mentions(FindProblem(outcome.problems, "server.colour"), "unknown setting"))
      << Describe(outcome.problems);
  EXPECT_TRUE(Mentions(FindProblem(outcome.problems, "secrets.master_key"), "unknown setting"));
  EXPECT_EQ(outcome.problems.size(), 2u);
  EXPECT_EQ(outcome.config.listen_port, 8080);  // The rest of the file still applies.
}

TEST(Load, ReportsABadPortWithTheSettingName) {
  TempDir dir;
  std::string path = dir.Write("finhelm.toml", "[server]\nlisten = \"127.0.0.1:70000\"\n");
  LoadOutcome from_file = Load(path, {});
  const Problem* listen = FindProblem(from_file.problems, "server.listen");
  ASSERT_NE(listen, nullptr) << Describe(from_file.problems);
  EXPECT_TRUE(Mentions(listen, "70000"));
  EXPECT_TRUE(Mentions(listen, "65535"));

  for (const char* value :
       {"127.0.0.1:http", "127.0.0.1:", "127.0.0.1", ":8080", "127.0.0.1:-1", "127.0.0.1: 80"}) {
    LoadOutcome from_environment = Load(std::nullopt, {{"FINHELM_LISTEN", value}});
    EXPECT_NE(FindProblem(from_environment.problems, "FINHELM_LISTEN"), nullptr) << value;
  }
}

TEST(Load, ReportsBadValuesUnderTheirNames) {
  TempDir dir;
  std::string path = dir.Write("finhelm.toml", R"(
profile = "staging"
[server]
io_threads = 0
trusted_proxies = "10.0.0.1"
[limits]
header_timeout_seconds = -5
json_body_bytes = 1.5
[log]
level = "verbose"
)");
  LoadOutcome outcome = Load(path, {{"FINHELM_REQUESTS_PER_MINUTE", "lots"}});
  for (const char* setting :
       {"profile", "server.io_threads", "server.trusted_proxies", "limits.header_timeout_seconds",
        "limits.json_body_bytes", "log.level", "FINHELM_REQUESTS_PER_MINUTE"}) {
    EXPECT_NE(FindProblem(outcome.problems, setting), nullptr) << setting << "\n"
                                                               << Describe(outcome.problems);
  }
}

TEST(Load, ReportsAParseErrorWithItsLine) {
  TempDir dir;
  std::string path = dir.Write("finhelm.toml", "profile = \"development\"\n[server]\nlisten = \n");
  LoadOutcome outcome = Load(path, {});
  const Problem* problem = FindProblem(outcome.problems, path);
  ASSERT_NE(problem, nullptr) << Describe(outcome.problems);
  EXPECT_TRUE(Mentions(problem, "line 3")) << problem->message;
}

TEST(Load, ReportsAMissingFile) {
  LoadOutcome outcome = Load("/nonexistent/finhelm.toml", {});
  EXPECT_FALSE(outcome.problems.empty());
}

TEST(IsLoopback, AcceptsOnlyLoopbackAddresses) {
  for (const char* address : {"127.0.0.1", "127.1.2.3", "::1", "localhost"}) {
    EXPECT_TRUE(IsLoopback(address)) << address;
  }
  for (const char* address :
       {"0.0.0.0", "::", "10.0.0.1", "192.168.1.1", "::ffff:127.0.0.1", "128.0.0.1", "",
        // A name that starts like a loopback address resolves wherever its owner likes.
        "127.0.0.1.example.com", "127.attacker.example"}) {
    EXPECT_FALSE(IsLoopback(address)) << address;
  }
}

// A production config that passes Check: each test below loosens one thing.
class ProductionCheck : public ::testing::Test {
 protected:
  void SetUp() override {
    config_.profile = Profile::kProduction;
    config_.listen_address = "0.0.0.0";
    config_.tls_cert_file = dir_.Write("cert.pem", "certificate", 0644);
    config_.tls_key_file = dir_.Write("key.pem", "private key", 0600);
    config_.master_key_file = dir_.Write("master.key", "master key", 0600);
    ASSERT_TRUE(Check(config_).empty()) << Describe(Check(config_));
  }

  TempDir dir_;
  Config config_;
};

TEST_F(ProductionCheck, AcceptsASecureConfiguration) {
  config_.trusted_proxies = {"10.0.0.1"};
  config_.tls_cert_file.reset();
  config_.tls_key_file.reset();
  EXPECT_TRUE(Check(config_).empty()) << Describe(Check(config_));
}

// proves DATA-1 (outside loopback, no plain HTTP without a trusted proxy)
TEST(Check, RefusesPlainHttpOutsideLoopback) {
  Config config;
  for (const char* address : {"0.0.0.0", "192.0.2.1", "::"}) {
    config.listen_address = address;
    EXPECT_NE(FindProblem(Check(config), "server.listen"), nullptr) << address;
  }
  config.trusted_proxies = {"10.0.0.1"};
  EXPECT_TRUE(Check(config).empty()) << Describe(Check(config));

  config.trusted_proxies.clear();
  config.tls_cert_file = "cert.pem";
  config.tls_key_file = "key.pem";
  EXPECT_TRUE(Check(config).empty()) << Describe(Check(config));
}

TEST(Check, RefusesHalfATlsConfiguration) {
  Config config;
  config.tls_cert_file = "cert.pem";
  EXPECT_NE(FindProblem(Check(config), "server.tls_cert_file"), nullptr);
  config.tls_cert_file.reset();
  config.redirect_port = 8081;
  EXPECT_NE(FindProblem(Check(config), "server.redirect_port"), nullptr);
}

// proves DATA-1 (production serves only over TLS, on loopback too)
TEST_F(ProductionCheck, RefusesPlainHttpEvenOnLoopback) {
  config_.listen_address = "127.0.0.1";
  config_.tls_cert_file.reset();
  config_.tls_key_file.reset();
  EXPECT_NE(FindProblem(Check(config_), "server.tls_cert_file"), nullptr);
}

// proves DATA-4 (production refuses to start without a master key)
TEST_F(ProductionCheck, RefusesToRunWithoutAMasterKey) {
  config_.master_key_file.reset();
  std::vector<Problem> problems = Check(config_);
  ASSERT_EQ(problems.size(), 1u) << Describe(problems);
  EXPECT_EQ(problems[0].setting, "secrets.master_key_file");
}

// proves DATA-4 (secret files are permission-checked)
TEST_F(ProductionCheck, RefusesSecretFilesOthersCanRead) {
  config_.master_key_file = dir_.Write("master.key", "master key", 0644);
  config_.llm_api_key_file = dir_.Write("llm.key", "api key", 0640);
  std::vector<Problem> problems = Check(config_);
  EXPECT_TRUE(Mentions(FindProblem(problems, "secrets.master_key_file"), "chmod 600"))
      << Describe(problems);
  EXPECT_TRUE(Mentions(FindProblem(problems, "integrations.llm_api_key_file"), "chmod 600"));
}

TEST_F(ProductionCheck, RefusesAMissingSecretFile) {
  config_.master_key_file = "/nonexistent/master.key";
  EXPECT_TRUE(Mentions(FindProblem(Check(config_), "secrets.master_key_file"), "cannot read"));
}

// proves OPS-1 (no debug output in production)
TEST_F(ProductionCheck, RefusesDebugLogging) {
  config_.log_level = "debug";
  std::vector<Problem> problems = Check(config_);
  ASSERT_EQ(problems.size(), 1u) << Describe(problems);
  EXPECT_EQ(problems[0].setting, "log.level");
}

// proves IN-2 (production refuses body limits and read timeouts looser than the floors)
TEST_F(ProductionCheck, RefusesLoosenedInputLimits) {
  config_.json_body_limit = 1024 * 1024 + 1;
  config_.upload_body_limit = 25 * 1024 * 1024 + 1;
  config_.header_timeout = std::chrono::seconds(11);
  config_.body_timeout = std::chrono::seconds(31);
  std::vector<Problem> problems = Check(config_);
  EXPECT_EQ(problems.size(), 4u) << Describe(problems);
  for (const char* setting : {"limits.json_body_bytes", "limits.upload_body_bytes",
                              "limits.header_timeout_seconds", "limits.body_timeout_seconds"}) {
    EXPECT_NE(FindProblem(problems, setting), nullptr) << setting;
  }
}

// proves WEB-1 (production refuses a rate limit above 600 a minute)
TEST_F(ProductionCheck, RefusesALoosenedRateLimit) {
  config_.requests_per_minute = 601;
  std::vector<Problem> problems = Check(config_);
  ASSERT_EQ(problems.size(), 1u) << Describe(problems);
  EXPECT_EQ(problems[0].setting, "limits.requests_per_minute");
}

// proves AUTH-5: production refuses more than 20 authentication attempts a minute.
TEST_F(ProductionCheck, RefusesALoosenedAuthenticationLimit) {
  config_.auth_attempts_per_minute = 21;
  std::vector<Problem> problems = Check(config_);
  ASSERT_EQ(problems.size(), 1u) << Describe(problems);
  EXPECT_EQ(problems[0].setting, "limits.auth_attempts_per_minute");
}

// proves SESS-2: sessions may be made shorter, never longer, in production.
TEST_F(ProductionCheck, RefusesLongerSessions) {
  config_.session_idle_timeout = std::chrono::minutes(16);
  config_.session_absolute_timeout = std::chrono::hours(9);
  std::vector<Problem> problems = Check(config_);
  ASSERT_EQ(problems.size(), 2u) << Describe(problems);
  config_.session_idle_timeout = std::chrono::minutes(5);
  config_.session_absolute_timeout = std::chrono::hours(1);
  EXPECT_TRUE(Check(config_).empty()) << Describe(Check(config_));
}

// proves DATA-4: an SMTP password belongs in a secret file, not in the URL.
TEST_F(ProductionCheck, RefusesAPasswordInTheSmtpUrl) {
  config_.smtp_url = "smtp://mailer:hunter2@smtp.example.com:587";
  std::vector<Problem> problems = Check(config_);
  ASSERT_EQ(problems.size(), 1u) << Describe(problems);
  EXPECT_EQ(problems[0].setting, "integrations.smtp_url");
  config_.smtp_url = "smtp://mailer@smtp.example.com:587";
  EXPECT_TRUE(Check(config_).empty()) << Describe(Check(config_));
}

TEST_F(ProductionCheck, AcceptsTighterLimitsAndExactlyTheFloors) {
  config_.json_body_limit = 1024 * 1024;
  config_.upload_body_limit = 1024;
  config_.header_timeout = std::chrono::seconds(10);
  config_.body_timeout = std::chrono::seconds(5);
  config_.requests_per_minute = 600;
  EXPECT_TRUE(Check(config_).empty()) << Describe(Check(config_));
}

TEST_F(ProductionCheck, ReadsTheFloorsFromTheFileToo) {
  std::string path = dir_.Write("finhelm.toml", R"(
profile = "production"
[limits]
json_body_bytes = 2097152
requests_per_minute = 1000
[log]
level = "debug"
)");
  LoadOutcome outcome = Load(path, {});
  ASSERT_TRUE(outcome.problems.empty()) << Describe(outcome.problems);
  std::vector<Problem> problems = Check(outcome.config);
  for (const char* setting : {"limits.json_body_bytes", "limits.requests_per_minute", "log.level",
                              "secrets.master_key_file"}) {
    EXPECT_NE(FindProblem(problems, setting), nullptr) << setting << "\n" << Describe(problems);
  }
}

TEST(Check, LetsDevelopmentLoosenLimits) {
  TempDir dir;
  Config config;
  config.log_level = "debug";
  config.json_body_limit = 8 * 1024 * 1024;
  config.upload_body_limit = 100 * 1024 * 1024;
  config.header_timeout = std::chrono::seconds(60);
  config.body_timeout = std::chrono::seconds(300);
  config.requests_per_minute = 100000;
  config.master_key_file = dir.Write("master.key", "dev key", 0644);
  EXPECT_TRUE(Check(config).empty()) << Describe(Check(config));
}

}  // namespace
}  // namespace finhelm::config

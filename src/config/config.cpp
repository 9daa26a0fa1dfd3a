#include "config/config.hpp"

#include <arpa/inet.h>
#include <sys/stat.h>
#include <toml++/toml.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <set>
#include <thread>

extern char** environ;  // NOLINT(readability-redundant-declaration): POSIX, not in unistd.h.

namespace finhelm::config {

std::size_t DefaultIoThreads() {
  return std::max<std::size_t>(1, std::thread::hardware_concurrency() / 2);
}

namespace {

constexpr std::size_t kMaxJsonBody = std::size_t{1024} * 1024;
constexpr std::size_t kMaxUploadBody = std::size_t{25} * 1024 * 1024;
constexpr std::int64_t kMaxHeaderTimeout = 10;
constexpr std::int64_t kMaxBodyTimeout = 30;
constexpr std::uint32_t kMaxRequestsPerMinute = 600;
constexpr std::uint32_t kMaxAuthAttemptsPerMinute = 20;

// Every key the TOML file may hold; anything else is a typo worth reporting.
const std::set<std::string>& KnownKeys() {
  static const std::set<std::string> kKeys = {
      "profile",
      "server.listen",
      "server.io_threads",
      "server.worker_threads",
      "server.tls_cert_file",
      "server.tls_key_file",
      "server.redirect_port",
      "server.trusted_proxies",
      "server.cors_allowed_origins",
      "server.web_root",
      "server.public_url",
      "limits.json_body_bytes",
      "limits.upload_body_bytes",
      "limits.header_timeout_seconds",
      "limits.body_timeout_seconds",
      "limits.requests_per_minute",
      "limits.auth_attempts_per_minute",
      "auth.require_admin_mfa",
      "auth.session_idle_timeout_seconds",
      "auth.session_absolute_timeout_seconds",
      "auth.signing_key_rotation_seconds",
      "auth.password_reminder_days",
      "auth.reauthentication_window_seconds",
      "storage.data_dir",
      "storage.database_url",
      "storage.pool_size",
      "secrets.master_key_file",
      "jobs.workers",
      "jobs.lease_seconds",
      "retention.audit_events_days",
      "retention.succeeded_jobs_days",
      "retention.dead_jobs_days",
      "log.level",
      "log.metrics_token_file",
      "integrations.smtp_url",
      "integrations.smtp_password_file",
      "integrations.smtp_from",
      "integrations.clamd_socket",
      "integrations.redis_url",
      "integrations.llm_base_url",
      "integrations.llm_api_key_file",
      "integrations.llm_model",
      "integrations.qbo_client_id",
      "integrations.qbo_client_secret_file",
      "integrations.qbo_base_url",
  };
  return kKeys;
}

class Reader {
 public:
  explicit Reader(std::vector<Problem>& problems) : problems_(problems) {}

  bool ParseListen(const std::string& setting, const std::string& value, Config& config) {
    auto colon = value.rfind(':');
    if (colon == std::string::npos || colon == 0) {
      problems_.push_back({setting, "expected ADDRESS:PORT, got '" + value + "'"});
      return false;
    }
    std::string address = value.substr(0, colon);
    if (address.size() > 2 && address.front() == '[' && address.back() == ']') {
      address = address.substr(1, address.size() - 2);
    }
    auto port = ParseUnsigned(setting, value.substr(colon + 1), 0, 65535);
    if (!port) return false;
    config.listen_address = address;
    config.listen_port = static_cast<std::uint16_t>(*port);
    return true;
  }

  std::optional<std::uint64_t> ParseUnsigned(const std::string& setting, const std::string& text,
                                             std::uint64_t min, std::uint64_t max) {
    std::uint64_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < min || value > max) {
      problems_.push_back({setting, "expected a whole number from " + std::to_string(min) + " to " +
                                        std::to_string(max) + ", got '" + text + "'"});
      return std::nullopt;
    }
    return value;
  }

  void Report(const std::string& setting, std::string message) {
    problems_.push_back({setting, std::move(message)});
  }

  std::optional<Profile> ParseProfile(const std::string& setting, const std::string& text) {
    if (text == "development") return Profile::kDevelopment;
    if (text == "production") return Profile::kProduction;
    problems_.push_back({setting, "expected 'development' or 'production', got '" + text + "'"});
    return std::nullopt;
  }

  void ParseLogLevel(const std::string& setting, const std::string& text, Config& config) {
    if (text == "debug" || text == "info" || text == "warn" || text == "error") {
      config.log_level = text;
    } else {
      problems_.push_back({setting, "expected debug, info, warn or error, got '" + text + "'"});
    }
  }

  std::vector<Problem>& problems() { return problems_; }

 private:
  std::vector<Problem>& problems_;
};

void CollectKeys(const toml::table& table, const std::string& prefix,
                 std::vector<std::pair<std::string, const toml::node*>>& out) {
  for (const auto& [key, node] : table) {
    std::string name =
        prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
    if (const auto* child = node.as_table()) {
      CollectKeys(*child, name, out);
    } else {
      out.emplace_back(name, &node);
    }
  }
}

// Renders a scalar TOML value as text, so that file and environment share one parser.
std::optional<std::string> ScalarText(const toml::node& node) {
  if (auto text = node.value<std::string>()) return *text;
  if (node.is_integer()) return std::to_string(*node.value<std::int64_t>());
  if (node.is_boolean()) return std::string(*node.value<bool>() ? "true" : "false");
  return std::nullopt;
}

void ApplySetting(Reader& reader, const std::string& setting, const std::string& key,
                  const std::string& value, Config& config) {
  auto& problems = reader.problems();
  auto set_size = [&](std::size_t& target, std::uint64_t min, std::uint64_t max) {
    if (auto parsed = reader.ParseUnsigned(setting, value, min, max)) target = *parsed;
  };
  auto set_seconds = [&](std::chrono::seconds& target, std::uint64_t max) {
    if (auto parsed = reader.ParseUnsigned(setting, value, 1, max)) {
      target = std::chrono::seconds(static_cast<std::int64_t>(*parsed));
    }
  };
  auto set_days = [&](std::chrono::hours& target, std::uint64_t min, std::uint64_t max) {
    if (auto parsed = reader.ParseUnsigned(setting, value, min, max)) {
      target = std::chrono::hours(24 * static_cast<std::int64_t>(*parsed));
    }
  };
  if (key == "profile") {
    if (auto profile = reader.ParseProfile(setting, value)) config.profile = *profile;
  } else if (key == "server.listen") {
    reader.ParseListen(setting, value, config);
  } else if (key == "server.io_threads") {
    set_size(config.io_threads, 1, 64);
  } else if (key == "server.worker_threads") {
    set_size(config.worker_threads, 1, 256);
  } else if (key == "server.tls_cert_file") {
    config.tls_cert_file = value;
  } else if (key == "server.tls_key_file") {
    config.tls_key_file = value;
  } else if (key == "server.redirect_port") {
    if (auto port = reader.ParseUnsigned(setting, value, 0, 65535)) {
      config.redirect_port = static_cast<std::uint16_t>(*port);
    }
  } else if (key == "server.web_root") {
    config.web_root = value;
  } else if (key == "server.public_url") {
    if (!value.starts_with("https://") && !value.starts_with("http://")) {
      reader.Report(setting, "must start with https:// or http://");
    } else {
      std::string url = value;
      while (url.ends_with("/")) url.pop_back();
      config.public_url = url;
    }
  } else if (key == "limits.json_body_bytes") {
    set_size(config.json_body_limit, 1024, std::uint64_t{64} * 1024 * 1024);
  } else if (key == "limits.upload_body_bytes") {
    set_size(config.upload_body_limit, 1024, std::uint64_t{1024} * 1024 * 1024);
  } else if (key == "limits.header_timeout_seconds") {
    set_seconds(config.header_timeout, 600);
  } else if (key == "limits.body_timeout_seconds") {
    set_seconds(config.body_timeout, 3600);
  } else if (key == "limits.requests_per_minute") {
    if (auto parsed = reader.ParseUnsigned(setting, value, 1, 1'000'000'000)) {
      config.requests_per_minute = static_cast<std::uint32_t>(*parsed);
    }
  } else if (key == "limits.auth_attempts_per_minute") {
    if (auto parsed = reader.ParseUnsigned(setting, value, 1, 1'000'000'000)) {
      config.auth_attempts_per_minute = static_cast<std::uint32_t>(*parsed);
    }
  } else if (key == "auth.require_admin_mfa") {
    if (value == "true" || value == "false") {
      config.require_admin_mfa = value == "true";
    } else {
      reader.Report(setting, "expected true or false, got '" + value + "'");
    }
  } else if (key == "auth.session_idle_timeout_seconds") {
    set_seconds(config.session_idle_timeout, std::uint64_t{7} * 24 * 3600);
  } else if (key == "auth.session_absolute_timeout_seconds") {
    set_seconds(config.session_absolute_timeout, std::uint64_t{30} * 24 * 3600);
  } else if (key == "auth.signing_key_rotation_seconds") {
    // At least an hour: the rotation job runs hourly, and every retired key stays
    // published for a token lifetime, so faster rotation only grows the JWKS.
    if (auto parsed = reader.ParseUnsigned(setting, value, 3600, std::uint64_t{365} * 24 * 3600)) {
      config.signing_key_rotation = std::chrono::seconds(static_cast<std::int64_t>(*parsed));
    }
  } else if (key == "auth.reauthentication_window_seconds") {
    set_seconds(config.reauthentication_window, 300);  // Never longer than AUTH-8's 5 minutes.
  } else if (key == "auth.password_reminder_days") {
    if (auto parsed = reader.ParseUnsigned(setting, value, 1, 3650)) {
      config.password_reminder_age = std::chrono::hours(24 * static_cast<std::int64_t>(*parsed));
    }
  } else if (key == "storage.data_dir") {
    config.data_dir = value;
  } else if (key == "storage.database_url") {
    config.database_url = value;
  } else if (key == "storage.pool_size") {
    set_size(config.database_pool_size, 1, 256);
  } else if (key == "secrets.master_key_file") {
    config.master_key_file = value;
  } else if (key == "jobs.workers") {
    set_size(config.job_workers, 0, 64);
  } else if (key == "jobs.lease_seconds") {
    set_seconds(config.job_lease, 3600);
  } else if (key == "retention.audit_events_days") {
    set_days(config.audit_retention, 30, 36500);
  } else if (key == "retention.succeeded_jobs_days") {
    set_days(config.succeeded_job_retention, 1, 3650);
  } else if (key == "retention.dead_jobs_days") {
    set_days(config.dead_job_retention, 1, 3650);
  } else if (key == "log.metrics_token_file") {
    config.metrics_token_file = value;
  } else if (key == "log.level") {
    reader.ParseLogLevel(setting, value, config);
  } else if (key == "integrations.smtp_url") {
    if (!value.starts_with("smtp://") && !value.starts_with("smtps://")) {
      reader.Report(setting, "must start with smtp:// or smtps://");
    } else {
      config.smtp_url = value;
    }
  } else if (key == "integrations.smtp_password_file") {
    config.smtp_password_file = value;
  } else if (key == "integrations.smtp_from") {
    if (value.find_first_of("\r\n") != std::string::npos || value.find('@') == std::string::npos) {
      reader.Report(setting, "expected one email address");
    } else {
      config.smtp_from = value;
    }
  } else if (key == "integrations.clamd_socket") {
    config.clamd_socket = value;
  } else if (key == "integrations.redis_url") {
    config.redis_url = value;
  } else if (key == "integrations.llm_base_url") {
    config.llm_base_url = value;
  } else if (key == "integrations.llm_api_key_file") {
    config.llm_api_key_file = value;
  } else if (key == "integrations.llm_model") {
    config.llm_model = value;
  } else if (key == "integrations.qbo_client_id") {
    config.qbo_client_id = value;
  } else if (key == "integrations.qbo_client_secret_file") {
    config.qbo_client_secret_file = value;
  } else if (key == "integrations.qbo_base_url") {
    config.qbo_base_url = value;
  } else {
    problems.push_back({setting, "unknown setting"});
  }
}

void ApplyList(Reader& reader, const std::string& setting, const toml::node& node,
               std::vector<std::string>& target) {
  const auto* array = node.as_array();
  if (array == nullptr) {
    reader.problems().push_back({setting, "expected a list of strings"});
    return;
  }
  target.clear();
  for (const auto& item : *array) {
    auto text = item.value<std::string>();
    if (!text) {
      reader.problems().push_back({setting, "expected a list of strings"});
      return;
    }
    target.push_back(*text);
  }
}

// FINHELM_* names of SPEC section 6, and the setting each one overrides.
struct EnvironmentName {
  const char* variable;
  const char* key;
};
constexpr EnvironmentName kEnvironmentNames[] = {
    {"FINHELM_PROFILE", "profile"},
    {"FINHELM_LISTEN", "server.listen"},
    {"FINHELM_TLS_CERT_FILE", "server.tls_cert_file"},
    {"FINHELM_TLS_KEY_FILE", "server.tls_key_file"},
    {"FINHELM_WEB_ROOT", "server.web_root"},
    {"FINHELM_PUBLIC_URL", "server.public_url"},
    {"FINHELM_DATA_DIR", "storage.data_dir"},
    {"FINHELM_DATABASE_URL", "storage.database_url"},
    {"FINHELM_MASTER_KEY_FILE", "secrets.master_key_file"},
    {"FINHELM_LOG_LEVEL", "log.level"},
    {"FINHELM_JOB_LEASE_SECONDS", "jobs.lease_seconds"},
    {"FINHELM_METRICS_TOKEN_FILE", "log.metrics_token_file"},
    {"FINHELM_SMTP_URL", "integrations.smtp_url"},
    {"FINHELM_SMTP_PASSWORD_FILE", "integrations.smtp_password_file"},
    {"FINHELM_SMTP_FROM", "integrations.smtp_from"},
    {"FINHELM_CLAMD_SOCKET", "integrations.clamd_socket"},
    {"FINHELM_REDIS_URL", "integrations.redis_url"},
    {"FINHELM_LLM_BASE_URL", "integrations.llm_base_url"},
    {"FINHELM_LLM_API_KEY_FILE", "integrations.llm_api_key_file"},
    {"FINHELM_LLM_MODEL", "integrations.llm_model"},
    {"FINHELM_QBO_CLIENT_ID", "integrations.qbo_client_id"},
    {"FINHELM_QBO_CLIENT_SECRET_FILE", "integrations.qbo_client_secret_file"},
    {"FINHELM_QBO_BASE_URL", "integrations.qbo_base_url"},
    {"FINHELM_REQUESTS_PER_MINUTE", "limits.requests_per_minute"},
    {"FINHELM_AUTH_ATTEMPTS_PER_MINUTE", "limits.auth_attempts_per_minute"},
    {"FINHELM_REQUIRE_ADMIN_MFA", "auth.require_admin_mfa"},
    {"FINHELM_SESSION_IDLE_TIMEOUT_SECONDS", "auth.session_idle_timeout_seconds"},
    {"FINHELM_SESSION_ABSOLUTE_TIMEOUT_SECONDS", "auth.session_absolute_timeout_seconds"},
    {"FINHELM_SIGNING_KEY_ROTATION_SECONDS", "auth.signing_key_rotation_seconds"},
    {"FINHELM_PASSWORD_REMINDER_DAYS", "auth.password_reminder_days"},
    {"FINHELM_REAUTHENTICATION_WINDOW_SECONDS", "auth.reauthentication_window_seconds"},
};

void CheckSecretFile(const std::string& setting, const std::optional<std::string>& path,
                     std::vector<Problem>& problems) {
  if (!path) return;
  struct stat info {};
  if (::stat(path->c_str(), &info) != 0) {
    problems.push_back({setting, "cannot read " + *path});
    return;
  }
  if ((info.st_mode & 077) != 0) {
    problems.push_back({setting, *path + " is readable by other users; chmod 600 it"});
  }
  if (info.st_uid != ::geteuid()) {
    problems.push_back({setting, *path + " is not owned by the user running finhelm"});
  }
}

}  // namespace

const char* ProfileName(Profile profile) {
  return profile == Profile::kProduction ? "production" : "development";
}

bool IsLoopback(const std::string& address) {
  if (address == "localhost" || address == "::1") return true;
  // Only a literal IPv4 address in 127.0.0.0/8: "127.0.0.1.example.com" is a name that
  // may resolve anywhere.
  in_addr parsed{};
  return ::inet_pton(AF_INET, address.c_str(), &parsed) == 1 && (ntohl(parsed.s_addr) >> 24) == 127;
}

std::string Config::EffectivePublicUrl() const {
  if (public_url) return *public_url;
  bool v6 = listen_address.find(':') != std::string::npos;
  std::string host = v6 ? "[" + listen_address + "]" : listen_address;
  return std::string(tls_enabled() ? "https://" : "http://") + host + ":" +
         std::to_string(listen_port);
}

std::string Config::EffectiveDatabaseUrl() const {
  if (database_url && !database_url->empty()) return *database_url;
  return "sqlite:" + data_dir + "/finhelm.db";
}

Environment ProcessEnvironment() {
  Environment environment;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    std::string_view text(*entry);
    if (!text.starts_with("FINHELM_")) continue;
    auto equals = text.find('=');
    if (equals == std::string_view::npos) continue;
    environment.emplace(std::string(text.substr(0, equals)), std::string(text.substr(equals + 1)));
  }
  return environment;
}

LoadOutcome Load(const std::optional<std::string>& path, const Environment& environment) {
  LoadOutcome outcome;
  Reader reader(outcome.problems);
  if (path) {
    try {
      toml::table table = toml::parse_file(*path);
      std::vector<std::pair<std::string, const toml::node*>> entries;
      CollectKeys(table, "", entries);
      for (const auto& [key, node] : entries) {
        if (!KnownKeys().contains(key)) {
          outcome.problems.push_back({key, "unknown setting in " + *path});
          continue;
        }
        if (key == "server.trusted_proxies") {
          ApplyList(reader, key, *node, outcome.config.trusted_proxies);
        } else if (key == "server.cors_allowed_origins") {
          ApplyList(reader, key, *node, outcome.config.cors_allowed_origins);
        } else if (auto text = ScalarText(*node)) {
          ApplySetting(reader, key, key, *text, outcome.config);
        } else {
          outcome.problems.push_back({key, "expected a string or a whole number"});
        }
      }
    } catch (const toml::parse_error& failure) {
      const auto& where = failure.source().begin;
      outcome.problems.push_back({*path, "line " + std::to_string(where.line) + ", column " +
                                             std::to_string(where.column) + ": " +
                                             std::string(failure.description())});
    }
  }
  for (const auto& name : kEnvironmentNames) {
    if (auto found = environment.find(name.variable); found != environment.end()) {
      ApplySetting(reader, name.variable, name.key, found->second, outcome.config);
    }
  }
  if (auto found = environment.find("FINHELM_TRUSTED_PROXIES"); found != environment.end()) {
    outcome.config.trusted_proxies.clear();
    std::string_view list = found->second;
    while (!list.empty()) {
      auto comma = list.find(',');
      if (auto item = list.substr(0, comma); !item.empty()) {
        outcome.config.trusted_proxies.emplace_back(item);
      }
      list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    }
  }
  return outcome;
}

std::vector<Problem> Check(const Config& config) {
  std::vector<Problem> problems;
  const bool production = config.profile == Profile::kProduction;

  if (config.tls_cert_file.has_value() != config.tls_key_file.has_value()) {
    problems.push_back({"server.tls_cert_file",
                        "TLS needs both a certificate (FINHELM_TLS_CERT_FILE) and a key "
                        "(FINHELM_TLS_KEY_FILE)"});
  }
  // DATA-1: plain HTTP outside loopback only behind a trusted TLS-terminating proxy.
  if (!config.tls_enabled() && config.trusted_proxies.empty() &&
      !IsLoopback(config.listen_address)) {
    problems.push_back(
        {"server.listen", "refusing to serve plain HTTP on " + config.listen_address +
                              ": configure TLS (FINHELM_TLS_CERT_FILE and FINHELM_TLS_KEY_FILE) or "
                              "a trusted reverse proxy (server.trusted_proxies)"});
  }
  if (config.redirect_port && !config.tls_enabled()) {
    problems.push_back({"server.redirect_port", "a redirect listener needs TLS to redirect to"});
  }

  if (production) {
    if (!config.master_key_file) {
      problems.push_back({"secrets.master_key_file",
                          "production needs a master key (FINHELM_MASTER_KEY_FILE) (DATA-4)"});
    }
    if (!config.tls_enabled() && config.trusted_proxies.empty()) {
      problems.push_back({"server.tls_cert_file",
                          "production serves only over TLS, directly or behind a trusted "
                          "proxy (OPS-1)"});
    }
    if (config.log_level == "debug") {
      problems.push_back({"log.level", "debug logging is not allowed in production (OPS-1)"});
    }
    if (config.json_body_limit > kMaxJsonBody) {
      problems.push_back({"limits.json_body_bytes", "may not exceed 1 MiB in production (IN-2)"});
    }
    if (config.upload_body_limit > kMaxUploadBody) {
      problems.push_back(
          {"limits.upload_body_bytes", "may not exceed 25 MiB in production (IN-2)"});
    }
    if (config.header_timeout.count() > kMaxHeaderTimeout) {
      problems.push_back(
          {"limits.header_timeout_seconds", "may not exceed 10 s in production (IN-2)"});
    }
    if (config.body_timeout.count() > kMaxBodyTimeout) {
      problems.push_back(
          {"limits.body_timeout_seconds", "may not exceed 30 s in production (IN-2)"});
    }
    if (config.requests_per_minute > kMaxRequestsPerMinute) {
      problems.push_back(
          {"limits.requests_per_minute", "may not exceed 600 per minute in production (WEB-1)"});
    }
    if (config.session_idle_timeout > std::chrono::minutes(15)) {
      problems.push_back({"auth.session_idle_timeout_seconds",
                          "may not exceed 900 s (15 min) in production (SESS-2)"});
    }
    if (config.session_absolute_timeout > std::chrono::hours(8)) {
      problems.push_back({"auth.session_absolute_timeout_seconds",
                          "may not exceed 28800 s (8 h) in production (SESS-2)"});
    }
    if (config.auth_attempts_per_minute > kMaxAuthAttemptsPerMinute) {
      problems.push_back({"limits.auth_attempts_per_minute",
                          "may not exceed 20 per minute in production (AUTH-5, WEB-1)"});
    }
    if (config.smtp_url) {
      std::string_view url = *config.smtp_url;
      std::size_t scheme_end = url.find("://");
      std::string_view authority =
          scheme_end == std::string_view::npos ? url : url.substr(scheme_end + 3);
      authority = authority.substr(0, authority.find('/'));
      auto at = authority.rfind('@');
      if (at != std::string_view::npos &&
          authority.substr(0, at).find(':') != std::string_view::npos) {
        problems.push_back({"integrations.smtp_url",
                            "holds a password; put it in FINHELM_SMTP_PASSWORD_FILE (DATA-4)"});
      }
    }
    CheckSecretFile("integrations.smtp_password_file", config.smtp_password_file, problems);
    CheckSecretFile("log.metrics_token_file", config.metrics_token_file, problems);
    CheckSecretFile("secrets.master_key_file", config.master_key_file, problems);
    CheckSecretFile("server.tls_key_file", config.tls_key_file, problems);
    CheckSecretFile("integrations.llm_api_key_file", config.llm_api_key_file, problems);
    CheckSecretFile("integrations.qbo_client_secret_file", config.qbo_client_secret_file, problems);
  }
  return problems;
}

}  // namespace finhelm::config

// Config: everything an operator sets, from a TOML file overridden by FINHELM_* variables.
//
// Loading never fails silently: Load collects every problem it finds and Check explains
// each one, so `finhelm config check` can list them all at once. The production profile
// refuses insecure settings (OPS-1, DATA-1, DATA-4) rather than warning about them.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace finhelm::config {

enum class Profile { kDevelopment, kProduction };

// max(1, hardware threads / 2).
std::size_t DefaultIoThreads();

struct Config {
  Profile profile = Profile::kDevelopment;

  // [server]
  std::string listen_address = "127.0.0.1";
  std::uint16_t listen_port = 8080;
  // Half the cores, at least one: on 2 cores one I/O thread serves 13 % more requests per
  // CPU-second than two, at half the p99, and leaves a core to the workers
  // (docs/performance.md).
  std::size_t io_threads = DefaultIoThreads();
  std::size_t worker_threads = 4;
  std::optional<std::string> tls_cert_file;
  std::optional<std::string> tls_key_file;
  std::optional<std::uint16_t> redirect_port;  // Plain listener that redirects to TLS.
  std::vector<std::string> trusted_proxies;    // Addresses of TLS-terminating proxies.
  std::vector<std::string> cors_allowed_origins;
  std::string web_root = "web/dist";  // The built web app.
  // Where users reach FinHelm, for links in emails ("https://books.example.com"); by
  // default the listen address and port.
  std::optional<std::string> public_url;

  // [limits]
  std::size_t json_body_limit = std::size_t{1024} * 1024;
  std::size_t upload_body_limit = std::size_t{25} * 1024 * 1024;
  std::chrono::seconds header_timeout{10};
  std::chrono::seconds body_timeout{30};
  std::uint32_t requests_per_minute = 600;      // Per client address (WEB-1).
  std::uint32_t auth_attempts_per_minute = 20;  // Per client address (AUTH-5).

  // [auth]
  bool require_admin_mfa = true;  // AUTH-6: admin functions need an enrolled second factor.
  std::chrono::seconds session_idle_timeout{15 * 60};       // SESS-2; at most 15 min in production.
  std::chrono::seconds session_absolute_timeout{8 * 3600};  // SESS-2; at most 8 h in production.
  // AUTH-7: how long a key signs machine tokens before the rotation job replaces it.
  std::chrono::seconds signing_key_rotation{7 * 24 * 3600};
  // AUTH-8: how recently a password must have been proven for sensitive changes; at most
  // 5 minutes, shorter if the operator wants.
  std::chrono::seconds reauthentication_window{5 * 60};
  // AUTH-2: after how many days GET /v1/me recommends (never forces) a new password.
  std::chrono::seconds password_reminder_age{std::chrono::hours(24 * 365)};

  // [storage]
  std::string data_dir = "var";
  std::optional<std::string> database_url;  // postgresql://... switches to PostgreSQL.
  std::size_t database_pool_size = 8;

  // [secrets] -- paths only; the secrets themselves never live in the config file.
  std::optional<std::string> master_key_file;

  // [jobs]
  std::size_t job_workers = 2;
  // How long a claimed job is a worker's before another may take it over (its retry after
  // a crash waits this long); long jobs renew it as they report progress.
  std::chrono::seconds job_lease{60};

  // [retention] (DATA-6). Sessions go once they have ended, uploads once their import has
  // (retention 0 days); these are the kinds whose age is a choice.
  std::chrono::hours audit_retention{24 * 400};
  std::chrono::hours succeeded_job_retention{24 * 7};
  std::chrono::hours dead_job_retention{24 * 30};

  // [log]
  std::string log_level = "info";

  // Integrations named by SPEC section 6; their modules read them when they arrive.
  std::optional<std::string> smtp_url;            // smtp://[user@]host:port or smtps://
  std::optional<std::string> smtp_password_file;  // The SMTP password, mode 0600.
  // The bearer token a Prometheus scraper presents on /metrics, mode 0600. Without one,
  // /metrics answers loopback clients only.
  std::optional<std::string> metrics_token_file;
  std::optional<std::string> smtp_from;  // The sender address of FinHelm's mail.
  std::optional<std::string> clamd_socket;
  std::optional<std::string> redis_url;
  std::optional<std::string> llm_base_url;
  std::optional<std::string> llm_api_key_file;
  std::optional<std::string> llm_model;
  std::optional<std::string> qbo_client_id;
  std::optional<std::string> qbo_client_secret_file;
  std::optional<std::string> qbo_base_url;

  bool tls_enabled() const { return tls_cert_file.has_value() && tls_key_file.has_value(); }
  // The SQLite file under data_dir, or the PostgreSQL URL when one is set.
  std::string EffectiveDatabaseUrl() const;
  // public_url, or the scheme, address and port the server listens on.
  std::string EffectivePublicUrl() const;
};

struct Problem {
  std::string setting;  // "server.listen" or "FINHELM_LISTEN".
  std::string message;
};

// Reads `path` (optional: defaults apply without a file) and then the environment.
// Returns the config together with every problem found; a config with problems must not
// be served.
struct LoadOutcome {
  Config config;
  std::vector<Problem> problems;
};
using Environment = std::map<std::string, std::string>;
LoadOutcome Load(const std::optional<std::string>& path, const Environment& environment);

// The FINHELM_* variables of this process.
Environment ProcessEnvironment();

// Checks rules that span settings: production floors, TLS outside loopback, secret files.
std::vector<Problem> Check(const Config& config);

// True for 127.0.0.0/8, ::1 and "localhost".
bool IsLoopback(const std::string& address);

const char* ProfileName(Profile profile);

}  // namespace finhelm::config

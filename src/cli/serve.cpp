#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>

#include "api/contract.hpp"
#include "api/routes.hpp"
#include "api/session_authenticator.hpp"
#include "api/static_files.hpp"
#include "audit/audit_retention.hpp"
#include "cli/commands.hpp"
#include "cli/startup.hpp"
#include "core/clock.hpp"
#include "core/worker_pool.hpp"
#include "crypto/key_file.hpp"
#include "crypto/secret_file.hpp"
#include "demo/demo_loader.hpp"
#include "http/pipeline.hpp"
#include "http/rate_limit.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "identity/account_mail.hpp"
#include "identity/accounts.hpp"
#include "identity/first_run.hpp"
#include "identity/invitations.hpp"
#include "identity/login_throttle.hpp"
#include "identity/machine_tokens.hpp"
#include "identity/password_hasher.hpp"
#include "identity/password_policy.hpp"
#include "identity/retention.hpp"
#include "identity/sessions.hpp"
#include "identity/signing_key_rotation.hpp"
#include "identity/signing_keys.hpp"
#include "imports/import_job.hpp"
#include "imports/malware_scanner.hpp"
#include "imports/upload_store.hpp"
#include "imports/upload_sweeper.hpp"
#include "jobs/job_queue.hpp"
#include "jobs/job_registry.hpp"
#include "jobs/job_runner.hpp"
#include "mail/outbox_transport.hpp"
#include "mail/smtp_transport.hpp"
#include "observability/log.hpp"
#include "observability/metrics.hpp"
#include "secrets/data_key_store.hpp"
#include "storage/migration.hpp"

namespace finhelm::cli {
namespace {

constexpr std::size_t kMaxQueuedRequests = 4096;

// Blocks SIGTERM and SIGINT in this thread and every thread it starts later, so that
// only the waiting thread receives them.
sigset_t BlockShutdownSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

http::PipelineOptions PipelineOptionsFrom(const config::Config& config) {
  http::PipelineOptions options;
  options.json_body_limit = config.json_body_limit;
  options.upload_body_limit = config.upload_body_limit;
  options.cors_allowed_origins = config.cors_allowed_origins;
  options.default_rate_limit = {config.requests_per_minute, std::chrono::seconds(60)};
  options.strict_transport_security = config.tls_enabled();
  options.trusted_proxies = config.trusted_proxies;
  options.require_admin_mfa = config.require_admin_mfa;
  return options;
}

http::ServerOptions ServerOptionsFrom(const config::Config& config) {
  http::ServerOptions options;
  options.address = config.listen_address;
  options.port = config.listen_port;
  options.io_threads = config.io_threads;
  options.header_timeout = config.header_timeout;
  options.body_timeout = config.body_timeout;
  if (config.tls_enabled()) {
    options.tls = http::TlsFiles{*config.tls_cert_file, *config.tls_key_file};
    options.redirect_port = config.redirect_port;
  }
  return options;
}

// Names this process in job leases: host and pid, so an operator can tell runners apart.
std::string WorkerIdentity() {
  char host[256] = {};
  ::gethostname(host, sizeof(host) - 1);
  return std::string(host) + ":" + std::to_string(::getpid());
}

void AddJobGauge(metrics::Registry& registry, storage::Database& database) {
  registry.AddGauge("finhelm_jobs", "Durable jobs by status.", [&database] {
    std::vector<metrics::GaugeSample> samples;
    auto connection = database.Acquire();
    if (!connection.ok()) return samples;
    auto depth = jobs::JobQueue::Depth(**connection);
    if (!depth.ok()) return samples;
    samples = {{"status=\"queued\"", static_cast<double>(depth->queued)},
               {"status=\"running\"", static_cast<double>(depth->running)},
               {"status=\"succeeded\"", static_cast<double>(depth->succeeded)},
               {"status=\"dead\"", static_cast<double>(depth->dead)}};
    return samples;
  });
}

void AddPoolGauges(metrics::Registry& registry, storage::Database& database, WorkerPool& workers) {
  registry.AddGauge("finhelm_db_pool_connections", "Database connections by state.", [&database] {
    storage::PoolStats stats = database.Stats();
    return std::vector<metrics::GaugeSample>{
        {"state=\"in_use\"", static_cast<double>(stats.in_use)},
        {"state=\"idle\"", static_cast<double>(stats.idle)},
        {"state=\"waiting\"", static_cast<double>(stats.waiting)}};
  });
  registry.AddGauge("finhelm_worker_pool_tasks", "Request worker pool tasks by state.", [&workers] {
    return std::vector<metrics::GaugeSample>{
        {"state=\"busy\"", static_cast<double>(workers.busy())},
        {"state=\"queued\"", static_cast<double>(workers.queued())}};
  });
}

// SMTP when configured (its password from a secret file), otherwise `.eml` files in
// DATA_DIR/outbox (SPEC section 6).
Result<std::unique_ptr<mail::MailTransport>> MailTransportFor(const config::Config& config,
                                                              const Clock& clock) {
  if (!config.smtp_url) {
    return std::unique_ptr<mail::MailTransport>(
        std::make_unique<mail::OutboxTransport>(config.data_dir + "/outbox", clock));
  }
  mail::SmtpSettings settings;
  settings.url = *config.smtp_url;
  settings.from_address = config.smtp_from.value_or("no-reply@finhelm.invalid");
  if (config.smtp_password_file) {
    auto password = crypto::ReadSecretFile(*config.smtp_password_file);
    if (!password.ok()) return password.error();
    std::string_view text = password->AsStringView();
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
    settings.password = std::string(text);
  }
  auto smtp = mail::SmtpTransport::Create(std::move(settings));
  if (!smtp.ok()) return smtp.error();
  return std::unique_ptr<mail::MailTransport>(std::move(*smtp));
}

}  // namespace

int Serve(const CommonOptions& options) {
  sigset_t shutdown_signals = BlockShutdownSignals();

  auto loaded = LoadConfig(options);
  if (!loaded.problems.empty()) {
    PrintProblems(loaded.problems);
    return kExitBadConfig;
  }
  const config::Config& config = loaded.config;
  ConfigureLogging(config);

  // The master key is checked at start-up, not at first use: a server that cannot read
  // its key must not come up and fail later with secrets half written (DATA-4).
  auto master = MasterKeyFor(config);
  if (!master.ok()) {
    log::Error("startup_failed", {{"step", "master_key"}, {"detail", master.error().message}});
    return kExitFailure;
  }

  auto database = OpenDatabase(config);
  if (!database.ok()) {
    log::Error("startup_failed", {{"step", "database"}, {"detail", database.error().message}});
    return kExitFailure;
  }
  if (Status migrated = storage::Migrate(**database); !migrated.ok()) {
    log::Error("startup_failed", {{"step", "migrate"}, {"detail", migrated.error().message}});
    return kExitFailure;
  }

  metrics::Registry registry;
  WorkerPool workers(config.worker_threads, kMaxQueuedRequests);
  AddPoolGauges(registry, **database, workers);
  AddJobGauge(registry, **database);

  // A policy without its blocklist would let the commonest passwords through (AUTH-2).
  auto password_policy = identity::PasswordPolicy::Load({});
  if (!password_policy.ok()) {
    log::Error("startup_failed",
               {{"step", "password_policy"}, {"detail", password_policy.error().message}});
    return kExitFailure;
  }

  // Job kinds register here as capabilities arrive (emails, imports, syncs).
  SystemClock clock;
  jobs::JobRegistry job_kinds;
  auto transport = MailTransportFor(config, clock);
  if (!transport.ok()) {
    log::Error("startup_failed", {{"step", "mail"}, {"detail", transport.error().message}});
    return kExitFailure;
  }
  mail::MailTransport& outbox = **transport;
  Status registered = identity::RegisterAccountMailJob(job_kinds, **database, clock, outbox,
                                                       {config.EffectivePublicUrl()});
  if (registered.ok()) {
    registered = identity::RegisterInvitationMailJob(job_kinds, **database, clock, outbox,
                                                     config.EffectivePublicUrl());
  }
  secrets::DataKeyStore data_keys(*master, clock);
  identity::MachineTokenSettings token_settings;
  token_settings.issuer = config.EffectivePublicUrl();
  token_settings.audience = config.EffectivePublicUrl() + "/v1";
  identity::SigningKeys signing_keys(**database, data_keys, clock,
                                     token_settings.max_lifetime + token_settings.skew);
  identity::MachineTokens machine_tokens(**database, signing_keys, clock, token_settings);
  if (registered.ok()) {
    registered = identity::RegisterSigningKeyRotationJob(job_kinds, signing_keys);
  }
  const std::filesystem::path uploads_directory =
      std::filesystem::path(config.data_dir) / "uploads";
  if (registered.ok()) {
    registered = imports::RegisterImportJob(job_kinds, **database, clock,
                                            imports::UploadStore(uploads_directory));
  }
  if (!registered.ok()) {
    log::Error("startup_failed", {{"step", "jobs"}, {"detail", registered.error().message}});
    return kExitFailure;
  }
  jobs::JobRunnerOptions runner_options;
  runner_options.worker_id = WorkerIdentity();
  runner_options.threads = config.job_workers;
  runner_options.lease = config.job_lease;
  runner_options.succeeded_retention = config.succeeded_job_retention;
  runner_options.dead_retention = config.dead_job_retention;
  jobs::JobRunner job_runner(**database, job_kinds, clock, runner_options);

  http::Router router;
  storage::Database& db = **database;
  api::RouteDependencies routes;
  routes.system.metrics = &registry;
  if (config.metrics_token_file) {
    auto token = crypto::ReadSecretFile(*config.metrics_token_file);
    if (!token.ok()) {
      log::Error("startup_failed", {{"step", "metrics_token"}, {"detail", token.error().message}});
      return kExitFailure;
    }
    std::size_t length = token->size();
    while (length > 0 && (token->data()[length - 1] == '\n' || token->data()[length - 1] == '\r')) {
      --length;
    }
    token->Truncate(length);
    if (token->empty()) {
      log::Error("startup_failed", {{"step", "metrics_token"}, {"detail", "the file is empty"}});
      return kExitFailure;
    }
    routes.system.metrics_token = std::make_shared<const crypto::SecretBytes>(std::move(*token));
  }
  routes.system.readiness.push_back({"database", [&db]() -> Status {
                                       auto state = storage::CurrentState(db);
                                       if (!state.ok()) return state.error();
                                       if (!state->up_to_date()) {
                                         return MakeError(ErrorCode::kUnavailable,
                                                          "migrations pending");
                                       }
                                       return Status::Ok();
                                     }});

  identity::PasswordHasher hasher;
  identity::SessionPolicy session_policy;
  session_policy.idle_timeout = config.session_idle_timeout;
  session_policy.absolute_timeout = config.session_absolute_timeout;
  identity::SessionStore sessions(clock, session_policy);
  identity::RetentionSweeper retention(db, sessions, clock);
  identity::LoginThrottle login_throttle(clock);
  jobs::JobQueue job_queue(clock);
  retention.AddTask("signing_key_rotation", [&db, &job_queue, &clock, &config] {
    return identity::ScheduleSigningKeyRotation(db, job_queue, clock, config.signing_key_rotation);
  });
  retention.AddTask("audit_retention", [&db, &clock, &config]() -> Status {
    auto connection = db.Acquire();
    if (!connection.ok()) return connection.error();
    auto purged = audit::PurgeExpiredEvents(**connection, clock, config.audit_retention);
    if (!purged.ok()) return purged.error();
    if (*purged > 0) log::Info("audit_events_purged", {{"events", std::to_string(*purged)}});
    return Status::Ok();
  });
  retention.AddTask("orphan_uploads", [&db, uploads_directory]() -> Status {
    auto swept = imports::SweepOrphanUploads(db, imports::UploadStore(uploads_directory));
    if (!swept.ok()) return swept.error();
    if (*swept > 0) log::Info("uploads_swept", {{"files", std::to_string(*swept)}});
    return Status::Ok();
  });
  identity::MfaStore mfa(data_keys, clock);
  identity::Accounts accounts(db, clock, *password_policy, hasher, sessions, login_throttle,
                              job_queue, mfa);
  http::InMemoryRateLimitStore rate_limits;
  routes.identity.accounts = &accounts;
  routes.identity.database = &db;
  routes.identity.rate_limits = &rate_limits;
  routes.identity.clock = &clock;
  routes.identity.policy = &*password_policy;
  routes.identity.hasher = &hasher;
  routes.audit = {&db, &clock};
  routes.members = {&db, &sessions, &job_queue, &clock};
  const http::RateLimit auth_rate_limit{config.auth_attempts_per_minute, std::chrono::seconds(60)};
  routes.machine_clients = {&machine_tokens,
                            &signing_keys,
                            &db,
                            &rate_limits,
                            &clock,
                            auth_rate_limit,
                            config.reauthentication_window};
  routes.deletions = {&db, &clock, config.reauthentication_window};
  routes.ledger = {&db, &clock};
  routes.exports = {&db, &clock, std::filesystem::path(config.data_dir) / "exports"};
  routes.identity.load_demo_company = [&clock, uploads_directory](storage::OrgScope& scope,
                                                                  std::int64_t user_id) {
    return demo::QueueDemoCompany(scope, imports::UploadStore(uploads_directory), clock, user_id);
  };
  std::unique_ptr<imports::MalwareScanner> scanner;
  if (config.clamd_socket) scanner = std::make_unique<imports::ClamdScanner>(*config.clamd_socket);
  routes.imports.database = &db;
  routes.imports.clock = &clock;
  routes.imports.uploads_directory = uploads_directory;
  routes.imports.scanner = scanner.get();
  // Production refuses unscanned uploads (IN-5); development without clamd warns per upload.
  routes.imports.require_scan = config.profile == config::Profile::kProduction;
  routes.identity.auth_rate_limit = auth_rate_limit;
  routes.identity.password_reminder_age = config.password_reminder_age;
  routes.identity.reauthentication_window = config.reauthentication_window;
  if (Status added = api::AddAllRoutes(router, std::move(routes)); !added.ok()) {
    log::Error("startup_failed", {{"step", "routes"}, {"detail", added.error().message}});
    return kExitFailure;
  }

  // ACL-1 and the contract: refuse to start when a route and the document disagree.
  auto operations = api::ListOperations(api::OpenApiDocument());
  Status agreed = operations.ok() ? api::CheckRoutesAgainstContract(router.routes(), *operations)
                                  : Status(operations.error());
  auto validator = api::ContractValidator::Create(api::OpenApiDocument());
  if (!agreed.ok() || !validator.ok()) {
    const Error& error = !agreed.ok() ? agreed.error() : validator.error();
    log::Error("startup_failed", {{"step", "contract"}, {"detail", error.message}});
    return kExitFailure;
  }

  api::SessionAuthenticator authenticator(db, sessions, clock, &machine_tokens);
  http::Pipeline pipeline(PipelineOptionsFrom(config), router, validator->get(), authenticator,
                          rate_limits, registry, workers);

  auto web = api::StaticFiles::Load(config.web_root);
  if (web.ok()) {
    auto files = std::make_shared<api::StaticFiles>(std::move(*web));
    pipeline.SetFallback([files](http::Request& request) { return files->Serve(request); });
  } else {
    log::Warn("web_app_unavailable", {{"detail", web.error().message}});
  }

  auto server = http::Server::Create(ServerOptionsFrom(config), pipeline);
  if (!server.ok()) {
    log::Error("startup_failed", {{"step", "listen"}, {"detail", server.error().message}});
    return kExitFailure;
  }
  http::Server& listener = **server;
  registry.AddGauge("finhelm_http_open_connections", "Open client connections.", [&listener] {
    return std::vector<metrics::GaugeSample>{
        {"", static_cast<double>(listener.open_connections())}};
  });
  listener.Start();
  if (config.job_workers > 0) job_runner.Start();
  retention.Start();
  std::printf("finhelm: serving on %s://%s:%u\n", config.tls_enabled() ? "https" : "http",
              config.listen_address.c_str(), static_cast<unsigned>(listener.port()));
  // First run: the link is the only way in, so it goes to the operator's terminal, never
  // to the log (DATA-5).
  if (auto connection = db.Acquire(); connection.ok()) {
    auto token = identity::IssueSetupToken(**connection, clock);
    if (token.ok() && token->has_value()) {
      std::string base =
          config.public_url.value_or(std::string(config.tls_enabled() ? "https://" : "http://") +
                                     config.listen_address + ":" + std::to_string(listener.port()));
      std::printf(
          "finhelm: first run: create the first admin at %s/setup#token=%s "
          "(valid 1 hour, single use)\n",
          base.c_str(), token->value().c_str());
    } else if (!token.ok()) {
      log::Error("setup_token_failed", {{"detail", token.error().message}});
    }
  }
  if (auto redirect = listener.redirect_port()) {
    std::printf("finhelm: redirecting plain http on port %u to https\n",
                static_cast<unsigned>(*redirect));
  }
  std::fflush(stdout);

  int received = 0;
  sigwait(&shutdown_signals, &received);
  log::Info("shutdown_requested", {{"signal", received}});
  listener.Stop();
  job_runner.Stop();
  retention.Stop();
  listener.Wait();
  return kExitOk;
}

}  // namespace finhelm::cli

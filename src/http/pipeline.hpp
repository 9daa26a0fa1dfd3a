// Pipeline: every request's path from parsed message to response, in one fixed order.
//
//   request id -> limits -> security headers -> CORS -> rate limiting
//     -> authentication -> authorization -> body validation -> handler
//
// Steps up to rate limiting are cheap and run on the I/O thread. Authentication and
// everything after it may touch the database, so they run on the worker pool unless the
// route is an inline one (public, never blocking). Security headers, the request id, the
// access log line and the request metrics are applied to every response, errors included.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/worker_pool.hpp"
#include "http/body_validator.hpp"
#include "http/message.hpp"
#include "http/rate_limit.hpp"
#include "http/router.hpp"
#include "observability/metrics.hpp"

namespace finhelm::http {

struct PipelineOptions {
  std::size_t json_body_limit = std::size_t{1024} * 1024;         // IN-2.
  std::size_t upload_body_limit = std::size_t{25} * 1024 * 1024;  // IN-2.
  std::vector<std::string> cors_allowed_origins;                  // Exact origins (WEB-2).
  RateLimit default_rate_limit{600, std::chrono::seconds(60)};    // WEB-1, per address.
  bool strict_transport_security = false;                         // Set when serving TLS (DATA-1).
  // AUTH-6: an admin without a second factor is refused every admin-only permission.
  bool require_admin_mfa = true;
  // Peers whose X-Forwarded-For and X-Forwarded-Proto are believed (exact addresses).
  std::vector<std::string> trusted_proxies;
};

// Establishes the principal of a request and its role in an organization. Runs on a
// worker thread.
class Authenticator {
 public:
  virtual ~Authenticator() = default;
  // The principal behind the request's credentials; anonymous when it carries none or
  // none that is valid any more.
  virtual Result<access::Principal> Authenticate(const Request& request) = 0;
  // The role `principal` holds in `organization`; nullopt when it is not a member (or
  // the organization does not exist: the caller cannot tell, ACL-3).
  virtual Result<std::optional<access::Role>> RoleIn(const access::Principal& principal,
                                                     std::int64_t organization) = 0;
  // Records a refusal the pipeline made after authentication (`authz_fail`,
  // `malicious_csrf`) in the audit log (AUD-1, ACL-3). `organization` is 0 outside one.
  virtual void RecordRefusal(const Request& request, std::string_view event,
                             std::int64_t organization) = 0;
};

// Every request is anonymous and belongs nowhere: for tests of the pipeline itself.
class AnonymousAuthenticator final : public Authenticator {
 public:
  Result<access::Principal> Authenticate(const Request&) override { return access::Principal{}; }
  Result<std::optional<access::Role>> RoleIn(const access::Principal&, std::int64_t) override {
    return std::optional<access::Role>();
  }
  void RecordRefusal(const Request&, std::string_view, std::int64_t) override {}
};

using ResponseCallback = std::function<void(Response)>;

class Pipeline {
 public:
  // All references must outlive the pipeline. `validator` may be null only when no route
  // has a JSON body.
  Pipeline(PipelineOptions options, const Router& router, const BodyValidator* validator,
           Authenticator& authenticator, RateLimitStore& rate_limits, metrics::Registry& metrics,
           WorkerPool& workers);

  // The largest body the server may read for this request line, decided before any of
  // the body is read so that an oversized one is refused with 413 up front.
  std::size_t BodyLimitFor(std::string_view method, std::string_view target) const;

  // Serves GET and HEAD requests that match no route outside /v1/ (the web app). Must be
  // inline-safe: it runs on the I/O thread. Set during start-up.
  void SetFallback(Handler fallback) { fallback_ = std::move(fallback); }

  std::size_t LargestBodyLimit() const {
    return std::max(options_.json_body_limit, options_.upload_body_limit);
  }

  // Runs the pipeline; `done` is called exactly once, possibly on a worker thread.
  void Dispatch(Request request, ResponseCallback done) const;

  // Finishes a request the server refused before it could be dispatched (400, 408, 413,
  // 431): the same headers, log line and metrics as any other response.
  Response Refuse(Request& request, int status) const;

 private:
  Response RunOnWorker(Request& request, const Route& route) const;
  std::optional<Response> Authorize(Request& request, const Route& route) const;
  std::optional<Response> AuthorizeMachine(Request& request, const Route& route) const;
  std::optional<Response> CheckLimits(Request& request, const Route* route) const;
  std::optional<Response> ApplyCors(Request& request) const;
  std::optional<Response> CheckRateLimit(Request& request) const;
  Response Finish(Request& request, Response response) const;

  PipelineOptions options_;
  const Router& router_;
  const BodyValidator* validator_;
  Authenticator& authenticator_;
  RateLimitStore& rate_limits_;
  metrics::Registry& metrics_;
  WorkerPool& workers_;
  Handler fallback_;
};

// Adds the WEB-3 headers to `response`.
void ApplySecurityHeaders(Response& response, bool strict_transport_security);

// When `request` comes from a trusted proxy, takes the client address from the right-most
// untrusted X-Forwarded-For entry and the scheme from X-Forwarded-Proto.
void ResolveForwarding(Request& request, const std::vector<std::string>& trusted_proxies);

// A fresh 128-bit request id in hex.
std::string NewRequestId();

}  // namespace finhelm::http

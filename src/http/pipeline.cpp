#include "http/pipeline.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <exception>
#include <random>

#include "crypto/constant_time.hpp"
#include "http/url.hpp"
#include "observability/log.hpp"

namespace finhelm::http {
namespace {

constexpr std::size_t kInlineBodyLimit = std::size_t{64} * 1024;
constexpr std::size_t kMaxTargetLength = std::size_t{8} * 1024;  // IN-2: request line.

constexpr std::array<std::string_view, 7> kKnownMethods = {"GET",   "HEAD",   "POST",   "PUT",
                                                           "PATCH", "DELETE", "OPTIONS"};

// Organization ids in paths: decimal, positive, no sign or leading zero, within int64.
bool ParsePositiveId(std::string_view text, std::int64_t& id) {
  if (text.empty() || text.size() > 18 || text.front() == '0') return false;
  std::int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  id = value;
  return true;
}

// The organization named by a /v1/orgs/{org}/... path.
bool OrganizationOfPath(const Request& request, std::int64_t& organization) {
  auto org = request.path_params.find("org");
  return org != request.path_params.end() && ParsePositiveId(org->second, organization);
}

bool IsSafeMethod(std::string_view method) {
  return method == "GET" || method == "HEAD" || method == "OPTIONS";
}

bool IsKnownMethod(std::string_view method) {
  return std::find(kKnownMethods.begin(), kKnownMethods.end(), method) != kKnownMethods.end();
}

// "application/json; charset=utf-8" -> "application/json", lower-cased.
std::string MediaType(std::string_view content_type) {
  std::string media(content_type.substr(0, content_type.find(';')));
  while (!media.empty() && (media.back() == ' ' || media.back() == '\t')) media.pop_back();
  std::transform(media.begin(), media.end(), media.begin(),
                 [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; });
  return media;
}

Response ProblemFor(const Request& request, int status, std::string_view slug = {},
                    std::string_view detail = {}) {
  return ProblemResponse(MakeProblem(status, slug, detail), request.request_id);
}

// The value of an Allow header: "GET, POST".
std::string JoinMethods(const std::vector<std::string>& methods) {
  std::string joined;
  for (const auto& method : methods) joined += (joined.empty() ? "" : ", ") + method;
  return joined;
}

std::string SameOrigin(const Request& request) {
  auto host = request.headers.Get("Host");
  if (!host) return {};
  return std::string(request.secure ? "https://" : "http://") + std::string(*host);
}

std::string_view TrimSpaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// Every field named `name`, in arrival order, as one comma-separated list.
std::string JoinFields(const Headers& headers, std::string_view name) {
  std::string joined;
  for (const auto& [field, value] : headers.fields()) {
    if (!EqualsIgnoreCase(field, name)) continue;
    if (!joined.empty()) joined += ',';
    joined += value;
  }
  return joined;
}

}  // namespace

std::string NewRequestId() {
  // Request ids correlate logs; they are not secrets, so a per-thread PRNG is enough.
  thread_local std::mt19937_64 engine{std::random_device{}()};
  std::array<char, 33> text{};
  std::snprintf(text.data(), text.size(), "%016llx%016llx",
                static_cast<unsigned long long>(engine()),
                static_cast<unsigned long long>(engine()));
  return text.data();
}

void ResolveForwarding(Request& request, const std::vector<std::string>& trusted_proxies) {
  auto trusted = [&](std::string_view address) {
    return std::find(trusted_proxies.begin(), trusted_proxies.end(), address) !=
           trusted_proxies.end();
  };
  if (!trusted(request.remote_address)) return;
  // A proxy may add a field of its own after the client's rather than append to it, so
  // every field counts, in order (RFC 9110 section 5.3), and the right end is the proxy's.
  std::string forwarded = JoinFields(request.headers, "X-Forwarded-For");
  std::string_view list = forwarded;
  while (!list.empty()) {
    auto comma = list.rfind(',');
    std::string_view hop =
        TrimSpaces(comma == std::string_view::npos ? list : list.substr(comma + 1));
    list = comma == std::string_view::npos ? std::string_view() : list.substr(0, comma);
    if (hop.empty()) continue;
    request.remote_address = std::string(hop);
    if (!trusted(hop)) break;
  }
  if (request.headers.Has("X-Forwarded-Proto")) {
    std::string proto = JoinFields(request.headers, "X-Forwarded-Proto");
    auto comma = proto.rfind(',');
    std::string_view last = comma == std::string::npos ? std::string_view(proto)
                                                       : std::string_view(proto).substr(comma + 1);
    request.secure = TrimSpaces(last) == "https";
  }
}

void ApplySecurityHeaders(Response& response, bool strict_transport_security) {
  // These headers belong to the pipeline and handlers never set them: adding them without
  // first looking for an existing field keeps this off the profile of every request.
  Headers& h = response.headers;
  h.Add("Content-Security-Policy",
        "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; "
        "frame-ancestors 'none'; form-action 'self'");
  h.Add("X-Frame-Options", "DENY");
  h.Add("X-Content-Type-Options", "nosniff");
  h.Add("Referrer-Policy", "no-referrer");
  h.Add("Cross-Origin-Opener-Policy", "same-origin");
  h.Add("Cross-Origin-Resource-Policy", "same-origin");
  h.Add("X-XSS-Protection", "0");
  h.Add("Permissions-Policy",
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
        "microphone=(), payment=(), usb=(), interest-cohort=()");
  h.Add("Server", "FinHelm");
  if (strict_transport_security) {
    h.Add("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  }
  if (!h.Has("Cache-Control")) h.Set("Cache-Control", "no-store");
}

Pipeline::Pipeline(PipelineOptions options, const Router& router, const BodyValidator* validator,
                   Authenticator& authenticator, RateLimitStore& rate_limits,
                   metrics::Registry& metrics, WorkerPool& workers)
    : options_(std::move(options)),
      router_(router),
      validator_(validator),
      authenticator_(authenticator),
      rate_limits_(rate_limits),
      metrics_(metrics),
      workers_(workers) {}

std::size_t Pipeline::BodyLimitFor(std::string_view method, std::string_view target) const {
  auto parsed = ParseTarget(target);
  if (!parsed.ok()) return options_.json_body_limit;
  RouteMatch match = router_.Match(method, parsed->path);
  if (match.route != nullptr && match.route->body == BodyKind::kMultipart) {
    return options_.upload_body_limit;
  }
  return options_.json_body_limit;
}

void Pipeline::Dispatch(Request request, ResponseCallback done) const {
  request.request_id = NewRequestId();
  ResolveForwarding(request, options_.trusted_proxies);

  if (!IsKnownMethod(request.method)) {
    // TRACE and CONNECT are refused outright (WEB-4); anything else is not implemented.
    if (request.method != "TRACE" && request.method != "CONNECT") {
      return done(Finish(request, ProblemFor(request, 501)));
    }
    Response refused = ProblemFor(request, 405);
    // A 405 must name the methods the resource does support (RFC 9110 section 15.5.6).
    auto target = ParseTarget(request.target);
    std::vector<std::string> allowed;
    if (target.ok()) allowed = router_.Match(request.method, target->path).allowed;
    refused.headers.Set("Allow", JoinMethods(allowed));
    return done(Finish(request, std::move(refused)));
  }
  if (request.target.size() > kMaxTargetLength) {
    return done(Finish(request, ProblemFor(request, 414)));
  }
  auto target = ParseTarget(request.target);
  if (!target.ok()) {
    return done(Finish(request, ProblemFor(request, 400, "malformed-request")));
  }
  request.path = std::move(target->path);
  request.query = std::move(target->query);

  RouteMatch match = router_.Match(request.method, request.path);
  if (match.route != nullptr) {
    request.route_template = match.route->pattern;
    for (auto& [name, value] : match.params) request.path_params.emplace(name, value);
  }

  if (auto refused = CheckLimits(request, match.route)) return done(Finish(request, *refused));
  if (auto answered = ApplyCors(request)) return done(Finish(request, *answered));
  if (auto limited = CheckRateLimit(request)) return done(Finish(request, *limited));

  if (match.route == nullptr) {
    bool is_read = request.method == "GET" || request.method == "HEAD";
    if (!match.allowed.empty()) {
      Response response = ProblemFor(request, 405);
      response.headers.Set("Allow", JoinMethods(match.allowed));
      return done(Finish(request, std::move(response)));
    }
    if (is_read && fallback_ && !request.path.starts_with("/v1/")) {
      request.route_template = "static";
      return done(Finish(request, fallback_(request)));
    }
    return done(Finish(request, ProblemFor(request, 404)));
  }

  const Route& route = *match.route;
  // A large body makes even pure computation long enough to stall the other connections
  // of this I/O thread: past kInlineBodyLimit, inline routes run on a worker too.
  if (route.execution == Execution::kInline && request.body.size() <= kInlineBodyLimit) {
    Response response = RunOnWorker(request, route);
    return done(Finish(request, std::move(response)));
  }
  auto shared_done = std::make_shared<ResponseCallback>(std::move(done));
  auto shared_request = std::make_shared<Request>(std::move(request));
  bool queued = workers_.Submit([this, shared_request, shared_done, &route] {
    Response response = RunOnWorker(*shared_request, route);
    (*shared_done)(Finish(*shared_request, std::move(response)));
  });
  if (!queued) {
    Response busy = ProblemFor(*shared_request, 503, "overloaded");
    busy.headers.Set("Retry-After", "1");
    (*shared_done)(Finish(*shared_request, std::move(busy)));
  }
}

Response Pipeline::RunOnWorker(Request& request, const Route& route) const {
  // Public routes act on nobody's authority, so their credentials are not looked at (and
  // cost no database read); inline routes are public by construction (Router::Add).
  if (route.permission != access::Permission::kPublic) {
    auto principal = authenticator_.Authenticate(request);
    if (!principal.ok()) return ErrorResponse(principal.error(), request.request_id);
    request.principal = std::move(*principal);
  }

  if (auto refused = Authorize(request, route)) return std::move(*refused);

  if (route.body == BodyKind::kJson) {
    if (validator_ == nullptr) {
      return ErrorResponse(MakeError(ErrorCode::kInternal, "no body validator configured"),
                           request.request_id);
    }
    ValidationOutcome outcome = validator_->Validate(route.operation_id, request.body);
    if (!outcome.ok()) {
      Problem problem = MakeProblem(422, "validation");
      problem.errors = std::move(outcome.errors);
      return ProblemResponse(problem, request.request_id);
    }
    request.json = std::move(outcome.document);
  }

  try {
    return route.handler(request);
  } catch (const std::exception& failure) {
    return ErrorResponse(MakeError(ErrorCode::kInternal, failure.what()), request.request_id);
  }
}

std::optional<Response> Pipeline::Authorize(Request& request, const Route& route) const {
  access::Principal& principal = request.principal;
  // Public routes act on nobody's authority (a login makes a new session whatever cookie
  // came with it), so only the origin checks guard them (WEB-4).
  if (route.permission == access::Permission::kPublic) return std::nullopt;
  // WEB-4: a cookie is sent by the browser whoever asks, so a state change it
  // authenticates must prove it comes from FinHelm's own page by echoing the CSRF token.
  if (principal.via_cookie() && !IsSafeMethod(request.method)) {
    auto presented = request.headers.Get("X-CSRF-Token");
    if (!presented || !crypto::ConstantTimeEquals(*presented, principal.csrf_token)) {
      log::Warn("malicious_csrf", {{"request_id", request.request_id},
                                   {"route", request.route_template},
                                   {"address", request.remote_address}});
      authenticator_.RecordRefusal(request, "malicious_csrf", 0);
      return ProblemFor(request, 403, "csrf-token-invalid");
    }
  }
  if (principal.bearer_rejected) {
    // RFC 6750 section 3.1; why it was refused is in the log, not the answer.
    Response refused = ProblemFor(request, 401, "invalid-token");
    refused.headers.Set("WWW-Authenticate", R"(Bearer error="invalid_token")");
    return refused;
  }
  if (!principal.authenticated()) return ProblemFor(request, 401, "unauthenticated");
  if (principal.kind == access::Principal::Kind::kMachineClient) {
    return AuthorizeMachine(request, route);
  }
  if (!access::IsOrganizationScoped(route.permission)) return std::nullopt;

  // ACL-3: an organization the principal does not belong to does not exist for them.
  std::int64_t organization = 0;
  if (!OrganizationOfPath(request, organization)) return ProblemFor(request, 404);
  auto role = authenticator_.RoleIn(principal, organization);
  if (!role.ok()) return ErrorResponse(role.error(), request.request_id);
  if (!role->has_value()) return ProblemFor(request, 404);
  principal.organization_id = organization;
  principal.role = **role;
  bool admin_only = route.permission == access::Permission::kManageOrg ||
                    route.permission == access::Permission::kDeleteOrg ||
                    route.permission == access::Permission::kAuditOrg;
  if (admin_only && **role == access::Role::kAdmin && options_.require_admin_mfa &&
      !principal.mfa_enrolled) {
    // The app sends the admin to enrollment on this problem type.
    return ProblemFor(request, 403, "mfa-enrollment-required",
                      "Set up two-factor sign-in to use admin functions.");
  }
  if (!access::RoleAllows(**role, route.permission)) {
    log::Warn("authz_fail", {{"request_id", request.request_id},
                             {"route", request.route_template},
                             {"subject", principal.subject_id},
                             {"organization_id", organization},
                             {"permission", access::PermissionName(route.permission)}});
    authenticator_.RecordRefusal(request, "authz_fail", organization);
    return ProblemFor(request, 403, "forbidden");
  }
  return std::nullopt;
}

std::optional<Response> Pipeline::AuthorizeMachine(Request& request, const Route& route) const {
  access::Principal& principal = request.principal;
  // AUTH-7: a bearer token never opens what only a signed-in person may do (their own
  // account, members, service clients), whatever scopes it claims.
  if (!access::IsOrganizationScoped(route.permission) ||
      !access::IsGrantableScope(route.permission)) {
    return ProblemFor(request, 401, "unauthenticated",
                      "This route needs a signed-in user; bearer tokens are not accepted.");
  }
  std::int64_t organization = 0;
  if (!OrganizationOfPath(request, organization) || organization != principal.token_organization) {
    return ProblemFor(request, 404);  // ACL-3, as for a non-member.
  }
  principal.organization_id = organization;
  if (!principal.HasScope(route.permission)) {
    std::string_view scope = access::PermissionName(route.permission);
    log::Warn("authz_fail", {{"request_id", request.request_id},
                             {"route", request.route_template},
                             {"subject", principal.subject_id},
                             {"organization_id", organization},
                             {"permission", scope}});
    authenticator_.RecordRefusal(request, "authz_fail", organization);
    Response refused = ProblemFor(request, 403, "insufficient-scope");
    refused.headers.Set("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"" +
                                                std::string(scope) + "\"");
    return refused;
  }
  return std::nullopt;
}

std::optional<Response> Pipeline::CheckLimits(Request& request, const Route* route) const {
  if (route == nullptr) return std::nullopt;
  auto content_type = request.headers.Get("Content-Type");
  std::string media = content_type ? MediaType(*content_type) : std::string();
  switch (route->body) {
    case BodyKind::kNone:
      if (!request.body.empty()) {
        return ProblemFor(request, 415, "unsupported-media-type", "this route takes no body");
      }
      break;
    case BodyKind::kJson:
      if (media != "application/json") {
        return ProblemFor(request, 415, "unsupported-media-type", "expected application/json");
      }
      if (request.body.size() > options_.json_body_limit) return ProblemFor(request, 413);
      break;
    case BodyKind::kForm:
      if (media != "application/x-www-form-urlencoded") {
        return ProblemFor(request, 415, "unsupported-media-type",
                          "expected application/x-www-form-urlencoded");
      }
      if (request.body.size() > options_.json_body_limit) return ProblemFor(request, 413);
      break;
    case BodyKind::kMultipart:
      if (media != "multipart/form-data") {
        return ProblemFor(request, 415, "unsupported-media-type", "expected multipart/form-data");
      }
      if (request.body.size() > options_.upload_body_limit) return ProblemFor(request, 413);
      break;
  }
  return std::nullopt;
}

std::optional<Response> Pipeline::ApplyCors(Request& request) const {
  auto origin = request.headers.Get("Origin");
  const auto& allowed = options_.cors_allowed_origins;
  bool listed = origin && std::find(allowed.begin(), allowed.end(), *origin) != allowed.end();
  bool unsafe = !IsSafeMethod(request.method);
  auto fetch_site = request.headers.Get("Sec-Fetch-Site");
  if (unsafe && fetch_site && *fetch_site == "cross-site" && !listed) {
    return ProblemFor(request, 403, "cross-origin-refused");
  }
  if (!origin) return std::nullopt;
  bool same = *origin == SameOrigin(request);
  if (request.method == "OPTIONS" && request.headers.Has("Access-Control-Request-Method")) {
    if (!listed) return ProblemFor(request, 403, "cross-origin-refused");
    Response preflight = Response::Empty(204);
    preflight.headers.Set("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE");
    preflight.headers.Set("Access-Control-Allow-Headers",
                          "Content-Type, X-CSRF-Token, X-Request-Id");
    preflight.headers.Set("Access-Control-Max-Age", "600");
    request.response_headers.Set("Access-Control-Allow-Origin", *origin);
    request.response_headers.Set("Access-Control-Allow-Credentials", "true");
    request.response_headers.Set("Vary", "Origin");
    return preflight;
  }
  if (listed) {
    // Never "*": credentials are allowed, so the exact origin is echoed (WEB-2).
    request.response_headers.Set("Access-Control-Allow-Origin", *origin);
    request.response_headers.Set("Access-Control-Allow-Credentials", "true");
    request.response_headers.Set("Access-Control-Expose-Headers",
                                 "X-Request-Id, Retry-After, RateLimit-Limit, "
                                 "RateLimit-Remaining, RateLimit-Reset");
    request.response_headers.Set("Vary", "Origin");
  } else if (unsafe && !same) {
    // A state-changing request from a page of another origin (WEB-4).
    return ProblemFor(request, 403, "cross-origin-refused");
  }
  return std::nullopt;
}

std::optional<Response> Pipeline::CheckRateLimit(Request& request) const {
  RateDecision decision =
      rate_limits_.Take("address:" + request.remote_address, options_.default_rate_limit);
  request.response_headers.Set("RateLimit-Limit", std::to_string(decision.limit));
  request.response_headers.Set("RateLimit-Remaining", std::to_string(decision.remaining));
  request.response_headers.Set("RateLimit-Reset", std::to_string(decision.reset.count()));
  if (decision.allowed) return std::nullopt;
  log::Warn("excess_rate_limit_exceeded",
            {{"request_id", request.request_id}, {"address", request.remote_address}});
  Response response = ProblemFor(request, 429, "rate-limited");
  response.headers.Set("Retry-After",
                       std::to_string(std::max<std::int64_t>(1, decision.retry_after.count())));
  return response;
}

Response Pipeline::Refuse(Request& request, int status) const {
  if (request.request_id.empty()) request.request_id = NewRequestId();
  Response response = ProblemFor(request, status);
  response.close_connection = true;
  return Finish(request, std::move(response));
}

Response Pipeline::Finish(Request& request, Response response) const {
  for (const auto& [name, value] : request.response_headers.fields()) {
    response.headers.Add(name, value);
  }
  ApplySecurityHeaders(response, options_.strict_transport_security);
  response.headers.Add("X-Request-Id", request.request_id);

  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - request.received_at).count();
  metrics_.ObserveRequest(request.method, request.route_template, response.status, seconds);
  // The route template, never the raw target: query strings may carry tokens (DATA-5).
  log::Info("http_request",
            {{"request_id", request.request_id},
             {"method", request.method},
             {"route", request.route_template.empty() ? std::string_view("unmatched")
                                                      : std::string_view(request.route_template)},
             {"status", response.status},
             {"duration_ms", seconds * 1000.0},
             {"address", request.remote_address}});
  return response;
}

}  // namespace finhelm::http

#include "http/pipeline.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "capture_log.hpp"

namespace finhelm::http {
namespace {

using access::Permission;
using nlohmann::json;
using namespace std::chrono_literals;

constexpr const char* kHost = "localhost:8080";
constexpr const char* kClient = "192.0.2.10";

// Accepts exactly {"ok":true}; anything else fails on "/ok".
class FakeValidator final : public BodyValidator {
 public:
  ValidationOutcome Validate(std::string_view operation_id, std::string_view body) const override {
    ++calls_;
    ValidationOutcome outcome;
    if (operation_id == "postThing" && body == R"({"ok":true})") {
      outcome.document = std::make_shared<const json>(json::parse(body));
    } else {
      outcome.errors.push_back({"/ok", "required field is missing"});
    }
    return outcome;
  }
  int calls() const { return calls_.load(); }

 private:
  mutable std::atomic<int> calls_{0};
};

Route MakeRoute(std::string method, std::string pattern, Permission permission, Handler handler,
                Execution execution = Execution::kWorker, BodyKind body = BodyKind::kNone,
                std::string operation_id = {}) {
  Route route;
  route.method = std::move(method);
  route.pattern = std::move(pattern);
  route.permission = permission;
  route.handler = std::move(handler);
  route.execution = execution;
  route.body = body;
  route.operation_id = std::move(operation_id);
  return route;
}

Request MakeRequest(std::string method, std::string target, std::string body = {}) {
  Request request;
  request.method = std::move(method);
  request.target = std::move(target);
  request.body = std::move(body);
  request.remote_address = kClient;
  request.headers.Add("Host", kHost);
  return request;
}

Request JsonPost(std::string target, std::string body) {
  Request request = MakeRequest("POST", std::move(target), std::move(body));
  request.headers.Add("Content-Type", "application/json");
  return request;
}

// Sends `request` through `pipeline` and waits for the one callback.
Response Send(const Pipeline& pipeline, Request request) {
  auto promise = std::make_shared<std::promise<Response>>();
  auto future = promise->get_future();
  pipeline.Dispatch(std::move(request),
                    [promise](Response response) { promise->set_value(std::move(response)); });
  if (future.wait_for(10s) != std::future_status::ready) {
    ADD_FAILURE() << "the pipeline never answered";
    return Response::Empty(0);
  }
  return future.get();
}

json BodyOf(const Response& response) { return json::parse(response.body); }

std::string Header(const Response& response, std::string_view name) {
  return std::string(response.headers.Get(name).value_or("<missing>"));
}

// The WEB-3 header set, checked value by value.
void ExpectSecurityHeaders(const Response& response) {
  SCOPED_TRACE("status " + std::to_string(response.status));
  EXPECT_EQ(Header(response, "Content-Security-Policy"),
            "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; "
            "frame-ancestors 'none'; form-action 'self'");
  EXPECT_EQ(Header(response, "X-Frame-Options"), "DENY");
  EXPECT_EQ(Header(response, "X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(Header(response, "Referrer-Policy"), "no-referrer");
  EXPECT_EQ(Header(response, "Cross-Origin-Opener-Policy"), "same-origin");
  EXPECT_EQ(Header(response, "Cross-Origin-Resource-Policy"), "same-origin");
  EXPECT_EQ(Header(response, "X-XSS-Protection"), "0");
  EXPECT_NE(Header(response, "Permissions-Policy").find("camera=()"), std::string::npos);
  EXPECT_EQ(Header(response, "Server"), "FinHelm");
  EXPECT_EQ(Header(response, "X-Request-Id").size(), 32u);
  EXPECT_EQ(response.headers.Count("Content-Security-Policy"), 1u);
}

class PipelineTest : public ::testing::Test {
 protected:
  PipelineTest() {
    auto add = [this](Route route) {
      Status added = router_.Add(std::move(route));
      EXPECT_TRUE(added.ok()) << added.error().message;
    };
    auto ok = [](Request&) { return Response::Json(200, R"({"status":"ok"})"); };
    add(MakeRoute("GET", "/healthz", Permission::kPublic, ok, Execution::kInline));
    add(MakeRoute("GET", "/v1/things", Permission::kPublic, ok));
    add(MakeRoute(
        "POST", "/v1/things", Permission::kPublic,
        [](Request& request) { return Response::Json(201, request.json->dump()); },
        Execution::kWorker, BodyKind::kJson, "postThing"));
    add(MakeRoute("POST", "/v1/uploads", Permission::kPublic, ok, Execution::kWorker,
                  BodyKind::kMultipart));
    add(MakeRoute("GET", "/v1/orgs/{org}", Permission::kReadOrg, ok));
    add(MakeRoute("GET", "/v1/boom", Permission::kPublic, [](Request&) -> Response {
      throw std::runtime_error("db password=hunter2 leaked");
    }));
    add(MakeRoute(
        "GET", "/v1/boom-inline", Permission::kPublic,
        [](Request&) -> Response { throw std::runtime_error("inline password=hunter2"); },
        Execution::kInline));
    add(MakeRoute("GET", "/v1/where/inline", Permission::kPublic, RecordThread,
                  Execution::kInline));
    add(MakeRoute("GET", "/v1/where/worker", Permission::kPublic, RecordThread));
  }

  static Response RecordThread(Request& request) {
    std::ostringstream id;
    id << std::this_thread::get_id();
    Response response = Response::Json(200, "{}");
    response.headers.Set("X-Thread", id.str());
    response.headers.Set("X-Path-Param-Count", std::to_string(request.path_params.size()));
    return response;
  }

  std::unique_ptr<Pipeline> MakePipeline(PipelineOptions options = {}) {
    return std::make_unique<Pipeline>(std::move(options), router_, &validator_, authenticator_,
                                      rate_limits_, metrics_, workers_);
  }

  Response Send(Request request, PipelineOptions options = {}) {
    return http::Send(*MakePipeline(std::move(options)), std::move(request));
  }

  testing::CaptureLog log_;
  Router router_;
  FakeValidator validator_;
  AnonymousAuthenticator authenticator_;
  InMemoryRateLimitStore rate_limits_;
  metrics::Registry metrics_;
  WorkerPool workers_{2, 64};
};

TEST_F(PipelineTest, ServesInlineAndWorkerRoutes) {
  Response inline_response = Send(MakeRequest("GET", "/healthz"));
  EXPECT_EQ(inline_response.status, 200);
  EXPECT_EQ(BodyOf(inline_response)["status"], "ok");
  EXPECT_EQ(Send(MakeRequest("GET", "/v1/things")).status, 200);
}

TEST_F(PipelineTest, RunsInlineRoutesOnTheCallingThreadAndOthersOnWorkers) {
  auto pipeline = MakePipeline();
  std::ostringstream here;
  here << std::this_thread::get_id();

  std::optional<Response> answered_at_once;
  pipeline->Dispatch(MakeRequest("GET", "/v1/where/inline"),
                     [&](Response response) { answered_at_once = std::move(response); });
  ASSERT_TRUE(answered_at_once.has_value());  // Before Dispatch returned.
  EXPECT_EQ(Header(*answered_at_once, "X-Thread"), here.str());

  Response worker = http::Send(*pipeline, MakeRequest("GET", "/v1/where/worker"));
  EXPECT_EQ(worker.status, 200);
  EXPECT_NE(Header(worker, "X-Thread"), here.str());
  ExpectSecurityHeaders(worker);
}

// proves WEB-3 (every response, errors included)
TEST_F(PipelineTest, PutsSecurityHeadersOnEveryResponse) {
  PipelineOptions limited;
  limited.default_rate_limit = {1, std::chrono::seconds(60)};
  std::vector<Response> responses = {
      Send(MakeRequest("GET", "/healthz")),
      Send(MakeRequest("GET", "/v1/things")),
      Send(MakeRequest("GET", "/v1/nothing-here")),
      Send(MakeRequest("PUT", "/v1/things")),
      Send(MakeRequest("BREW", "/v1/things")),
      Send(MakeRequest("TRACE", "/v1/things")),
      Send(MakeRequest("GET", "/v1/../etc/passwd")),
      Send(MakeRequest("GET", "/" + std::string(9000, 'a'))),
      Send(JsonPost("/v1/things", "{}")),
      Send(MakeRequest("POST", "/v1/things", R"({"ok":true})")),
      Send(MakeRequest("GET", "/v1/orgs/acme")),
      Send(MakeRequest("GET", "/v1/boom")),
  };
  auto pipeline = MakePipeline(limited);
  Request first = MakeRequest("GET", "/v1/things");
  first.remote_address = "198.51.100.99";
  Request second = first;
  responses.push_back(http::Send(*pipeline, std::move(first)));
  responses.push_back(http::Send(*pipeline, std::move(second)));

  std::vector<int> statuses;
  for (const Response& response : responses) {
    statuses.push_back(response.status);
    ExpectSecurityHeaders(response);
    EXPECT_EQ(Header(response, "Cache-Control"), "no-store");
  }
  EXPECT_EQ(statuses, (std::vector<int>{200, 200, 404, 405, 501, 405, 400, 414, 422, 415, 401, 500,
                                        200, 429}));
}

TEST_F(PipelineTest, AddsHstsOnlyWhenServingTls) {
  EXPECT_FALSE(Send(MakeRequest("GET", "/healthz")).headers.Has("Strict-Transport-Security"));
  PipelineOptions tls;
  tls.strict_transport_security = true;
  EXPECT_EQ(Header(Send(MakeRequest("GET", "/nothing"), tls), "Strict-Transport-Security"),
            "max-age=31536000; includeSubDomains");
}

TEST_F(PipelineTest, CarriesTheRequestIdInHeaderAndProblem) {
  Response response = Send(MakeRequest("GET", "/v1/nothing-here"));
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(Header(response, "Content-Type"), "application/problem+json");
  EXPECT_EQ(BodyOf(response)["request_id"], Header(response, "X-Request-Id"));
  EXPECT_NE(Header(Send(MakeRequest("GET", "/healthz")), "X-Request-Id"),
            Header(response, "X-Request-Id"));
}

TEST_F(PipelineTest, AnswersUnknownPathsWithNotFound) {
  Response response = Send(MakeRequest("GET", "/v1/nothing-here"));
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(BodyOf(response)["title"], "Not Found");
}

TEST_F(PipelineTest, ServesTheFallbackOnlyForReadsOutsideTheApi) {
  auto pipeline = MakePipeline();
  pipeline->SetFallback([](Request&) {
    Response response;
    response.body = "app";
    return response;
  });
  EXPECT_EQ(http::Send(*pipeline, MakeRequest("GET", "/settings/profile")).body, "app");
  EXPECT_EQ(http::Send(*pipeline, MakeRequest("HEAD", "/")).body, "app");
  EXPECT_EQ(http::Send(*pipeline, MakeRequest("GET", "/v1/nothing-here")).status, 404);
  EXPECT_EQ(http::Send(*pipeline, MakeRequest("DELETE", "/settings/profile")).status, 404);
}

TEST_F(PipelineTest, ListsAllowedMethodsOnMethodNotAllowed) {
  Response response = Send(MakeRequest("DELETE", "/v1/things"));
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(Header(response, "Allow"), "GET, HEAD, POST");
}

TEST_F(PipelineTest, AnswersHeadLikeGet) {
  EXPECT_EQ(Send(MakeRequest("HEAD", "/v1/things")).status, 200);
}

TEST_F(PipelineTest, RefusesUnknownMethodsAsNotImplemented) {
  for (const char* method : {"BREW", "PROPFIND", "get", ""}) {
    EXPECT_EQ(Send(MakeRequest(method, "/v1/things")).status, 501) << method;
  }
}

// proves WEB-4 (TRACE is refused)
TEST_F(PipelineTest, RefusesTraceAndConnect) {
  for (const char* method : {"TRACE", "CONNECT"}) {
    Response response = Send(MakeRequest(method, "/v1/things"));
    EXPECT_EQ(response.status, 405) << method;
  }
}

TEST_F(PipelineTest, RefusesMalformedAndOverlongTargets) {
  for (const char* target : {"http://evil.example/v1/things", "*", "/v1/%zz", "/v1/a%00",
                             "/v1/%2e%2e/x", "/v1/things#frag"}) {
    Response response = Send(MakeRequest("GET", target));
    EXPECT_EQ(response.status, 400) << target;
    EXPECT_EQ(BodyOf(response)["type"], "https://finhelm.dev/problems/malformed-request");
  }
  EXPECT_EQ(Send(MakeRequest("GET", "/v1/things?q=" + std::string(8 * 1024, 'a'))).status, 414);
}

// proves IN-1 (a body of the wrong media type gets 415)
TEST_F(PipelineTest, RefusesTheWrongMediaType) {
  Request text = MakeRequest("POST", "/v1/things", R"({"ok":true})");
  text.headers.Add("Content-Type", "text/plain");
  EXPECT_EQ(Send(std::move(text)).status, 415);

  Request missing = MakeRequest("POST", "/v1/things", R"({"ok":true})");
  EXPECT_EQ(Send(std::move(missing)).status, 415);

  Request json_lookalike = MakeRequest("POST", "/v1/things", R"({"ok":true})");
  json_lookalike.headers.Add("Content-Type", "application/json-patch+json");
  EXPECT_EQ(Send(std::move(json_lookalike)).status, 415);

  Request upload_as_json = MakeRequest("POST", "/v1/uploads", "a,b\n");
  upload_as_json.headers.Add("Content-Type", "application/json");
  EXPECT_EQ(Send(std::move(upload_as_json)).status, 415);

  EXPECT_EQ(Send(MakeRequest("GET", "/v1/things", "unexpected")).status, 415);
  EXPECT_EQ(validator_.calls(), 0);
}

TEST_F(PipelineTest, AcceptsJsonWithParametersAndAnyCase) {
  for (const char* type :
       {"application/json", "application/json; charset=utf-8", "Application/JSON ;charset=UTF-8"}) {
    Request request = MakeRequest("POST", "/v1/things", R"({"ok":true})");
    request.headers.Add("Content-Type", type);
    Response response = Send(std::move(request));
    EXPECT_EQ(response.status, 201) << type;
    EXPECT_EQ(response.body, R"({"ok":true})");
  }
}

// proves IN-1 (schema failures answer 422 with the fields at fault; the handler never runs)
TEST_F(PipelineTest, AnswersValidationFailuresWith422) {
  Response response = Send(JsonPost("/v1/things", R"({"ok":false})"));
  EXPECT_EQ(response.status, 422);
  json body = BodyOf(response);
  EXPECT_EQ(body["type"], "https://finhelm.dev/problems/validation");
  EXPECT_EQ(body["errors"][0]["field"], "/ok");
}

// proves IN-2 (JSON bodies are limited)
TEST_F(PipelineTest, RefusesBodiesOverTheLimit) {
  PipelineOptions small;
  small.json_body_limit = 8;
  EXPECT_EQ(Send(JsonPost("/v1/things", R"({"ok":true})"), small).status, 413);
  EXPECT_EQ(validator_.calls(), 0);
}

TEST_F(PipelineTest, DecidesTheBodyLimitFromTheRoute) {
  PipelineOptions options;
  options.json_body_limit = 1000;
  options.upload_body_limit = 5000;
  auto pipeline = MakePipeline(options);
  EXPECT_EQ(pipeline->BodyLimitFor("POST", "/v1/uploads"), 5000u);
  EXPECT_EQ(pipeline->BodyLimitFor("POST", "/v1/things"), 1000u);
  EXPECT_EQ(pipeline->BodyLimitFor("POST", "/v1/nothing"), 1000u);
  EXPECT_EQ(pipeline->BodyLimitFor("POST", "garbage"), 1000u);
  EXPECT_EQ(pipeline->LargestBodyLimit(), 5000u);
}

TEST_F(PipelineTest, RequiresAuthenticationForNonPublicRoutes) {
  Response response = Send(MakeRequest("GET", "/v1/orgs/acme"));
  EXPECT_EQ(response.status, 401);
  EXPECT_EQ(BodyOf(response)["type"], "https://finhelm.dev/problems/unauthenticated");
}

// proves WEB-2 (preflights only for listed origins, echoing the exact origin, never "*")
TEST_F(PipelineTest, AnswersCorsPreflightOnlyForListedOrigins) {
  PipelineOptions cors;
  cors.cors_allowed_origins = {"https://app.example"};

  Request allowed = MakeRequest("OPTIONS", "/v1/things");
  allowed.headers.Add("Origin", "https://app.example");
  allowed.headers.Add("Access-Control-Request-Method", "POST");
  Response preflight = Send(std::move(allowed), cors);
  EXPECT_EQ(preflight.status, 204);
  EXPECT_EQ(Header(preflight, "Access-Control-Allow-Origin"), "https://app.example");
  EXPECT_EQ(Header(preflight, "Access-Control-Allow-Credentials"), "true");
  EXPECT_EQ(Header(preflight, "Vary"), "Origin");
  EXPECT_NE(Header(preflight, "Access-Control-Allow-Methods").find("POST"), std::string::npos);
  ExpectSecurityHeaders(preflight);

  for (const char* origin : {"https://evil.example", "https://app.example.evil", "null",
                             "http://app.example", "https://APP.example"}) {
    Request refused = MakeRequest("OPTIONS", "/v1/things");
    refused.headers.Add("Origin", origin);
    refused.headers.Add("Access-Control-Request-Method", "POST");
    Response response = Send(std::move(refused), cors);
    EXPECT_EQ(response.status, 403) << origin;
    EXPECT_FALSE(response.headers.Has("Access-Control-Allow-Origin")) << origin;
  }

  Request unconfigured = MakeRequest("OPTIONS", "/v1/things");
  unconfigured.headers.Add("Origin", "https://app.example");
  unconfigured.headers.Add("Access-Control-Request-Method", "POST");
  EXPECT_EQ(Send(std::move(unconfigured)).status, 403);  // No CORS by default.
}

TEST_F(PipelineTest, EchoesAListedOriginOnActualRequests) {
  PipelineOptions cors;
  cors.cors_allowed_origins = {"https://app.example"};
  Request request = JsonPost("/v1/things", R"({"ok":true})");
  request.headers.Add("Origin", "https://app.example");
  Response response = Send(std::move(request), cors);
  EXPECT_EQ(response.status, 201);
  EXPECT_EQ(Header(response, "Access-Control-Allow-Origin"), "https://app.example");
  EXPECT_NE(Header(response, "Access-Control-Allow-Origin"), "*");
}

// proves WEB-4 (an Origin outside the allow-list is refused on state-changing requests)
TEST_F(PipelineTest, RefusesStateChangesFromForeignOrigins) {
  for (const char* origin : {"https://evil.example", "null", "http://localhost:8081",
                             "https://localhost:8080", "http://localhost"}) {
    Request request = JsonPost("/v1/things", R"({"ok":true})");
    request.headers.Add("Origin", origin);
    Response response = Send(std::move(request));
    EXPECT_EQ(response.status, 403) << origin;
    EXPECT_EQ(BodyOf(response)["type"], "https://finhelm.dev/problems/cross-origin-refused");
    ExpectSecurityHeaders(response);
  }
  EXPECT_EQ(validator_.calls(), 0);
}

// proves WEB-4 (same-origin requests pass the origin check)
TEST_F(PipelineTest, AllowsStateChangesFromTheSameOrigin) {
  Request plain = JsonPost("/v1/things", R"({"ok":true})");
  plain.headers.Add("Origin", "http://localhost:8080");
  EXPECT_EQ(Send(std::move(plain)).status, 201);

  Request tls = JsonPost("/v1/things", R"({"ok":true})");
  tls.secure = true;
  tls.headers.Add("Origin", "https://localhost:8080");
  EXPECT_EQ(Send(std::move(tls)).status, 201);

  EXPECT_EQ(Send(JsonPost("/v1/things", R"({"ok":true})")).status, 201);  // No Origin at all.
}

TEST_F(PipelineTest, RefusesStateChangesWhenTheHostIsMissing) {
  Request request = JsonPost("/v1/things", R"({"ok":true})");
  request.headers.Remove("Host");
  request.headers.Add("Origin", "http://");
  EXPECT_EQ(Send(std::move(request)).status, 403);
}

TEST_F(PipelineTest, LetsSafeMethodsThroughFromForeignOrigins) {
  Request request = MakeRequest("GET", "/v1/things");
  request.headers.Add("Origin", "https://evil.example");
  request.headers.Add("Sec-Fetch-Site", "cross-site");
  Response response = Send(std::move(request));
  EXPECT_EQ(response.status, 200);
  EXPECT_FALSE(response.headers.Has("Access-Control-Allow-Origin"));
}

// proves WEB-4 (Sec-Fetch-Site: cross-site is refused)
TEST_F(PipelineTest, RefusesCrossSiteFetchMetadataOnStateChanges) {
  Request request = JsonPost("/v1/things", R"({"ok":true})");
  request.headers.Add("Sec-Fetch-Site", "cross-site");
  Response response = Send(std::move(request));
  EXPECT_EQ(response.status, 403);
  EXPECT_EQ(BodyOf(response)["type"], "https://finhelm.dev/problems/cross-origin-refused");

  for (const char* site : {"same-origin", "none"}) {
    Request fine = JsonPost("/v1/things", R"({"ok":true})");
    fine.headers.Add("Sec-Fetch-Site", site);
    EXPECT_EQ(Send(std::move(fine)).status, 201) << site;
  }
}

// proves WEB-1 (token bucket per address; 429 with Retry-After and RateLimit-* headers)
TEST_F(PipelineTest, RateLimitsPerAddressWithRetryAfter) {
  PipelineOptions options;
  options.default_rate_limit = {2, std::chrono::seconds(60)};
  auto pipeline = MakePipeline(options);

  Response first = http::Send(*pipeline, MakeRequest("GET", "/v1/things"));
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(Header(first, "RateLimit-Limit"), "2");
  EXPECT_EQ(Header(first, "RateLimit-Remaining"), "1");
  EXPECT_EQ(http::Send(*pipeline, MakeRequest("GET", "/v1/things")).status, 200);

  Response limited = http::Send(*pipeline, MakeRequest("GET", "/healthz"));
  EXPECT_EQ(limited.status, 429);
  // A token comes back every 30 s; the real clock has moved a little since the first take.
  int retry_after = std::stoi(Header(limited, "Retry-After"));
  EXPECT_GE(retry_after, 29);
  EXPECT_LE(retry_after, 30);
  EXPECT_EQ(Header(limited, "RateLimit-Limit"), "2");
  EXPECT_EQ(Header(limited, "RateLimit-Remaining"), "0");
  EXPECT_LE(std::stoi(Header(limited, "RateLimit-Reset")), 60);
  EXPECT_EQ(BodyOf(limited)["type"], "https://finhelm.dev/problems/rate-limited");
  ExpectSecurityHeaders(limited);
  EXPECT_NE(log_.Text().find("excess_rate_limit_exceeded"), std::string::npos);

  Request other = MakeRequest("GET", "/v1/things");
  other.remote_address = "192.0.2.11";
  EXPECT_EQ(http::Send(*pipeline, std::move(other)).status, 200);
}

// proves DATA-5 (clients get generic error text; the detail goes to the log)
TEST_F(PipelineTest, TurnsHandlerExceptionsIntoAGeneric500) {
  for (const char* target : {"/v1/boom", "/v1/boom-inline"}) {
    Response response = Send(MakeRequest("GET", target));
    EXPECT_EQ(response.status, 500) << target;
    EXPECT_EQ(response.body.find("hunter2"), std::string::npos) << target;
    json body = BodyOf(response);
    EXPECT_EQ(body["title"], "Internal Server Error");
    EXPECT_FALSE(body.contains("detail"));
    ExpectSecurityHeaders(response);
  }
  EXPECT_NE(log_.Text().find("hunter2"), std::string::npos);
}

TEST_F(PipelineTest, AnswersServiceUnavailableWhenTheWorkerQueueIsFull) {
  WorkerPool full(1, 0);
  Pipeline pipeline({}, router_, &validator_, authenticator_, rate_limits_, metrics_, full);
  Response response = http::Send(pipeline, MakeRequest("GET", "/v1/things"));
  EXPECT_EQ(response.status, 503);
  EXPECT_EQ(Header(response, "Retry-After"), "1");
  ExpectSecurityHeaders(response);
  EXPECT_EQ(http::Send(pipeline, MakeRequest("GET", "/healthz")).status, 200);  // Inline.
}

TEST_F(PipelineTest, RefuseClosesTheConnectionWithTheUsualHeaders) {
  auto pipeline = MakePipeline();
  Request request;
  request.remote_address = kClient;
  Response response = pipeline->Refuse(request, 431);
  EXPECT_EQ(response.status, 431);
  EXPECT_TRUE(response.close_connection);
  ExpectSecurityHeaders(response);
  EXPECT_EQ(BodyOf(response)["request_id"], request.request_id);
}

// proves DATA-5 (the access log and metrics carry the route template, never the raw target)
TEST_F(PipelineTest, LogsAndCountsRouteTemplatesNotRawTargets) {
  Request request = MakeRequest("GET", "/v1/where/worker?token=s3cr3t-token");
  EXPECT_EQ(Send(std::move(request)).status, 200);
  EXPECT_EQ(log_.Text().find("s3cr3t-token"), std::string::npos);
  EXPECT_NE(log_.Text().find(R"("route":"/v1/where/worker")"), std::string::npos);

  EXPECT_EQ(Send(MakeRequest("GET", "/v1/orgs/acme-secret-name")).status, 401);
  std::string rendered = metrics_.Render();
  EXPECT_NE(rendered.find(R"(route="/v1/orgs/{org}",status="401")"), std::string::npos);
  EXPECT_EQ(rendered.find("acme-secret-name"), std::string::npos);
  EXPECT_EQ(log_.Text().find("acme-secret-name"), std::string::npos);
}

TEST(ResolveForwarding, IgnoresForwardingHeadersFromUntrustedPeers) {
  Request request = MakeRequest("GET", "/");
  request.headers.Add("X-Forwarded-For", "203.0.113.7");
  request.headers.Add("X-Forwarded-Proto", "https");
  ResolveForwarding(request, {"10.0.0.1"});
  EXPECT_EQ(request.remote_address, kClient);
  EXPECT_FALSE(request.secure);
}

TEST(ResolveForwarding, TakesTheRightmostUntrustedAddressFromATrustedProxy) {
  Request request = MakeRequest("GET", "/");
  request.remote_address = "10.0.0.1";
  // The client forged the first entry; the proxies appended the rest.
  request.headers.Add("X-Forwarded-For", "1.2.3.4, 203.0.113.7 ,10.0.0.2");
  request.headers.Add("X-Forwarded-Proto", "https");
  ResolveForwarding(request, {"10.0.0.1", "10.0.0.2"});
  EXPECT_EQ(request.remote_address, "203.0.113.7");
  EXPECT_TRUE(request.secure);
}

TEST(ResolveForwarding, KeepsThePeerWhenTheProxySendsNoAddress) {
  Request request = MakeRequest("GET", "/");
  request.remote_address = "10.0.0.1";
  request.headers.Add("X-Forwarded-Proto", "http");
  request.secure = true;
  ResolveForwarding(request, {"10.0.0.1"});
  EXPECT_EQ(request.remote_address, "10.0.0.1");
  EXPECT_FALSE(request.secure);

  Request empty = MakeRequest("GET", "/");
  empty.remote_address = "10.0.0.1";
  empty.headers.Add("X-Forwarded-For", " , ,");
  ResolveForwarding(empty, {"10.0.0.1"});
  EXPECT_EQ(empty.remote_address, "10.0.0.1");
}

// Regression: only the first X-Forwarded-For field was read, so a client that sent its own
// field ahead of the one a proxy adds (HAProxy's `option forwardfor` adds a new field
// rather than appending) chose its own address for rate limiting and logs.
TEST(ResolveForwarding, ReadsEveryForwardedForFieldAsOneList) {
  Request request = MakeRequest("GET", "/");
  request.remote_address = "10.0.0.1";
  request.headers.Add("X-Forwarded-For", "1.2.3.4");
  request.headers.Add("X-Forwarded-For", "203.0.113.7");
  ResolveForwarding(request, {"10.0.0.1"});
  EXPECT_EQ(request.remote_address, "203.0.113.7");
}

// Regression: the first X-Forwarded-Proto field won, so a client could claim https
// ahead of the proxy's own field.
TEST(ResolveForwarding, BelievesTheProxysOwnProtoField) {
  Request request = MakeRequest("GET", "/");
  request.remote_address = "10.0.0.1";
  request.headers.Add("X-Forwarded-Proto", "https");
  request.headers.Add("X-Forwarded-Proto", "http");
  ResolveForwarding(request, {"10.0.0.1"});
  EXPECT_FALSE(request.secure);
}

// proves WEB-1 (the bucket belongs to the client behind a trusted proxy, and a client
// cannot pick another bucket by sending X-Forwarded-For itself)
TEST_F(PipelineTest, RateLimitsTheForwardedClientOnlyBehindATrustedProxy) {
  PipelineOptions options;
  options.default_rate_limit = {1, std::chrono::seconds(60)};
  options.trusted_proxies = {"10.0.0.1"};
  auto pipeline = MakePipeline(options);
  auto via_proxy = [](const char* client) {
    Request request = MakeRequest("GET", "/v1/things");
    request.remote_address = "10.0.0.1";
    request.headers.Add("X-Forwarded-For", client);
    return request;
  };
  EXPECT_EQ(http::Send(*pipeline, via_proxy("198.51.100.1")).status, 200);
  EXPECT_EQ(http::Send(*pipeline, via_proxy("198.51.100.2")).status, 200);
  EXPECT_EQ(http::Send(*pipeline, via_proxy("198.51.100.1")).status, 429);

  for (const char* forged : {"203.0.113.1", "203.0.113.2"}) {
    Request direct = MakeRequest("GET", "/v1/things");
    direct.remote_address = "192.0.2.50";
    direct.headers.Add("X-Forwarded-For", forged);
    int expected = forged == std::string_view("203.0.113.1") ? 200 : 429;
    EXPECT_EQ(http::Send(*pipeline, std::move(direct)).status, expected) << forged;
  }
}

// A user signed in by cookie, who is a viewer of organization 7 and nothing else.
class ViewerOfSeven final : public Authenticator {
 public:
  Result<access::Principal> Authenticate(const Request& request) override {
    access::Principal principal;
    if (!request.headers.Has("Cookie")) return principal;
    principal.kind = access::Principal::Kind::kUser;
    principal.subject_id = "42";
    principal.session_id = "s1";
    principal.csrf_token = "the-right-token";
    return principal;
  }
  Result<std::optional<access::Role>> RoleIn(const access::Principal&,
                                             std::int64_t organization) override {
    if (organization == 7) return std::optional(access::Role::kViewer);
    return std::optional<access::Role>();
  }
  void RecordRefusal(const Request&, std::string_view event, std::int64_t organization) override {
    std::lock_guard lock(mutex_);
    refusals_.push_back(std::string(event) + ":" + std::to_string(organization));
  }
  std::vector<std::string> refusals() {
    std::lock_guard lock(mutex_);
    return refusals_;
  }

 private:
  std::mutex mutex_;
  std::vector<std::string> refusals_;
};

class AuthorizationTest : public ::testing::Test {
 protected:
  AuthorizationTest() {
    auto ok = [](Request& request) {
      return Response::Json(200, json{{"role", access::RoleName(*request.principal.role)},
                                      {"org", request.principal.organization_id}}
                                     .dump());
    };
    EXPECT_TRUE(router_.Add(MakeRoute("GET", "/v1/orgs/{org}", Permission::kReadOrg, ok)).ok());
    EXPECT_TRUE(
        router_.Add(MakeRoute("POST", "/v1/orgs/{org}/imports", Permission::kOperateOrg, ok)).ok());
    EXPECT_TRUE(
        router_.Add(MakeRoute("POST", "/v1/orgs/{org}/read", Permission::kReadOrg, ok)).ok());
    auto public_ok = [](Request&) { return Response::Json(200, "{}"); };
    EXPECT_TRUE(
        router_.Add(MakeRoute("POST", "/v1/public-post", Permission::kPublic, public_ok)).ok());
    pipeline_ = std::make_unique<Pipeline>(PipelineOptions{}, router_, nullptr, authenticator_,
                                           rate_limits_, metrics_, workers_);
  }

  Request Signed(std::string method, std::string target, bool csrf = true) {
    Request request = MakeRequest(std::move(method), std::move(target));
    request.headers.Add("Cookie", "__Host-fh_session=x");
    if (csrf) request.headers.Add("X-CSRF-Token", "the-right-token");
    return request;
  }

  testing::CaptureLog log_;
  Router router_;
  ViewerOfSeven authenticator_;
  InMemoryRateLimitStore rate_limits_;
  metrics::Registry metrics_;
  WorkerPool workers_{2, 64};
  std::unique_ptr<Pipeline> pipeline_;
};

// proves ACL-2: the member's role is resolved by the pipeline and handed to the handler.
TEST_F(AuthorizationTest, MemberWithThePermissionIsServedWithTheirRole) {
  Response response = http::Send(*pipeline_, Signed("GET", "/v1/orgs/7"));
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(BodyOf(response)["role"], "viewer");
  EXPECT_EQ(BodyOf(response)["org"], 7);
}

// proves ACL-3: a non-member gets 404, as for an organization that does not exist.
TEST_F(AuthorizationTest, NonMemberGetsNotFound) {
  for (const char* target : {"/v1/orgs/8", "/v1/orgs/0", "/v1/orgs/007", "/v1/orgs/x",
                             "/v1/orgs/99999999999999999999"}) {
    EXPECT_EQ(http::Send(*pipeline_, Signed("GET", target)).status, 404) << target;
  }
  EXPECT_TRUE(authenticator_.refusals().empty());
}

// proves ACL-3: a member without the permission gets 403 and an audit event.
TEST_F(AuthorizationTest, MemberWithoutThePermissionGetsForbiddenAndAnAuditEvent) {
  Response response = http::Send(*pipeline_, Signed("POST", "/v1/orgs/7/imports"));
  EXPECT_EQ(response.status, 403);
  EXPECT_EQ(BodyOf(response)["type"], "https://finhelm.dev/problems/forbidden");
  EXPECT_EQ(authenticator_.refusals(), std::vector<std::string>{"authz_fail:7"});
  EXPECT_NE(log_.Text().find("\"event\":\"authz_fail\""), std::string::npos);
}

// proves WEB-4: a cookie-authenticated state change without the right CSRF token is 403.
TEST_F(AuthorizationTest, CookieStateChangeWithoutTheCsrfTokenIsRefused) {
  EXPECT_EQ(http::Send(*pipeline_, Signed("POST", "/v1/orgs/7/read")).status, 200);
  Response missing = http::Send(*pipeline_, Signed("POST", "/v1/orgs/7/read", false));
  EXPECT_EQ(missing.status, 403);
  EXPECT_EQ(BodyOf(missing)["type"], "https://finhelm.dev/problems/csrf-token-invalid");
  Request wrong = Signed("POST", "/v1/orgs/7/read", false);
  wrong.headers.Add("X-CSRF-Token", "the-wrong-token");
  EXPECT_EQ(http::Send(*pipeline_, std::move(wrong)).status, 403);
  EXPECT_EQ(http::Send(*pipeline_, Signed("GET", "/v1/orgs/7", false)).status, 200);  // Safe.
  // A public route acts on no session's authority: signing in again with a live cookie
  // and no token is not refused.
  EXPECT_EQ(http::Send(*pipeline_, Signed("POST", "/v1/public-post", false)).status, 200);
  EXPECT_EQ(authenticator_.refusals(),
            (std::vector<std::string>{"malicious_csrf:0", "malicious_csrf:0"}));
}

// proves ACL-2: an anonymous request to an organization route is 401, before any lookup.
TEST_F(AuthorizationTest, AnonymousRequestIsUnauthenticated) {
  EXPECT_EQ(http::Send(*pipeline_, MakeRequest("GET", "/v1/orgs/7")).status, 401);
}

TEST(NewRequestId, IsFreshHex) {
  std::string a = NewRequestId();
  std::string b = NewRequestId();
  EXPECT_EQ(a.size(), 32u);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(a, b);
}

}  // namespace
}  // namespace finhelm::http

#include "api/system_routes.hpp"

#include <nlohmann/json.hpp>

#include "api/contract.hpp"
#include "core/money.hpp"
#include "crypto/constant_time.hpp"
#include "http/problem.hpp"
#include "observability/log.hpp"

namespace finhelm::api {
namespace {

using access::Permission;
using http::BodyKind;
using http::Execution;
using http::Request;
using http::Response;
using nlohmann::json;

Response Health(Request&) { return Response::Json(200, R"({"status":"ok"})"); }

Response OpenApi(Request&) {
  Response response = Response::Json(200, std::string(OpenApiDocument()));
  response.headers.Set("Cache-Control", "no-cache");
  return response;
}

// Echoes a validated body; an amount is parsed exactly and returned canonical.
Response DiagnosticsEcho(Request& request) {
  const json& body = *request.json;
  json answer = {{"message", body["message"]}, {"tags", body.value("tags", json::array())}};
  if (body.contains("amount")) {
    const json& amount = body["amount"];
    auto currency = CurrencyCode::Parse(amount["currency"].get<std::string>());
    if (!currency.ok()) {
      http::Problem problem = http::MakeProblem(422, "validation");
      problem.errors.push_back({"/amount/currency", "unknown currency"});
      return http::ProblemResponse(problem, request.request_id);
    }
    auto money = Money::Parse(amount["value"].get<std::string>(), *currency);
    if (!money.ok()) {
      http::Problem problem = http::MakeProblem(422, "validation");
      problem.errors.push_back({"/amount/value", "not an exact amount in this currency"});
      return http::ProblemResponse(problem, request.request_id);
    }
    answer["amount"] = {{"value", money->ToString()}, {"currency", currency->code()}};
  }
  return Response::Json(200, answer.dump(-1, ' ', false, json::error_handler_t::replace));
}

// 127.0.0.0/8 and ::1, as the peer (or, behind a trusted proxy, the client it names).
bool IsLoopbackPeer(std::string_view address) {
  return address.starts_with("127.") || address == "::1" || address.starts_with("::ffff:127.");
}

bool MayScrape(const Request& request, const crypto::SecretBytes* token) {
  if (token == nullptr) return IsLoopbackPeer(request.remote_address);
  auto presented = http::AuthorizationCredentials(request.headers, "Bearer");
  return presented && crypto::ConstantTimeEquals(*presented, token->AsStringView());
}

}  // namespace

Status AddSystemRoutes(http::Router& router, SystemRouteDependencies dependencies) {
  const metrics::Registry* registry = dependencies.metrics;
  auto checks = std::make_shared<std::vector<ReadinessCheck>>(std::move(dependencies.readiness));

  auto readiness = [checks](Request& request) {
    json results = json::object();
    bool ready = true;
    for (const ReadinessCheck& check : *checks) {
      Status status = check.probe();
      results[check.name] = status.ok() ? "ok" : "failing";
      if (!status.ok()) {
        ready = false;
        log::Warn("readiness_check_failed", {{"request_id", request.request_id},
                                             {"check", check.name},
                                             {"detail", status.error().message}});
      }
    }
    if (!ready) {
      http::Problem problem = http::MakeProblem(503, "not-ready");
      problem.detail = "a dependency is not ready";
      Response response = http::ProblemResponse(problem, request.request_id);
      response.headers.Set("Retry-After", "5");
      return response;
    }
    return Response::Json(200, json{{"status", "ready"}, {"checks", results}}.dump());
  };
  auto metrics_text = [registry, token = dependencies.metrics_token](Request& request) {
    if (!MayScrape(request, token.get())) {
      Response refused = http::ProblemResponse(
          http::MakeProblem(401, "unauthenticated", "a scrape credential is required"),
          request.request_id);
      refused.headers.Set("WWW-Authenticate", R"(Bearer realm="metrics")");
      return refused;
    }
    Response response;
    response.headers.Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    response.body = registry != nullptr ? registry->Render() : std::string();
    return response;
  };

  http::Route routes[] = {
      {"GET", "/healthz", Permission::kPublic, Health, Execution::kInline, BodyKind::kNone, ""},
      {"GET", "/readyz", Permission::kPublic, readiness, Execution::kWorker, BodyKind::kNone, ""},
      {"GET", "/metrics", Permission::kPublic, metrics_text, Execution::kWorker, BodyKind::kNone,
       ""},
      {"GET", "/v1/openapi.json", Permission::kPublic, OpenApi, Execution::kInline, BodyKind::kNone,
       ""},
      {"POST", "/v1/diagnostics/echo", Permission::kPublic, DiagnosticsEcho, Execution::kInline,
       BodyKind::kJson, "postDiagnosticsEcho"},
  };
  for (auto& route : routes) {
    if (Status added = router.Add(std::move(route)); !added.ok()) return added;
  }
  return Status::Ok();
}

}  // namespace finhelm::api

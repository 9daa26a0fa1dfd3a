#include "api/audit_routes.hpp"

#include <charconv>
#include <ctime>
#include <nlohmann/json.hpp>

#include "audit/audit_log.hpp"
#include "http/problem.hpp"
#include "http/url.hpp"
#include "storage/database.hpp"

namespace finhelm::api {
namespace {

using http::Request;
using http::Response;
using nlohmann::json;

constexpr int kMaxLimit = 100;

// Digits only: from_chars would also take a sign ("-1").
bool ParseDigits(std::string_view text, int& value) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string_view::npos) {
    return false;
  }
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

Result<std::int64_t> ParseInteger(std::string_view text, std::int64_t min, std::int64_t max) {
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    return MakeError(ErrorCode::kInvalidArgument, "out of range");
  }
  return value;
}

Response BadQuery(const Request& request, std::string field, std::string message) {
  http::Problem problem = http::MakeProblem(422, "validation");
  problem.errors.push_back({std::move(field), std::move(message)});
  return http::ProblemResponse(problem, request.request_id);
}

Response ListAuditEvents(const AuditRouteDependencies& deps, Request& request) {
  auto params = http::ParseQuery(request.query);
  if (!params.ok()) return BadQuery(request, "query", "malformed query string");
  audit::AuditQuery query;
  if (auto event = http::FindParam(*params, "event")) query.event = std::string(*event);
  if (auto actor = http::FindParam(*params, "actor")) query.actor = std::string(*actor);
  for (const char* name : {"since", "until"}) {
    if (auto text = http::FindParam(*params, name)) {
      auto ms = ParseUtcTimestamp(*text);
      if (!ms.ok()) return BadQuery(request, name, "expected an RFC 3339 UTC time");
      (std::string_view(name) == "since" ? query.since_ms : query.until_ms) = *ms;
    }
  }
  if (auto before = http::FindParam(*params, "before")) {
    auto id = ParseInteger(*before, 1, INT64_MAX);
    if (!id.ok()) return BadQuery(request, "before", "expected an event id");
    query.before_id = *id;
  }
  if (auto limit = http::FindParam(*params, "limit")) {
    auto value = ParseInteger(*limit, 1, kMaxLimit);
    if (!value.ok()) return BadQuery(request, "limit", "expected 1 to 100");
    query.limit = static_cast<int>(*value);
  }

  auto connection = deps.database->Acquire();
  if (!connection.ok()) return http::ErrorResponse(connection.error(), request.request_id);
  auto events = audit::List(**connection, OrganizationId{request.principal.organization_id}, query);
  if (!events.ok()) return http::ErrorResponse(events.error(), request.request_id);
  json items = json::array();
  for (const audit::StoredAuditEvent& stored : *events) {
    json details = json::parse(stored.event.details, nullptr, false);
    items.push_back({{"id", stored.id},
                     {"occurred_at", FormatUtcTimestamp(stored.occurred_at_ms)},
                     {"event", stored.event.event},
                     {"actor", stored.event.actor},
                     {"target", stored.event.target},
                     {"address", stored.event.address},
                     {"request_id", stored.event.request_id},
                     {"details", details.is_discarded() ? json::object() : details},
                     {"hash", stored.hash}});
  }
  json body = {{"events", items}};
  if (static_cast<int>(events->size()) == query.limit) {
    body["next_before"] = events->back().id;
  }
  return Response::Json(200, body.dump(-1, ' ', false, json::error_handler_t::replace));
}

}  // namespace

Result<std::int64_t> ParseUtcTimestamp(std::string_view text) {
  // YYYY-MM-DDTHH:MM:SS[.fff]Z
  auto bad = [] { return MakeError(ErrorCode::kInvalidArgument, "not an RFC 3339 UTC time"); };
  if (text.size() < 20 || text.back() != 'Z' || text[4] != '-' || text[7] != '-' ||
      (text[10] != 'T' && text[10] != 't') || text[13] != ':' || text[16] != ':') {
    return bad();
  }
  std::tm parts{};
  int year = 0;
  int month = 0;
  int day = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
  if (!ParseDigits(text.substr(0, 4), year) || !ParseDigits(text.substr(5, 2), month) ||
      !ParseDigits(text.substr(8, 2), day) || !ParseDigits(text.substr(11, 2), hour) ||
      !ParseDigits(text.substr(14, 2), minute) || !ParseDigits(text.substr(17, 2), second)) {
    return bad();
  }
  int millis = 0;
  std::string_view rest = text.substr(19, text.size() - 20);
  if (!rest.empty()) {
    if (rest.size() != 4 || rest[0] != '.' || !ParseDigits(rest.substr(1), millis)) return bad();
  }
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59 ||
      year < 1970) {
    return bad();
  }
  parts.tm_year = year - 1900;
  parts.tm_mon = month - 1;
  parts.tm_mday = day;
  parts.tm_hour = hour;
  parts.tm_min = minute;
  parts.tm_sec = second;
  std::time_t seconds = timegm(&parts);
  if (parts.tm_mday != day) return bad();  // 31 February rolled over.
  return static_cast<std::int64_t>(seconds) * 1000 + millis;
}

std::string FormatUtcTimestamp(std::int64_t unix_ms) {
  std::time_t seconds = unix_ms / 1000;
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof(buffer), "%Y-%m-%dT%H:%M:%S", &utc);
  char millis[8];
  std::snprintf(millis, sizeof(millis), ".%03dZ", static_cast<int>(unix_ms % 1000));
  return std::string(buffer) + millis;
}

Status AddAuditRoutes(http::Router& router, AuditRouteDependencies dependencies) {
  http::Route route{
      "GET",
      "/v1/orgs/{org}/audit-events",
      access::Permission::kAuditOrg,
      [dependencies](Request& request) { return ListAuditEvents(dependencies, request); },
      http::Execution::kWorker,
      http::BodyKind::kNone,
      ""};
  return router.Add(std::move(route));
}

}  // namespace finhelm::api

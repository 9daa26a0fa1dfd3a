// What the API's handler files share: JSON answers, problem documents, and adding a table
// of routes bound to one handler object.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>

#include "http/problem.hpp"
#include "http/router.hpp"

namespace finhelm::api::internal {

// Text of a JSON answer; invalid UTF-8 from stored data is replaced, never thrown on.
inline std::string Dump(const nlohmann::json& body) {
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// A problem document of `status` with the type `slug` and a client-safe detail.
inline http::Response ProblemOf(const http::Request& request, int status, std::string_view slug,
                                std::string_view detail = {}) {
  return http::ProblemResponse(http::MakeProblem(status, slug, detail), request.request_id);
}

// A 422 naming one field.
inline http::Response FieldProblem(const http::Request& request, std::string field,
                                   std::string message) {
  http::Problem problem = http::MakeProblem(422, "validation");
  problem.errors.push_back({std::move(field), std::move(message)});
  return http::ProblemResponse(problem, request.request_id);
}

// One row of a route table whose handlers are const members of `Handlers`.
template <typename Handlers>
struct RouteEntry {
  const char* method;
  const char* pattern;
  access::Permission permission;
  http::Response (Handlers::*handler)(http::Request&) const;
  http::BodyKind body;
  const char* operation;  // The OpenAPI operation of a JSON body; "" for none.
};

// Adds every entry as a worker route calling its member of the shared `handlers`.
template <typename Handlers>
Status AddRouteTable(http::Router& router, std::shared_ptr<const Handlers> handlers,
                     std::span<const RouteEntry<Handlers>> entries) {
  for (const RouteEntry<Handlers>& entry : entries) {
    auto method = entry.handler;
    http::Route route{
        entry.method,
        entry.pattern,
        entry.permission,
        [handlers, method](http::Request& request) { return ((*handlers).*method)(request); },
        http::Execution::kWorker,
        entry.body,
        entry.operation};
    if (Status added = router.Add(std::move(route)); !added.ok()) return added;
  }
  return Status::Ok();
}

}  // namespace finhelm::api::internal

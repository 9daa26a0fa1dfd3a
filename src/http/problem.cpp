#include "http/problem.hpp"

#include <nlohmann/json.hpp>

#include "observability/log.hpp"

namespace finhelm::http {

Problem MakeProblem(int status, std::string_view slug, std::string_view detail) {
  Problem problem;
  problem.status = status;
  problem.type =
      slug.empty() ? std::string("about:blank") : std::string(kProblemBase) + std::string(slug);
  problem.title = std::string(ReasonPhrase(status));
  problem.detail = std::string(detail);
  return problem;
}

Response ProblemResponse(const Problem& problem, std::string_view request_id) {
  nlohmann::json body = {
      {"type", problem.type},
      {"title", problem.title},
      {"status", problem.status},
  };
  if (!problem.detail.empty()) body["detail"] = problem.detail;
  if (!request_id.empty()) body["request_id"] = request_id;
  if (!problem.errors.empty()) {
    auto& errors = body["errors"] = nlohmann::json::array();
    for (const FieldError& error : problem.errors) {
      errors.push_back({{"field", error.field}, {"message", error.message}});
    }
  }
  Response response;
  response.status = problem.status;
  response.headers.Set("Content-Type", "application/problem+json");
  // Invalid UTF-8 from a client cannot reach here unescaped: replace rather than throw.
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

int StatusForError(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return 422;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kPermissionDenied:
      return 403;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kResourceExhausted:
      return 429;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kDataLoss:
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

Response ErrorResponse(const Error& error, std::string_view request_id) {
  int status = StatusForError(error.code);
  log::Write(
      status >= 500 ? log::Level::kError : log::Level::kInfo, "request_error",
      {{"request_id", request_id}, {"code", ErrorCodeName(error.code)}, {"detail", error.message}});
  return ProblemResponse(MakeProblem(status), request_id);
}

}  // namespace finhelm::http

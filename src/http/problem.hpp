// RFC 9457 problem details: the one place where failures become HTTP responses.
//
// Clients only ever see the generic title for a status, the problem type, and for
// validation failures the fields at fault. The detail that explains what went wrong goes
// to the log under the request id (DATA-5), never into the response.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "http/message.hpp"

namespace finhelm::http {

struct FieldError {
  std::string field;    // JSON pointer of the offending member ("/name"), or "" for the body.
  std::string message;  // Safe to show: describes the rule, never echoes secrets.
};

struct Problem {
  int status = 500;
  std::string type;    // A stable URI naming the kind of problem; "about:blank" by default.
  std::string title;   // Generic text for the status, or a fixed title for `type`.
  std::string detail;  // Optional client-safe detail; empty for server errors.
  std::vector<FieldError> errors;
};

// The problem type URIs FinHelm uses; the web app switches on these.
inline constexpr std::string_view kProblemBase = "https://finhelm.dev/problems/";

Problem MakeProblem(int status, std::string_view slug = {}, std::string_view detail = {});

// Renders `problem` as an application/problem+json response carrying `request_id`.
Response ProblemResponse(const Problem& problem, std::string_view request_id);

// Maps an expected failure to its status; kInternal and kDataLoss become 500.
int StatusForError(ErrorCode code);

// Logs `error` under `request_id` and returns the generic problem for its code.
Response ErrorResponse(const Error& error, std::string_view request_id);

}  // namespace finhelm::http

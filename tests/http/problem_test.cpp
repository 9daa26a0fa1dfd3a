#include "http/problem.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <utility>

#include "capture_log.hpp"

namespace finhelm::http {
namespace {

using nlohmann::json;

json BodyOf(const Response& response) { return json::parse(response.body); }

TEST(ProblemResponse, RendersTheRfc9457Shape) {
  Response response = ProblemResponse(MakeProblem(404), "req-1");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.headers.Get("Content-Type"), "application/problem+json");
  json expected = {
      {"type", "about:blank"}, {"title", "Not Found"}, {"status", 404}, {"request_id", "req-1"}};
  EXPECT_EQ(BodyOf(response), expected);
}

TEST(ProblemResponse, CarriesTypeDetailAndFieldErrors) {
  Problem problem = MakeProblem(422, "validation", "the body does not match the schema");
  problem.errors.push_back({"/name", "required field is missing"});
  problem.errors.push_back({"", "body is not valid JSON"});
  json body = BodyOf(ProblemResponse(problem, "req-2"));
  EXPECT_EQ(body["type"], "https://finhelm.dev/problems/validation");
  EXPECT_EQ(body["title"], "Unprocessable Content");
  EXPECT_EQ(body["status"], 422);
  EXPECT_EQ(body["detail"], "the body does not match the schema");
  json errors = json::array({{{"field", "/name"}, {"message", "required field is missing"}},
                             {{"field", ""}, {"message", "body is not valid JSON"}}});
  EXPECT_EQ(body["errors"], errors);
}

TEST(ProblemResponse, LeavesOutEmptyMembers) {
  json body = BodyOf(ProblemResponse(MakeProblem(500), ""));
  EXPECT_FALSE(body.contains("detail"));
  EXPECT_FALSE(body.contains("errors"));
  EXPECT_FALSE(body.contains("request_id"));
  EXPECT_EQ(body.size(), 3u);
}

TEST(ProblemResponse, ReplacesInvalidUtf8InsteadOfThrowing) {
  Problem problem = MakeProblem(422, "validation");
  problem.errors.push_back({"/\xff\xfe", "bad \xc3"});
  Response response = ProblemResponse(problem, "req-3");
  json body = BodyOf(response);  // Throws if the body is not valid JSON text.
  EXPECT_EQ(body["errors"][0]["field"], "/\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(MakeProblem, UsesTheGenericTitleOfTheStatus) {
  EXPECT_EQ(MakeProblem(401).title, "Unauthorized");
  EXPECT_EQ(MakeProblem(429, "rate-limited").title, "Too Many Requests");
  EXPECT_EQ(MakeProblem(429, "rate-limited").type, "https://finhelm.dev/problems/rate-limited");
  EXPECT_EQ(MakeProblem(503).type, "about:blank");
}

TEST(StatusForError, MapsEveryCode) {
  const std::pair<ErrorCode, int> kExpected[] = {
      {ErrorCode::kInvalidArgument, 422}, {ErrorCode::kNotFound, 404},
      {ErrorCode::kConflict, 409},        {ErrorCode::kPermissionDenied, 403},
      {ErrorCode::kUnauthenticated, 401}, {ErrorCode::kResourceExhausted, 429},
      {ErrorCode::kUnavailable, 503},     {ErrorCode::kDataLoss, 500},
      {ErrorCode::kInternal, 500},
  };
  for (const auto& [code, status] : kExpected) {
    EXPECT_EQ(StatusForError(code), status) << ErrorCodeName(code);
  }
}

// proves DATA-5 (clients get generic error text; details go to the log under the request id)
TEST(ErrorResponse, KeepsTheInternalMessageOutOfTheBody) {
  testing::CaptureLog log;
  const std::string secret_detail =
      "pq: password authentication failed for user finhelm_db "
      "at /srv/finhelm/storage.cpp:42";
  Response response = ErrorResponse(MakeError(ErrorCode::kInternal, secret_detail), "req-500");

  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(response.body.find("password"), std::string::npos);
  EXPECT_EQ(response.body.find("storage.cpp"), std::string::npos);
  EXPECT_EQ(response.body.find("finhelm_db"), std::string::npos);
  json expected = {{"type", "about:blank"},
                   {"title", "Internal Server Error"},
                   {"status", 500},
                   {"request_id", "req-500"}};
  EXPECT_EQ(BodyOf(response), expected);

  ASSERT_EQ(log.lines().size(), 1u);
  json line = json::parse(log.lines()[0]);
  EXPECT_EQ(line["level"], "error");
  EXPECT_EQ(line["request_id"], "req-500");
  EXPECT_EQ(line["detail"], secret_detail);
}

// proves DATA-5 (expected failures are generic too)
TEST(ErrorResponse, GivesExpectedFailuresTheirStatusWithoutTheMessage) {
  testing::CaptureLog log;
  Response response =
      ErrorResponse(MakeError(ErrorCode::kNotFound, "organization 7 of jane@x.com"), "r");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.body.find("jane"), std::string::npos);
  EXPECT_EQ(BodyOf(response)["title"], "Not Found");
  ASSERT_EQ(log.lines().size(), 1u);
  EXPECT_EQ(json::parse(log.lines()[0])["level"], "info");
}

}  // namespace
}  // namespace finhelm::http

// IN-1 and IN-2 for JSON bodies, through POST /v1/diagnostics/echo and its closed schema.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>

#include "http_client.hpp"
#include "server_process.hpp"
#include "test_support.hpp"

namespace finhelm::integration {
namespace {

using nlohmann::json;

constexpr std::string_view kEcho = "/v1/diagnostics/echo";
constexpr std::size_t kOverJsonLimit = 1536 * 1024;  // 1.5 MiB, over IN-2's 1 MiB.

class BodyValidation : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = StartServer();
    ASSERT_NE(server_, nullptr);
  }

  HttpResponse Post(std::string_view body, std::string_view content_type = "application/json") {
    std::string request = "POST " + std::string(kEcho) + " HTTP/1.1\r\nHost: localhost\r\n";
    request += "Content-Type: " + std::string(content_type) + "\r\n";
    request += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
    request += body;
    return Fetch(*server_, request);
  }

  std::unique_ptr<ServerProcess> server_;
};

// The field pointers named by a 422 problem document.
std::vector<std::string> ErrorFields(const HttpResponse& response) {
  std::vector<std::string> fields;
  json problem = json::parse(response.body, nullptr, false);
  if (!problem.is_object() || !problem["errors"].is_array()) return fields;
  for (const json& error : problem["errors"]) fields.push_back(error.value("field", ""));
  return fields;
}

void ExpectValidationProblem(const HttpResponse& response) {
  EXPECT_EQ(response.status, 422) << response.body;
  EXPECT_EQ(response.Header("Content-Type"), "application/problem+json");
  json problem = json::parse(response.body, nullptr, false);
  EXPECT_EQ(problem.value("status", 0), 422);
  EXPECT_TRUE(problem["errors"].is_array() && !problem["errors"].empty()) << response.body;
}

TEST_F(BodyValidation, ValidBodyIsAnsweredNormalized) {
  HttpResponse response = Post(
      R"json({"message":"hi","tags":["a"],"amount":{"value":"(1,234.50)","currency":"USD"}})json");
  ASSERT_EQ(response.status, 200) << response.body;
  json body = json::parse(response.body, nullptr, false);
  EXPECT_EQ(body["message"], "hi");
  EXPECT_EQ(body["tags"], json::array({"a"}));
  EXPECT_EQ(body["amount"]["value"], "-1234.50");
  EXPECT_EQ(body["amount"]["currency"], "USD");
}

// proves IN-1
TEST_F(BodyValidation, UnknownFieldIs422NamingIt) {
  HttpResponse response = Post(R"({"message":"hi","extra":true})");
  ExpectValidationProblem(response);
  EXPECT_THAT(ErrorFields(response), ::testing::Contains("/extra"));
}

// proves IN-1
TEST_F(BodyValidation, UnknownNestedFieldIs422) {
  ExpectValidationProblem(
      Post(R"({"message":"hi","amount":{"value":"1","currency":"USD","rate":2}})"));
}

// proves IN-1
TEST_F(BodyValidation, WrongTypeIs422) {
  HttpResponse response = Post(R"({"message":42})");
  ExpectValidationProblem(response);
  EXPECT_THAT(ErrorFields(response), ::testing::Contains("/message"));
  ExpectValidationProblem(Post(R"({"message":"hi","tags":"not-a-list"})"));
  ExpectValidationProblem(Post(R"(["message"])"));
}

// proves IN-1
TEST_F(BodyValidation, MissingRequiredFieldIs422NamingIt) {
  HttpResponse response = Post(R"({"tags":["a"]})");
  ExpectValidationProblem(response);
  EXPECT_THAT(ErrorFields(response), ::testing::Contains("/message"));
}

// proves IN-1
TEST_F(BodyValidation, DuplicateKeyIs422) {
  // Parsers disagree on which duplicate wins; refusing both keeps them from disagreeing.
  ExpectValidationProblem(Post(R"({"message":"first","message":"second"})"));
}

// proves IN-1
TEST_F(BodyValidation, InvalidJsonIs422) {
  ExpectValidationProblem(Post(R"({"message":"hi")"));
  ExpectValidationProblem(Post(""));
}

// proves IN-1
TEST_F(BodyValidation, WrongMediaTypeIs415) {
  for (std::string_view type :
       {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
    HttpResponse response = Post(R"({"message":"hi"})", type);
    EXPECT_EQ(response.status, 415) << type;
    EXPECT_EQ(response.Header("Content-Type"), "application/problem+json");
  }
  // Parameters and case do not matter to the media type itself.
  EXPECT_EQ(Post(R"({"message":"hi"})", "Application/JSON; charset=utf-8").status, 200);
}

// proves IN-2
TEST_F(BodyValidation, OversizedBodyIsRefusedBeforeItIsSent) {
  auto connection = HttpConnection::Open(server_->port());
  ASSERT_TRUE(connection.ok()) << connection.error().message;
  std::string head = "POST " + std::string(kEcho) + " HTTP/1.1\r\nHost: localhost\r\n" +
                     "Content-Type: application/json\r\n" +
                     "Content-Length: " + std::to_string(kOverJsonLimit) + "\r\n\r\n";
  ASSERT_TRUE(connection->Send(head + R"({"message":")"));
  // Only a few bytes of the body exist: an answer proves the length alone was judged.
  auto started = std::chrono::steady_clock::now();
  HttpResponse response = ReadOrFail(*connection, std::chrono::seconds(2));
  EXPECT_EQ(response.status, 413);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(1));
  EXPECT_TRUE(connection->WaitForClose(std::chrono::seconds(2)));
}

// proves IN-2
TEST_F(BodyValidation, OversizedChunkedBodyIs413) {
  auto connection = HttpConnection::Open(server_->port());
  ASSERT_TRUE(connection.ok()) << connection.error().message;
  ASSERT_TRUE(connection->Send("POST " + std::string(kEcho) + " HTTP/1.1\r\nHost: localhost\r\n" +
                               "Content-Type: application/json\r\n" +
                               "Transfer-Encoding: chunked\r\n\r\n"));
  const std::string chunk = "10000\r\n" + std::string(0x10000, ' ') + "\r\n";
  for (std::size_t sent = 0; sent < kOverJsonLimit; sent += 0x10000) {
    // The server may answer and close as soon as it has read past the limit.
    if (connection->Readable() || !connection->Send(chunk)) break;
  }
  connection->Send("0\r\n\r\n");
  HttpResponse response = ReadOrFail(*connection);
  EXPECT_EQ(response.status, 413);
  EXPECT_TRUE(connection->WaitForClose(std::chrono::seconds(2)));
}

// proves IN-2
TEST_F(BodyValidation, BodyJustUnderTheLimitIsRead) {
  // The limit refuses what is over it, not what is near it: a 1 MiB document is judged
  // by the schema (its message is too long), not refused for its size.
  std::string message(1024 * 1024 - 64, 'a');
  HttpResponse response = Post(R"({"message":")" + message + R"("})");
  ExpectValidationProblem(response);
}

}  // namespace
}  // namespace finhelm::integration

#include "api/contract.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "api/routes.hpp"
#include "observability/metrics.hpp"

namespace finhelm::api {
namespace {

using access::Permission;
using http::FieldError;

constexpr std::string_view kEcho = "postDiagnosticsEcho";

http::Route MakeRoute(std::string method, std::string pattern, Permission permission,
                      http::BodyKind body = http::BodyKind::kNone, std::string operation_id = {}) {
  http::Route route;
  route.method = std::move(method);
  route.pattern = std::move(pattern);
  route.permission = permission;
  route.handler = [](http::Request&) { return http::Response::Empty(204); };
  route.body = body;
  route.operation_id = std::move(operation_id);
  return route;
}

std::vector<Operation> RealOperations() {
  auto operations = ListOperations(OpenApiDocument());
  EXPECT_TRUE(operations.ok()) << operations.error().message;
  return operations.ok() ? *operations : std::vector<Operation>{};
}

// The real route table, exactly as the server builds it.
class RealRoutes : public ::testing::Test {
 protected:
  void SetUp() override {
    RouteDependencies dependencies;
    dependencies.system.metrics = &metrics_;
    Status added = AddAllRoutes(router_, std::move(dependencies));
    ASSERT_TRUE(added.ok()) << added.error().message;
  }

  std::string Mismatch(const std::vector<Operation>& operations) const {
    Status checked = CheckRoutesAgainstContract(router_.routes(), operations);
    return checked.ok() ? std::string() : checked.error().message;
  }

  metrics::Registry metrics_;
  http::Router router_;
};

// proves ACL-1 (every route declares its permission, and a test fails when the route
// table and the OpenAPI document disagree)
TEST_F(RealRoutes, AgreeWithTheEmbeddedDocument) {
  std::vector<Operation> operations = RealOperations();
  ASSERT_FALSE(operations.empty());
  Status checked = CheckRoutesAgainstContract(router_.routes(), operations);
  EXPECT_TRUE(checked.ok()) << checked.error().message;
  EXPECT_EQ(router_.routes().size(), operations.size());
}

// proves ACL-1 (an undocumented route fails the check)
TEST_F(RealRoutes, NameAnExtraRoute) {
  ASSERT_TRUE(router_.Add(MakeRoute("GET", "/v1/secret-admin", Permission::kPublic)).ok());
  std::string mismatch = Mismatch(RealOperations());
  EXPECT_NE(mismatch.find("GET /v1/secret-admin is routed but not in the OpenAPI document"),
            std::string::npos)
      << mismatch;
}

TEST_F(RealRoutes, NameAMissingRoute) {
  std::vector<Operation> operations = RealOperations();
  operations.push_back({"PUT", "/v1/orgs/{org}/vault", "putVault", "org:manage", false});
  std::string mismatch = Mismatch(operations);
  EXPECT_NE(mismatch.find("PUT /v1/orgs/{org}/vault is documented but not routed"),
            std::string::npos)
      << mismatch;
}

// proves ACL-1 (a route's permission must be the one the document states)
TEST_F(RealRoutes, NameAPermissionMismatch) {
  std::vector<Operation> operations = RealOperations();
  auto metrics = std::find_if(operations.begin(), operations.end(),
                              [](const Operation& op) { return op.path == "/metrics"; });
  ASSERT_NE(metrics, operations.end());
  metrics->permission = "org:audit";
  std::string mismatch = Mismatch(operations);
  EXPECT_NE(mismatch.find("GET /metrics needs public but the document says org:audit"),
            std::string::npos)
      << mismatch;
}

TEST(CheckRoutesAgainstContract, NamesABodyKindAndOperationMismatch) {
  std::vector<Operation> operations = {
      {"POST", "/v1/things", "postThing", "authenticated", true},
      {"PUT", "/v1/things", "putThing", "authenticated", true},
  };
  http::Router router;
  ASSERT_TRUE(router.Add(MakeRoute("POST", "/v1/things", Permission::kAuthenticated)).ok());
  ASSERT_TRUE(router
                  .Add(MakeRoute("PUT", "/v1/things", Permission::kAuthenticated,
                                 http::BodyKind::kJson, "postThing"))
                  .ok());
  Status checked = CheckRoutesAgainstContract(router.routes(), operations);
  ASSERT_FALSE(checked.ok());
  const std::string& message = checked.error().message;
  EXPECT_NE(message.find("POST /v1/things disagrees with the document on whether it takes a "
                         "JSON body"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("PUT /v1/things validates against postThing instead of putThing"),
            std::string::npos)
      << message;
}

TEST(CheckRoutesAgainstContract, ListsEveryMismatchAtOnce) {
  http::Router router;
  ASSERT_TRUE(router.Add(MakeRoute("GET", "/a", Permission::kPublic)).ok());
  ASSERT_TRUE(router.Add(MakeRoute("GET", "/b", Permission::kReadOrg)).ok());
  std::vector<Operation> operations = {{"GET", "/b", "getB", "public", false},
                                       {"GET", "/c", "getC", "public", false}};
  Status checked = CheckRoutesAgainstContract(router.routes(), operations);
  ASSERT_FALSE(checked.ok());
  for (const char* part : {"GET /a is routed", "GET /b needs org:read", "GET /c is documented"}) {
    EXPECT_NE(checked.error().message.find(part), std::string::npos) << part;
  }
}

TEST(ListOperations, ReadsMethodsPermissionsAndBodies) {
  std::vector<Operation> operations = RealOperations();
  auto echo = std::find_if(operations.begin(), operations.end(),
                           [](const Operation& op) { return op.operation_id == kEcho; });
  ASSERT_NE(echo, operations.end());
  EXPECT_EQ(echo->method, "POST");
  EXPECT_EQ(echo->path, "/v1/diagnostics/echo");
  EXPECT_EQ(echo->permission, "public");
  EXPECT_TRUE(echo->has_json_body);
  for (const Operation& operation : operations) {
    EXPECT_TRUE(access::ParsePermission(operation.permission).has_value())
        << operation.operation_id << " names an unknown permission " << operation.permission;
  }
}

// proves ACL-1 (a documented operation without x-permission is refused)
TEST(ListOperations, RefusesAnOperationWithoutPermission) {
  auto operations = ListOperations(R"({"paths": {"/x": {"get": {"operationId": "getX"}}}})");
  ASSERT_FALSE(operations.ok());
  EXPECT_NE(operations.error().message.find("get /x"), std::string::npos);
  EXPECT_FALSE(ListOperations("not json").ok());
  EXPECT_FALSE(ListOperations("{}").ok());
}

class EchoValidation : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto created = ContractValidator::Create(OpenApiDocument());
    ASSERT_TRUE(created.ok()) << created.error().message;
    validator_ = std::move(*created).release();
  }
  static void TearDownTestSuite() {
    delete validator_;
    validator_ = nullptr;
  }

  static http::ValidationOutcome Validate(std::string_view body) {
    return validator_->Validate(kEcho, body);
  }

  static std::string Describe(const std::vector<FieldError>& errors) {
    std::string text;
    for (const FieldError& error : errors) text += error.field + ": " + error.message + "\n";
    return text;
  }

  static bool HasError(const http::ValidationOutcome& outcome, const std::string& field,
                       const std::string& message = {}) {
    return std::any_of(outcome.errors.begin(), outcome.errors.end(), [&](const FieldError& e) {
      return e.field == field && (message.empty() || e.message == message);
    });
  }

  static ContractValidator* validator_;
};

ContractValidator* EchoValidation::validator_ = nullptr;

TEST_F(EchoValidation, AcceptsAValidBody) {
  for (const char* body : {
           R"({"message":"hello"})",
           R"({"message":"hello","tags":["a","b"]})",
           R"({"message":"x","amount":{"value":"-1234.56","currency":"USD"},"tags":[]})",
           " {\"message\" : \"\xC3\xA9t\xC3\xA9\"}\n",
       }) {
    http::ValidationOutcome outcome = Validate(body);
    EXPECT_TRUE(outcome.ok()) << body << "\n" << Describe(outcome.errors);
    EXPECT_TRUE(outcome.errors.empty()) << body;
  }
  EXPECT_EQ((*Validate(R"({"message":"hello"})").document)["message"], "hello");
}

// proves IN-1 (closed schemas: an unknown field is refused and named)
TEST_F(EchoValidation, RefusesAnUnknownField) {
  http::ValidationOutcome outcome = Validate(R"({"message":"hi","extra":1})");
  ASSERT_FALSE(outcome.ok());
  EXPECT_TRUE(HasError(outcome, "/extra", "unknown field")) << Describe(outcome.errors);

  http::ValidationOutcome nested =
      Validate(R"({"message":"hi","amount":{"value":"1","currency":"USD","rate":2}})");
  ASSERT_FALSE(nested.ok());
  EXPECT_TRUE(HasError(nested, "/amount/rate", "unknown field")) << Describe(nested.errors);
}

// proves IN-1 (a missing required field is named)
TEST_F(EchoValidation, NamesAMissingRequiredField) {
  http::ValidationOutcome outcome = Validate(R"({"tags":["a"]})");
  ASSERT_FALSE(outcome.ok());
  EXPECT_TRUE(HasError(outcome, "/message", "required field is missing"))
      << Describe(outcome.errors);
  EXPECT_TRUE(HasError(Validate("{}"), "/message"));
}

// proves IN-1 (wrong types are refused; no coercion)
TEST_F(EchoValidation, RefusesWrongTypes) {
  for (const char* body : {R"({"message":5})", R"({"message":true})", R"({"message":null})",
                           R"({"message":["hi"]})", R"({"message":{"text":"hi"}})"}) {
    http::ValidationOutcome outcome = Validate(body);
    ASSERT_FALSE(outcome.ok()) << body;
    EXPECT_TRUE(HasError(outcome, "/message")) << body << "\n" << Describe(outcome.errors);
  }
  http::ValidationOutcome tag = Validate(R"({"message":"hi","tags":["a",7]})");
  ASSERT_FALSE(tag.ok());
  EXPECT_TRUE(HasError(tag, "/tags/1")) << Describe(tag.errors);
  EXPECT_FALSE(Validate(R"({"message":"hi","amount":{"value":12.5,"currency":"USD"}})").ok());
}

TEST_F(EchoValidation, EnforcesLengthsAndPatterns) {
  EXPECT_FALSE(Validate(R"({"message":""})").ok());
  EXPECT_FALSE(Validate(R"({"message":")" + std::string(4097, 'x') + R"("})").ok());
  EXPECT_TRUE(Validate(R"({"message":")" + std::string(4096, 'x') + R"("})").ok());
  EXPECT_FALSE(Validate(R"({"message":"x","amount":{"value":"1","currency":"usd"}})").ok());
  std::string seventeen_tags = R"({"message":"x","tags":[)";
  for (int i = 0; i < 17; ++i) seventeen_tags += std::string(i ? "," : "") + R"("t")";
  EXPECT_FALSE(Validate(seventeen_tags + "]}").ok());
}

// Validators are kept per thread so that compiled patterns are reused: the pattern must still
// apply on every call, on the first thread and on another.
TEST_F(EchoValidation, AppliesPatternsOnEveryCallOnEveryThread) {
  auto check = [] {
    for (int i = 0; i < 3; ++i) {
      EXPECT_TRUE(Validate(R"({"message":"x","amount":{"value":"1","currency":"EUR"}})").ok());
      EXPECT_FALSE(Validate(R"({"message":"x","amount":{"value":"1","currency":"eur"}})").ok());
    }
  };
  check();
  std::thread other(check);
  other.join();
}

// proves IN-1 (duplicate keys are refused)
TEST_F(EchoValidation, RefusesDuplicateKeys) {
  for (const char* body :
       {R"({"message":"a","message":"b"})",
        R"({"message":"a","amount":{"value":"1","value":"2","currency":"X"}})"}) {
    http::ValidationOutcome outcome = Validate(body);
    ASSERT_FALSE(outcome.ok()) << body;
    ASSERT_FALSE(outcome.errors.empty());
    EXPECT_NE(outcome.errors[0].message.find("duplicate key"), std::string::npos)
        << Describe(outcome.errors);
  }
  // The same key in two different objects is not a duplicate.
  EXPECT_TRUE(Validate(R"({"message":"a","amount":{"value":"1","currency":"USD"}})").ok());
}

TEST_F(EchoValidation, RefusesNestingDeeperThan32) {
  std::string deep =
      R"({"message":"x","tags":)" + std::string(40, '[') + std::string(40, ']') + "}";
  http::ValidationOutcome outcome = Validate(deep);
  ASSERT_FALSE(outcome.ok());
  ASSERT_EQ(outcome.errors.size(), 1u) << Describe(outcome.errors);
  EXPECT_EQ(outcome.errors[0].message, "body nests too deeply");

  // Deep enough to exhaust the stack of a recursive parser; refused all the same.
  std::string very_deep = std::string(200000, '[') + std::string(200000, ']');
  EXPECT_FALSE(Validate(very_deep).ok());
}

TEST_F(EchoValidation, RefusesInvalidJsonAndInvalidUtf8) {
  for (std::string body :
       {std::string(""), std::string("{"), std::string(R"({"message":"x",})"),
        std::string("{'message':'x'}"), std::string(R"({"message":"x"} x)"),
        std::string("{\"message\":\"\xFF\"}"), std::string("{\"message\":\"\xC3\"}"),
        std::string("{\"message\":\"\xED\xA0\x80\"}"), std::string("{\"message\":\"a\0b\"}", 15)}) {
    http::ValidationOutcome outcome = Validate(body);
    EXPECT_FALSE(outcome.ok()) << body;
    EXPECT_FALSE(outcome.errors.empty()) << body;
  }
  EXPECT_EQ(Validate("{").errors[0].message, "body is not valid JSON");
}

TEST_F(EchoValidation, RefusesATopLevelOtherThanAnObject) {
  for (const char* body : {R"([{"message":"x"}])", R"("message")", "42", "null", "true"}) {
    http::ValidationOutcome outcome = Validate(body);
    EXPECT_FALSE(outcome.ok()) << body;
    EXPECT_FALSE(outcome.errors.empty()) << body;
  }
}

TEST_F(EchoValidation, RefusesAnOperationWithoutABody) {
  http::ValidationOutcome outcome = validator_->Validate("getHealth", "{}");
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.errors[0].message, "this operation takes no JSON body");
}

TEST(ParseStrictJson, KeepsNestingUpToTheLimit) {
  std::vector<FieldError> errors;
  std::string thirty_two = std::string(31, '[') + "1" + std::string(31, ']');
  EXPECT_NE(ParseStrictJson(thirty_two, errors), nullptr) << errors.size();

  std::string too_deep = std::string(40, '[') + "1" + std::string(40, ']');
  errors.clear();
  EXPECT_EQ(ParseStrictJson(too_deep, errors), nullptr);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message, "body nests too deeply");

  errors.clear();
  EXPECT_EQ(ParseStrictJson(R"({"a":{"b":1}})", errors, 1), nullptr);
  errors.clear();
  EXPECT_NE(ParseStrictJson(R"({"a":1})", errors, 1), nullptr);
}

// Regression: the limit counted the containers around a value, not the one being opened,
// so 33 levels of empty arrays or objects passed a limit of 32.
TEST(ParseStrictJson, CountsEveryContainerLevelAgainstTheLimit) {
  auto nested_objects = [](int levels) {
    std::string text;
    for (int i = 1; i < levels; ++i) text += R"({"a":)";
    return text + "{}" + std::string(static_cast<std::size_t>(levels - 1), '}');
  };
  auto nested_arrays = [](int levels) {
    auto count = static_cast<std::size_t>(levels);
    return std::string(count, '[') + std::string(count, ']');
  };
  std::vector<FieldError> errors;
  EXPECT_NE(ParseStrictJson(nested_arrays(32), errors), nullptr);
  EXPECT_NE(ParseStrictJson(nested_objects(32), errors), nullptr);
  EXPECT_NE(ParseStrictJson(std::string(32, '[') + "1" + std::string(32, ']'), errors), nullptr);
  EXPECT_TRUE(errors.empty());

  EXPECT_EQ(ParseStrictJson(nested_arrays(33), errors), nullptr);
  EXPECT_EQ(ParseStrictJson(nested_objects(33), errors), nullptr);
  EXPECT_EQ(ParseStrictJson(std::string(33, '[') + "1" + std::string(33, ']'), errors), nullptr);
  ASSERT_EQ(errors.size(), 3u);
  for (const FieldError& error : errors) EXPECT_EQ(error.message, "body nests too deeply");
  errors.clear();
  EXPECT_NE(ParseStrictJson("1", errors, 0), nullptr);
  EXPECT_EQ(ParseStrictJson("[]", errors, 0), nullptr);
}

TEST(ParseStrictJson, NamesTheDuplicateKey) {
  std::vector<FieldError> errors;
  EXPECT_EQ(ParseStrictJson(R"({"a":1,"b":{"c":1,"c":2}})", errors), nullptr);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message, "duplicate key 'c'");
  EXPECT_EQ(errors[0].field, "");
}

}  // namespace
}  // namespace finhelm::api

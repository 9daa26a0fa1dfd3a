#include "api/contract.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "api/internal/openapi_document.hpp"
#include "json/strict_json.hpp"

namespace finhelm::api {
namespace {

using nlohmann::json;

constexpr std::string_view kUnknownPropertyMessage =
    "could not be validated using 'properties' or 'additionalProperties' constraints: '";
constexpr std::string_view kMissingPropertyMessage = "Missing required property '";

// valijson names a location as {"<root>", "[name]", "[0]"}; clients get a JSON pointer.
std::string ToPointer(const std::vector<std::string>& context) {
  std::string pointer;
  for (const std::string& part : context) {
    if (part == "<root>") continue;
    std::string name = part;
    if (name.size() >= 2 && name.front() == '[' && name.back() == ']') {
      name = name.substr(1, name.size() - 2);
    }
    pointer += "/" + name;
  }
  return pointer;
}

// Returns the quoted name that ends `message` after `marker`, if any.
std::optional<std::string> QuotedAfter(const std::string& message, std::string_view marker) {
  auto start = message.find(marker);
  if (start == std::string::npos) return std::nullopt;
  start += marker.size();
  auto end = message.find('\'', start);
  if (end == std::string::npos) return std::nullopt;
  return message.substr(start, end - start);
}

bool IsCascade(const std::string& message) {
  // Parent failures restate a child's; the child's error is the useful one.
  return message.starts_with("Failed to validate against child schema") ||
         message.starts_with("Failed to validate against schema associated with property") ||
         message.starts_with("Failed to validate item") ||
         message.starts_with("Failed to validate against any");
}

std::vector<http::FieldError> ToFieldErrors(valijson::ValidationResults& results) {
  std::vector<http::FieldError> errors;
  std::set<std::pair<std::string, std::string>> seen;
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    if (IsCascade(error.description)) continue;
    http::FieldError field{ToPointer(error.context), error.description};
    if (auto unknown = QuotedAfter(error.description, kUnknownPropertyMessage)) {
      field.field += "/" + *unknown;
      field.message = "unknown field";
    } else if (auto missing = QuotedAfter(error.description, kMissingPropertyMessage)) {
      field.field += "/" + *missing;
      field.message = "required field is missing";
    }
    if (seen.insert({field.field, field.message}).second) errors.push_back(std::move(field));
  }
  if (errors.empty()) errors.push_back({"", "body does not match the schema"});
  return errors;
}

}  // namespace

struct ContractValidator::Compiled {
  json root;  // Owns the schema text the compiled schema was built from.
  valijson::Schema schema;
};

std::string_view OpenApiDocument() { return internal::kOpenApiDocument; }

Result<std::vector<Operation>> ListOperations(std::string_view document) {
  json parsed = json::parse(document, nullptr, false);
  if (parsed.is_discarded() || !parsed.contains("paths")) {
    return MakeError(ErrorCode::kInvalidArgument, "OpenAPI document is not valid JSON");
  }
  static const std::set<std::string> kMethods = {"get", "post", "put", "patch", "delete"};
  std::vector<Operation> operations;
  for (const auto& [path, item] : parsed["paths"].items()) {
    for (const auto& [method, operation] : item.items()) {
      if (!kMethods.contains(method)) continue;
      Operation entry;
      entry.path = path;
      for (char c : method) entry.method += static_cast<char>(c - 'a' + 'A');
      if (!operation.contains("operationId") || !operation.contains("x-permission")) {
        std::string message = method;
        message += " " + path + " lacks operationId or x-permission";
        return MakeError(ErrorCode::kInvalidArgument, std::move(message));
      }
      entry.operation_id = operation["operationId"].get<std::string>();
      entry.permission = operation["x-permission"].get<std::string>();
      entry.has_json_body = operation.contains("requestBody") &&
                            operation["requestBody"]["content"].contains("application/json");
      entry.has_form_body =
          operation.contains("requestBody") &&
          operation["requestBody"]["content"].contains("application/x-www-form-urlencoded");
      operations.push_back(std::move(entry));
    }
  }
  return operations;
}

Status CheckRoutesAgainstContract(const std::vector<std::unique_ptr<http::Route>>& routes,
                                  const std::vector<Operation>& operations) {
  std::string mismatches;
  auto note = [&](const std::string& text) {
    mismatches += (mismatches.empty() ? "" : "; ") + text;
  };
  for (const auto& route : routes) {
    std::string name = route->method + " " + route->pattern;
    auto found = std::find_if(operations.begin(), operations.end(), [&](const Operation& op) {
      return op.method == route->method && op.path == route->pattern;
    });
    if (found == operations.end()) {
      note(name + " is routed but not in the OpenAPI document");
      continue;
    }
    if (found->permission != access::PermissionName(route->permission)) {
      note(name + " needs " + std::string(access::PermissionName(route->permission)) +
           " but the document says " + found->permission);
    }
    bool json_route = route->body == http::BodyKind::kJson;
    if (json_route != found->has_json_body) {
      note(name + " disagrees with the document on whether it takes a JSON body");
    }
    if ((route->body == http::BodyKind::kForm) != found->has_form_body) {
      note(name + " disagrees with the document on whether it takes a form body");
    }
    if (json_route && route->operation_id != found->operation_id) {
      note(name + " validates against " + route->operation_id + " instead of " +
           found->operation_id);
    }
  }
  for (const Operation& operation : operations) {
    bool routed = std::any_of(routes.begin(), routes.end(), [&](const auto& route) {
      return route->method == operation.method && route->pattern == operation.path;
    });
    if (!routed) note(operation.method + " " + operation.path + " is documented but not routed");
  }
  if (mismatches.empty()) return Status::Ok();
  return MakeError(ErrorCode::kInternal,
                   "route table and OpenAPI document disagree: " + mismatches);
}

ContractValidator::ContractValidator() = default;
ContractValidator::~ContractValidator() = default;

Result<std::unique_ptr<ContractValidator>> ContractValidator::Create(std::string_view document) {
  json parsed = json::parse(document, nullptr, false);
  if (parsed.is_discarded()) {
    return MakeError(ErrorCode::kInvalidArgument, "OpenAPI document is not valid JSON");
  }
  auto operations = ListOperations(document);
  if (!operations.ok()) return operations.error();

  std::unique_ptr<ContractValidator> validator(new ContractValidator());
  for (const Operation& operation : *operations) {
    if (!operation.has_json_body) continue;
    std::string method;
    for (char c : operation.method) method += static_cast<char>(c - 'A' + 'a');
    const json& body_schema = parsed["paths"][operation.path][method]["requestBody"]["content"]
                                    ["application/json"]["schema"];
    auto compiled = std::make_unique<Compiled>();
    // Local references ("#/components/...") resolve against the root of the document the
    // parser is given, so each schema is wrapped in a root that carries the components.
    compiled->root = json{{"allOf", json::array({body_schema})},
                          {"components", parsed.value("components", json::object())}};
    try {
      valijson::SchemaParser parser;
      valijson::adapters::NlohmannJsonAdapter adapter(compiled->root);
      parser.populateSchema(adapter, compiled->schema);
    } catch (const std::exception& failure) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "schema of " + operation.operation_id + ": " + failure.what());
    }
    validator->schemas_.emplace(operation.operation_id, std::move(compiled));
  }
  return validator;
}

std::shared_ptr<const json> ParseStrictJson(std::string_view text,
                                            std::vector<http::FieldError>& errors, int max_depth) {
  std::string problem;
  auto document = ParseOutsideJson(text, problem, max_depth);
  if (!document) errors.push_back({"", std::move(problem)});
  return document;
}

http::ValidationOutcome ContractValidator::Validate(std::string_view operation_id,
                                                    std::string_view body) const {
  http::ValidationOutcome outcome;
  auto found = schemas_.find(operation_id);
  if (found == schemas_.end()) {
    outcome.errors.push_back({"", "this operation takes no JSON body"});
    return outcome;
  }
  auto document = ParseStrictJson(body, outcome.errors);
  if (!document) return outcome;

  // valijson's Validator compiles each "pattern" to a std::regex once and caches it; it is not
  // thread-safe, so each thread keeps its own. A Validator per call recompiled every pattern
  // on every request: a third of the server's CPU time on POST /v1/diagnostics/echo.
  thread_local valijson::Validator validator(valijson::Validator::kStrongTypes);
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter adapter(*document);
  if (!validator.validate(found->second->schema, adapter, &results)) {
    outcome.errors = ToFieldErrors(results);
    return outcome;
  }
  outcome.document = std::move(document);
  return outcome;
}

}  // namespace finhelm::api

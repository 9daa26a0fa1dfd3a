// Contract: the OpenAPI document (docs/openapi.json), compiled into the binary, and the
// request-body validator built from it.
//
// The document is the single source of truth for the API (SPEC section 4). Each
// operation's JSON request schema is compiled once at start-up; bodies are parsed with
// duplicate keys rejected and a nesting limit, then validated as closed objects (IN-1).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "http/body_validator.hpp"
#include "http/router.hpp"

namespace finhelm::api {

// The document as served at /v1/openapi.json.
std::string_view OpenApiDocument();

// One operation of the document: what the route table must agree with.
struct Operation {
  std::string method;  // Upper case.
  std::string path;    // "/v1/orgs/{org}".
  std::string operation_id;
  std::string permission;  // The x-permission value.
  bool has_json_body = false;
  bool has_form_body = false;  // application/x-www-form-urlencoded (the OAuth token grant).
};

// Lists every operation in `document`; fails if one lacks an operationId or x-permission.
Result<std::vector<Operation>> ListOperations(std::string_view document);

// Checks that `routes` and `operations` name the same methods and paths, with the same
// permission and body kind. Every mismatch is listed in the error. The server refuses to
// start on a mismatch, and a test runs this over the real route table.
Status CheckRoutesAgainstContract(const std::vector<std::unique_ptr<http::Route>>& routes,
                                  const std::vector<Operation>& operations);

class ContractValidator final : public http::BodyValidator {
 public:
  // Compiles the request schema of every operation in `document`.
  static Result<std::unique_ptr<ContractValidator>> Create(std::string_view document);
  ~ContractValidator() override;

  http::ValidationOutcome Validate(std::string_view operation_id,
                                   std::string_view body) const override;

 private:
  struct Compiled;
  ContractValidator();
  std::map<std::string, std::unique_ptr<Compiled>, std::less<>> schemas_;
};

// Parses JSON text rejecting duplicate object keys and nesting deeper than `max_depth`.
// On failure, `errors` says why; exposed for the JSON fuzz target.
std::shared_ptr<const nlohmann::json> ParseStrictJson(std::string_view text,
                                                      std::vector<http::FieldError>& errors,
                                                      int max_depth = 32);

}  // namespace finhelm::api

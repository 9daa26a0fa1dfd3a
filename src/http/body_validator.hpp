// BodyValidator: checks a JSON request body against the schema of its OpenAPI operation.
//
// Implemented by api/contract (valijson), kept behind this interface so that the pipeline
// and its tests do not compile the JSON Schema machinery.
#pragma once

#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <string_view>
#include <vector>

#include "http/problem.hpp"

namespace finhelm::http {

struct ValidationOutcome {
  std::shared_ptr<const nlohmann::json> document;  // Set when the body is valid.
  std::vector<FieldError> errors;                  // Set when it is not.
  bool ok() const { return document != nullptr; }
};

class BodyValidator {
 public:
  virtual ~BodyValidator() = default;
  // Parses `body` (duplicate keys rejected) and validates it. Thread-safe.
  virtual ValidationOutcome Validate(std::string_view operation_id,
                                     std::string_view body) const = 0;
};

}  // namespace finhelm::http

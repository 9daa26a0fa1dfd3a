// Fuzzes request-body validation as the pipeline runs it (IN-1): ContractValidator on the
// embedded OpenAPI document for postDiagnosticsEcho, and ParseStrictJson beneath it.
//
// None may crash or recurse without bound. A body is accepted exactly when it comes back
// as a document with no errors; an accepted body is a closed EchoRequest object; and a
// document ParseStrictJson accepts survives a round trip through its own serialization.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "api/contract.hpp"

namespace {

using finhelm::api::ContractValidator;
using finhelm::api::ParseStrictJson;
using nlohmann::json;

void Require(bool condition) {
  if (!condition) std::abort();
}

const ContractValidator& Validator() {
  static const ContractValidator* validator = [] {
    auto created = ContractValidator::Create(finhelm::api::OpenApiDocument());
    if (!created.ok()) std::abort();
    return std::move(*created).release();
  }();
  return *validator;
}

int Depth(const json& value) {
  int deepest = 0;
  if (value.is_structured()) {
    for (const auto& child : value) deepest = std::max(deepest, Depth(child));
    return deepest + 1;
  }
  return 0;
}

void CheckEcho(std::string_view body) {
  finhelm::http::ValidationOutcome outcome = Validator().Validate("postDiagnosticsEcho", body);
  Require(outcome.ok() == outcome.errors.empty());
  if (!outcome.ok()) return;
  const json& document = *outcome.document;
  Require(document.is_object());
  Require(document.contains("message") && document["message"].is_string());
  Require(!document["message"].get<std::string>().empty());
  for (const auto& [key, value] : document.items()) {
    Require(key == "message" || key == "tags" || key == "amount");
  }
  if (document.contains("amount")) {
    const json& amount = document["amount"];
    Require(amount.is_object() && amount.size() == 2);
    Require(amount["currency"].is_string() && amount["currency"].get<std::string>().size() == 3);
  }
  if (document.contains("tags")) Require(document["tags"].is_array());
}

void CheckStrict(std::string_view text, int max_depth) {
  std::vector<finhelm::http::FieldError> errors;
  auto document = ParseStrictJson(text, errors, max_depth);
  Require((document == nullptr) == !errors.empty());
  if (document == nullptr) return;
  Require(Depth(*document) <= max_depth);
  const std::string serialized = document->dump();
  std::vector<finhelm::http::FieldError> again_errors;
  auto again = ParseStrictJson(serialized, again_errors, max_depth);
  Require(again != nullptr && *again == *document);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  CheckEcho(text);
  CheckStrict(text, 32);
  CheckStrict(text, 3);
  return 0;
}

// The OpenAPI document, embedded at build time from docs/openapi.json.
#pragma once

#include <string_view>

namespace finhelm::api::internal {

extern const std::string_view kOpenApiDocument;

}  // namespace finhelm::api::internal

// Parsing of JSON from outside FinHelm (request bodies, token headers and claims) under
// one policy: a duplicate object key or nesting past a depth is an error, not a choice
// between two readings (IN-1). Everything that reads such JSON goes through here.
#pragma once

#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

namespace finhelm {

// The parsed document, or null with `problem` saying why ("duplicate key 'a'", "body is
// not valid JSON", "body nests too deeply").
std::shared_ptr<const nlohmann::json> ParseOutsideJson(std::string_view text, std::string& problem,
                                                       int max_depth = 32);

}  // namespace finhelm

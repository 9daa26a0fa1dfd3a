// Parsing of request targets, query strings and Cookie headers.
//
// These see raw client bytes on every request, so each returns an error value for
// malformed input rather than guessing, and each has a libFuzzer target in fuzz/.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace finhelm::http {

// Decodes %XX escapes. Fails on a truncated or non-hex escape and on an encoded NUL;
// `plus_is_space` applies the form-encoding rule used in query strings.
Result<std::string> PercentDecode(std::string_view text, bool plus_is_space);

struct Target {
  std::string path;   // Decoded; always begins with '/'.
  std::string query;  // Raw, without '?'.
};

// Splits an origin-form request target ("/a%20b?x=1"). Rejects absolute and asterisk
// forms, a decoded path holding "/../" or "/./" segments, an encoded "/" or "\" in the
// path (%2F, %5C), and a fragment.
Result<Target> ParseTarget(std::string_view target);

using QueryParams = std::vector<std::pair<std::string, std::string>>;

// Parses "a=1&b=x%20y"; at most `max_params` pairs.
Result<QueryParams> ParseQuery(std::string_view query, std::size_t max_params = 64);
std::optional<std::string_view> FindParam(const QueryParams& params, std::string_view name);

// Parses a Cookie header ("a=1; b=2") per RFC 6265 section 5.4. Malformed pairs are
// skipped, as browsers send what they have; the first of duplicate names wins in lookup.
std::vector<std::pair<std::string, std::string>> ParseCookies(std::string_view header);
std::optional<std::string> FindCookie(std::string_view header, std::string_view name);

}  // namespace finhelm::http

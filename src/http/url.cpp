#include "http/url.hpp"

#include <algorithm>

namespace finhelm::http {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool HasDotSegment(std::string_view path) {
  std::size_t start = 0;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view segment = path.substr(start, end - start);
    if (segment == "." || segment == "..") return true;
    start = end + 1;
  }
  return false;
}

}  // namespace

Result<std::string> PercentDecode(std::string_view text, bool plus_is_space) {
  std::string decoded;
  decoded.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) {
        return MakeError(ErrorCode::kInvalidArgument, "truncated percent escape");
      }
      int high = HexValue(text[i + 1]);
      int low = HexValue(text[i + 2]);
      if (high < 0 || low < 0) {
        return MakeError(ErrorCode::kInvalidArgument, "invalid percent escape");
      }
      char byte = static_cast<char>(high * 16 + low);
      if (byte == '\0') return MakeError(ErrorCode::kInvalidArgument, "encoded NUL");
      decoded.push_back(byte);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      decoded.push_back(' ');
    } else {
      decoded.push_back(c);
    }
  }
  return decoded;
}

Result<Target> ParseTarget(std::string_view target) {
  if (target.empty() || target.front() != '/') {
    return MakeError(ErrorCode::kInvalidArgument, "request target must be origin-form");
  }
  if (target.find('#') != std::string_view::npos) {
    return MakeError(ErrorCode::kInvalidArgument, "fragment in request target");
  }
  auto question = target.find('?');
  std::string_view raw_path = target.substr(0, question);
  // An encoded slash or backslash would route differently here than in a proxy that
  // filters paths before decoding them: refuse it rather than pick one reading.
  for (std::string_view encoded : {"%2f", "%2F", "%5c", "%5C"}) {
    if (raw_path.find(encoded) != std::string_view::npos) {
      return MakeError(ErrorCode::kInvalidArgument, "encoded path separator");
    }
  }
  auto path = PercentDecode(raw_path, false);
  if (!path.ok()) return path.error();
  if (HasDotSegment(*path)) {
    return MakeError(ErrorCode::kInvalidArgument, "dot segment in path");
  }
  Target parsed;
  parsed.path = std::move(*path);
  if (question != std::string_view::npos) parsed.query = std::string(target.substr(question + 1));
  return parsed;
}

Result<QueryParams> ParseQuery(std::string_view query, std::size_t max_params) {
  QueryParams params;
  while (!query.empty()) {
    auto amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    if (params.size() == max_params) {
      return MakeError(ErrorCode::kInvalidArgument, "too many query parameters");
    }
    auto equals = pair.find('=');
    auto name = PercentDecode(pair.substr(0, equals), true);
    if (!name.ok()) return name.error();
    std::string value;
    if (equals != std::string_view::npos) {
      auto decoded = PercentDecode(pair.substr(equals + 1), true);
      if (!decoded.ok()) return decoded.error();
      value = std::move(*decoded);
    }
    params.emplace_back(std::move(*name), std::move(value));
  }
  return params;
}

std::optional<std::string_view> FindParam(const QueryParams& params, std::string_view name) {
  for (const auto& [key, value] : params) {
    if (key == name) return std::string_view(value);
  }
  return std::nullopt;
}

std::vector<std::pair<std::string, std::string>> ParseCookies(std::string_view header) {
  std::vector<std::pair<std::string, std::string>> cookies;
  while (!header.empty()) {
    auto semicolon = header.find(';');
    std::string_view pair = Trim(header.substr(0, semicolon));
    header =
        semicolon == std::string_view::npos ? std::string_view() : header.substr(semicolon + 1);
    auto equals = pair.find('=');
    if (equals == std::string_view::npos || equals == 0) continue;
    std::string_view name = Trim(pair.substr(0, equals));
    std::string_view value = Trim(pair.substr(equals + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    if (name.empty()) continue;
    cookies.emplace_back(std::string(name), std::string(value));
  }
  return cookies;
}

std::optional<std::string> FindCookie(std::string_view header, std::string_view name) {
  auto cookies = ParseCookies(header);
  auto found = std::find_if(cookies.begin(), cookies.end(),
                            [&](const auto& cookie) { return cookie.first == name; });
  if (found == cookies.end()) return std::nullopt;
  return std::optional<std::string>(std::move(found->second));
}

}  // namespace finhelm::http

// Fuzzes the Cookie header parser, which will carry the session cookie (SESS-1). None
// may crash; every pair it yields has a name free of separators and surrounding blanks;
// and FindCookie always answers with the first pair of that name, so that a second
// cookie of the same name can never override the first.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "http/url.hpp"

namespace {

void Require(bool condition) {
  if (!condition) std::abort();
}

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view header(reinterpret_cast<const char*>(data), size);
  const auto cookies = finhelm::http::ParseCookies(header);
  Require(cookies.size() * 3 <= header.size() + 1);  // "a=" and a ';' between pairs.
  for (std::size_t i = 0; i < cookies.size(); ++i) {
    const auto& [name, value] = cookies[i];
    Require(!name.empty());
    Require(name.find_first_of(";=") == std::string::npos);
    Require(!IsBlank(name.front()) && !IsBlank(name.back()));
    Require(value.find(';') == std::string::npos);

    auto found = finhelm::http::FindCookie(header, name);
    Require(found.has_value());
    std::size_t first = 0;
    while (cookies[first].first != name) ++first;
    Require(first <= i && *found == cookies[first].second);
  }
  Require(!finhelm::http::FindCookie(header, "").has_value());
  return 0;
}

#include "http/wire.hpp"

#include <array>
#include <charconv>
#include <string_view>

#include "observability/log.hpp"

namespace finhelm::http {
namespace {

// RFC 9110 section 5.6.2: tchar.
constexpr std::array<bool, 256> kTokenChars = [] {
  std::array<bool, 256> table{};
  for (std::size_t c = '0'; c <= '9'; ++c) table[c] = true;
  for (std::size_t c = 'a'; c <= 'z'; ++c) table[c] = true;
  for (std::size_t c = 'A'; c <= 'Z'; ++c) table[c] = true;
  for (char c : std::string_view("!#$%&'*+-.^_`|~")) table[static_cast<unsigned char>(c)] = true;
  return table;
}();

bool IsSafeName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!kTokenChars[static_cast<unsigned char>(c)]) return false;
  }
  return true;
}

bool IsSafeValue(std::string_view value) {
  for (char c : value) {
    if (c == '\r' || c == '\n' || c == '\0') return false;
  }
  return true;
}

void AppendNumber(std::size_t value, std::string& out) {
  char digits[24];
  auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
  out.append(digits, end);
}

bool CarriesBody(int status) { return status >= 200 && status != 204 && status != 304; }

}  // namespace

void AppendResponseHead(const Response& response, bool keep_alive, std::string& out) {
  out.append("HTTP/1.1 ");
  AppendNumber(static_cast<std::size_t>(response.status), out);
  out.push_back(' ');
  out.append(ReasonPhrase(response.status));
  out.append("\r\n");
  for (const auto& [name, value] : response.headers.fields()) {
    if (EqualsIgnoreCase(name, "Content-Length") || EqualsIgnoreCase(name, "Connection")) {
      continue;  // Framing is the server's alone.
    }
    if (!IsSafeName(name) || !IsSafeValue(value)) {
      log::Error("http_header_dropped", {{"field", IsSafeName(name) ? name : "(invalid)"}});
      continue;
    }
    out.append(name);
    out.append(": ");
    out.append(value);
    out.append("\r\n");
  }
  if (CarriesBody(response.status)) {
    out.append("Content-Length: ");
    AppendNumber(response.body_file ? response.body_file->bytes : response.body.size(), out);
    out.append("\r\n");
  }
  if (!keep_alive) out.append("Connection: close\r\n");
  out.append("\r\n");
}

}  // namespace finhelm::http

// Fuzzes the request-target parsers every request meets first: ParseTarget, ParseQuery
// and PercentDecode. None may crash, and what they accept must keep their promises: an
// accepted path begins with '/' and holds no "." or ".." segment however it was encoded,
// nor a separator that decoding added; a query never yields more than its limit of pairs;
// and percent-encoding any bytes then decoding them gives back exactly those bytes,
// unless they hold a NUL, which must be refused.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "http/url.hpp"

namespace {

using finhelm::http::ParseQuery;
using finhelm::http::ParseTarget;
using finhelm::http::PercentDecode;

void Require(bool condition) {
  if (!condition) std::abort();
}

bool HasDotSegment(std::string_view path) {
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view segment = path.substr(start, end - start);
    if (segment == "." || segment == "..") return true;
    start = end + 1;
  }
  return false;
}

// Every byte as %XX, in either case, so that decoding must restore them all.
std::string EncodeAll(std::string_view bytes) {
  static constexpr char kUpper[] = "0123456789ABCDEF";
  static constexpr char kLower[] = "0123456789abcdef";
  std::string encoded;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    auto byte = static_cast<unsigned char>(bytes[i]);
    const char* digits = i % 2 == 0 ? kUpper : kLower;
    encoded += '%';
    encoded += digits[byte >> 4];
    encoded += digits[byte & 0xf];
  }
  return encoded;
}

void CheckTarget(std::string_view text) {
  auto target = ParseTarget(text);
  if (!target.ok()) return;
  Require(!target->path.empty() && target->path.front() == '/');
  Require(!HasDotSegment(target->path));
  // Decoding never adds a separator: the router and a proxy see the same segments.
  const std::string_view raw_path = text.substr(0, text.find('?'));
  for (char separator : {'/', '\\'}) {
    Require(std::count(target->path.begin(), target->path.end(), separator) ==
            std::count(raw_path.begin(), raw_path.end(), separator));
  }
  Require(text.find('#') == std::string_view::npos);
  Require(target->query.size() < text.size());

  auto params = ParseQuery(target->query);
  if (params.ok()) Require(params->size() <= 64);
  auto few = ParseQuery(target->query, 2);
  if (few.ok()) Require(few->size() <= 2);
}

void CheckDecode(std::string_view text) {
  for (bool plus_is_space : {false, true}) {
    auto decoded = PercentDecode(text, plus_is_space);
    if (decoded.ok()) Require(decoded->size() <= text.size());
  }
  auto round_trip = PercentDecode(EncodeAll(text), false);
  if (text.find('\0') != std::string_view::npos) {
    Require(!round_trip.ok());
  } else {
    Require(round_trip.ok() && *round_trip == text);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  CheckTarget(text);
  CheckTarget("/" + std::string(text));  // Reach past the origin-form check more often.
  CheckDecode(text);
  return 0;
}

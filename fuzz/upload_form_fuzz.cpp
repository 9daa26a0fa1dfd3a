// Fuzzes what an upload request carries besides the file: the multipart/form-data body
// (RFC 7578) and the JSON options part. Parts must lie inside the body, names must be
// unique and non-empty; options that parse must encode and parse back to the same.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

#include "http/multipart.hpp"
#include "imports/import_options.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  // The first line is the Content-Type, the rest the body.
  const std::size_t newline = input.find('\n');
  const std::string_view content_type =
      newline == std::string_view::npos ? input : input.substr(0, newline);
  const std::string_view body =
      newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);
  auto parts = finhelm::http::ParseMultipart(content_type, body);
  if (parts.ok()) {
    std::set<std::string> names;
    if (parts->size() > finhelm::http::kMaxMultipartParts) std::abort();
    for (const auto& part : *parts) {
      if (part.name.empty() || !names.insert(part.name).second) std::abort();
      if (part.body.data() < body.data() ||
          part.body.data() + part.body.size() > body.data() + body.size()) {
        std::abort();
      }
    }
  }
  auto options = finhelm::imports::ParseImportOptions(input);
  if (options.ok()) {
    const std::string encoded = finhelm::imports::EncodeImportOptions(*options);
    auto again = finhelm::imports::ParseImportOptions(encoded);
    if (!again.ok() || finhelm::imports::EncodeImportOptions(*again) != encoded) std::abort();
  }
  return 0;
}

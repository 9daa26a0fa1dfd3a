// multipart/form-data bodies (RFC 7578), as the upload routes receive them.
//
// The parser works on the body in memory (the pipeline has already capped it at the
// upload limit, IN-2) and returns views into it: no copy of a 25 MiB file is made. It is
// strict, because a lenient multipart parser is where request smuggling between a proxy
// and a server hides: the boundary must come from the Content-Type, every part needs a
// Content-Disposition of form-data with a name, names may not repeat, header blocks are
// at most 4 KiB, at most 16 parts, and the closing delimiter must be there. Anything else
// is kInvalidArgument with a message fit for the client.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace finhelm::http {

struct MultipartPart {
  std::string name;
  std::optional<std::string> filename;  // present for file fields
  std::string content_type;             // "text/plain" when the part says none
  std::string_view body;                // a view into the request body
};

inline constexpr std::size_t kMaxMultipartParts = 16;

// The boundary parameter of a multipart/form-data Content-Type, or an error.
Result<std::string> MultipartBoundary(std::string_view content_type);

Result<std::vector<MultipartPart>> ParseMultipart(std::string_view content_type,
                                                  std::string_view body);

// The part named `name`, or nullptr.
const MultipartPart* FindPart(const std::vector<MultipartPart>& parts, std::string_view name);

}  // namespace finhelm::http

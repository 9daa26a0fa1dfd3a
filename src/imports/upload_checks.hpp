// The checks an upload passes before it is stored (IN-5), each with the reason a client
// may read when it fails:
//   the file name ends in .csv and is a plain name (no path, no control characters);
//   the content is not empty, and libmagic sniffs it as text -- not an executable, an
//   archive or a spreadsheet renamed to .csv;
//   it is UTF-8 or Windows-1252 (text_encoding.hpp).
// Scanning for malware (malware_scanner.hpp) comes after these, and parsing after that.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"
#include "imports/text_encoding.hpp"

namespace finhelm::imports {

// The client's file name reduced to what is safe to show and store as text.
Result<std::string> CheckUploadFileName(std::string_view file_name);

// The MIME type libmagic gives `content` ("text/plain", "application/x-executable").
Result<std::string> SniffMimeType(std::string_view content);

// Runs the content checks; kInvalidArgument with the reason when one fails.
Result<TextEncoding> CheckUploadContent(std::string_view content);

}  // namespace finhelm::imports

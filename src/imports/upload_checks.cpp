#include "imports/upload_checks.hpp"

#include <magic.h>

#include <memory>

namespace finhelm::imports {
namespace {

// libmagic reads at most this much of a file by default; more would only cost time.
constexpr std::size_t kSniffBytes = std::size_t{1024} * 1024;
constexpr std::size_t kMaxFileName = 200;

struct MagicClose {
  void operator()(magic_t cookie) const { magic_close(cookie); }
};
using MagicCookie = std::unique_ptr<std::remove_pointer_t<magic_t>, MagicClose>;

Error Refused(std::string reason) {
  return MakeError(ErrorCode::kInvalidArgument, std::move(reason));
}

bool EndsWithCsv(std::string_view name) {
  if (name.size() < 4) return false;
  std::string_view tail = name.substr(name.size() - 4);
  return tail[0] == '.' && (tail[1] | 0x20) == 'c' && (tail[2] | 0x20) == 's' &&
         (tail[3] | 0x20) == 'v';
}

}  // namespace

Result<std::string> CheckUploadFileName(std::string_view file_name) {
  // Browsers send the base name; some old ones sent a Windows path.
  if (const std::size_t slash = file_name.find_last_of("/\\"); slash != std::string_view::npos) {
    file_name = file_name.substr(slash + 1);
  }
  if (file_name.empty() || file_name.size() > kMaxFileName) {
    return Refused("the file name must be 1 to 200 bytes");
  }
  for (char c : file_name) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      return Refused("the file name holds control characters");
    }
  }
  if (!EndsWithCsv(file_name) || file_name.size() == 4) {
    return Refused("only .csv files can be imported");
  }
  if (!IsValidUtf8(file_name)) return Refused("the file name is not UTF-8");
  return std::string(file_name);
}

Result<std::string> SniffMimeType(std::string_view content) {
  MagicCookie cookie(magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS | MAGIC_ERROR));
  if (!cookie) return MakeError(ErrorCode::kInternal, "magic_open failed");
  if (magic_load(cookie.get(), nullptr) != 0) {
    return MakeError(ErrorCode::kInternal, std::string("magic_load: ") + magic_error(cookie.get()));
  }
  const char* type =
      magic_buffer(cookie.get(), content.data(), std::min(content.size(), kSniffBytes));
  if (type == nullptr) {
    return MakeError(ErrorCode::kInternal,
                     std::string("magic_buffer: ") + magic_error(cookie.get()));
  }
  return std::string(type);  // Copied: the next call would overwrite it.
}

Result<TextEncoding> CheckUploadContent(std::string_view content) {
  if (content.empty()) return Refused("the file is empty");
  auto type = SniffMimeType(content);
  if (!type.ok()) return type.error();
  if (!type->starts_with("text/") && *type != "application/csv") {
    return Refused("the file is not text (it looks like " + type->substr(0, 60) + ")");
  }
  EncodingDetector detector;
  detector.Feed(content);
  auto encoding = detector.Finish();
  if (!encoding.ok()) return Refused(encoding.error().message);
  return encoding;
}

}  // namespace finhelm::imports

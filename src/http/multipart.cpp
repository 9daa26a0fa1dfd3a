#include "http/multipart.hpp"

#include <cctype>

namespace finhelm::http {
namespace {

constexpr std::size_t kMaxPartHeaderBytes = 4096;
constexpr std::size_t kMaxBoundary = 70;  // RFC 2046 section 5.1.1
constexpr std::size_t kMaxName = 200;

Error Malformed(std::string why) {
  return MakeError(ErrorCode::kInvalidArgument, "malformed multipart body: " + std::move(why));
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// Reads `; key=value` parameters (value a token or a quoted string) after a media type
// or a disposition. Returns false on a malformed list.
bool ReadParameters(std::string_view text,
                    std::vector<std::pair<std::string, std::string>>& parameters) {
  while (true) {
    text = Trim(text);
    if (text.empty()) return true;
    if (text.front() != ';') return false;
    text = Trim(text.substr(1));
    const std::size_t equals = text.find('=');
    if (equals == std::string_view::npos || equals == 0) return false;
    std::string key = Lower(Trim(text.substr(0, equals)));
    text = Trim(text.substr(equals + 1));
    std::string value;
    if (!text.empty() && text.front() == '"') {
      std::size_t i = 1;
      for (; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) ++i;
        if (text[i] == '\r' || text[i] == '\n') return false;
        value.push_back(text[i]);
      }
      if (i >= text.size()) return false;
      text.remove_prefix(i + 1);
    } else {
      const std::size_t end = text.find(';');
      value = std::string(Trim(text.substr(0, end)));
      text = end == std::string_view::npos ? std::string_view() : text.substr(end);
      if (value.empty()) return false;
    }
    for (const auto& [existing, unused] : parameters) {
      if (existing == key) return false;
    }
    parameters.emplace_back(std::move(key), std::move(value));
  }
}

Result<MultipartPart> ReadPartHeaders(std::string_view headers) {
  MultipartPart part;
  part.content_type = "text/plain";
  bool disposition_seen = false;
  while (!headers.empty()) {
    const std::size_t end = headers.find("\r\n");
    std::string_view line = headers.substr(0, end);
    headers = end == std::string_view::npos ? std::string_view() : headers.substr(end + 2);
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0)
      return Malformed("a part header has no name");
    const std::string field = Lower(line.substr(0, colon));
    std::string_view value = Trim(line.substr(colon + 1));
    if (field == "content-disposition") {
      if (disposition_seen) return Malformed("a part has two Content-Disposition headers");
      disposition_seen = true;
      const std::size_t semicolon = value.find(';');
      if (Lower(Trim(value.substr(0, semicolon))) != "form-data") {
        return Malformed("a part is not form-data");
      }
      std::vector<std::pair<std::string, std::string>> parameters;
      if (semicolon == std::string_view::npos ||
          !ReadParameters(value.substr(semicolon), parameters)) {
        return Malformed("a Content-Disposition header does not parse");
      }
      bool named = false;
      for (auto& [key, parameter] : parameters) {
        if (key == "name") {
          part.name = std::move(parameter);
          named = true;
        } else if (key == "filename") {
          part.filename = std::move(parameter);
        }
      }
      if (!named || part.name.empty() || part.name.size() > kMaxName) {
        return Malformed("a part has no name");
      }
      if (part.filename && part.filename->size() > kMaxName) {
        return Malformed("a file name is longer than 200 bytes");
      }
    } else if (field == "content-type") {
      part.content_type = Lower(Trim(value.substr(0, value.find(';'))));
    } else if (field == "content-transfer-encoding") {
      const std::string encoding = Lower(value);
      if (encoding != "binary" && encoding != "8bit" && encoding != "7bit") {
        return Malformed("a part uses a transfer encoding other than binary");
      }
    }
    // RFC 7578 section 4.8: any other header of a part is ignored.
  }
  if (!disposition_seen) return Malformed("a part has no Content-Disposition");
  return part;
}

}  // namespace

Result<std::string> MultipartBoundary(std::string_view content_type) {
  const std::size_t semicolon = content_type.find(';');
  if (Lower(Trim(content_type.substr(0, semicolon))) != "multipart/form-data") {
    return Malformed("expected multipart/form-data");
  }
  std::vector<std::pair<std::string, std::string>> parameters;
  if (semicolon == std::string_view::npos ||
      !ReadParameters(content_type.substr(semicolon), parameters)) {
    return Malformed("the Content-Type has no boundary");
  }
  for (auto& [key, value] : parameters) {
    if (key != "boundary") continue;
    if (value.empty() || value.size() > kMaxBoundary) return Malformed("the boundary is invalid");
    for (char c : value) {
      if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7E) {
        return Malformed("the boundary is invalid");
      }
    }
    std::string boundary = std::move(value);
    return boundary;
  }
  return Malformed("the Content-Type has no boundary");
}

Result<std::vector<MultipartPart>> ParseMultipart(std::string_view content_type,
                                                  std::string_view body) {
  auto boundary = MultipartBoundary(content_type);
  if (!boundary.ok()) return boundary.error();
  const std::string delimiter = "--" + *boundary;
  const std::string separator = "\r\n" + delimiter;

  // A preamble before the first delimiter is allowed (RFC 2046) and ignored.
  std::size_t position = 0;
  if (body.substr(0, delimiter.size()) != delimiter) {
    const std::size_t first = body.find(separator);
    if (first == std::string_view::npos) return Malformed("no delimiter");
    position = first + 2;
  }
  std::vector<MultipartPart> parts;
  for (;;) {
    position += delimiter.size();
    if (body.substr(position, 2) == "--") break;  // The close delimiter.
    // Transport padding after a delimiter (RFC 2046) is spaces or tabs.
    while (position < body.size() && (body[position] == ' ' || body[position] == '\t')) {
      ++position;
    }
    if (body.substr(position, 2) != "\r\n") return Malformed("a delimiter is not followed by CRLF");
    position += 2;
    const std::size_t headers_end = body.find("\r\n\r\n", position);
    if (headers_end == std::string_view::npos && body.substr(position, 2) != "\r\n") {
      return Malformed("a part's headers do not end");
    }
    std::string_view headers;
    std::size_t content_start = 0;
    if (body.substr(position, 2) == "\r\n") {
      content_start = position + 2;  // A part with no headers at all.
    } else {
      headers = body.substr(position, headers_end - position);
      content_start = headers_end + 4;
    }
    if (headers.size() > kMaxPartHeaderBytes) return Malformed("a part's headers are too long");
    const std::size_t content_end = body.find(separator, content_start);
    if (content_end == std::string_view::npos) return Malformed("the closing delimiter is missing");
    auto part = ReadPartHeaders(headers);
    if (!part.ok()) return part.error();
    part->body = body.substr(content_start, content_end - content_start);
    if (FindPart(parts, part->name) != nullptr) return Malformed("a field name repeats");
    parts.push_back(std::move(*part));
    if (parts.size() > kMaxMultipartParts) return Malformed("more than 16 parts");
    position = content_end + 2;
  }
  return parts;
}

const MultipartPart* FindPart(const std::vector<MultipartPart>& parts, std::string_view name) {
  for (const MultipartPart& part : parts) {
    if (part.name == name) return &part;
  }
  return nullptr;
}

}  // namespace finhelm::http

#include "imports/text_encoding.hpp"

#include <array>

namespace finhelm::imports {
namespace {

constexpr std::array<std::uint8_t, 3> kBom = {0xEF, 0xBB, 0xBF};

// Windows-1252's bytes 0x80 to 0x9F as Unicode code points; 0 where the code page leaves
// the byte undefined. 0xA0 to 0xFF are Latin-1 and map to themselves.
constexpr std::array<std::uint16_t, 32> kHighControls = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

void AppendCodePoint(std::uint32_t code_point, std::string& out) {
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

}  // namespace

const char* TextEncodingName(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::kUtf8:
      return "utf-8";
    case TextEncoding::kUtf8WithBom:
      return "utf-8-bom";
    case TextEncoding::kWindows1252:
      return "windows-1252";
  }
  return "utf-8";
}

void EncodingDetector::Feed(std::span<const char> bytes) {
  for (char c : bytes) {
    const auto byte = static_cast<std::uint8_t>(c);
    if (offset_ < kBom.size()) bom_bytes_[offset_] = byte;
    ++offset_;
    if (offset_ == kBom.size()) {
      has_bom_ = bom_bytes_[0] == kBom[0] && bom_bytes_[1] == kBom[1] && bom_bytes_[2] == kBom[2];
    }
    if (byte == 0) has_nul_ = true;
    if (byte >= 0x80 && byte <= 0x9F && kHighControls[byte - 0x80] == 0) {
      has_undefined_1252_ = true;
    }
    if (!utf8_valid_) continue;
    if (continuation_needed_ > 0) {
      bool valid = (byte & 0xC0) == 0x80;
      // The second byte decides overlongs (E0, F0), surrogates (ED) and the U+10FFFF cap.
      if (valid && continuation_seen_ == 0) {
        if (lead_ == 0xE0) valid = byte >= 0xA0;
        if (lead_ == 0xED) valid = byte <= 0x9F;
        if (lead_ == 0xF0) valid = byte >= 0x90;
        if (lead_ == 0xF4) valid = byte <= 0x8F;
      }
      if (!valid) {
        utf8_valid_ = false;
        continue;
      }
      ++continuation_seen_;
      --continuation_needed_;
      continue;
    }
    continuation_seen_ = 0;
    lead_ = byte;
    if (byte < 0x80) continue;
    if (byte >= 0xC2 && byte <= 0xDF) {
      continuation_needed_ = 1;
    } else if (byte >= 0xE0 && byte <= 0xEF) {
      continuation_needed_ = 2;
    } else if (byte >= 0xF0 && byte <= 0xF4) {
      continuation_needed_ = 3;
    } else {
      utf8_valid_ = false;
    }
  }
}

Result<TextEncoding> EncodingDetector::Finish() const {
  if (has_nul_) return MakeError(ErrorCode::kInvalidArgument, "the file holds NUL bytes");
  if (utf8_valid_ && continuation_needed_ == 0) {
    return has_bom_ ? TextEncoding::kUtf8WithBom : TextEncoding::kUtf8;
  }
  if (has_undefined_1252_) {
    return MakeError(ErrorCode::kInvalidArgument, "the file is neither UTF-8 nor Windows-1252");
  }
  return TextEncoding::kWindows1252;
}

void Utf8Decoder::Decode(std::span<const char> bytes, std::string& out) {
  std::size_t start = 0;
  if (encoding_ == TextEncoding::kUtf8WithBom) {
    // The BOM may arrive split over the first chunks.
    while (offset_ < kBom.size() && start < bytes.size()) {
      ++offset_;
      ++start;
    }
  }
  offset_ += bytes.size() - start;
  if (encoding_ != TextEncoding::kWindows1252) {
    out.append(bytes.data() + start, bytes.size() - start);
    return;
  }
  for (std::size_t i = start; i < bytes.size(); ++i) {
    const auto byte = static_cast<std::uint8_t>(bytes[i]);
    if (byte < 0x80) {
      out.push_back(static_cast<char>(byte));
    } else if (byte < 0xA0) {
      // Detection refused files with undefined bytes, so the table has an entry here.
      AppendCodePoint(kHighControls[byte - 0x80], out);
    } else {
      AppendCodePoint(byte, out);
    }
  }
}

bool IsValidUtf8(std::string_view text) {
  EncodingDetector detector;
  detector.Feed(text);
  auto encoding = detector.Finish();
  return encoding.ok() && *encoding != TextEncoding::kWindows1252;
}

}  // namespace finhelm::imports

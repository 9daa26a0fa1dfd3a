// The text encodings FinHelm reads uploads in (IN-5): UTF-8, with or without a byte-order
// mark, and Windows-1252, which QuickBooks Desktop and many banks still export.
//
// Detection reads the whole file once: a file is UTF-8 when every byte sequence in it is
// well-formed UTF-8 (an ASCII file is both, and reads the same either way), otherwise
// Windows-1252. A NUL byte, or a byte that Windows-1252 leaves undefined in a file that is
// not UTF-8, means the file is not text at all. Decoding then turns every chunk into UTF-8
// for the CSV reader, so nothing downstream sees another encoding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace finhelm::imports {

enum class TextEncoding { kUtf8, kUtf8WithBom, kWindows1252 };

// "utf-8", "utf-8-bom" or "windows-1252", as the import report names it.
const char* TextEncodingName(TextEncoding encoding);

// Incremental detection over the file's bytes, fed in chunks of any size.
class EncodingDetector {
 public:
  void Feed(std::span<const char> bytes);
  // kInvalidArgument when the bytes are not text in either encoding.
  Result<TextEncoding> Finish() const;

 private:
  std::uint64_t offset_ = 0;
  bool has_bom_ = false;
  bool utf8_valid_ = true;
  bool has_nul_ = false;
  bool has_undefined_1252_ = false;
  int continuation_needed_ = 0;  // Continuation bytes still owed by the current sequence.
  std::uint32_t lead_ = 0;       // The lead byte of that sequence, for overlong checks.
  int continuation_seen_ = 0;
  std::uint8_t bom_bytes_[3] = {0, 0, 0};
};

// Turns chunks of one encoding into UTF-8, dropping a leading byte-order mark. Chunks may
// split a UTF-8 sequence anywhere: the CSV reader works on bytes, and its delimiters are
// ASCII, which never occurs inside a multi-byte sequence.
class Utf8Decoder {
 public:
  explicit Utf8Decoder(TextEncoding encoding) : encoding_(encoding) {}

  // Appends the UTF-8 text of `bytes` to `out`.
  void Decode(std::span<const char> bytes, std::string& out);

 private:
  TextEncoding encoding_;
  std::uint64_t offset_ = 0;
};

// Whether `text` is well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF)
// without NUL bytes.
bool IsValidUtf8(std::string_view text);

}  // namespace finhelm::imports

// Fuzzes the CSV reader behind every import, with the text decoding in front of it: any
// bytes are detected as UTF-8, Windows-1252 or not text; text is decoded and read into
// records. The reader must never crash, never exceed its limits, never go backwards in
// lines, and always reach the end of the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "imports/csv_reader.hpp"
#include "imports/text_encoding.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  finhelm::imports::EncodingDetector detector;
  detector.Feed(bytes);
  auto encoding = detector.Finish();
  if (!encoding.ok()) return 0;
  std::string text;
  finhelm::imports::Utf8Decoder(*encoding).Decode(bytes, text);
  if (*encoding != finhelm::imports::TextEncoding::kWindows1252 &&
      !finhelm::imports::IsValidUtf8(text) && !text.empty()) {
    std::abort();  // Detection said UTF-8, so the text passes through unchanged and valid.
  }
  finhelm::imports::CsvLimits limits;
  limits.max_field_bytes = 64;
  limits.max_fields = 16;
  limits.max_record_bytes = 256;
  const char delimiter = size > 0 && data[0] % 3 == 0 ? ';' : ',';
  finhelm::imports::CsvReader reader(finhelm::imports::MemorySource(text), delimiter, limits);
  finhelm::imports::CsvRecord record;
  std::int64_t last_line = 0;
  for (std::size_t steps = 0; steps <= text.size() + 1; ++steps) {
    auto step = reader.Next(record);
    if (!step.ok()) std::abort();  // A memory source never fails.
    if (*step == finhelm::imports::CsvStep::kEnd) {
      if (reader.bytes_read() > text.size()) std::abort();
      return 0;
    }
    if (record.line < last_line) std::abort();
    last_line = record.line;
    if (record.fields.size() > limits.max_fields) std::abort();
    for (const std::string& field : record.fields) {
      if (field.size() > limits.max_field_bytes) std::abort();
    }
    if (*step == finhelm::imports::CsvStep::kMalformed && record.error.empty()) std::abort();
  }
  std::abort();  // Every step consumes input: more steps than bytes means a loop.
}

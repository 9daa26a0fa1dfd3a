#include "imports/csv_reader.hpp"

#include <algorithm>
#include <cstring>
#include <utility>

namespace finhelm::imports {
namespace {

constexpr std::size_t kBufferBytes = std::size_t{256} * 1024;

}  // namespace

CsvReader::CsvReader(ByteSource source, char delimiter, CsvLimits limits)
    : source_(std::move(source)), delimiter_(delimiter), limits_(limits), buffer_(kBufferBytes) {}

Result<int> CsvReader::Peek() {
  if (position_ < filled_) return static_cast<unsigned char>(buffer_[position_]);
  if (at_end_) return -1;
  auto got = source_(std::span<char>(buffer_.data(), buffer_.size()));
  if (!got.ok()) return got.error();
  position_ = 0;
  filled_ = *got;
  if (filled_ == 0) {
    at_end_ = true;
    return -1;
  }
  return static_cast<unsigned char>(buffer_[0]);
}

void CsvReader::Advance() {
  ++position_;
  ++bytes_read_;
}

Result<CsvStep> CsvReader::SkipRestOfLine(CsvRecord& record, std::string error) {
  record.error = std::move(error);
  record.fields.clear();
  for (;;) {
    auto c = Peek();
    if (!c.ok()) return c.error();
    if (*c == -1) break;
    Advance();
    if (*c == '\n') break;
    if (*c == '\r') {
      auto next = Peek();
      if (!next.ok()) return next.error();
      if (*next == '\n') Advance();
      break;
    }
  }
  ++line_;
  return CsvStep::kMalformed;
}

Result<CsvStep> CsvReader::Next(CsvRecord& record) {
  record.line = line_;
  record.error.clear();
  std::size_t used = 0;
  // Reuse the strings of the previous record: no allocation per field once warm.
  std::size_t count = 0;
  auto start_field = [&]() -> std::string* {
    if (count == record.fields.size()) record.fields.emplace_back();
    std::string* field = &record.fields[count++];
    field->clear();
    return field;
  };

  auto first = Peek();
  if (!first.ok()) return first.error();
  if (*first == -1) {
    record.fields.clear();
    return CsvStep::kEnd;
  }

  std::string* field = start_field();
  bool quoted = false;
  bool after_quote = false;  // A quoted field just closed; only a delimiter or EOL may follow.
  bool field_start = true;
  for (;;) {
    auto got = Peek();
    if (!got.ok()) return got.error();
    const int c = *got;
    if (c == -1) {
      if (quoted) {
        record.fields.clear();
        record.error = "a quoted field is not closed before the end of the file";
        return CsvStep::kMalformed;
      }
      break;
    }
    if (++used > limits_.max_record_bytes) {
      if (quoted) {
        record.fields.clear();
        record.error = "the record is longer than 1 MiB";
        // A quote left open could run to the end of the file; stop reading records.
        at_end_ = true;
        position_ = filled_;
        return CsvStep::kMalformed;
      }
      return SkipRestOfLine(record, "the record is longer than 1 MiB");
    }
    if (quoted) {
      Advance();
      if (c == '"') {
        auto next = Peek();
        if (!next.ok()) return next.error();
        if (*next != '"') {
          quoted = false;
          after_quote = true;
          continue;
        }
        // An escaped quote: two bytes of the record, one of the field, and the field's
        // limit checked below like any other byte's (a field of escaped quotes that
        // closed right after one used to slip past it).
        Advance();
        ++used;
        field->push_back('"');
      } else {
        if (c == '\n') ++line_;
        if (c == '\r') {
          auto next = Peek();
          if (!next.ok()) return next.error();
          if (*next != '\n') ++line_;
        }
        field->push_back(static_cast<char>(c));
      }
    } else if (c == delimiter_) {
      Advance();
      if (count >= limits_.max_fields) {
        record.fields.resize(count);
        return SkipRestOfLine(record, "the record has more than 512 fields");
      }
      field = start_field();
      field_start = true;
      after_quote = false;
      continue;
    } else if (c == '\n' || c == '\r') {
      Advance();
      if (c == '\r') {
        auto next = Peek();
        if (!next.ok()) return next.error();
        if (*next == '\n') Advance();
      }
      ++line_;
      break;
    } else if (after_quote) {
      record.fields.resize(count);
      return SkipRestOfLine(record, "text follows a closing quote");
    } else if (c == '"' && field_start) {
      Advance();
      quoted = true;
    } else {
      Advance();
      field->push_back(static_cast<char>(c));
    }
    field_start = false;
    if (field->size() > limits_.max_field_bytes) {
      if (quoted) {
        record.fields.clear();
        at_end_ = true;
        position_ = filled_;
        record.error = "a field is longer than 64 KiB";
        return CsvStep::kMalformed;
      }
      return SkipRestOfLine(record, "a field is longer than 64 KiB");
    }
  }
  record.fields.resize(count);
  return CsvStep::kRecord;
}

ByteSource MemorySource(std::string_view text) {
  return [text, offset = std::size_t{0}](std::span<char> buffer) mutable -> Result<std::size_t> {
    const std::size_t take = std::min(buffer.size(), text.size() - offset);
    std::memcpy(buffer.data(), text.data() + offset, take);
    offset += take;
    return take;
  };
}

}  // namespace finhelm::imports

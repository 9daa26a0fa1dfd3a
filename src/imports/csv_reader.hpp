// CsvReader: RFC 4180 records from a stream of UTF-8 bytes, one record at a time.
//
// Memory is bounded by the largest record, never by the file: the reader keeps one
// buffer of input and one record. Fields may be quoted ("a, b", "say ""hi"""), quoted
// fields may span lines, and records end with CRLF, LF or CR. A quote inside an unquoted
// field is kept as text, as every spreadsheet does. A record is malformed -- reported
// with its line and skipped, the reader resynchronizing at the next line -- when text
// follows a closing quote, or when it breaks a limit below. A quoted field still open at
// the end of the file is malformed too.
//
// Limits (IN-2): a field of at most 64 KiB, at most 512 fields, a record of at most
// 1 MiB. Lines are counted from 1 and name where the record starts, as a spreadsheet
// shows them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace finhelm::imports {

// Fills `buffer` with the next bytes and returns how many; 0 at the end of the input.
using ByteSource = std::function<Result<std::size_t>(std::span<char> buffer)>;

struct CsvLimits {
  std::size_t max_field_bytes = std::size_t{64} * 1024;
  std::size_t max_fields = 512;
  std::size_t max_record_bytes = std::size_t{1024} * 1024;
};

struct CsvRecord {
  std::int64_t line = 0;  // where the record starts
  std::vector<std::string> fields;
  std::string error;  // why it is malformed, for CsvStep::kMalformed (fields then empty)
};

enum class CsvStep { kRecord, kMalformed, kEnd };

class CsvReader {
 public:
  CsvReader(ByteSource source, char delimiter = ',', CsvLimits limits = {});

  // Reads the next record into `record`, reusing its storage. An Error means the source
  // failed; a malformed record is a step, not an error, and reading goes on after it.
  Result<CsvStep> Next(CsvRecord& record);

  // Bytes consumed so far, for progress reports.
  std::uint64_t bytes_read() const { return bytes_read_; }

 private:
  // The next byte, or -1 at the end of the input.
  Result<int> Peek();
  void Advance();
  Result<CsvStep> SkipRestOfLine(CsvRecord& record, std::string error);

  ByteSource source_;
  char delimiter_;
  CsvLimits limits_;
  std::vector<char> buffer_;
  std::size_t position_ = 0;
  std::size_t filled_ = 0;
  bool at_end_ = false;
  std::int64_t line_ = 1;
  std::uint64_t bytes_read_ = 0;
};

// A ByteSource over text in memory, for tests, previews and fuzzing.
ByteSource MemorySource(std::string_view text);

}  // namespace finhelm::imports

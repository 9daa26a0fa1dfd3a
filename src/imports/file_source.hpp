// Reading an upload from disk as UTF-8, in chunks.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>

#include "core/result.hpp"
#include "imports/csv_reader.hpp"
#include "imports/text_encoding.hpp"

namespace finhelm::imports {

// A ByteSource over the file at `path`, decoded from `encoding` to UTF-8. The file is
// opened now (kNotFound when it is gone) and closed when the last copy of the source is
// destroyed. `file_bytes`, when given, receives the file's size, for progress.
Result<ByteSource> OpenFileSource(const std::filesystem::path& path, TextEncoding encoding,
                                  std::uint64_t* file_bytes = nullptr);

// Reads the whole file once to tell its encoding (text_encoding.hpp).
Result<TextEncoding> DetectFileEncoding(const std::filesystem::path& path);

}  // namespace finhelm::imports

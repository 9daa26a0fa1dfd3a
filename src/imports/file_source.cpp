#include "imports/file_source.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "core/unique_fd.hpp"

namespace finhelm::imports {
namespace {

constexpr std::size_t kReadChunk = std::size_t{256} * 1024;

Result<UniqueFd> OpenForReading(const std::filesystem::path& path) {
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
  if (!fd.valid()) {
    return MakeError(errno == ENOENT ? ErrorCode::kNotFound : ErrorCode::kUnavailable,
                     std::string("open upload: ") + std::strerror(errno));
  }
  return fd;
}

Result<std::size_t> ReadSome(int fd, char* buffer, std::size_t size) {
  for (;;) {
    const ssize_t got = ::read(fd, buffer, size);
    if (got >= 0) return static_cast<std::size_t>(got);
    if (errno != EINTR) {
      return MakeError(ErrorCode::kUnavailable,
                       std::string("read upload: ") + std::strerror(errno));
    }
  }
}

// Raw bytes in, decoded text out; decoding can grow the text (Windows-1252 to UTF-8), so
// what does not fit the caller's buffer waits for the next call.
struct DecodingReader {
  UniqueFd fd;
  Utf8Decoder decoder;
  std::vector<char> raw = std::vector<char>(kReadChunk);
  std::string pending;
  std::size_t pending_offset = 0;

  Result<std::size_t> Fill(std::span<char> buffer) {
    while (pending_offset == pending.size()) {
      pending.clear();
      pending_offset = 0;
      auto got = ReadSome(fd.get(), raw.data(), raw.size());
      if (!got.ok()) return got.error();
      if (*got == 0) return std::size_t{0};
      decoder.Decode(std::span<const char>(raw.data(), *got), pending);
    }
    const std::size_t take = std::min(buffer.size(), pending.size() - pending_offset);
    std::memcpy(buffer.data(), pending.data() + pending_offset, take);
    pending_offset += take;
    return take;
  }
};

}  // namespace

Result<ByteSource> OpenFileSource(const std::filesystem::path& path, TextEncoding encoding,
                                  std::uint64_t* file_bytes) {
  auto fd = OpenForReading(path);
  if (!fd.ok()) return fd.error();
  if (file_bytes != nullptr) {
    struct stat info {};
    *file_bytes = ::fstat(fd->get(), &info) == 0 ? static_cast<std::uint64_t>(info.st_size) : 0;
  }
  auto reader = std::make_shared<DecodingReader>(
      DecodingReader{std::move(*fd), Utf8Decoder(encoding), {}, {}, 0});
  reader->raw.resize(kReadChunk);
  return ByteSource([reader](std::span<char> buffer) { return reader->Fill(buffer); });
}

Result<TextEncoding> DetectFileEncoding(const std::filesystem::path& path) {
  auto fd = OpenForReading(path);
  if (!fd.ok()) return fd.error();
  EncodingDetector detector;
  std::vector<char> buffer(kReadChunk);
  for (;;) {
    auto got = ReadSome(fd->get(), buffer.data(), buffer.size());
    if (!got.ok()) return got.error();
    if (*got == 0) break;
    detector.Feed(std::span<const char>(buffer.data(), *got));
  }
  return detector.Finish();
}

}  // namespace finhelm::imports

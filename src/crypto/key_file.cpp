#include "crypto/key_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/unique_fd.hpp"
#include "crypto/encoding.hpp"
#include "crypto/random.hpp"
#include "crypto/secret_bytes.hpp"
#include "crypto/secret_file.hpp"
#include "observability/log.hpp"

namespace finhelm::crypto {
namespace {

constexpr std::string_view kFileHeader =
    "# FinHelm master keys: one <version>:<base64 of 32 bytes> per line; the highest\n"
    "# version is current. Keep this file mode 0600, apart from the database and its\n"
    "# backups. Remove an old line only once no data key is wrapped under it.\n";

std::string_view TrimLine(std::string_view line) {
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
    line.remove_suffix(1);
  }
  return line;
}

Error LineError(std::size_t line_number, std::string_view problem) {
  return MakeError(
      ErrorCode::kInvalidArgument,
      "master key file line " + std::to_string(line_number) + ": " + std::string(problem));
}

Result<std::uint32_t> ParseVersion(std::string_view text) {
  std::uint32_t version = 0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, version);
  if (text.empty() || text.front() == '0' || error != std::errc() || stop != end) {
    return MakeError(ErrorCode::kInvalidArgument, "bad version");
  }
  return version;
}

Result<MasterKey> ParseKeyLine(std::string_view line, std::size_t line_number) {
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) {
    return LineError(line_number, "expected <version>:<base64 key>");
  }
  auto version = ParseVersion(line.substr(0, colon));
  if (!version.ok()) {
    return LineError(line_number, "version must be a whole number from 1 to 4294967295");
  }
  auto key = Base64DecodeSecret(line.substr(colon + 1));
  if (!key.ok() || key->size() != kMasterKeyBytes) {
    return LineError(line_number, "key must be 32 bytes in standard base64 with padding");
  }
  return MasterKey{*version, std::move(key).value()};
}

// Joins `parts` in one secret buffer, so key text is never held in ordinary memory.
SecretBytes Concatenate(std::initializer_list<ByteSpan> parts) {
  std::size_t size = 0;
  for (ByteSpan part : parts) size += part.size();
  SecretBytes out(size);
  std::size_t offset = 0;
  for (ByteSpan part : parts) {
    if (part.empty()) continue;
    std::memcpy(out.data() + offset, part.data(), part.size());
    offset += part.size();
  }
  return out;
}

// "<version>:<base64 key>\n" for a fresh random key.
SecretBytes NewKeyLine(std::uint32_t version) {
  const SecretBytes key = RandomSecretBytes(kMasterKeyBytes);
  const SecretBytes encoded = Base64EncodeSecret(key.bytes());
  const std::string prefix = std::to_string(version) + ":";
  return Concatenate({AsBytes(prefix), encoded.bytes(), AsBytes("\n")});
}

Error WithPath(const Error& error, const std::filesystem::path& path) {
  return MakeError(error.code, "'" + path.string() + "': " + error.message);
}

// Makes a rename in `directory` durable; without it a crash can bring back the old file.
void SyncDirectory(const std::filesystem::path& directory) {
  UniqueFd fd(
      ::open(directory.empty() ? "." : directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.valid()) ::fsync(fd.get());
}

}  // namespace

Result<MasterKeyRing> ParseMasterKeyFile(ByteSpan contents) {
  const std::string_view text(reinterpret_cast<const char*>(contents.data()), contents.size());
  std::vector<MasterKey> keys;
  std::size_t line_number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t newline = text.find('\n', start);
    const std::size_t end = newline == std::string_view::npos ? text.size() : newline;
    const std::string_view line = TrimLine(text.substr(start, end - start));
    start = end + 1;
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    auto key = ParseKeyLine(line, line_number);
    if (!key.ok()) return key.error();
    keys.push_back(std::move(key).value());
  }
  return MasterKeyRing::Create(std::move(keys));
}

Result<MasterKeyRing> LoadMasterKeyRing(const std::filesystem::path& path) {
  auto contents = ReadSecretFile(path);
  if (!contents.ok()) return contents.error();
  auto ring = ParseMasterKeyFile(contents->bytes());
  if (!ring.ok()) return WithPath(ring.error(), path);
  log::Info("crypto_master_keys_loaded",
            {{"path", path.string()},
             {"current_version", static_cast<std::int64_t>(ring->current_version())},
             {"versions", static_cast<std::int64_t>(ring->versions().size())}});
  return ring;
}

Status GenerateMasterKeyFile(const std::filesystem::path& path) {
  const SecretBytes contents = Concatenate({AsBytes(kFileHeader), NewKeyLine(1).bytes()});
  if (Status written = WriteNewSecretFile(path, contents.bytes()); !written.ok()) {
    return written;
  }
  log::Info("crypto_master_key_file_created", {{"path", path.string()}});
  return Status::Ok();
}

Result<std::uint32_t> AddMasterKeyVersion(const std::filesystem::path& path) {
  auto old_contents = ReadSecretFile(path);
  if (!old_contents.ok()) return old_contents.error();
  auto ring = ParseMasterKeyFile(old_contents->bytes());
  if (!ring.ok()) return WithPath(ring.error(), path);
  if (ring->current_version() == std::numeric_limits<std::uint32_t>::max()) {
    return MakeError(ErrorCode::kResourceExhausted, "master key versions exhausted");
  }
  const std::uint32_t version = ring->current_version() + 1;

  const ByteSpan old_bytes = old_contents->bytes();
  const bool needs_newline = !old_bytes.empty() && old_bytes.back() != '\n';
  const SecretBytes new_contents =
      Concatenate({old_bytes, AsBytes(needs_newline ? "\n" : ""), NewKeyLine(version).bytes()});
  auto new_ring = ParseMasterKeyFile(new_contents.bytes());
  if (!new_ring.ok() || new_ring->current_version() != version) {
    return MakeError(ErrorCode::kInternal, "new master key file does not parse back");
  }

  std::filesystem::path staged = path;
  staged += ".new";
  if (Status written = WriteNewSecretFile(staged, new_contents.bytes()); !written.ok()) {
    return written.error();
  }
  if (::rename(staged.c_str(), path.c_str()) != 0) {
    const int error_number = errno;
    ::unlink(staged.c_str());
    return MakeError(ErrorCode::kUnavailable,
                     "cannot replace '" + path.string() + "': " + std::strerror(error_number));
  }
  SyncDirectory(path.parent_path());
  log::Info("crypto_master_key_added",
            {{"path", path.string()}, {"version", static_cast<std::int64_t>(version)}});
  return version;
}

}  // namespace finhelm::crypto

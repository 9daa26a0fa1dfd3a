// Secret files (DATA-4): reading a secret from a file only when no one else can read it,
// and creating new secret files that no one else can.
#pragma once

#include <cstddef>
#include <filesystem>

#include "core/result.hpp"
#include "crypto/bytes.hpp"
#include "crypto/secret_bytes.hpp"

namespace finhelm::crypto {

// Larger than any key file or password; a bigger "secret" is a misconfiguration.
inline constexpr std::size_t kMaxSecretFileBytes = std::size_t{64} * 1024;

// Returns the exact contents of `path` (a trailing newline included) in secret memory.
// The checks apply to the file actually opened (symbolic links are followed, as
// container secret mounts use them), so the file cannot be swapped between check and
// read. Errors, each naming the path and the fix:
//   kNotFound           the file does not exist
//   kPermissionDenied   group or others have any permission (mode & 077), the owner is
//                       not the effective user of this process, or open(2) was refused
//   kInvalidArgument    not a regular file, or larger than kMaxSecretFileBytes
//   kUnavailable        another I/O error
Result<SecretBytes> ReadSecretFile(const std::filesystem::path& path);

// Creates `path` with mode 0600 and writes `contents`, flushed to disk. Never replaces an
// existing file or follows a symbolic link at `path` (kConflict if something is there);
// a partly written file is removed.
Status WriteNewSecretFile(const std::filesystem::path& path, ByteSpan contents);

}  // namespace finhelm::crypto

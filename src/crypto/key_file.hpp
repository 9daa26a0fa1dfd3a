// The master key file (DATA-2, DATA-4).
//
// A text file, mode 0600, owned by the user that runs FinHelm:
//
//   # FinHelm master keys ...
//   1:<44 base64 characters>
//   2:<44 base64 characters>
//
// One key per line as <version>:<key>, where <version> is a decimal number from 1 to
// 4294967295 without sign or leading zeros, and <key> is 32 bytes in standard base64 with
// padding (44 characters; `openssl rand -base64 32` prints one). Blank lines and lines
// starting with '#' are ignored; spaces and tabs around a line and a CR before the LF are
// tolerated. The highest version is current: it wraps every new data key. Older lines
// stay until no data key is wrapped under them (see master_key_ring.hpp).
//
// The file belongs with the server's other secrets, never beside the database or in its
// backups: whoever holds both can read every sealed secret.
#pragma once

#include <cstdint>
#include <filesystem>

#include "core/result.hpp"
#include "crypto/bytes.hpp"
#include "crypto/master_key_ring.hpp"

namespace finhelm::crypto {

// Parses the text of a key file, for callers that received it from elsewhere (an
// environment variable, Vault). kInvalidArgument naming the offending line; messages
// never quote key material.
Result<MasterKeyRing> ParseMasterKeyFile(ByteSpan contents);

// ReadSecretFile (with its permission checks) then ParseMasterKeyFile.
Result<MasterKeyRing> LoadMasterKeyRing(const std::filesystem::path& path);

// Creates a key file holding one fresh random key, version 1; for `finhelm keys init`.
// Never overwrites: kConflict when `path` exists.
Status GenerateMasterKeyFile(const std::filesystem::path& path);

// Appends a fresh random key with the next version to an existing key file and returns
// that version; for the first step of a master key rotation. The new file is written
// beside the old one as "<path>.new" and renamed over it, so a crash leaves either the
// old file or the new one; a leftover "<path>.new" must be removed by hand (kConflict).
Result<std::uint32_t> AddMasterKeyVersion(const std::filesystem::path& path);

}  // namespace finhelm::crypto

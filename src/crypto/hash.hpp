// SHA-256, for storing tokens by their digest (AUTH-3, SESS-1) and chaining audit events.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "crypto/bytes.hpp"

namespace finhelm::crypto {

inline constexpr std::size_t kSha256Bytes = 32;

std::array<std::uint8_t, kSha256Bytes> Sha256(ByteSpan bytes);
// 64 lowercase hex characters: the form token digests are stored and compared in.
std::string Sha256Hex(ByteSpan bytes);
std::string Sha256Hex(std::string_view text);

}  // namespace finhelm::crypto

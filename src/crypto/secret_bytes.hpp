// SecretBytes: the only container FinHelm keeps keys, tokens and decrypted secrets in.
//
// The bytes live in libsodium's guarded heap (sodium_malloc): locked out of swap where
// the system allows it, fenced by inaccessible guard pages, and wiped by sodium_free when
// the buffer is released, moved over or destroyed. Copies are explicit (Clone) so that a
// secret is never duplicated by accident, and the stream operator is deleted, so a secret
// cannot reach a log line or a test failure message.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <span>
#include <string_view>

#include "crypto/bytes.hpp"

namespace finhelm::crypto {

class SecretBytes {
 public:
  // An empty buffer; allocates nothing.
  SecretBytes() = default;
  // `size` zero bytes. Each non-empty buffer costs a few pages of address space and
  // several system calls, so keep one per secret, not one per byte of a hot loop. Throws
  // std::bad_alloc when the memory cannot be mapped, as any allocation does.
  explicit SecretBytes(std::size_t size);
  static SecretBytes CopyOf(ByteSpan bytes);
  static SecretBytes CopyOf(std::string_view text) { return CopyOf(AsBytes(text)); }

  SecretBytes(SecretBytes&& other) noexcept;
  SecretBytes& operator=(SecretBytes&& other) noexcept;
  SecretBytes(const SecretBytes&) = delete;
  SecretBytes& operator=(const SecretBytes&) = delete;
  ~SecretBytes() { Release(); }

  std::uint8_t* data() { return data_; }
  const std::uint8_t* data() const { return data_; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::span<std::uint8_t> bytes() { return {data_, size_}; }
  ByteSpan bytes() const { return {data_, size_}; }
  // For secrets that are text (a password from a file). The view points into this buffer.
  std::string_view AsStringView() const { return {reinterpret_cast<const char*>(data_), size_}; }

  // A second, independent copy in its own guarded allocation.
  SecretBytes Clone() const { return CopyOf(bytes()); }
  // Wipes the bytes past `new_size` and forgets them; `new_size` must not exceed size().
  void Truncate(std::size_t new_size);
  // Wipes and frees the buffer now instead of at destruction; the buffer becomes empty.
  void Release();

 private:
  std::uint8_t* data_ = nullptr;
  std::size_t size_ = 0;
};

// Deleted so that streaming a secret, directly or through a test macro, does not compile.
std::ostream& operator<<(std::ostream& out, const SecretBytes& secret) = delete;

}  // namespace finhelm::crypto

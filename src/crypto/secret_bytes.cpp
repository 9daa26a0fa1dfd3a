#include "crypto/secret_bytes.hpp"

#include <sodium.h>

#include <cassert>
#include <cstring>
#include <new>
#include <utility>

#include "crypto/internal/sodium.hpp"

namespace finhelm::crypto {

SecretBytes::SecretBytes(std::size_t size) {
  if (size == 0) return;
  internal::EnsureSodium();
  void* memory = sodium_malloc(size);
  if (memory == nullptr) throw std::bad_alloc();
  // sodium_malloc fills with a non-zero pattern; zeros make a fresh buffer predictable.
  sodium_memzero(memory, size);
  data_ = static_cast<std::uint8_t*>(memory);
  size_ = size;
}

SecretBytes SecretBytes::CopyOf(ByteSpan bytes) {
  SecretBytes copy(bytes.size());
  if (!bytes.empty()) std::memcpy(copy.data_, bytes.data(), bytes.size());
  return copy;
}

SecretBytes::SecretBytes(SecretBytes&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept {
  if (this != &other) {
    Release();
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

void SecretBytes::Truncate(std::size_t new_size) {
  assert(new_size <= size_);
  if (new_size >= size_) return;
  sodium_memzero(data_ + new_size, size_ - new_size);
  size_ = new_size;
}

void SecretBytes::Release() {
  if (data_ == nullptr) return;
  // sodium_free wipes the whole allocation, including any tail dropped by Truncate.
  sodium_free(data_);
  data_ = nullptr;
  size_ = 0;
}

}  // namespace finhelm::crypto

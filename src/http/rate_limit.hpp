// Token-bucket rate limiting (WEB-1) behind an interface, so that several instances can
// share buckets through Redis later without the pipeline changing.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace finhelm::http {

struct RateLimit {
  std::uint32_t capacity = 0;  // Burst size and requests per period.
  std::chrono::seconds period{60};
};

struct RateDecision {
  bool allowed = true;
  std::uint32_t limit = 0;
  std::uint32_t remaining = 0;
  std::chrono::seconds retry_after{0};  // When not allowed: until one token is back.
  std::chrono::seconds reset{0};        // Until the bucket is full again.
};

class RateLimitStore {
 public:
  virtual ~RateLimitStore() = default;
  // Takes one token from the bucket `key` governed by `limit`. Thread-safe.
  virtual RateDecision Take(std::string_view key, const RateLimit& limit) = 0;
};

// Buckets in this process's memory, in shards to keep lock contention low. When a shard
// reaches `max_keys_per_shard`, buckets that have refilled completely are dropped, and if
// that is not enough, the least recently used half: memory is bounded whatever the keys.
class InMemoryRateLimitStore final : public RateLimitStore {
 public:
  using TimeSource = std::chrono::steady_clock::time_point (*)();

  explicit InMemoryRateLimitStore(std::size_t max_keys_per_shard = 65536,
                                  TimeSource now = &std::chrono::steady_clock::now,
                                  std::size_t shards = 16);
  RateDecision Take(std::string_view key, const RateLimit& limit) override;
  // Buckets currently held, over all shards.
  std::size_t KeyCount() const;

 private:
  struct Bucket {
    double tokens = 0;
    std::chrono::steady_clock::time_point updated;
    std::chrono::seconds period{0};  // Of the limit that governs it: when it is full again.
  };
  struct Shard {
    mutable std::mutex mutex;
    std::unordered_map<std::string, Bucket> buckets;  // Guarded by mutex.
  };
  static void Prune(Shard& shard, std::chrono::steady_clock::time_point now, std::size_t max_keys);

  std::size_t max_keys_per_shard_;
  TimeSource now_;
  std::vector<Shard> shards_;
};

}  // namespace finhelm::http

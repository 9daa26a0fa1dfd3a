#include "http/rate_limit.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace finhelm::http {

InMemoryRateLimitStore::InMemoryRateLimitStore(std::size_t max_keys_per_shard, TimeSource now)
    : max_keys_per_shard_(max_keys_per_shard), now_(now) {}

RateDecision InMemoryRateLimitStore::Take(std::string_view key, const RateLimit& limit) {
  // Token counts are not money: a double is the natural unit for a refill rate.
  const double capacity = limit.capacity;
  const double per_second = capacity / static_cast<double>(limit.period.count());
  const auto now = now_();
  Shard& shard = shards_[std::hash<std::string_view>{}(key) % kShards];

  std::lock_guard lock(shard.mutex);
  auto found = shard.buckets.find(std::string(key));
  if (found == shard.buckets.end()) {
    if (shard.buckets.size() >= max_keys_per_shard_) Prune(shard, now);
    found = shard.buckets.emplace(std::string(key), Bucket{capacity, now, limit.period}).first;
  }
  Bucket& bucket = found->second;
  double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
  bucket.tokens = std::min(capacity, bucket.tokens + elapsed * per_second);
  bucket.updated = now;
  bucket.period = limit.period;

  RateDecision decision;
  decision.limit = limit.capacity;
  if (bucket.tokens >= 1.0) {
    bucket.tokens -= 1.0;
    decision.allowed = true;
  } else {
    decision.allowed = false;
    decision.retry_after = std::chrono::seconds(
        static_cast<std::int64_t>(std::ceil((1.0 - bucket.tokens) / per_second)));
  }
  decision.remaining = static_cast<std::uint32_t>(std::floor(bucket.tokens));
  decision.reset = std::chrono::seconds(
      static_cast<std::int64_t>(std::ceil((capacity - bucket.tokens) / per_second)));
  return decision;
}

void InMemoryRateLimitStore::Prune(Shard& shard, std::chrono::steady_clock::time_point now) {
  // A bucket idle for a whole period of its own limit is full again: forgetting it changes
  // nothing. The period of the limit being taken says nothing about other keys' buckets.
  std::erase_if(shard.buckets, [&](const auto& entry) {
    return now - entry.second.updated >= entry.second.period;
  });
}

}  // namespace finhelm::http

#include "http/rate_limit.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

namespace finhelm::http {

InMemoryRateLimitStore::InMemoryRateLimitStore(std::size_t max_keys_per_shard, TimeSource now,
                                               std::size_t shards)
    : max_keys_per_shard_(std::max<std::size_t>(max_keys_per_shard, 1)),
      now_(now),
      shards_(std::max<std::size_t>(shards, 1)) {}

RateDecision InMemoryRateLimitStore::Take(std::string_view key, const RateLimit& limit) {
  // Token counts are not money: a double is the natural unit for a refill rate.
  const double capacity = limit.capacity;
  const double per_second = capacity / static_cast<double>(limit.period.count());
  const auto now = now_();
  Shard& shard = shards_[std::hash<std::string_view>{}(key) % shards_.size()];

  std::lock_guard lock(shard.mutex);
  auto found = shard.buckets.find(std::string(key));
  if (found == shard.buckets.end()) {
    if (shard.buckets.size() >= max_keys_per_shard_) Prune(shard, now, max_keys_per_shard_);
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

void InMemoryRateLimitStore::Prune(Shard& shard, std::chrono::steady_clock::time_point now,
                                   std::size_t max_keys) {
  // A bucket idle for a whole period of its own limit is full again: forgetting it changes
  // nothing. The period of the limit being taken says nothing about other keys' buckets.
  std::erase_if(shard.buckets, [&](const auto& entry) {
    return now - entry.second.updated >= entry.second.period;
  });
  if (shard.buckets.size() < max_keys) return;
  // A flood of distinct keys (every address of an IPv6 prefix, say) leaves nothing full to
  // forget. Memory stays bounded by forgetting the least recently used half: those clients
  // start again with a full bucket, which only ever errs towards letting a request through.
  std::vector<std::chrono::steady_clock::time_point> updated;
  updated.reserve(shard.buckets.size());
  for (const auto& entry : shard.buckets) updated.push_back(entry.second.updated);
  auto middle = updated.begin() + static_cast<std::ptrdiff_t>(updated.size() / 2);
  std::nth_element(updated.begin(), middle, updated.end());
  const auto cutoff = *middle;
  std::erase_if(shard.buckets, [&](const auto& entry) { return entry.second.updated < cutoff; });
  // Many buckets touched in the same instant can all sit at the cutoff.
  for (auto it = shard.buckets.begin();
       it != shard.buckets.end() && shard.buckets.size() >= max_keys;) {
    it = shard.buckets.erase(it);
  }
}

std::size_t InMemoryRateLimitStore::KeyCount() const {
  std::size_t count = 0;
  for (const Shard& shard : shards_) {
    std::lock_guard lock(shard.mutex);
    count += shard.buckets.size();
  }
  return count;
}

}  // namespace finhelm::http

#include "core/rate_limiter.hpp"

#include <algorithm>
#include <cmath>

namespace aantafel::core {

RateLimiter::RateLimiter(const Clock& clock, RateLimit limit, std::size_t max_keys)
    : clock_(clock), limit_(limit), max_keys_(max_keys) {}

RateLimiter::Bucket& RateLimiter::Refill(const std::string& key, Instant now) {
  auto [it, inserted] =
      buckets_.try_emplace(key, Bucket{static_cast<double>(limit_.attempts), now});
  Bucket& bucket = it->second;
  if (!inserted && now > bucket.updated) {
    const double elapsed_ms = static_cast<double>((now - bucket.updated).count());
    const double period_ms = static_cast<double>(
        std::chrono::duration_cast<std::chrono::milliseconds>(limit_.period).count());
    bucket.tokens = std::min(static_cast<double>(limit_.attempts),
                             bucket.tokens + elapsed_ms * limit_.attempts / period_ms);
    bucket.updated = now;
  }
  return bucket;
}

RateDecision RateLimiter::Decide(const Bucket& bucket) const {
  if (bucket.tokens >= 1.0) return {};
  const double period_s = static_cast<double>(limit_.period.count());
  const double seconds_per_token = period_s / limit_.attempts;
  const int wait = static_cast<int>(std::ceil((1.0 - bucket.tokens) * seconds_per_token));
  return {.allowed = false, .retry_after_seconds = std::max(1, wait)};
}

void RateLimiter::PruneIfFull(Instant now) {
  if (buckets_.size() < max_keys_) return;
  // A bucket that would be full again carries no information: drop it.
  std::erase_if(buckets_, [&](const auto& entry) {
    const auto age = now - entry.second.updated;
    return age >= limit_.period;
  });
}

RateDecision RateLimiter::Check(const std::string& key) {
  std::lock_guard lock(mutex_);
  const Instant now = clock_.Now();
  auto it = buckets_.find(key);
  if (it == buckets_.end()) return {};
  return Decide(Refill(key, now));
}

RateDecision RateLimiter::Consume(const std::string& key) {
  std::lock_guard lock(mutex_);
  const Instant now = clock_.Now();
  PruneIfFull(now);
  Bucket& bucket = Refill(key, now);
  RateDecision decision = Decide(bucket);
  if (decision.allowed) bucket.tokens -= 1.0;
  return decision;
}

void RateLimiter::Reset(const std::string& key) {
  std::lock_guard lock(mutex_);
  buckets_.erase(key);
}

}  // namespace aantafel::core

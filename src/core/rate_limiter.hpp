#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/clock.hpp"
#include "core/error.hpp"

namespace aantafel::core {

/// How many attempts a key may make per period (a token bucket refilled evenly over the period).
struct RateLimit {
  int attempts = 10;
  std::chrono::seconds period{60};
};

/// Outcome of asking the limiter.
struct RateDecision {
  bool allowed = true;
  int retry_after_seconds = 0;  ///< when not allowed: seconds until one attempt is available
};

/// The 429 for a refused attempt, with its Retry-After.
inline Error RateLimitedError(const RateDecision& decision) {
  Error e = Error::Of(ErrorCode::kRateLimited);
  e.retry_after_seconds = decision.retry_after_seconds;
  return e;
}

/// Token-bucket limiter per key (IP address, account). Thread-safe; memory is bounded by
/// forgetting keys whose bucket has refilled once `max_keys` is reached.
class RateLimiter {
 public:
  RateLimiter(const Clock& clock, RateLimit limit, std::size_t max_keys = 100000);

  /// Would an attempt for `key` be allowed now? Does not consume.
  RateDecision Check(const std::string& key);
  /// Records one attempt for `key`; returns whether it was within the limit.
  RateDecision Consume(const std::string& key);
  /// Forgets `key` (e.g. after a successful login).
  void Reset(const std::string& key);

 private:
  struct Bucket {
    double tokens;
    Instant updated;
  };
  Bucket& Refill(const std::string& key, Instant now);
  RateDecision Decide(const Bucket& bucket) const;
  void PruneIfFull(Instant now);

  const Clock& clock_;
  RateLimit limit_;
  std::size_t max_keys_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace aantafel::core

#include "core/rate_limiter.hpp"

#include <gtest/gtest.h>

#include "support/fakes.hpp"

namespace aantafel::core {
namespace {

using namespace std::chrono_literals;

TEST(RateLimiter, AllowsTheConfiguredBurstThenRefuses) {
  testing::FakeClock clock;
  RateLimiter limiter(clock, {.attempts = 3, .period = 60s});
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.Consume("ip:1").allowed) << i;
  const RateDecision refused = limiter.Consume("ip:1");
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.retry_after_seconds, 20);  // one token per 20 s
}

TEST(RateLimiter, RefillsOverTime) {
  testing::FakeClock clock;
  RateLimiter limiter(clock, {.attempts = 2, .period = 60s});
  limiter.Consume("k");
  limiter.Consume("k");
  EXPECT_FALSE(limiter.Consume("k").allowed);
  clock.Advance(29s);
  EXPECT_FALSE(limiter.Check("k").allowed);
  clock.Advance(1s);
  EXPECT_TRUE(limiter.Consume("k").allowed);
}

TEST(RateLimiter, KeysAreIndependentAndResettable) {
  testing::FakeClock clock;
  RateLimiter limiter(clock, {.attempts = 1, .period = 60s});
  EXPECT_TRUE(limiter.Consume("a").allowed);
  EXPECT_TRUE(limiter.Consume("b").allowed);
  EXPECT_FALSE(limiter.Consume("a").allowed);
  limiter.Reset("a");
  EXPECT_TRUE(limiter.Consume("a").allowed);
}

TEST(RateLimiter, CheckDoesNotConsume) {
  testing::FakeClock clock;
  RateLimiter limiter(clock, {.attempts = 1, .period = 60s});
  EXPECT_TRUE(limiter.Check("a").allowed);
  EXPECT_TRUE(limiter.Check("a").allowed);
  EXPECT_TRUE(limiter.Consume("a").allowed);
  EXPECT_FALSE(limiter.Check("a").allowed);
}

TEST(RateLimiter, ForgetsRefilledKeysWhenFull) {
  testing::FakeClock clock;
  RateLimiter limiter(clock, {.attempts = 1, .period = 60s}, /*max_keys=*/2);
  limiter.Consume("a");
  limiter.Consume("b");
  clock.Advance(61s);
  limiter.Consume("c");  // prunes a and b, whose buckets are full again
  EXPECT_TRUE(limiter.Consume("a").allowed);
}

}  // namespace
}  // namespace aantafel::core

#pragma once

#include <atomic>
#include <cstdint>
#include <random>

#include "core/clock.hpp"
#include "core/random.hpp"

namespace aantafel::testing {

/// A clock that only moves when the test says so.
class FakeClock final : public core::Clock {
 public:
  explicit FakeClock(core::Instant start = core::FromMillis(1'795'000'000'000))
      : now_(start.time_since_epoch().count()) {}
  [[nodiscard]] core::Instant Now() const override { return core::FromMillis(now_.load()); }
  void Advance(std::chrono::milliseconds by) { now_ += by.count(); }

 private:
  std::atomic<std::int64_t> now_;
};

/// Deterministic random bytes from a fixed seed.
class SeededRandom final : public core::Random {
 public:
  explicit SeededRandom(std::uint64_t seed = 42) : engine_(seed) {}
  void Fill(std::span<unsigned char> out) override {
    for (auto& b : out) b = static_cast<unsigned char>(engine_() & 0xFFU);
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace aantafel::testing

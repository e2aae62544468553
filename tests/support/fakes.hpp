#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <random>
#include <vector>

#include "core/clock.hpp"
#include "core/mail.hpp"
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

/// A mail relay that keeps what it is given (or refuses everything when `refuse` is set).
class RecordingMailer final : public core::Mailer {
 public:
  core::Status Send(const core::Mail& mail) override {
    std::lock_guard lock(mutex_);
    if (refuse) return core::Error::Of(core::ErrorCode::kUnavailable);
    sent_.push_back(mail);
    return core::Ok{};
  }
  std::vector<core::Mail> sent() {
    std::lock_guard lock(mutex_);
    return sent_;
  }
  bool refuse = false;

 private:
  std::mutex mutex_;
  std::vector<core::Mail> sent_;
};

}  // namespace aantafel::testing

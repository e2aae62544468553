#pragma once

#include "core/clock.hpp"

namespace aantafel::app {

/// The real clock.
class SystemClock final : public core::Clock {
 public:
  [[nodiscard]] core::Instant Now() const override {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now());
  }
};

}  // namespace aantafel::app

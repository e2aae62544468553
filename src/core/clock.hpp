#pragma once

#include <chrono>
#include <cstdint>

namespace aantafel::core {

/// A moment in time, millisecond precision, UTC. Stored as milliseconds since the Unix epoch.
using Instant = std::chrono::time_point<std::chrono::system_clock, std::chrono::milliseconds>;

inline std::int64_t ToMillis(Instant t) { return t.time_since_epoch().count(); }
inline Instant FromMillis(std::int64_t ms) { return Instant(std::chrono::milliseconds(ms)); }

/// Port: the current time. Core never reads the system clock itself.
class Clock {
 public:
  virtual ~Clock() = default;
  /// The current time.
  [[nodiscard]] virtual Instant Now() const = 0;
};

}  // namespace aantafel::core

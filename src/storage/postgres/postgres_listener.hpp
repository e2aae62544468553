#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <thread>

#include "core/feedback/ports.hpp"
#include "storage/database.hpp"

namespace aantafel::storage {

/// The channel every instance listens on.
inline constexpr const char* kLiveChannel = "aantafel_live";

/// LiveNotifier for several instances on one PostgreSQL: NOTIFY on a pooled connection after the
/// change is committed. The payload names only workspace, kind and id — never personal data.
class PostgresNotifier final : public core::feedback::LiveNotifier {
 public:
  explicit PostgresNotifier(Database& db) : db_(db) {}
  void Notify(const core::feedback::LiveEvent& event) override;

 private:
  Database& db_;
};

/// Runs LISTEN on its own connection in a background thread and hands every notice to
/// `deliver`; reconnects (with a growing pause) when the connection breaks.
class PostgresListener {
 public:
  using Deliver = std::function<void(const core::feedback::LiveEvent&)>;
  PostgresListener(std::string url, Deliver deliver);
  ~PostgresListener();
  PostgresListener(const PostgresListener&) = delete;
  PostgresListener& operator=(const PostgresListener&) = delete;

  /// Whether LISTEN is active now (tests wait for it before sending).
  [[nodiscard]] bool listening() const { return listening_; }

 private:
  void Run();

  std::string url_;
  Deliver deliver_;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> listening_{false};
  std::thread thread_;
};

/// Parses a payload "ws:kind:id" (kind r = response, c = callback); false when malformed.
bool ParseLivePayload(std::string_view payload, core::feedback::LiveEvent& out);
std::string LivePayload(const core::feedback::LiveEvent& event);

}  // namespace aantafel::storage

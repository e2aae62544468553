#pragma once

#include <atomic>
#include <functional>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "core/feedback/ports.hpp"
#include "storage/database.hpp"
#include "storage/group_commit.hpp"

namespace aantafel::storage {

/// The channel every instance listens on.
inline constexpr const char* kLiveChannel = "aantafel_live";

/// LiveNotifier for several instances on one PostgreSQL: NOTIFY on a pooled connection after the
/// change is committed. The payload names only workspace, kind and id — never personal data.
/// Events notified at the same moment share one NOTIFY (group commit, as the answers they
/// announce), so a busy survey costs one round trip per batch instead of one per answer.
class PostgresNotifier final : public core::feedback::LiveNotifier {
 public:
  explicit PostgresNotifier(Database& db) : db_(db) {}
  void Notify(const core::feedback::LiveEvent& event) override;

 private:
  void Send(std::span<GroupCommit<core::feedback::LiveEvent, bool>::Entry* const> batch);

  Database& db_;
  // At most 150 events of at most 42 characters with the separator: well below NOTIFY's
  // 8000-byte payload limit.
  GroupCommit<core::feedback::LiveEvent, bool> notices_{
      [this](std::span<GroupCommit<core::feedback::LiveEvent, bool>::Entry* const> batch) {
        Send(batch);
      },
      150};
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

/// Parses one event "ws:kind:id" (kind r = response, c = callback); false when malformed.
bool ParseLivePayload(std::string_view payload, core::feedback::LiveEvent& out);
std::string LivePayload(const core::feedback::LiveEvent& event);
/// A NOTIFY payload of several events, separated by ';', and back (malformed parts are skipped).
std::string LivePayload(std::span<const core::feedback::LiveEvent> events);
std::vector<core::feedback::LiveEvent> ParseLivePayloads(std::string_view payload);

}  // namespace aantafel::storage

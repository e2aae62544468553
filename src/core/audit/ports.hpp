#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"

namespace aantafel::core::audit {

/// One change to a workspace's data: who, when, what (the operation and the resource's path —
/// ids only, never the personal data that was written).
struct AuditEntry {
  std::int64_t id = 0;
  std::optional<std::int64_t> user_id;  ///< empty when the account was deleted since
  std::string user_name;
  std::string action;   ///< e.g. "person.erased" or "POST /api/v1/workspaces/{slug}/people"
  std::string subject;  ///< e.g. "/api/v1/workspaces/demo/people/12"
  Instant at{};
};

/// Port: the workspace's audit log (append-only).
class AuditLog {
 public:
  virtual ~AuditLog() = default;
  virtual void Append(std::int64_t ws, std::int64_t user_id, const std::string& action,
                      const std::string& subject, Instant at) = 0;
  /// Entries with id < `before` (all when empty), newest first, at most `limit`.
  virtual std::vector<AuditEntry> List(std::int64_t ws, std::optional<std::int64_t> before,
                                       std::size_t limit) = 0;
};

}  // namespace aantafel::core::audit

#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/accounts/model.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"

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

/// One page of the log, newest first.
struct AuditPage {
  std::vector<AuditEntry> items;
  std::optional<std::int64_t> next_before;  ///< pass as `before` for the older page
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

/// Use cases of the audit log: every change is recorded; only owners read it.
class AuditService {
 public:
  static constexpr std::size_t kMaxPage = 200;

  AuditService(AuditLog& log, const Clock& clock) : log_(log), clock_(clock) {}

  void Record(const accounts::WorkspaceAccess& access, const std::string& action,
              const std::string& subject);
  /// Errors: kForbidden for anyone but an owner; kInvalidInput naming "limit" (1–200).
  Result<AuditPage> List(const accounts::WorkspaceAccess& access,
                         std::optional<std::int64_t> before, std::size_t limit);

 private:
  AuditLog& log_;
  const Clock& clock_;
};

}  // namespace aantafel::core::audit

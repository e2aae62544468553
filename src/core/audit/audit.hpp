#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/accounts/model.hpp"
#include "core/audit/ports.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"

namespace aantafel::core::audit {

/// One page of the log, newest first.
struct AuditPage {
  std::vector<AuditEntry> items;
  std::optional<std::int64_t> next_before;  ///< pass as `before` for the older page
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

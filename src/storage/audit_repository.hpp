#pragma once

#include "core/audit/audit.hpp"
#include "storage/database.hpp"

namespace aantafel::storage {

/// The audit log on SQL (both dialects): the audit_log table of migration 0002.
class SqlAuditLog final : public core::audit::AuditLog {
 public:
  explicit SqlAuditLog(Database& db) : db_(db) {}

  void Append(std::int64_t ws, std::int64_t user_id, const std::string& action,
              const std::string& subject, core::Instant at) override;
  std::vector<core::audit::AuditEntry> List(std::int64_t ws, std::optional<std::int64_t> before,
                                            std::size_t limit) override;

 private:
  Database& db_;
};

}  // namespace aantafel::storage

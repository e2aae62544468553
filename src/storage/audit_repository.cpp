#include "storage/audit_repository.hpp"

#include <limits>

namespace aantafel::storage {

namespace {

constexpr std::string_view kAppend =
    "INSERT INTO audit_log (workspace_id, user_id, action, subject, created_at) "
    "VALUES ($1, $2, $3, $4, $5)";
constexpr std::string_view kList =
    "SELECT a.id, a.user_id, COALESCE(u.name, ''), a.action, a.subject, a.created_at "
    "FROM audit_log a LEFT JOIN users u ON u.id = a.user_id "
    "WHERE a.workspace_id = $1 AND a.id < $2 ORDER BY a.id DESC LIMIT $3";

}  // namespace

void SqlAuditLog::Append(std::int64_t ws, std::int64_t user_id, const std::string& action,
                         const std::string& subject, core::Instant at) {
  auto lease = db_.Acquire();
  lease->Execute(kAppend, {ws, user_id > 0 ? Value(user_id) : Value(nullptr), action, subject,
                           core::ToMillis(at)});
}

std::vector<core::audit::AuditEntry> SqlAuditLog::List(std::int64_t ws,
                                                       std::optional<std::int64_t> before,
                                                       std::size_t limit) {
  auto lease = db_.Acquire();
  std::vector<core::audit::AuditEntry> out;
  for (const Row& r :
       lease->Query(kList, {ws, before.value_or(std::numeric_limits<std::int64_t>::max()),
                            static_cast<std::int64_t>(limit)})) {
    out.push_back({.id = r.Int(0),
                   .user_id = r.IsNull(1) ? std::nullopt : std::optional<std::int64_t>(r.Int(1)),
                   .user_name = r.Text(2),
                   .action = r.Text(3),
                   .subject = r.Text(4),
                   .at = core::FromMillis(r.Int(5))});
  }
  return out;
}

}  // namespace aantafel::storage

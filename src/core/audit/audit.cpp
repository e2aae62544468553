#include "core/audit/audit.hpp"

namespace aantafel::core::audit {

void AuditService::Record(const accounts::WorkspaceAccess& access, const std::string& action,
                          const std::string& subject) {
  log_.Append(access.workspace.id, access.user_id, action, subject, clock_.Now());
}

Result<AuditPage> AuditService::List(const accounts::WorkspaceAccess& access,
                                     std::optional<std::int64_t> before, std::size_t limit) {
  if (access.role != accounts::Role::kOwner) return Error::Of(ErrorCode::kForbidden);
  if (limit < 1 || limit > kMaxPage) {
    return Error::Field("limit", FieldIssue::kInvalidChoice);
  }
  AuditPage page;
  // One more than asked tells whether an older page exists.
  page.items = log_.List(access.workspace.id, before, limit + 1);
  if (page.items.size() > limit) {
    page.items.resize(limit);
    page.next_before = page.items.back().id;
  }
  return page;
}

}  // namespace aantafel::core::audit

// The audit log of a workspace: every change (who, when, what), newest first, for owners.
#include <charconv>
#include <nlohmann/json.hpp>

#include "http/handlers/handlers.hpp"
#include "http/handlers/views.hpp"

namespace aantafel::http {

using nlohmann::json;

namespace {

HttpResponse ListAuditLog(core::audit::AuditService& audit, RequestContext& ctx) {
  core::FieldErrors errors;
  const auto before = QueryId(ctx.request, "before", errors);
  std::size_t limit = 50;
  if (auto text = ctx.request.Query("limit"); text && !text->empty()) {
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), limit);
    if (ec != std::errc{} || end != text->data() + text->size()) {
      errors.Add("limit", core::FieldIssue::kInvalidChoice);
    }
  }
  if (!errors.empty()) return Fail(ctx, std::move(errors).ToError());
  auto page = audit.List(*ctx.workspace, before, limit);
  if (!page) return Fail(ctx, page.error());
  json items = json::array();
  for (const auto& e : page->items) {
    items.push_back(
        {{"id", e.id},
         {"user", e.user_id ? json({{"id", *e.user_id}, {"name", e.user_name}}) : json(nullptr)},
         {"action", e.action},
         {"subject", e.subject},
         {"at", FormatTimestamp(e.at)}});
  }
  return JsonResponse(
      200, {{"items", items},
            {"next_before", page->next_before ? json(*page->next_before) : json(nullptr)}});
}

}  // namespace

void RegisterAuditRoutes(Router& router, core::audit::AuditService& audit) {
  const auto bind = HandlerBinder(std::ref(audit));
  router.Add("GET", "/api/v1/workspaces/{slug}/audit-log", bind(ListAuditLog),
             {.access = Access::kWorkspace});
}

}  // namespace aantafel::http

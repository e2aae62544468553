// Overzicht: what needs this user now (core/overview: every module's items through its
// ActItemSource, ranked, without what the user hid), the key figures of the home page, and the
// user's hide, snooze and digest choices.
#include <nlohmann/json.hpp>

#include "core/overview/key_figures.hpp"
#include "core/overview/service.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/views.hpp"
#include "http/json_body.hpp"

namespace aantafel::http {

using core::overview::ActItem;
using nlohmann::json;

namespace {

const RouteOptions kMember{.access = Access::kWorkspace};
// Hiding an item is the user's own view, so viewers may do it too.
const RouteOptions kOwnView{.access = Access::kWorkspace, .readers_may_post = true};
constexpr std::size_t kMaxItems = 30;

json NpsJson(const std::optional<core::feedback::NpsGroup>& group) {
  return group ? NpsGroupJson(*group) : json(nullptr);
}

json FiguresJson(const core::overview::KeyFigures& f) {
  return {{"nps_last_30_days", NpsJson(f.nps_last_30_days)},
          {"nps_previous_30_days", NpsJson(f.nps_previous_30_days)},
          {"open_callbacks", f.open_callbacks},
          {"overdue_callbacks", f.overdue_callbacks},
          {"open_agreements", f.open_agreements},
          {"overdue_agreements", f.overdue_agreements},
          {"cycle_events_next_30_days", f.cycle_events_next_30_days}};
}

json ItemJson(const ActItem& item, core::CivilDate today, bool en) {
  return {{"key", item.key},
          {"module", item.module},
          {"reason", ToString(item.reason)},
          {"title", item.title},
          {"explain", core::overview::Explain(item, today, en)},
          {"due", item.due ? json(item.due->ToString()) : json(nullptr)},
          {"link", item.link},
          {"mine", item.mine},
          {"record_id", item.record_id ? json(*item.record_id) : json(nullptr)},
          {"urgency", item.urgency}};
}

HttpResponse GetOverview(const OverviewDeps& deps, RequestContext& ctx) {
  const core::Instant now = deps.overview.Now();
  const core::overview::ActContext context{
      .today = core::DutchDate(now), .now = now, .english = ctx.language == Language::kEnglish};
  json items = json::array();
  for (const auto& item : deps.overview.ActNow(*ctx.workspace, context.english, kMaxItems)) {
    items.push_back(ItemJson(item, context.today, context.english));
  }
  const auto figures = core::overview::CountKeyFigures(deps.relations, deps.feedback, deps.calendar,
                                                       *ctx.workspace, context);
  return JsonResponse(
      200,
      {{"today", context.today.ToString()}, {"items", items}, {"figures", FiguresJson(figures)}});
}

HttpResponse GetNotificationSettings(const OverviewDeps& deps, RequestContext& ctx) {
  return JsonResponse(200, {{"digest", ToString(deps.overview.Digest(*ctx.workspace))}});
}

HttpResponse SetNotificationSettings(const OverviewDeps& deps, RequestContext& ctx) {
  auto body = JsonObjectReader::Parse(ctx.request);
  if (!body) return Fail(ctx, body.error());
  const std::string digest = body->String("digest", true, 32).value_or("");
  if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
  if (auto done = deps.overview.SetDigest(*ctx.workspace, digest); !done) {
    return Fail(ctx, done.error());
  }
  return JsonResponse(200, {{"digest", digest}});
}

HttpResponse HideOverviewItem(const OverviewDeps& deps, RequestContext& ctx) {
  auto body = JsonObjectReader::Parse(ctx.request);
  if (!body) return Fail(ctx, body.error());
  const std::string key = body->String("key", true, 256).value_or("");
  std::optional<std::string> until;
  if (!body->IsNull("until")) until = body->String("until", false, 32);
  if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
  if (auto done = deps.overview.Hide(*ctx.workspace, key, until); !done) {
    return Fail(ctx, done.error());
  }
  return HttpResponse::NoContent();
}

HttpResponse UnhideOverviewItem(const OverviewDeps& deps, RequestContext& ctx) {
  if (auto done = deps.overview.Unhide(*ctx.workspace, std::string(ctx.params.Get("key"))); !done) {
    return Fail(ctx, done.error());
  }
  return HttpResponse::NoContent();
}

}  // namespace

void RegisterOverviewRoutes(Router& router, OverviewDeps deps) {
  const std::string base = "/api/v1/workspaces/{slug}/overview";

  const auto bind = HandlerBinder(OverviewDeps(deps));
  router.Add("GET", base, bind(GetOverview), kMember);
  router.Add("GET", "/api/v1/workspaces/{slug}/notification-settings",
             bind(GetNotificationSettings), kMember);
  router.Add("PUT", "/api/v1/workspaces/{slug}/notification-settings",
             bind(SetNotificationSettings), kOwnView);
  router.Add("POST", base + "/hidden", bind(HideOverviewItem), kOwnView);
  router.Add("DELETE", base + "/hidden/{key}", bind(UnhideOverviewItem), kOwnView);
}

}  // namespace aantafel::http

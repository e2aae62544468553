// Overzicht: what needs this user now, gathered from every module's service (relations,
// feedback, calendar, scans), ranked in core (core/overview), with the user's hide and snooze
// choices; and the key figures of the home page.
#include <nlohmann/json.hpp>

#include "core/overview/service.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/views.hpp"
#include "http/json_body.hpp"

namespace aantafel::http {

using core::CivilDate;
using core::overview::ActItem;
using core::overview::Reason;
using nlohmann::json;

namespace {

const RouteOptions kMember{.access = Access::kWorkspace};
// Hiding an item is the user's own view, so viewers may do it too.
const RouteOptions kOwnView{.access = Access::kWorkspace, .readers_may_post = true};
constexpr std::size_t kMaxItems = 30;
constexpr std::int64_t kLookAheadDays = 21;

std::string Days(long days, bool en) {
  const long n = days < 0 ? -days : days;
  return std::to_string(n) + (en ? (n == 1 ? " day" : " days") : (n == 1 ? " dag" : " dagen"));
}

}  // namespace

std::string ExplainActItem(const ActItem& item, CivilDate today, bool en) {
  const long days = item.due ? item.due->DaysSinceEpoch() - today.DaysSinceEpoch() : 0;
  switch (item.reason) {
    case Reason::kCallbackOverdue:
      return en ? "A client asked to be called back; the agreed time has passed."
                : "Een cliënt wil teruggebeld worden; de afgesproken termijn is voorbij.";
    case Reason::kCallbackOpen:
      return en ? "A client asked to be called back." : "Een cliënt wil teruggebeld worden.";
    case Reason::kOverdue:
      return en ? Days(days, en) + " overdue." : Days(days, en) + " over de datum.";
    case Reason::kDueSoon:
      return days == 0 ? (en ? "Due today." : "Vandaag.")
                       : (en ? "Due in " + Days(days, en) + "." : "Over " + Days(days, en) + ".");
    case Reason::kWindowOpen:
      return en ? "The right moment to talk is now: this window is open."
                : "Het goede moment om te praten is nu: dit venster is open.";
    case Reason::kWindowOpensSoon:
      return en ? "Opens in " + Days(days, en) + ": prepare your conversation."
                : "Gaat over " + Days(days, en) + " open: bereid uw gesprek voor.";
    case Reason::kDeadlineSoon:
      return en ? "In " + Days(days, en) + " in the municipal cycle."
                : "Over " + Days(days, en) + " in de cyclus van de gemeente.";
    case Reason::kScanWaiting:
      return en ? "Not everyone has answered yet." : "Nog niet iedereen heeft geantwoord.";
  }
  return "";
}

std::vector<ActItem> GatherActItems(const OverviewDeps& deps,
                                    const core::accounts::WorkspaceAccess& access, CivilDate today,
                                    bool en) {
  std::vector<ActItem> items;
  // Contacten en afspraken: overdue and due within seven days.
  const auto week = deps.relations.Week(access);
  for (const auto& f : week.follow_ups) {
    items.push_back({.key = "follow_up:" + std::to_string(f.id),
                     .module = "relations",
                     .reason = f.due_on < today ? Reason::kOverdue : Reason::kDueSoon,
                     .title = (en ? "Follow-up: " : "Vervolgactie: ") + f.title,
                     .due = f.due_on,
                     .link = "interactions",
                     .mine = f.owner_id == access.user_id});
  }
  for (const auto& a : week.agreements) {
    if (!a.due_on) continue;
    items.push_back({.key = "agreement:" + std::to_string(a.id),
                     .module = "relations",
                     .reason = *a.due_on < today ? Reason::kOverdue : Reason::kDueSoon,
                     .title = (en ? "Agreement: " : "Afspraak: ") + a.title,
                     .due = a.due_on,
                     .link = "interactions/agreements/" + std::to_string(a.id),
                     .mine = a.owner_id == access.user_id});
  }
  // Cliëntfeedback: open callback requests.
  if (auto callbacks = deps.feedback.ListCallbacks(access, "open")) {
    const core::Instant now = deps.overview.Now();
    for (const auto& c : *callbacks) {
      items.push_back({.key = "callback:" + std::to_string(c.id),
                       .module = "feedback",
                       .reason = c.due_at < now ? Reason::kCallbackOverdue : Reason::kCallbackOpen,
                       .title = (en ? "Call back: score " : "Terugbellen: cijfer ") +
                                std::to_string(c.score) + (c.team.empty() ? "" : " · " + c.team),
                       .due = core::DutchDate(c.due_at),
                       .link = "feedback",
                       .mine = c.assignee_id == access.user_id});
    }
  }
  // Beleidskalender: each plan's windows that are open now or open within three weeks.
  const auto& rules = deps.calendar.rules();
  for (const auto& plan : deps.calendar.ListPlans(access)) {
    auto schedules = deps.calendar.Schedule(access, plan.id);
    if (!schedules) continue;
    for (const auto& s : *schedules) {
      for (const auto& w : s.schedule.windows) {
        const bool open = w.from <= today && today <= w.to;
        const bool soon = today < w.from && w.from <= today.AddDays(kLookAheadDays);
        if (!open && !soon) continue;
        std::string label = w.id;
        if (auto it = rules.windows.find(w.id); it != rules.windows.end()) {
          label = en ? it->second.label.en : it->second.label.nl;
        }
        items.push_back({.key = "window:" + std::to_string(plan.id) + ":" +
                                std::to_string(s.organisation.id) + ":" + w.id,
                         .module = "calendar",
                         .reason = open ? Reason::kWindowOpen : Reason::kWindowOpensSoon,
                         .title = plan.title + " — " + s.organisation.name + ": " + label,
                         .due = open ? w.to : w.from,
                         .link = "policy-calendar/plans/" + std::to_string(plan.id),
                         .mine = plan.owner_id == access.user_id});
      }
    }
  }
  // Cycle events of the municipalities within two weeks (budget votes, kadernota, …).
  if (auto upcoming = deps.calendar.Upcoming(access, 14)) {
    for (const auto& u : *upcoming) {
      if (!u.event || u.event->basis == core::calendar::Basis::kOwn) continue;
      const auto* rule = rules.Find(u.event->id);
      if (rule == nullptr) continue;
      items.push_back(
          {.key = "event:" + std::to_string(u.organisation.id) + ":" + u.event->id + ":" +
                  u.date.ToString(),
           .module = "calendar",
           .reason = Reason::kDeadlineSoon,
           .title = u.organisation.name + ": " + (en ? rule->label.en : rule->label.nl),
           .due = u.date,
           .link = "policy-calendar/municipalities/" + std::to_string(u.organisation.id),
           .mine = false});
    }
  }
  // Samenwerkingsscan: open scans still waiting for answers.
  for (const auto& s : deps.scans.ListScans(access)) {
    if (s.scan.status != core::scans::ScanStatus::kOpen || s.invited == 0 ||
        s.answered >= s.invited) {
      continue;
    }
    items.push_back({.key = "scan:" + std::to_string(s.scan.id),
                     .module = "scans",
                     .reason = Reason::kScanWaiting,
                     .title = s.scan.title + " (" + std::to_string(s.answered) +
                              (en ? " of " : " van ") + std::to_string(s.invited) + ")",
                     .due = std::nullopt,
                     .link = "scan/" + std::to_string(s.scan.id),
                     .mine = s.scan.created_by == access.user_id});
  }
  return items;
}

namespace {

json NpsJson(const core::feedback::NpsGroup& g) {
  auto opt = [](const std::optional<double>& v) { return v ? json(*v) : json(nullptr); };
  return {{"n", g.counts.promoters + g.counts.passives + g.counts.detractors},
          {"nps", opt(g.estimate.nps)},
          {"ci_low", opt(g.estimate.ci_low)},
          {"ci_high", opt(g.estimate.ci_high)}};
}

json Figures(RequestContext& ctx, const OverviewDeps& deps, CivilDate today) {
  const auto& access = *ctx.workspace;
  json figures = json::object();
  auto nps = [&](CivilDate from, CivilDate to) -> json {
    auto report = deps.feedback.Nps(
        access,
        {.group_by = "", .from = from.ToString(), .to = to.ToString(), .survey_id = std::nullopt});
    return report ? NpsJson(report->total) : json(nullptr);
  };
  figures["nps_last_30_days"] = nps(today.AddDays(-29), today);
  figures["nps_previous_30_days"] = nps(today.AddDays(-59), today.AddDays(-30));
  int open = 0;
  int overdue = 0;
  if (auto callbacks = deps.feedback.ListCallbacks(access, "open")) {
    for (const auto& c : *callbacks) {
      ++open;
      if (c.due_at < deps.overview.Now()) ++overdue;
    }
  }
  figures["open_callbacks"] = open;
  figures["overdue_callbacks"] = overdue;
  int agreements_open = 0;
  int agreements_overdue = 0;
  for (const auto& a : deps.relations.ListAgreements(access, std::nullopt)) {
    using core::relations::AgreementStatus;
    if (a.status != AgreementStatus::kAgreed && a.status != AgreementStatus::kInProgress) continue;
    ++agreements_open;
    if (a.due_on && *a.due_on < today) ++agreements_overdue;
  }
  figures["open_agreements"] = agreements_open;
  figures["overdue_agreements"] = agreements_overdue;
  int deadlines = 0;
  if (auto upcoming = deps.calendar.Upcoming(access, 30)) {
    for (const auto& u : *upcoming) deadlines += u.event ? 1 : 0;
  }
  figures["cycle_events_next_30_days"] = deadlines;
  return figures;
}

}  // namespace

void RegisterOverviewRoutes(Router& router, OverviewDeps deps) {
  const std::string base = "/api/v1/workspaces/{slug}/overview";

  router.Add(
      "GET", base,
      [deps](RequestContext& ctx) {
        const CivilDate today = deps.overview.Today();
        const bool en = ctx.language == Language::kEnglish;
        auto ranked = deps.overview.Rank(
            *ctx.workspace, GatherActItems(deps, *ctx.workspace, today, en), kMaxItems);
        json items = json::array();
        for (const auto& item : ranked) {
          items.push_back({{"key", item.key},
                           {"module", item.module},
                           {"reason", ToString(item.reason)},
                           {"title", item.title},
                           {"explain", ExplainActItem(item, today, en)},
                           {"due", item.due ? json(item.due->ToString()) : json(nullptr)},
                           {"link", item.link},
                           {"mine", item.mine},
                           {"urgency", item.urgency}});
        }
        return JsonResponse(200, {{"today", today.ToString()},
                                  {"items", items},
                                  {"figures", Figures(ctx, deps, today)}});
      },
      kMember);

  router.Add(
      "GET", "/api/v1/workspaces/{slug}/notification-settings",
      [deps](RequestContext& ctx) {
        return JsonResponse(200, {{"digest", ToString(deps.overview.Digest(*ctx.workspace))}});
      },
      kMember);

  router.Add(
      "PUT", "/api/v1/workspaces/{slug}/notification-settings",
      [deps](RequestContext& ctx) {
        auto body = JsonObjectReader::Parse(ctx.request);
        if (!body) return Fail(ctx, body.error());
        const std::string digest = body->String("digest", true, 32).value_or("");
        if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
        if (auto done = deps.overview.SetDigest(*ctx.workspace, digest); !done) {
          return Fail(ctx, done.error());
        }
        return JsonResponse(200, {{"digest", digest}});
      },
      kOwnView);

  router.Add(
      "POST", base + "/hidden",
      [deps](RequestContext& ctx) {
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
      },
      kOwnView);

  router.Add(
      "DELETE", base + "/hidden/{key}",
      [deps](RequestContext& ctx) {
        if (auto done = deps.overview.Unhide(*ctx.workspace, std::string(ctx.params.Get("key")));
            !done) {
          return Fail(ctx, done.error());
        }
        return HttpResponse::NoContent();
      },
      kOwnView);
}

}  // namespace aantafel::http

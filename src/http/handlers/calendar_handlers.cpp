#include <charconv>
#include <nlohmann/json.hpp>

#include "core/civil_date.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/views.hpp"
#include "http/json_body.hpp"
#include "interchange/ical.hpp"

namespace aantafel::http {

using namespace core::calendar;
using nlohmann::json;

namespace {

/// The public address without a trailing slash.
std::string Trimmed(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

const RouteOptions kMember{.access = Access::kWorkspace};
const RouteOptions kOpen{.access = Access::kPublic};
// A calendar feed belongs to the caller alone: viewers may subscribe and revoke their own.
const RouteOptions kOwnFeed{.access = Access::kWorkspace, .readers_may_post = true};

const std::string& Pick(const Text& text, Language language) {
  return language == Language::kEnglish ? text.en : text.nl;
}

json DateOrNull(const std::optional<core::CivilDate>& date) {
  return date ? json(date->ToString()) : json(nullptr);
}

json OrganisationRef(const core::whoiswho::Organisation& org) {
  return {
      {"id", org.id},
      {"name", org.name},
      {"municipality_code", org.municipality_code ? json(*org.municipality_code) : json(nullptr)}};
}

json PlanView(const Plan& p) {
  return {{"id", p.id},
          {"title", p.title},
          {"description", p.description},
          {"core_message", p.core_message},
          {"domain", p.domain},
          {"budget_year", p.budget_year},
          {"budget_needed", p.budget_needed ? json(*p.budget_needed) : json(nullptr)},
          {"status", ToString(p.status)},
          {"phase", ToString(p.phase)},
          {"owner_id", p.owner_id ? json(*p.owner_id) : json(nullptr)},
          {"organisation_ids", p.organisation_ids},
          {"created_at", FormatTimestamp(p.created_at)},
          {"updated_at", FormatTimestamp(p.updated_at)}};
}

json EventView(const CycleEvent& e, const CycleRules& rules, Language language) {
  if (e.custom) {
    return {{"id", e.id},
            {"date", e.date.ToString()},
            {"until", nullptr},
            {"basis", ToString(e.basis)},
            {"actual", true},
            {"label", e.custom->title},
            {"explain", e.custom->note},
            {"source", nullptr},
            {"custom_id", e.custom->id}};
  }
  const EventRule* rule = rules.Find(e.id);
  json out = {{"id", e.id},
              {"date", e.date.ToString()},
              {"until", DateOrNull(e.until)},
              {"basis", ToString(e.basis)},
              {"actual", e.actual}};
  if (rule != nullptr) {
    out["label"] = Pick(rule->label, language);
    out["explain"] = Pick(rule->explain, language);
    const auto source = rules.sources.find(rule->source);
    out["source"] = source == rules.sources.end() ? json(nullptr)
                                                  : json({{"title", source->second.title},
                                                          {"publisher", source->second.publisher},
                                                          {"year", source->second.year}});
  }
  return out;
}

json WindowView(const Window& w, const CycleRules& rules, Language language) {
  json out = {{"id", w.id}, {"from", w.from.ToString()}, {"to", w.to.ToString()}, {"rule", w.rule}};
  if (auto it = rules.windows.find(w.id); it != rules.windows.end()) {
    out["label"] = Pick(it->second.label, language);
    out["explain"] = Pick(it->second.explain, language);
  }
  return out;
}

json ScheduleView(const MunicipalitySchedule& s, const CycleRules& rules, Language language) {
  json windows = json::array();
  for (const Window& w : s.schedule.windows) windows.push_back(WindowView(w, rules, language));
  return {{"organisation", OrganisationRef(s.organisation)},
          {"budget_year", s.schedule.budget_year},
          {"election_year", s.schedule.election_year},
          {"timing", ToString(s.schedule.timing)},
          {"earliest_feasible_year", s.schedule.earliest_feasible_year
                                         ? json(*s.schedule.earliest_feasible_year)
                                         : json(nullptr)},
          {"windows", windows}};
}

json FeedView(const CalendarFeed& f) {
  return {{"id", f.id}, {"label", f.label}, {"created_at", FormatTimestamp(f.created_at)}};
}

/// Reads a plan body (create or patch): every field optional here, core decides what is needed.
struct PlanFields {
  std::optional<std::string> title, description, core_message, domain, status, phase;
  std::optional<std::int64_t> budget_year;
  std::optional<std::optional<std::int64_t>> budget_needed;
  std::optional<std::vector<std::int64_t>> organisation_ids;
};

PlanFields ReadPlan(JsonObjectReader& body, bool create) {
  PlanFields f;
  f.title = body.String("title", create, 1024);
  f.description = body.String("description", false, 64 * 1024);
  f.core_message = body.String("core_message", false, 16 * 1024);
  f.domain = body.String("domain", false, 1024);
  f.status = body.String("status", false, 64);
  f.phase = body.String("phase", false, 64);
  f.budget_year = body.Integer("budget_year", create);
  if (body.Has("budget_needed")) {
    f.budget_needed = body.IsNull("budget_needed") ? std::optional<std::int64_t>()
                                                   : body.Integer("budget_needed", false);
  }
  f.organisation_ids = body.IntegerList("organisation_ids", 100);
  return f;
}

std::int64_t QueryInt(const HttpRequest& request, const std::string& name, std::int64_t fallback,
                      core::FieldErrors& errors) {
  auto text = request.Query(name);
  if (!text || text->empty()) return fallback;
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc{} || end != text->data() + text->size()) {
    errors.Add(name, core::FieldIssue::kInvalidFormat);
    return fallback;
  }
  return value;
}

}  // namespace

nlohmann::json CycleEventJson(const CycleEvent& event, const CycleRules& rules, Language language) {
  return EventView(event, rules, language);
}

nlohmann::json PlanWindowJson(const Window& window, const CycleRules& rules, Language language) {
  return WindowView(window, rules, language);
}

namespace {

/// What the calendar feed needs besides the service: the base of its links back to aantafel.
struct CalendarDeps {
  PolicyCalendarService& service;
  std::string public_url;
};

HttpResponse ListPlans(PolicyCalendarService& service, RequestContext& ctx) {
  json items = json::array();
  for (const Plan& p : service.ListPlans(*ctx.workspace)) items.push_back(PlanView(p));
  return JsonResponse(200, {{"items", items}});
}

HttpResponse AddPlan(PolicyCalendarService& service, RequestContext& ctx) {
  auto body = JsonObjectReader::Parse(ctx.request);
  if (!body) return Fail(ctx, body.error());
  PlanFields f = ReadPlan(*body, true);
  if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
  PlanInput input{.title = f.title.value_or(""),
                  .description = f.description.value_or(""),
                  .core_message = f.core_message.value_or(""),
                  .domain = f.domain.value_or(""),
                  .budget_year = f.budget_year.value_or(0),
                  .budget_needed = f.budget_needed.value_or(std::nullopt),
                  .status = f.status.value_or("idea"),
                  .phase = f.phase.value_or("agenda_setting"),
                  .organisation_ids = f.organisation_ids.value_or(std::vector<std::int64_t>{})};
  auto plan = service.AddPlan(*ctx.workspace, input);
  if (!plan) return Fail(ctx, plan.error());
  return JsonResponse(201, PlanView(*plan));
}

HttpResponse GetPlan(PolicyCalendarService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "plan_id");
  if (!id) return Fail(ctx, id.error());
  auto plan = service.GetPlan(*ctx.workspace, *id);
  if (!plan) return Fail(ctx, plan.error());
  auto schedules = service.Schedule(*ctx.workspace, *id);
  if (!schedules) return Fail(ctx, schedules.error());
  json list = json::array();
  for (const auto& s : *schedules) list.push_back(ScheduleView(s, service.rules(), ctx.language));
  return JsonResponse(200, {{"plan", PlanView(*plan)}, {"schedules", list}});
}

HttpResponse UpdatePlan(PolicyCalendarService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "plan_id");
  if (!id) return Fail(ctx, id.error());
  auto body = JsonObjectReader::Parse(ctx.request);
  if (!body) return Fail(ctx, body.error());
  PlanFields f = ReadPlan(*body, false);
  if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
  auto plan = service.UpdatePlan(*ctx.workspace, *id,
                                 {.title = f.title,
                                  .description = f.description,
                                  .core_message = f.core_message,
                                  .domain = f.domain,
                                  .budget_year = f.budget_year,
                                  .budget_needed = f.budget_needed,
                                  .status = f.status,
                                  .phase = f.phase,
                                  .organisation_ids = f.organisation_ids});
  if (!plan) return Fail(ctx, plan.error());
  return JsonResponse(200, PlanView(*plan));
}

HttpResponse DeletePlan(PolicyCalendarService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "plan_id");
  if (!id) return Fail(ctx, id.error());
  auto deleted = service.DeletePlan(*ctx.workspace, *id);
  if (!deleted) return Fail(ctx, deleted.error());
  return HttpResponse::NoContent();
}

HttpResponse GetCycle(PolicyCalendarService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "organisation_id");
  if (!id) return Fail(ctx, id.error());
  core::FieldErrors errors;
  const auto year = QueryInt(ctx.request, "year", service.Today().year, errors);
  if (!errors.empty()) return Fail(ctx, std::move(errors).ToError());
  auto cycle = service.Cycle(*ctx.workspace, *id, year);
  if (!cycle) return Fail(ctx, cycle.error());
  json events = json::array();
  for (const auto& e : cycle->events) {
    events.push_back(EventView(e, service.rules(), ctx.language));
  }
  return JsonResponse(200, {{"organisation", OrganisationRef(cycle->organisation)},
                            {"year", year},
                            {"merged_on", DateOrNull(cycle->merged_on)},
                            {"events", events}});
}

HttpResponse SetCycleDate(PolicyCalendarService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "organisation_id");
  if (!id) return Fail(ctx, id.error());
  auto body = JsonObjectReader::Parse(ctx.request);
  if (!body) return Fail(ctx, body.error());
  auto event = body->String("event", false, 64);
  auto year = body->Integer("year", false);
  auto date = body->String("date", false, 32);
  auto merged_on = body->String("merged_on", false, 32);
  if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
  // Either an actual date of one event ({event, year, date}; empty date = default again)
  // or the merger date ({merged_on}; empty = not merged).
  if (merged_on) {
    if (event || year || date) {
      return Fail(ctx, core::Error::Field("merged_on", core::FieldIssue::kInvalidChoice));
    }
    auto done = service.SetMergedOn(*ctx.workspace, *id, *merged_on);
    if (!done) return Fail(ctx, done.error());
    return HttpResponse::NoContent();
  }
  core::FieldErrors errors;
  if (!event) errors.Add("event", core::FieldIssue::kRequired);
  if (!year) errors.Add("year", core::FieldIssue::kRequired);
  if (!errors.empty()) return Fail(ctx, std::move(errors).ToError());
  auto done = service.SetCycleDate(*ctx.workspace, *id, *event, *year, date.value_or(""));
  if (!done) return Fail(ctx, done.error());
  return HttpResponse::NoContent();
}

HttpResponse AddCycleEvent(PolicyCalendarService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "organisation_id");
  if (!id) return Fail(ctx, id.error());
  auto body = JsonObjectReader::Parse(ctx.request);
  if (!body) return Fail(ctx, body.error());
  auto date = body->String("date", true, 32);
  auto title = body->String("title", true, 1024);
  auto note = body->String("note", false, 16 * 1024);
  if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
  auto event = service.AddCustomEvent(*ctx.workspace, *id, *date, *title, note.value_or(""));
  if (!event) return Fail(ctx, event.error());
  return JsonResponse(201, {{"id", event->id},
                            {"date", event->date.ToString()},
                            {"title", event->title},
                            {"note", event->note}});
}

HttpResponse DeleteCycleEvent(PolicyCalendarService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "organisation_id");
  if (!id) return Fail(ctx, id.error());
  auto event = PositiveIdParam(ctx, "event_id");
  if (!event) return Fail(ctx, event.error());
  auto done = service.DeleteCustomEvent(*ctx.workspace, *id, *event);
  if (!done) return Fail(ctx, done.error());
  return HttpResponse::NoContent();
}

HttpResponse ListUpcoming(PolicyCalendarService& service, RequestContext& ctx) {
  core::FieldErrors errors;
  const auto days = QueryInt(ctx.request, "days", 90, errors);
  if (!errors.empty()) return Fail(ctx, std::move(errors).ToError());
  auto upcoming = service.Upcoming(*ctx.workspace, days);
  if (!upcoming) return Fail(ctx, upcoming.error());
  json items = json::array();
  for (const auto& u : *upcoming) {
    json item = {{"date", u.date.ToString()}, {"organisation", OrganisationRef(u.organisation)}};
    if (u.event) {
      item["kind"] = "event";
      item["event"] = EventView(*u.event, service.rules(), ctx.language);
    } else {
      item["kind"] = "window";
      item["window"] = WindowView(*u.window, service.rules(), ctx.language);
      item["plan"] = {{"id", u.plan->id}, {"title", u.plan->title}};
    }
    items.push_back(std::move(item));
  }
  return JsonResponse(200, {{"days", days}, {"items", items}});
}

HttpResponse ListCalendarFeeds(PolicyCalendarService& service, RequestContext& ctx) {
  json items = json::array();
  for (const auto& f : service.ListFeeds(*ctx.workspace)) items.push_back(FeedView(f));
  return JsonResponse(200, {{"items", items}});
}

HttpResponse CreateCalendarFeed(PolicyCalendarService& service, RequestContext& ctx) {
  auto body = JsonObjectReader::Parse(ctx.request);
  if (!body) return Fail(ctx, body.error());
  auto label = body->String("label", false, 1024);
  if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
  auto issued = service.CreateFeed(*ctx.workspace, label.value_or(""));
  if (!issued) return Fail(ctx, issued.error());
  json out = FeedView(issued->feed);
  out["token"] = issued->token;
  out["path"] = "/ical/" + issued->token;
  HttpResponse response = JsonResponse(201, out);
  response.headers.Set("Cache-Control", "no-store");
  return response;
}

HttpResponse RevokeCalendarFeed(PolicyCalendarService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "feed_id");
  if (!id) return Fail(ctx, id.error());
  auto done = service.RevokeFeed(*ctx.workspace, *id);
  if (!done) return Fail(ctx, done.error());
  return HttpResponse::NoContent();
}

/// GET /ical/{token}: a personal calendar feed as iCalendar.
HttpResponse GetCalendarFeed(const CalendarDeps& deps, RequestContext& ctx) {
  std::string token(ctx.params.Get("token"));
  if (token.ends_with(".ics")) token.resize(token.size() - 4);
  auto feed = deps.service.Feed(token, ctx.request.remote_address);
  if (!feed) return Fail(ctx, feed.error());
  // Events link back to the page in aantafel where they are handled.
  const std::string link_base = deps.public_url.empty()
                                    ? std::string()
                                    : Trimmed(deps.public_url) + "/w/" + feed->workspace_slug;
  HttpResponse response;
  response.body = interchange::WriteICalendar("aantafel Beleidskalender", feed->events,
                                              deps.service.Now(), link_base);
  response.headers.Set("Content-Type", "text/calendar; charset=utf-8");
  response.headers.Set("Cache-Control", "private, max-age=300");
  return response;
}

}  // namespace

void RegisterCalendarRoutes(Router& router, PolicyCalendarService& service,
                            const std::string& public_url) {
  const std::string base = "/api/v1/workspaces/{slug}";

  const auto bind = HandlerBinder(std::ref(service));
  const auto bind_deps = HandlerBinder(CalendarDeps{service, public_url});
  router.Add("GET", base + "/plans", bind(ListPlans), kMember);
  router.Add("POST", base + "/plans", bind(AddPlan), kMember);
  router.Add("GET", base + "/plans/{plan_id}", bind(GetPlan), kMember);
  router.Add("PATCH", base + "/plans/{plan_id}", bind(UpdatePlan), kMember);
  router.Add("DELETE", base + "/plans/{plan_id}", bind(DeletePlan), kMember);
  router.Add("GET", base + "/organisations/{organisation_id}/cycle", bind(GetCycle), kMember);
  router.Add("POST", base + "/organisations/{organisation_id}/cycle", bind(SetCycleDate), kMember);
  router.Add("POST", base + "/organisations/{organisation_id}/cycle/events", bind(AddCycleEvent),
             kMember);
  router.Add("DELETE", base + "/organisations/{organisation_id}/cycle/events/{event_id}",
             bind(DeleteCycleEvent), kMember);
  router.Add("GET", base + "/calendar/upcoming", bind(ListUpcoming), kMember);
  router.Add("GET", base + "/calendar/feeds", bind(ListCalendarFeeds), kMember);
  router.Add("POST", base + "/calendar/feeds", bind(CreateCalendarFeed), kOwnFeed);
  router.Add("DELETE", base + "/calendar/feeds/{feed_id}", bind(RevokeCalendarFeed), kOwnFeed);
  router.Add("GET", "/ical/{token}", bind_deps(GetCalendarFeed), kOpen);
}

}  // namespace aantafel::http

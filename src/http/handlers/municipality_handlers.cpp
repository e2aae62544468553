// The municipality page: everything the workspace knows about one municipality, from every
// module, in one answer — council and college now, our stakeholders and their health, last
// contacts, agreements, the cycle and our plans' windows, client feedback, services and
// coverage, scans and financing scenarios. Each section links to the page where it is handled.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/validation.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/views.hpp"
#include "http/handlers/whoiswho_views.hpp"

namespace aantafel::http {

using core::CivilDate;
using nlohmann::json;

namespace {

const RouteOptions kMember{.access = Access::kWorkspace};
constexpr std::int64_t kLastContacts = 5;
constexpr std::int64_t kCycleDays = 180;
constexpr std::int64_t kFeedbackDays = 365;
constexpr std::int64_t kRecentFeedbackDays = 30;

/// The municipalities this one came from and went into, each with the workspace's own
/// organisation for it (its contacts, plans and agreements stay there under its own name).
json ReorganisationJson(const MunicipalityDeps& deps, const core::accounts::WorkspaceAccess& access,
                        const core::whoiswho::MunicipalityDetail& detail) {
  std::map<std::string, std::int64_t> organisation_of;
  for (const auto& o : deps.whoiswho.ListOrganisations(access)) {
    if (o.municipality_code) organisation_of.emplace(*o.municipality_code, o.id);
  }
  auto links = [&](const std::vector<core::whoiswho::MunicipalityLink>& list) {
    json items = json::array();
    for (const auto& l : list) {
      auto it = organisation_of.find(l.code);
      items.push_back(
          {{"code", l.code},
           {"name", l.name},
           {"effective_on", l.effective_on.ToString()},
           {"organisation_id", it == organisation_of.end() ? json(nullptr) : json(it->second)}});
    }
    return items;
  };
  return {{"predecessors", links(detail.predecessors)}, {"successors", links(detail.successors)}};
}

/// The council now (newest term and its seats), the college (mayor and aldermen with their
/// positions here) and the people of the newest term nobody has met yet.
json CouncilJson(const MunicipalityDeps& deps, const core::accounts::WorkspaceAccess& access,
                 std::int64_t organisation_id, CivilDate today) {
  using core::whoiswho::PositionKind;
  json out = {{"term", nullptr},
              {"seats", json::array()},
              {"college", json::array()},
              {"not_yet_met", json::array()}};
  if (auto council = deps.whoiswho.Council(access, organisation_id)) {
    if (!council->terms.empty()) {
      const auto& t = council->terms.front();
      out["term"] = {
          {"id", t.id},
          {"installation_date", t.installation_date.ToString()},
          {"election_date", t.election_date ? json(t.election_date->ToString()) : json(nullptr)}};
    }
    for (const auto& s : council->seats) {
      out["seats"].push_back({{"party", s.party}, {"seats", s.seats}});
    }
    for (const auto& p : council->not_yet_met) {
      out["not_yet_met"].push_back({{"id", p.id}, {"name", p.name}});
    }
  }
  for (const PositionKind kind : {PositionKind::kMayor, PositionKind::kAlderman}) {
    const auto page = deps.whoiswho.ListPeople(
        access, {.organisation_id = organisation_id, .kind = kind, .limit = 50});
    for (const auto& summary : page.items) {
      json positions = json::array();
      for (const auto& p : summary.current_positions) {
        if (p.organisation_id == organisation_id && p.kind == kind) {
          positions.push_back(PositionView(p, today));
        }
      }
      out["college"].push_back({{"person",
                                 {{"id", summary.person.id},
                                  {"name", summary.person.name},
                                  {"fictional", summary.person.fictional}}},
                                {"positions", positions}});
    }
  }
  return out;
}

json AgreementsJson(const MunicipalityDeps& deps, const core::accounts::WorkspaceAccess& access,
                    std::int64_t organisation_id, CivilDate today) {
  json open = json::array();
  int overdue = 0;
  int fulfilled = 0;
  for (const auto& a : deps.relations.ListAgreements(access, organisation_id)) {
    if (a.status == core::relations::AgreementStatus::kFulfilled) ++fulfilled;
    if (!core::relations::IsOpen(a.status)) continue;
    if (core::relations::IsOverdue(a, today)) ++overdue;
    open.push_back(AgreementJson(a, today));
  }
  const auto open_count = static_cast<int>(open.size());
  return {{"open", std::move(open)},
          {"open_count", open_count},
          {"overdue_count", overdue},
          {"fulfilled_count", fulfilled}};
}

/// Cycle events of this municipality in the coming half year, and the windows of our plans
/// here that are open now or still ahead.
json CycleJson(const MunicipalityDeps& deps, const core::accounts::WorkspaceAccess& access,
               std::int64_t organisation_id, CivilDate today, Language language) {
  const auto& rules = deps.calendar.rules();
  json events = json::array();
  if (auto upcoming = deps.calendar.Upcoming(access, kCycleDays)) {
    for (const auto& u : *upcoming) {
      if (u.organisation.id != organisation_id || !u.event) continue;
      events.push_back(CycleEventJson(*u.event, rules, language));
    }
  }
  json windows = json::array();
  for (const auto& plan : deps.calendar.ListPlans(access)) {
    auto schedules = deps.calendar.Schedule(access, plan.id);
    if (!schedules) continue;
    for (const auto& s : *schedules) {
      if (s.organisation.id != organisation_id) continue;
      for (const auto& w : s.schedule.windows) {
        if (w.to < today) continue;
        windows.push_back({{"plan", {{"id", plan.id}, {"title", plan.title}}},
                           {"open", w.from <= today},
                           {"window", PlanWindowJson(w, rules, language)}});
      }
    }
  }
  std::stable_sort(windows.begin(), windows.end(), [](const json& a, const json& b) {
    return a["window"]["from"].get<std::string>() < b["window"]["from"].get<std::string>();
  });
  return {{"events", events}, {"windows", windows}};
}

/// NPS of the clients of surveys tagged with this municipality: the last year and the last 30
/// days, and those surveys.
json FeedbackJson(const MunicipalityDeps& deps, const core::accounts::WorkspaceAccess& access,
                  const std::string& code, CivilDate today) {
  auto nps = [&](std::int64_t days) -> json {
    auto report = deps.feedback.Nps(access, {.group_by = "municipality",
                                             .from = today.AddDays(-(days - 1)).ToString(),
                                             .to = today.ToString(),
                                             .survey_id = std::nullopt});
    if (!report) return nullptr;
    for (const auto& g : report->groups) {
      if (g.key == code) return NpsGroupJson(g);
    }
    return nullptr;
  };
  json surveys = json::array();
  for (const auto& s : deps.feedback.ListSurveys(access)) {
    if (s.municipality_code == code) {
      surveys.push_back({{"id", s.id}, {"name", s.name}, {"team", s.team}, {"active", s.active}});
    }
  }
  return {{"nps_last_year", nps(kFeedbackDays)},
          {"nps_last_30_days", nps(kRecentFeedbackDays)},
          {"surveys", surveys}};
}

json SocialMapJson(const MunicipalityDeps& deps, const core::accounts::WorkspaceAccess& access,
                   const std::string& code) {
  json out = {{"areas", 0},     {"cells", 0},
              {"gaps", 0},      {"single", 0},
              {"services", 0},  {"published_services", 0},
              {"providers", 0}, {"consortia", json::array()}};
  if (auto coverage = deps.social_map.CoverageOf(access, code, std::nullopt, std::nullopt, false)) {
    out["areas"] = coverage->areas.size();
    out["cells"] = coverage->cells.size();
    out["gaps"] = coverage->gaps;
    out["single"] = coverage->single;
  }
  const auto services = deps.social_map.ListServices(access, {.municipality_code = code});
  std::set<std::int64_t> providers;
  int published = 0;
  for (const auto& s : services) {
    providers.insert(s.organisation_id);
    published += s.published ? 1 : 0;
  }
  out["services"] = services.size();
  out["published_services"] = published;
  out["providers"] = providers.size();
  for (const auto& c : deps.social_map.ListConsortia(access)) {
    if (c.municipality_code == code) {
      out["consortia"].push_back(
          {{"id", c.id}, {"name", c.name}, {"members", c.member_ids.size()}});
    }
  }
  return out;
}

/// Scans that concern this municipality: it is named in the collaboration, or a respondent's
/// organisation names it ("Gemeente Utrecht").
json ScansJson(const MunicipalityDeps& deps, const core::accounts::WorkspaceAccess& access,
               const std::string& name) {
  const std::string folded = core::SearchFold(name);
  json out = json::array();
  for (const auto& s : deps.scans.ListScans(access)) {
    bool concerns = core::SearchFold(s.scan.collaboration).find(folded) != std::string::npos;
    if (!concerns) {
      if (auto respondents = deps.scans.ListRespondents(access, s.scan.id)) {
        for (const auto& r : *respondents) {
          if (core::SearchFold(r.organisation).find(folded) != std::string::npos) {
            concerns = true;
            break;
          }
        }
      }
    }
    if (!concerns) continue;
    out.push_back({{"id", s.scan.id},
                   {"title", s.scan.title},
                   {"collaboration", s.scan.collaboration},
                   {"status", core::scans::ToString(s.scan.status)},
                   {"invited", s.invited},
                   {"answered", s.answered}});
  }
  return out;
}

json ScenariosJson(const MunicipalityDeps& deps, const core::accounts::WorkspaceAccess& access,
                   const std::string& code) {
  json out = json::array();
  for (const auto& s : deps.scenarios.List(access, {.municipality_code = code})) {
    out.push_back({{"id", s.id},
                   {"name", s.name},
                   {"plan_title", s.plan_title ? json(*s.plan_title) : json(nullptr)},
                   {"updated_at", FormatTimestamp(s.updated_at)}});
  }
  return out;
}

HttpResponse GetMunicipalityDossier(const MunicipalityDeps& deps, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "organisation_id");
  if (!id) return Fail(ctx, id.error());
  const auto& access = *ctx.workspace;
  auto health = deps.relations.HealthOf(access, *id);
  if (!health) return Fail(ctx, health.error());
  const bool en = ctx.language == Language::kEnglish;
  const CivilDate today = deps.relations.Today();
  const auto& organisation = health->organisation;
  const std::string code = organisation.municipality_code.value_or("");

  json body = RelationshipHealthJson(*health, en);
  body["today"] = today.ToString();
  // The municipality as its own resource shows it (one shape), and its reorganisations.
  body["municipality"] = nullptr;
  body["reorganisation"] = {{"predecessors", json::array()}, {"successors", json::array()}};
  if (!code.empty()) {
    if (auto detail = deps.whoiswho.GetMunicipality(code)) {
      body["municipality"] = MunicipalityView(detail->municipality);
      body["reorganisation"] = ReorganisationJson(deps, access, *detail);
    }
  }
  body["council"] = CouncilJson(deps, access, *id, today);
  json contacts = json::array();
  if (auto interactions = deps.relations.ListInteractions(
          access, {.organisation_id = *id, .limit = kLastContacts})) {
    for (const auto& i : *interactions) contacts.push_back(InteractionJson(i, false));
  }
  body["last_contacts"] = contacts;
  body["agreements"] = AgreementsJson(deps, access, *id, today);
  body["cycle"] = CycleJson(deps, access, *id, today, ctx.language);
  // The municipality-wide sections need its CBS code; other organisations have none.
  body["feedback"] = code.empty() ? json(nullptr) : FeedbackJson(deps, access, code, today);
  body["social_map"] = code.empty() ? json(nullptr) : SocialMapJson(deps, access, code);
  body["scans"] = ScansJson(deps, access, organisation.name);
  body["scenarios"] = code.empty() ? json::array() : ScenariosJson(deps, access, code);
  return JsonResponse(200, body);
}

}  // namespace

void RegisterMunicipalityRoutes(Router& router, MunicipalityDeps deps) {
  const auto bind = HandlerBinder(MunicipalityDeps(deps));
  router.Add("GET", "/api/v1/workspaces/{slug}/organisations/{organisation_id}/dossier",
             bind(GetMunicipalityDossier), kMember);
}

}  // namespace aantafel::http

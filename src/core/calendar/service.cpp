#include "core/calendar/service.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "core/enum_names.hpp"
#include "core/validation.hpp"

namespace aantafel::core::calendar {

using accounts::CanWrite;
using accounts::WorkspaceAccess;
using whoiswho::Organisation;
using whoiswho::OrganisationKind;

namespace {

constexpr TextRule kTitle{.min_chars = 1, .max_chars = 200};
constexpr TextRule kLong{.min_chars = 0, .max_chars = 10000, .allow_newlines = true};
constexpr TextRule kMessage{.min_chars = 0, .max_chars = 2000, .allow_newlines = true};
constexpr TextRule kShort{.min_chars = 0, .max_chars = 100};
constexpr std::size_t kMaxMunicipalities = 100;
constexpr std::int64_t kMaxUpcomingDays = 730;

constexpr EnumNames<PlanStatus, 6> kStatuses{{
    {PlanStatus::kIdea, "idea"},
    {PlanStatus::kPreparing, "preparing"},
    {PlanStatus::kProposed, "proposed"},
    {PlanStatus::kFunded, "funded"},
    {PlanStatus::kNotFunded, "not_funded"},
    {PlanStatus::kDone, "done"},
}};

constexpr EnumNames<PolicyPhase, 5> kPhases{{
    {PolicyPhase::kAgendaSetting, "agenda_setting"},
    {PolicyPhase::kPreparation, "preparation"},
    {PolicyPhase::kDecision, "decision"},
    {PolicyPhase::kExecution, "execution"},
    {PolicyPhase::kEvaluation, "evaluation"},
}};

}  // namespace

std::string_view ToString(PlanStatus status) { return NameOf(kStatuses, status); }
std::optional<PlanStatus> ParsePlanStatus(std::string_view text) {
  return ValueOf(kStatuses, text);
}
std::string_view ToString(PolicyPhase phase) { return NameOf(kPhases, phase); }
std::optional<PolicyPhase> ParsePolicyPhase(std::string_view text) {
  return ValueOf(kPhases, text);
}

PolicyCalendarService::PolicyCalendarService(PlanRepository& plans,
                                             whoiswho::WhoIsWhoRepository& whoiswho,
                                             accounts::Crypto& crypto, Random& random,
                                             const Clock& clock, const CycleRules& rules)
    : plans_(plans),
      whoiswho_(whoiswho),
      crypto_(crypto),
      random_(random),
      clock_(clock),
      rules_(rules),
      // Calendar programs refresh a feed every few minutes at most; this allows several feeds
      // per address and stops token guessing (tokens have 256 random bits anyway).
      feed_limiter_(clock, {.attempts = 120, .period = std::chrono::hours(1)}) {}

CivilDate PolicyCalendarService::Today() const { return DutchDate(clock_.Now()); }

Result<Organisation> PolicyCalendarService::Municipality(std::int64_t ws,
                                                         std::int64_t organisation_id) {
  auto org = whoiswho_.FindOrganisation(ws, organisation_id);
  if (!org) return Error::Of(ErrorCode::kNotFound);
  if (org->kind != OrganisationKind::kMunicipality) {
    return Error::Field("organisation_id", FieldIssue::kInvalidChoice);
  }
  return *org;
}

Result<Plan> PolicyCalendarService::Checked(std::int64_t ws, const PlanInput& input) {
  FieldErrors errors;
  Plan plan;
  plan.title = CheckText("title", input.title, kTitle, errors).value_or("");
  plan.description = CheckText("description", input.description, kLong, errors).value_or("");
  plan.core_message = CheckText("core_message", input.core_message, kMessage, errors).value_or("");
  plan.domain = CheckText("domain", input.domain, kShort, errors).value_or("");
  const int this_year = Today().year;
  if (input.budget_year < this_year - 1 || input.budget_year > this_year + 10) {
    errors.Add("budget_year", FieldIssue::kInvalidChoice);
  } else {
    plan.budget_year = static_cast<int>(input.budget_year);
  }
  if (input.budget_needed &&
      (*input.budget_needed < 0 || *input.budget_needed > 1'000'000'000'000)) {
    errors.Add("budget_needed", FieldIssue::kInvalidChoice);
  }
  plan.budget_needed = input.budget_needed;
  auto status = ParsePlanStatus(input.status);
  if (!status) errors.Add("status", FieldIssue::kInvalidChoice);
  plan.status = status.value_or(PlanStatus::kIdea);
  auto phase = ParsePolicyPhase(input.phase);
  if (!phase) errors.Add("phase", FieldIssue::kInvalidChoice);
  plan.phase = phase.value_or(PolicyPhase::kAgendaSetting);
  if (input.organisation_ids.size() > kMaxMunicipalities) {
    errors.Add("organisation_ids", FieldIssue::kTooLong, kMaxMunicipalities);
  } else {
    std::set<std::int64_t> seen;
    for (std::int64_t id : input.organisation_ids) {
      auto org = whoiswho_.FindOrganisation(ws, id);
      if (!org || org->kind != OrganisationKind::kMunicipality) {
        errors.Add("organisation_ids", FieldIssue::kInvalidChoice);
        break;
      }
      if (seen.insert(id).second) plan.organisation_ids.push_back(id);
    }
  }
  if (!errors.empty()) return std::move(errors).ToError();
  return plan;
}

std::vector<Plan> PolicyCalendarService::ListPlans(const WorkspaceAccess& access) {
  return plans_.ListPlans(access.workspace.id);
}

Result<Plan> PolicyCalendarService::AddPlan(const WorkspaceAccess& access, const PlanInput& input) {
  if (!CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  auto plan = Checked(access.workspace.id, input);
  if (!plan) return plan;
  if (access.user_id > 0) plan->owner_id = access.user_id;
  plan->created_at = plan->updated_at = clock_.Now();
  return plans_.AddPlan(access.workspace.id, *plan);
}

Result<Plan> PolicyCalendarService::UpdatePlan(const WorkspaceAccess& access, std::int64_t id,
                                               const PlanPatch& patch) {
  if (!CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  auto existing = plans_.FindPlan(access.workspace.id, id);
  if (!existing) return Error::Of(ErrorCode::kNotFound);
  const PlanInput input{
      .title = patch.title.value_or(existing->title),
      .description = patch.description.value_or(existing->description),
      .core_message = patch.core_message.value_or(existing->core_message),
      .domain = patch.domain.value_or(existing->domain),
      .budget_year = patch.budget_year.value_or(existing->budget_year),
      .budget_needed = patch.budget_needed.value_or(existing->budget_needed),
      .status = patch.status.value_or(std::string(ToString(existing->status))),
      .phase = patch.phase.value_or(std::string(ToString(existing->phase))),
      .organisation_ids = patch.organisation_ids.value_or(existing->organisation_ids)};
  auto plan = Checked(access.workspace.id, input);
  if (!plan) return plan;
  plan->id = id;
  plan->owner_id = existing->owner_id;
  plan->created_at = existing->created_at;
  plan->updated_at = clock_.Now();
  if (!plans_.UpdatePlan(access.workspace.id, *plan)) return Error::Of(ErrorCode::kNotFound);
  return plan;
}

Result<Plan> PolicyCalendarService::GetPlan(const WorkspaceAccess& access, std::int64_t id) {
  auto plan = plans_.FindPlan(access.workspace.id, id);
  if (!plan) return Error::Of(ErrorCode::kNotFound);
  return *plan;
}

Status PolicyCalendarService::DeletePlan(const WorkspaceAccess& access, std::int64_t id) {
  if (!CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  if (!plans_.DeletePlan(access.workspace.id, id)) return Error::Of(ErrorCode::kNotFound);
  return Ok{};
}

std::vector<MunicipalitySchedule> PolicyCalendarService::SchedulesOf(std::int64_t ws,
                                                                     const Plan& plan) {
  std::vector<MunicipalitySchedule> out;
  const CivilDate today = Today();
  for (std::int64_t id : plan.organisation_ids) {
    auto org = whoiswho_.FindOrganisation(ws, id);
    if (!org) continue;
    out.push_back(
        {.organisation = *org,
         .schedule = ScheduleFor(rules_, plans_.CycleOf(ws, id), plan.budget_year, today)});
  }
  return out;
}

Result<std::vector<MunicipalitySchedule>> PolicyCalendarService::Schedule(
    const WorkspaceAccess& access, std::int64_t plan_id) {
  auto plan = plans_.FindPlan(access.workspace.id, plan_id);
  if (!plan) return Error::Of(ErrorCode::kNotFound);
  return SchedulesOf(access.workspace.id, *plan);
}

Result<MunicipalityYear> PolicyCalendarService::Cycle(const WorkspaceAccess& access,
                                                      std::int64_t organisation_id,
                                                      std::int64_t year) {
  auto org = Municipality(access.workspace.id, organisation_id);
  if (!org) return org.error();
  if (year < 2000 || year > 2100) return Error::Field("year", FieldIssue::kInvalidChoice);
  const MunicipalityCycle cycle = plans_.CycleOf(access.workspace.id, organisation_id);
  return MunicipalityYear{.organisation = std::move(*org),
                          .merged_on = cycle.merged_on,
                          .events = CycleForYear(rules_, cycle, static_cast<int>(year))};
}

Status PolicyCalendarService::SetCycleDate(const WorkspaceAccess& access,
                                           std::int64_t organisation_id, std::string_view event,
                                           std::int64_t year, std::string_view date) {
  if (!CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  auto org = Municipality(access.workspace.id, organisation_id);
  if (!org) return org.error();
  FieldErrors errors;
  if (rules_.Find(event) == nullptr) errors.Add("event", FieldIssue::kInvalidChoice);
  if (year < 2000 || year > 2100) errors.Add("year", FieldIssue::kInvalidChoice);
  auto parsed = CheckDate("date", date, false, errors);
  // An actual date belongs to its year (the vote on the 2027 kadernota happens in 2027).
  if (parsed && parsed->year != year) errors.Add("date", FieldIssue::kInvalidChoice);
  if (!errors.empty()) return std::move(errors).ToError();
  plans_.SetCycleDate(access.workspace.id, organisation_id, event, static_cast<int>(year), parsed,
                      clock_.Now());
  return Ok{};
}

Status PolicyCalendarService::SetMergedOn(const WorkspaceAccess& access,
                                          std::int64_t organisation_id,
                                          std::string_view merged_on) {
  if (!CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  auto org = Municipality(access.workspace.id, organisation_id);
  if (!org) return org.error();
  FieldErrors errors;
  auto parsed = CheckDate("merged_on", merged_on, false, errors);
  // Mergers take effect on 1 January.
  if (parsed && (parsed->month != 1 || parsed->day != 1)) {
    errors.Add("merged_on", FieldIssue::kInvalidChoice);
  }
  if (!errors.empty()) return std::move(errors).ToError();
  plans_.SetMergedOn(access.workspace.id, organisation_id, parsed, clock_.Now());
  return Ok{};
}

Result<CustomEvent> PolicyCalendarService::AddCustomEvent(const WorkspaceAccess& access,
                                                          std::int64_t organisation_id,
                                                          std::string_view date,
                                                          std::string_view title,
                                                          std::string_view note) {
  if (!CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  auto org = Municipality(access.workspace.id, organisation_id);
  if (!org) return org.error();
  FieldErrors errors;
  auto parsed = CheckDate("date", date, true, errors);
  auto checked_title = CheckText("title", title, kTitle, errors);
  auto checked_note = CheckText("note", note, kMessage, errors);
  if (!errors.empty()) return std::move(errors).ToError();
  return plans_.AddCustomEvent(access.workspace.id, organisation_id,
                               {.date = *parsed, .title = *checked_title, .note = *checked_note},
                               clock_.Now());
}

Status PolicyCalendarService::DeleteCustomEvent(const WorkspaceAccess& access,
                                                std::int64_t organisation_id, std::int64_t id) {
  if (!CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  if (!plans_.DeleteCustomEvent(access.workspace.id, organisation_id, id)) {
    return Error::Of(ErrorCode::kNotFound);
  }
  return Ok{};
}

Result<std::vector<UpcomingItem>> PolicyCalendarService::Upcoming(const WorkspaceAccess& access,
                                                                  std::int64_t days) {
  if (days < 1 || days > kMaxUpcomingDays) {
    return Error::Field("days", FieldIssue::kInvalidChoice);
  }
  const std::int64_t ws = access.workspace.id;
  const CivilDate today = Today();
  const CivilDate last = today.AddDays(days);
  std::vector<UpcomingItem> out;
  std::map<std::int64_t, Organisation> municipalities;
  for (auto& org : whoiswho_.ListOrganisations(ws)) {
    if (org.kind != OrganisationKind::kMunicipality) continue;
    const MunicipalityCycle cycle = plans_.CycleOf(ws, org.id);
    for (int year = today.year; year <= last.year; ++year) {
      for (auto& e : CycleForYear(rules_, cycle, year)) {
        if (e.date >= today && e.date <= last) {
          const CivilDate date = e.date;
          out.push_back({.date = date, .organisation = org, .event = std::move(e)});
        }
      }
    }
    municipalities.emplace(org.id, std::move(org));
  }
  for (const Plan& plan : plans_.ListPlans(ws)) {
    if (plan.status == PlanStatus::kDone || plan.status == PlanStatus::kNotFunded) continue;
    for (auto& s : SchedulesOf(ws, plan)) {
      for (const Window& w : s.schedule.windows) {
        // A window matters when it opens, or when it closes, inside the range.
        const CivilDate when = w.from >= today ? w.from : w.to;
        if (when >= today && when <= last) {
          out.push_back({.date = when, .organisation = s.organisation, .plan = plan, .window = w});
        }
      }
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.date < b.date; });
  return out;
}

Result<IssuedFeed> PolicyCalendarService::CreateFeed(const WorkspaceAccess& access,
                                                     std::string_view label) {
  if (access.user_id <= 0) return Error::Of(ErrorCode::kForbidden);
  FieldErrors errors;
  auto checked = CheckText("label", label, kShort, errors);
  if (!errors.empty()) return std::move(errors).ToError();
  std::string token = RandomToken(random_);
  CalendarFeed feed{.workspace_id = access.workspace.id,
                    .user_id = access.user_id,
                    .label = *checked,
                    .created_at = clock_.Now()};
  feed = plans_.AddFeed(feed, crypto_.Sha256Hex(token));
  return IssuedFeed{.feed = std::move(feed), .token = std::move(token)};
}

std::vector<CalendarFeed> PolicyCalendarService::ListFeeds(const WorkspaceAccess& access) {
  return plans_.ListFeeds(access.workspace.id, access.user_id);
}

Status PolicyCalendarService::RevokeFeed(const WorkspaceAccess& access, std::int64_t id) {
  if (!plans_.DeleteFeed(access.workspace.id, access.user_id, id)) {
    return Error::Of(ErrorCode::kNotFound);
  }
  return Ok{};
}

Result<MemberFeed> PolicyCalendarService::Feed(std::string_view token, const std::string& client) {
  if (auto decision = feed_limiter_.Consume("feed:" + client); !decision.allowed) {
    Error e = Error::Of(ErrorCode::kRateLimited);
    e.retry_after_seconds = decision.retry_after_seconds;
    return e;
  }
  if (token.empty() || token.size() > 100) return Error::Of(ErrorCode::kNotFound);
  auto feed = plans_.FindFeed(crypto_.Sha256Hex(token));
  if (!feed) return Error::Of(ErrorCode::kNotFound);
  const std::int64_t ws = feed->workspace_id;
  MemberFeed out{.workspace_slug = feed->workspace_slug};
  const CivilDate today = Today();
  for (const auto& org : whoiswho_.ListOrganisations(ws)) {
    if (org.kind != OrganisationKind::kMunicipality) continue;
    const MunicipalityCycle cycle = plans_.CycleOf(ws, org.id);
    for (int y = today.year; y <= today.year + 1; ++y) {
      for (const CycleEvent& e : CycleForYear(rules_, cycle, y)) {
        out.events.push_back(CycleFeedEvent(org, e));
      }
    }
  }
  for (const Plan& plan : plans_.ListPlans(ws)) {
    for (const auto& s : SchedulesOf(ws, plan)) {
      for (const Window& w : s.schedule.windows) {
        const auto text = rules_.windows.find(w.id);
        const bool known = text != rules_.windows.end();
        out.events.push_back({.uid = "plan-" + std::to_string(plan.id) + "-" +
                                     std::to_string(s.organisation.id) + "-" + w.id + "@aantafel",
                              .first_day = w.from,
                              .last_day = w.to,
                              .summary = plan.title + " — " + s.organisation.name + ": " +
                                         (known ? text->second.label.nl : w.id),
                              .description = known ? text->second.explain.nl : std::string(),
                              .page = "/policy-calendar/plans/" + std::to_string(plan.id)});
      }
    }
  }
  const FeedOwner owner{.reader = {.workspace = {.id = ws, .slug = feed->workspace_slug},
                                   .role = accounts::Role::kViewer,
                                   .user_id = feed->user_id},
                        .today = today};
  for (FeedEventSource* source : feed_sources_) source->Gather(owner, out.events);
  return out;
}

FeedEvent PolicyCalendarService::CycleFeedEvent(const whoiswho::Organisation& org,
                                                const CycleEvent& e) const {
  std::string label = e.id;
  std::string explain;
  if (e.custom) {
    label = e.custom->title;
    explain = e.custom->note;
  } else if (const EventRule* rule = rules_.Find(e.id)) {
    label = rule->label.nl;
    explain = rule->explain.nl;
  }
  // How sure the date is.
  if (e.basis == Basis::kLegal) {
    explain += " (wettelijke termijn)";
  } else if (e.basis != Basis::kOwn) {
    explain += e.actual ? " (echte datum)" : " (gebruikelijke datum)";
  }
  return {.uid = "event-" + std::to_string(org.id) + "-" + e.id + "-" +
                 std::to_string(e.date.year) + "@aantafel",
          .first_day = e.date,
          .last_day = e.until.value_or(e.date),
          .summary = org.name + ": " + label,
          .description = std::move(explain),
          .page = "/policy-calendar/municipalities/" + std::to_string(org.id) +
                  "?year=" + std::to_string(e.date.year)};
}

}  // namespace aantafel::core::calendar

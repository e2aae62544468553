#include "core/relations/service.hpp"

#include <algorithm>
#include <iterator>
#include <limits>
#include <map>
#include <set>

#include "core/validation.hpp"

namespace aantafel::core::relations {

namespace {

constexpr TextRule kTag{.min_chars = 1, .max_chars = 50};
constexpr TextRule kTitle{.min_chars = 1, .max_chars = 200};
constexpr TextRule kDescription{.min_chars = 0, .max_chars = 4000, .allow_newlines = true};
constexpr TextRule kCommitment{.min_chars = 1, .max_chars = 1000, .allow_newlines = true};
constexpr std::size_t kMaxLinks = 50;

template <typename T>
std::vector<T> Unique(std::vector<T> items) {
  std::sort(items.begin(), items.end());
  items.erase(std::unique(items.begin(), items.end()), items.end());
  return items;
}

}  // namespace

RelationsService::RelationsService(RelationsRepository& repository,
                                   whoiswho::WhoIsWhoRepository& whoiswho, const Clock& clock)
    : repository_(repository), whoiswho_(whoiswho), clock_(clock) {}

Status RelationsService::CheckLinks(std::int64_t ws, const Interaction& i, FieldErrors& errors) {
  if (i.organisation_id && !whoiswho_.FindOrganisation(ws, *i.organisation_id)) {
    errors.Add("organisation_id", FieldIssue::kUnknownValue);
  }
  if (i.plan_id && !repository_.PlanExists(ws, *i.plan_id)) {
    errors.Add("plan_id", FieldIssue::kUnknownValue);
  }
  if (i.person_ids.size() > kMaxLinks) errors.Add("person_ids", FieldIssue::kTooLong, kMaxLinks);
  if (i.staff_ids.size() > kMaxLinks) errors.Add("staff_ids", FieldIssue::kTooLong, kMaxLinks);
  for (std::size_t n = 0; n < i.person_ids.size() && n < kMaxLinks; ++n) {
    if (!whoiswho_.FindPerson(ws, i.person_ids[n])) {
      errors.Add("person_ids[" + std::to_string(n) + "]", FieldIssue::kUnknownValue);
    }
  }
  for (std::size_t n = 0; n < i.staff_ids.size() && n < kMaxLinks; ++n) {
    if (!repository_.IsMember(ws, i.staff_ids[n])) {
      errors.Add("staff_ids[" + std::to_string(n) + "]", FieldIssue::kNoSuchUser);
    }
  }
  if (i.tags.size() > 20) errors.Add("tags", FieldIssue::kTooLong, 20);
  return Ok{};
}

namespace {

/// Applies a patch onto `i`, collecting problems.
void Apply(Interaction& i, const InteractionPatch& p, FieldErrors& errors) {
  if (p.occurred_at) {
    if (auto at = ParseDateTime(*p.occurred_at)) {
      i.occurred_at = *at;
    } else {
      errors.Add("occurred_at", FieldIssue::kInvalidFormat);
    }
  }
  if (p.kind) {
    if (auto kind = ParseInteractionKind(*p.kind)) {
      i.kind = *kind;
    } else {
      errors.Add("kind", FieldIssue::kInvalidChoice);
    }
  }
  if (p.stance) {
    if (auto stance = ParseStance(*p.stance)) {
      i.stance = *stance;
    } else {
      errors.Add("stance", FieldIssue::kInvalidChoice);
    }
  }
  if (p.subject) {
    if (auto s = CheckText("subject", *p.subject, kInteractionSubject, errors)) i.subject = *s;
  }
  if (p.notes) {
    if (auto n = CheckText("notes", *p.notes, kInteractionNotes, errors)) i.notes = *n;
  }
  if (p.tags) {
    std::vector<std::string> tags;
    for (std::size_t n = 0; n < p.tags->size(); ++n) {
      if (auto t = CheckText("tags[" + std::to_string(n) + "]", (*p.tags)[n], kTag, errors)) {
        tags.push_back(*t);
      }
    }
    i.tags = Unique(std::move(tags));
  }
  if (p.organisation_id) i.organisation_id = *p.organisation_id;
  if (p.plan_id) i.plan_id = *p.plan_id;
  if (p.person_ids) i.person_ids = Unique(*p.person_ids);
  if (p.staff_ids) i.staff_ids = Unique(*p.staff_ids);
}

}  // namespace

Result<Interaction> RelationsService::AddInteraction(const accounts::WorkspaceAccess& access,
                                                     const InteractionPatch& input) {
  FieldErrors errors;
  if (!input.occurred_at) errors.Add("occurred_at", FieldIssue::kRequired);
  if (!input.subject) errors.Add("subject", FieldIssue::kRequired);
  Interaction i;
  Apply(i, input, errors);
  (void)CheckLinks(access.workspace.id, i, errors);
  if (!errors.empty()) return std::move(errors).ToError();
  i.created_by = access.user_id;
  i.created_at = i.updated_at = clock_.Now();
  return repository_.AddInteraction(access.workspace.id, i);
}

Result<Interaction> RelationsService::UpdateInteraction(const accounts::WorkspaceAccess& access,
                                                        std::int64_t id,
                                                        const InteractionPatch& patch) {
  auto existing = repository_.FindInteraction(access.workspace.id, id);
  if (!existing) return Error::Of(ErrorCode::kNotFound);
  FieldErrors errors;
  Apply(*existing, patch, errors);
  (void)CheckLinks(access.workspace.id, *existing, errors);
  if (!errors.empty()) return std::move(errors).ToError();
  existing->updated_at = clock_.Now();
  repository_.UpdateInteraction(access.workspace.id, *existing);
  return *existing;
}

Result<Interaction> RelationsService::GetInteraction(const accounts::WorkspaceAccess& access,
                                                     std::int64_t id) {
  auto found = repository_.FindInteraction(access.workspace.id, id);
  if (!found) return Error::Of(ErrorCode::kNotFound);
  return *found;
}

Result<std::vector<Interaction>> RelationsService::ListInteractions(
    const accounts::WorkspaceAccess& access, const InteractionQuery& query) {
  if (query.limit < 1 || query.limit > 501)
    return Error::Field("limit", FieldIssue::kInvalidFormat);
  return repository_.ListInteractions(access.workspace.id, query);
}

namespace {

/// Names of the workspace's organisations by id.
std::map<std::int64_t, std::string> OrganisationNames(whoiswho::WhoIsWhoRepository& whoiswho,
                                                      std::int64_t ws) {
  std::map<std::int64_t, std::string> names;
  for (const auto& o : whoiswho.ListOrganisations(ws)) names.emplace(o.id, o.name);
  return names;
}

}  // namespace

std::vector<Interaction> RelationsService::RecentInteractions(
    const accounts::WorkspaceAccess& access, std::size_t count) {
  constexpr std::size_t kPage = 500;
  std::vector<Interaction> out;
  while (out.size() < count) {
    const std::size_t want = std::min(kPage, count - out.size());
    auto page = repository_.ListInteractions(access.workspace.id,
                                             {.limit = static_cast<std::int64_t>(want),
                                              .offset = static_cast<std::int64_t>(out.size())});
    const std::size_t got = page.size();
    std::move(page.begin(), page.end(), std::back_inserter(out));
    if (got < want) break;
  }
  return out;
}

std::vector<Interaction> RelationsService::NewestForSearch(const accounts::WorkspaceAccess& access,
                                                           std::size_t count) {
  return repository_.NewestInteractions(access.workspace.id, static_cast<std::int64_t>(count));
}

std::vector<InteractionExportLine> RelationsService::ExportInteractions(
    const accounts::WorkspaceAccess& access) {
  const std::int64_t ws = access.workspace.id;
  const auto organisations = OrganisationNames(whoiswho_, ws);
  std::map<std::int64_t, std::string> people;
  std::vector<InteractionExportLine> lines;
  for (auto& i : RecentInteractions(access, std::numeric_limits<std::size_t>::max())) {
    InteractionExportLine line;
    if (i.organisation_id) {
      if (auto it = organisations.find(*i.organisation_id); it != organisations.end()) {
        line.organisation = it->second;
      }
    }
    for (const std::int64_t id : i.person_ids) {
      auto it = people.find(id);
      if (it == people.end()) {
        auto person = whoiswho_.FindPerson(ws, id);
        it = people.emplace(id, person ? person->name : std::string()).first;
      }
      if (!it->second.empty()) line.people.push_back(it->second);
    }
    line.interaction = std::move(i);
    line.interaction.notes.clear();  // not exported
    lines.push_back(std::move(line));
  }
  return lines;
}

std::vector<AgreementExportLine> RelationsService::ExportAgreements(
    const accounts::WorkspaceAccess& access) {
  const auto organisations = OrganisationNames(whoiswho_, access.workspace.id);
  const CivilDate today = Today();
  std::vector<AgreementExportLine> lines;
  for (auto& a : ListAgreements(access, std::nullopt)) {
    AgreementExportLine line{.overdue = IsOverdue(a, today)};
    for (const auto& c : a.commitments) {
      std::string party;
      if (c.organisation_id) {
        if (auto it = organisations.find(*c.organisation_id); it != organisations.end()) {
          party = it->second;
        }
      }
      line.commitments.emplace_back(std::move(party), c.text);
    }
    line.agreement = std::move(a);
    lines.push_back(std::move(line));
  }
  return lines;
}

Status RelationsService::DeleteInteraction(const accounts::WorkspaceAccess& access,
                                           std::int64_t id) {
  if (!repository_.DeleteInteraction(access.workspace.id, id)) {
    return Error::Of(ErrorCode::kNotFound);
  }
  return Ok{};
}

// ---- follow-ups ----

namespace {

void Apply(FollowUp& f, const FollowUpPatch& p, FieldErrors& errors, Instant now) {
  if (p.title) {
    if (auto t = CheckText("title", *p.title, kTitle, errors)) f.title = *t;
  }
  if (p.due_on) {
    if (auto d = CheckDate("due_on", *p.due_on, true, errors)) f.due_on = *d;
  }
  if (p.owner_id) f.owner_id = *p.owner_id;
  if (p.interaction_id) f.interaction_id = *p.interaction_id;
  if (p.done) f.done_at = *p.done ? std::optional(f.done_at.value_or(now)) : std::nullopt;
}

}  // namespace

Result<FollowUp> RelationsService::AddFollowUp(const accounts::WorkspaceAccess& access,
                                               const FollowUpPatch& in) {
  const std::int64_t ws = access.workspace.id;
  FieldErrors errors;
  if (!in.title) errors.Add("title", FieldIssue::kRequired);
  if (!in.due_on) errors.Add("due_on", FieldIssue::kRequired);
  FollowUp f;
  f.owner_id = access.user_id;
  Apply(f, in, errors, clock_.Now());
  if (f.owner_id && !repository_.IsMember(ws, *f.owner_id)) {
    errors.Add("owner_id", FieldIssue::kNoSuchUser);
  }
  if (f.interaction_id && !repository_.FindInteraction(ws, *f.interaction_id)) {
    errors.Add("interaction_id", FieldIssue::kUnknownValue);
  }
  if (!errors.empty()) return std::move(errors).ToError();
  f.created_at = clock_.Now();
  return repository_.AddFollowUp(ws, f);
}

Result<FollowUp> RelationsService::UpdateFollowUp(const accounts::WorkspaceAccess& access,
                                                  std::int64_t id, const FollowUpPatch& patch) {
  const std::int64_t ws = access.workspace.id;
  auto f = repository_.FindFollowUp(ws, id);
  if (!f) return Error::Of(ErrorCode::kNotFound);
  FieldErrors errors;
  Apply(*f, patch, errors, clock_.Now());
  if (patch.owner_id && f->owner_id && !repository_.IsMember(ws, *f->owner_id)) {
    errors.Add("owner_id", FieldIssue::kNoSuchUser);
  }
  if (patch.interaction_id && f->interaction_id &&
      !repository_.FindInteraction(ws, *f->interaction_id)) {
    errors.Add("interaction_id", FieldIssue::kUnknownValue);
  }
  if (!errors.empty()) return std::move(errors).ToError();
  repository_.UpdateFollowUp(ws, *f);
  return *f;
}

std::vector<FollowUp> RelationsService::ListFollowUps(const accounts::WorkspaceAccess& access,
                                                      bool open_only) {
  return repository_.ListFollowUps(access.workspace.id, open_only);
}

Status RelationsService::DeleteFollowUp(const accounts::WorkspaceAccess& access, std::int64_t id) {
  if (!repository_.DeleteFollowUp(access.workspace.id, id)) return Error::Of(ErrorCode::kNotFound);
  return Ok{};
}

// ---- agreements ----

void RelationsService::CheckAgreement(std::int64_t ws, const Agreement& a, FieldErrors& errors) {
  if (a.organisation_ids.size() > 20) errors.Add("organisation_ids", FieldIssue::kTooLong, 20);
  for (std::size_t n = 0; n < a.organisation_ids.size() && n < 20; ++n) {
    if (!whoiswho_.FindOrganisation(ws, a.organisation_ids[n])) {
      errors.Add("organisation_ids[" + std::to_string(n) + "]", FieldIssue::kUnknownValue);
    }
  }
  if (a.commitments.size() > 30) errors.Add("commitments", FieldIssue::kTooLong, 30);
  const std::set<std::int64_t> parties(a.organisation_ids.begin(), a.organisation_ids.end());
  for (std::size_t n = 0; n < a.commitments.size() && n < 30; ++n) {
    const auto& c = a.commitments[n];
    // A commitment is ours (no organisation) or one of the parties'.
    if (c.organisation_id && !parties.contains(*c.organisation_id)) {
      errors.Add("commitments[" + std::to_string(n) + "].organisation_id",
                 FieldIssue::kUnknownValue);
    }
  }
  if (a.owner_id && !repository_.IsMember(ws, *a.owner_id)) {
    errors.Add("owner_id", FieldIssue::kNoSuchUser);
  }
  if (a.interaction_id && !repository_.FindInteraction(ws, *a.interaction_id)) {
    errors.Add("interaction_id", FieldIssue::kUnknownValue);
  }
}

namespace {

void Apply(Agreement& a, const AgreementPatch& p, FieldErrors& errors) {
  if (p.title) {
    if (auto t = CheckText("title", *p.title, kTitle, errors)) a.title = *t;
  }
  if (p.description) {
    if (auto d = CheckText("description", *p.description, kDescription, errors)) {
      a.description = *d;
    }
  }
  if (p.organisation_ids) a.organisation_ids = Unique(*p.organisation_ids);
  if (p.commitments) {
    a.commitments.clear();
    for (std::size_t n = 0; n < p.commitments->size(); ++n) {
      const auto& c = (*p.commitments)[n];
      auto text =
          CheckText("commitments[" + std::to_string(n) + "].text", c.text, kCommitment, errors);
      a.commitments.push_back({.organisation_id = c.organisation_id, .text = text.value_or("")});
    }
  }
  if (p.owner_id) a.owner_id = *p.owner_id;
  if (p.due_on) {
    if (!*p.due_on || p.due_on->value().empty()) {
      a.due_on.reset();
    } else if (auto d = CheckDate("due_on", **p.due_on, false, errors)) {
      a.due_on = *d;
    }
  }
  if (p.interaction_id) a.interaction_id = *p.interaction_id;
}

}  // namespace

Result<Agreement> RelationsService::AddAgreement(const accounts::WorkspaceAccess& access,
                                                 const AgreementPatch& input) {
  const std::int64_t ws = access.workspace.id;
  FieldErrors errors;
  if (!input.title) errors.Add("title", FieldIssue::kRequired);
  Agreement a;
  a.owner_id = access.user_id;
  Apply(a, input, errors);
  if (input.status) {
    if (auto s = ParseAgreementStatus(*input.status)) {
      a.status = *s;
    } else {
      errors.Add("status", FieldIssue::kInvalidChoice);
    }
  }
  CheckAgreement(ws, a, errors);
  if (!errors.empty()) return std::move(errors).ToError();
  a.created_at = a.updated_at = clock_.Now();
  a.history = {{.status = a.status, .at = a.created_at, .by = access.user_id}};
  return repository_.AddAgreement(ws, a);
}

Result<Agreement> RelationsService::UpdateAgreement(const accounts::WorkspaceAccess& access,
                                                    std::int64_t id, const AgreementPatch& patch) {
  const std::int64_t ws = access.workspace.id;
  auto a = repository_.FindAgreement(ws, id);
  if (!a) return Error::Of(ErrorCode::kNotFound);
  FieldErrors errors;
  Apply(*a, patch, errors);
  bool changed = false;
  if (patch.status) {
    if (auto s = ParseAgreementStatus(*patch.status)) {
      changed = *s != a->status;
      a->status = *s;
    } else {
      errors.Add("status", FieldIssue::kInvalidChoice);
    }
  }
  CheckAgreement(ws, *a, errors);
  if (!errors.empty()) return std::move(errors).ToError();
  a->updated_at = clock_.Now();
  if (changed)
    a->history.push_back({.status = a->status, .at = a->updated_at, .by = access.user_id});
  repository_.UpdateAgreement(ws, *a, changed);
  auto stored = repository_.FindAgreement(ws, id);
  if (!stored) return Error::Of(ErrorCode::kNotFound);
  return *stored;
}

Result<Agreement> RelationsService::GetAgreement(const accounts::WorkspaceAccess& access,
                                                 std::int64_t id) {
  auto a = repository_.FindAgreement(access.workspace.id, id);
  if (!a) return Error::Of(ErrorCode::kNotFound);
  return *a;
}

std::vector<Agreement> RelationsService::ListAgreements(
    const accounts::WorkspaceAccess& access, std::optional<std::int64_t> organisation_id) {
  return repository_.ListAgreements(access.workspace.id, organisation_id);
}

Status RelationsService::DeleteAgreement(const accounts::WorkspaceAccess& access, std::int64_t id) {
  if (!repository_.DeleteAgreement(access.workspace.id, id)) return Error::Of(ErrorCode::kNotFound);
  return Ok{};
}

// ---- overviews ----

ThisWeek RelationsService::Week(const accounts::WorkspaceAccess& access) {
  const CivilDate horizon = Today().AddDays(7);
  ThisWeek week;
  for (auto& f : repository_.ListFollowUps(access.workspace.id, true)) {
    if (f.due_on <= horizon) week.follow_ups.push_back(std::move(f));
  }
  for (auto& a : repository_.ListAgreements(access.workspace.id, std::nullopt)) {
    if (IsOpen(a.status) && a.due_on && *a.due_on <= horizon)
      week.agreements.push_back(std::move(a));
  }
  return week;
}

ThisWeek RelationsService::Reminders(std::int64_t ws, std::int64_t user_id) {
  ThisWeek mine;
  for (auto& f : repository_.ListFollowUps(ws, true)) {
    if (f.owner_id == user_id) mine.follow_ups.push_back(std::move(f));
  }
  for (auto& a : repository_.ListAgreements(ws, std::nullopt)) {
    if (a.owner_id == user_id && IsOpen(a.status) && a.due_on) {
      mine.agreements.push_back(std::move(a));
    }
  }
  return mine;
}

Result<OrganisationHealth> RelationsService::HealthOf(const accounts::WorkspaceAccess& access,
                                                      std::int64_t organisation_id) {
  const std::int64_t ws = access.workspace.id;
  auto org = whoiswho_.FindOrganisation(ws, organisation_id);
  if (!org) return Error::Of(ErrorCode::kNotFound);
  const CivilDate today = Today();
  const Instant now = clock_.Now();
  const Instant year_ago = now - std::chrono::days(365);
  int open = 0;
  int overdue = 0;
  for (const auto& a : repository_.ListAgreements(ws, organisation_id)) {
    open += IsOpen(a.status) ? 1 : 0;
    overdue += IsOverdue(a, today) ? 1 : 0;
  }
  auto day_of = [](const std::optional<Instant>& at) {
    return at ? std::optional(DutchDate(*at)) : std::nullopt;
  };
  const ContactStats org_stats = repository_.OrganisationStats(ws, organisation_id, year_ago, now);
  OrganisationHealth out{.organisation = *org, .last_contact = org_stats.last};
  out.health = AssessHealth({.today = today,
                             .last_contact = day_of(org_stats.last),
                             .contacts_last_year = org_stats.count,
                             .bring_last_year = org_stats.bring,
                             .ask_last_year = org_stats.ask,
                             .open_agreements = open,
                             .overdue_agreements = overdue});
  std::vector<std::int64_t> ids;
  for (const auto& p : whoiswho_.PositionsAt(ws, organisation_id)) {
    if (whoiswho::IsCurrent(p, today)) ids.push_back(p.person_id);
  }
  ids = Unique(std::move(ids));
  const auto stats = repository_.PersonStats(ws, ids, year_ago, now);
  std::map<std::int64_t, whoiswho::Quadrant> quadrants;
  for (const auto& a : whoiswho_.LatestAssessments(ws, ids)) {
    quadrants[a.person_id] = whoiswho::Classify(a.scores.power, a.scores.interest);
  }
  for (std::int64_t id : ids) {
    auto person = whoiswho_.FindPerson(ws, id);
    if (!person) continue;
    const auto s = stats.find(id);
    const ContactStats st = s == stats.end() ? ContactStats{} : s->second;
    const auto q = quadrants.find(id);
    const std::optional<whoiswho::Quadrant> quadrant =
        q == quadrants.end() ? std::nullopt : std::optional(q->second);
    person->notes.reset();  // health lists never carry notes
    out.people.push_back({.person = std::move(*person),
                          .quadrant = quadrant,
                          .last_contact = st.last,
                          .health = AssessHealth({.today = today,
                                                  .quadrant = quadrant,
                                                  .last_contact = day_of(st.last),
                                                  .contacts_last_year = st.count,
                                                  .bring_last_year = st.bring,
                                                  .ask_last_year = st.ask})});
  }
  std::stable_sort(out.people.begin(), out.people.end(),
                   [](const PersonHealth& a, const PersonHealth& b) {
                     return static_cast<int>(a.health.status) > static_cast<int>(b.health.status);
                   });
  return out;
}

Result<std::vector<TimelineItem>> RelationsService::Timeline(
    const accounts::WorkspaceAccess& access, std::optional<std::int64_t> organisation_id,
    std::optional<std::int64_t> person_id) {
  const std::int64_t ws = access.workspace.id;
  if (organisation_id.has_value() == person_id.has_value()) {
    return Error::Field("organisation_id", FieldIssue::kRequired);
  }
  std::vector<TimelineItem> items;
  std::vector<whoiswho::Position> positions;
  if (organisation_id) {
    if (!whoiswho_.FindOrganisation(ws, *organisation_id)) return Error::Of(ErrorCode::kNotFound);
    positions = whoiswho_.PositionsAt(ws, *organisation_id);
    for (auto& a : repository_.ListAgreements(ws, organisation_id)) {
      for (std::size_t n = 1; n < a.history.size(); ++n) {
        items.push_back({.kind = TimelineItem::Kind::kStatusChange,
                         .at = a.history[n].at,
                         .agreement = a,
                         .change = a.history[n]});
      }
      items.push_back({.kind = TimelineItem::Kind::kAgreement, .at = a.created_at, .agreement = a});
    }
  } else {
    if (!whoiswho_.FindPerson(ws, *person_id)) return Error::Of(ErrorCode::kNotFound);
    const std::array<std::int64_t, 1> one{*person_id};
    positions = whoiswho_.PositionsOfPeople(ws, one);
  }
  for (auto& i : repository_.ListInteractions(
           ws, {.organisation_id = organisation_id, .person_id = person_id, .limit = 500})) {
    i.notes.clear();  // a timeline shows subjects; notes open with the interaction itself
    items.push_back(
        {.kind = TimelineItem::Kind::kInteraction, .at = i.occurred_at, .interaction = i});
  }
  for (const auto& p : positions) {
    items.push_back({.kind = TimelineItem::Kind::kPositionStarted,
                     .at = StartOfDutchDay(p.started_on),
                     .position = p});
    if (p.ended_on) {
      items.push_back({.kind = TimelineItem::Kind::kPositionEnded,
                       .at = StartOfDutchDay(*p.ended_on),
                       .position = p});
    }
  }
  std::stable_sort(items.begin(), items.end(),
                   [](const TimelineItem& a, const TimelineItem& b) { return a.at > b.at; });
  return items;
}

}  // namespace aantafel::core::relations

#include "core/search/sources.hpp"

#include <map>
#include <set>

#include "core/advisor/service.hpp"
#include "core/calendar/service.hpp"
#include "core/council/service.hpp"
#include "core/feedback/service.hpp"
#include "core/financing/scenarios.hpp"
#include "core/relations/service.hpp"
#include "core/scans/service.hpp"
#include "core/social_map/service.hpp"
#include "core/whoiswho/service.hpp"

namespace aantafel::core::search {

namespace {

/// Collects the hits of one kind and hands the best `limit` on.
class Kind {
 public:
  Kind(std::string kind, const Query& query, const SearchContext& context)
      : kind_(std::move(kind)), query_(query), context_(context) {}

  /// Adds the record when the query matches [title, subtitle, bodies…]; returns whether it did.
  bool Offer(const std::string& id, const std::string& link,
             const std::vector<std::string_view>& fields) {
    auto match = MatchFields(query_, fields);
    if (!match) return false;
    hits_.push_back(HitOf(kind_, id, link, fields, *match));
    return true;
  }

  /// The same for a record with a numeric id whose link is `link_prefix` + id: the id and link
  /// strings are made only for a match (people and contacts are offered by the thousand).
  bool Offer(std::int64_t id, std::string_view link_prefix,
             const std::vector<std::string_view>& fields) {
    auto match = MatchFields(query_, fields);
    if (!match) return false;
    const std::string text = std::to_string(id);
    hits_.push_back(HitOf(kind_, text, std::string(link_prefix) + text, fields, *match));
    return true;
  }

  /// Hits so far, unsorted (to add details to the ones that will be shown).
  std::vector<Hit>& hits() { return hits_; }

  void MoveTo(std::vector<Hit>& out) {
    KeepBest(hits_, context_.limit);
    for (auto& hit : hits_) out.push_back(std::move(hit));
    hits_.clear();
  }

 private:
  std::string kind_;
  const Query& query_;
  const SearchContext& context_;
  std::vector<Hit> hits_;
};

std::string Id(std::int64_t id) { return std::to_string(id); }

}  // namespace

void WhoIsWhoSearch::Search(const accounts::WorkspaceAccess& access, const Query& query,
                            const SearchContext& context, std::vector<Hit>& out) {
  Kind people("people", query, context);
  for (const auto& [id, name] : service_.PersonNames(access)) {
    people.Offer(id, "people/", {name});
  }
  // The role is looked up only for the people that will be shown.
  KeepBest(people.hits(), context.limit);
  std::vector<std::int64_t> ids;
  for (const auto& hit : people.hits()) ids.push_back(std::stoll(hit.id));
  const auto roles = service_.CurrentRoles(access, ids);
  for (auto& hit : people.hits()) {
    if (auto it = roles.find(std::stoll(hit.id)); it != roles.end()) hit.subtitle = it->second;
  }
  people.MoveTo(out);

  // A municipality the workspace works with opens on its municipality page.
  Kind organisations("organisations", query, context);
  std::map<std::string, std::int64_t> page_of_code;
  std::set<std::string> found_codes;  // municipalities already found as the workspace's own
  for (const auto& o : service_.ListOrganisations(access)) {
    const bool municipality = o.kind == whoiswho::OrganisationKind::kMunicipality;
    if (municipality && o.municipality_code) page_of_code[*o.municipality_code] = o.id;
    const std::string kind(whoiswho::ToString(o.kind));
    if (organisations.Offer(Id(o.id),
                            (municipality ? "municipalities/" : "people/organisations/") + Id(o.id),
                            {o.name, kind}) &&
        municipality && o.municipality_code) {
      found_codes.insert(*o.municipality_code);
    }
  }
  organisations.MoveTo(out);

  Kind municipalities("municipalities", query, context);
  for (const auto& m : service_.AllMunicipalities()) {
    if (found_codes.contains(m.code)) continue;
    const auto page = page_of_code.find(m.code);
    const std::string province = m.province.value_or("");
    municipalities.Offer(m.code,
                         page != page_of_code.end() ? "municipalities/" + Id(page->second)
                                                    : "people/organisations?municipality=" + m.code,
                         {m.name, province, m.code});
  }
  municipalities.MoveTo(out);
}

void RelationsSearch::Search(const accounts::WorkspaceAccess& access, const Query& query,
                             const SearchContext& context, std::vector<Hit>& out) {
  Kind interactions("interactions", query, context);
  for (const auto& i : service_.NewestForSearch(access, kNewestSearched)) {
    const std::string day = DutchDate(i.occurred_at).ToString();
    std::string tags;
    for (const auto& t : i.tags) tags += (tags.empty() ? "" : ", ") + t;
    interactions.Offer(i.id, "interactions/", {i.subject, day, i.notes, tags});
  }
  interactions.MoveTo(out);

  Kind agreements("agreements", query, context);
  for (const auto& a : service_.ListAgreements(access, std::nullopt)) {
    const std::string due = a.due_on ? a.due_on->ToString() : "";
    agreements.Offer(Id(a.id), "interactions/agreements/" + Id(a.id),
                     {a.title, due, a.description});
  }
  agreements.MoveTo(out);
}

void CalendarSearch::Search(const accounts::WorkspaceAccess& access, const Query& query,
                            const SearchContext& context, std::vector<Hit>& out) {
  Kind plans("plans", query, context);
  for (const auto& p : service_.ListPlans(access)) {
    const std::string year = std::to_string(p.budget_year);
    plans.Offer(Id(p.id), "policy-calendar/plans/" + Id(p.id),
                {p.title, year, p.core_message, p.description});
  }
  plans.MoveTo(out);
}

void FeedbackSearch::Search(const accounts::WorkspaceAccess& access, const Query& query,
                            const SearchContext& context, std::vector<Hit>& out) {
  Kind surveys("surveys", query, context);
  for (const auto& s : service_.ListSurveys(access)) {
    const std::string about = s.team.empty()      ? s.service
                              : s.service.empty() ? s.team
                                                  : s.team + " · " + s.service;
    surveys.Offer(Id(s.id), "feedback/surveys/" + Id(s.id), {s.name, about});
  }
  surveys.MoveTo(out);

  // Open answers, as the member may read them (personal data masked by the service).
  Kind responses("responses", query, context);
  if (auto list =
          service_.ListResponses(access, {.limit = static_cast<std::int64_t>(kNewestSearched)})) {
    const bool en = context.english;
    for (const auto& r : *list) {
      if (r.why.empty() && r.better.empty()) continue;
      const std::string title =
          r.survey_name + (en ? " · score " : " · cijfer ") + std::to_string(r.score);
      const std::string day = DutchDate(r.received_at).ToString();
      // Only the answers are searched: a survey's name would match all its answers alike.
      if (responses.Offer(Id(r.id), "feedback/responses?survey_id=" + Id(r.survey_id),
                          {"", "", r.why, r.better})) {
        responses.hits().back().title = title;
        responses.hits().back().subtitle = day;
      }
    }
  }
  responses.MoveTo(out);
}

void FinancingSearch::Search(const accounts::WorkspaceAccess& access, const Query& query,
                             const SearchContext& context, std::vector<Hit>& out) {
  Kind scenarios("scenarios", query, context);
  for (const auto& s : service_.List(access, {})) {
    const std::string where = s.municipality_name.value_or(s.municipality_code.value_or(""));
    scenarios.Offer(Id(s.id), "financing/" + Id(s.id), {s.name, where, s.description});
  }
  scenarios.MoveTo(out);
}

void ScanSearch::Search(const accounts::WorkspaceAccess& access, const Query& query,
                        const SearchContext& context, std::vector<Hit>& out) {
  Kind scans("scans", query, context);
  for (const auto& s : service_.ListScans(access)) {
    scans.Offer(Id(s.scan.id), "scan/" + Id(s.scan.id), {s.scan.title, s.scan.collaboration});
  }
  scans.MoveTo(out);
}

void SocialMapSearch::Search(const accounts::WorkspaceAccess& access, const Query& query,
                             const SearchContext& context, std::vector<Hit>& out) {
  Kind services("services", query, context);
  for (const auto& s : service_.ListServices(access, {})) {
    std::string groups;
    for (const auto& g : s.target_groups) groups += (groups.empty() ? "" : ", ") + g;
    services.Offer(Id(s.id), "social-map/services/" + Id(s.id),
                   {s.name, s.organisation_name, s.capacity_note, groups});
  }
  services.MoveTo(out);

  Kind consortia("consortia", query, context);
  for (const auto& c : service_.ListConsortia(access)) {
    consortia.Offer(Id(c.id), "social-map/consortia/" + Id(c.id), {c.name, c.municipality_code});
  }
  consortia.MoveTo(out);
}

void KnowledgeSearch::Search(const accounts::WorkspaceAccess& /*access*/, const Query& query,
                             const SearchContext& context, std::vector<Hit>& out) {
  const bool en = context.english;
  const auto& kb = service_.knowledge();
  Kind knowledge("knowledge", query, context);
  const std::string strategy = en ? "Strategy" : "Strategie";
  for (const auto& s : kb.strategies) {
    knowledge.Offer(s.id, "advisor/knowledge#" + s.id,
                    {en ? s.name.en : s.name.nl, strategy, en ? s.meaning.en : s.meaning.nl});
  }
  for (const auto& c : kb.collections) {
    for (const auto& item : c.items) {
      knowledge.Offer(c.id + "/" + item.id, "advisor/knowledge#" + item.id,
                      {en ? item.title.en : item.title.nl, en ? c.title.en : c.title.nl,
                       en ? item.text.en : item.text.nl});
    }
  }
  knowledge.MoveTo(out);
}

void CouncilSearch::Search(const accounts::WorkspaceAccess& access, const Query& query,
                           const SearchContext& context, std::vector<Hit>& out) {
  auto page = service_.Search(
      access, {.q = query.text, .as_you_type = true, .limit = static_cast<int>(context.limit)});
  if (!page) return;  // the query was checked already; nothing else can be wrong here
  const bool en = context.english;
  int rank = 0;
  for (auto& item : page->items) {
    const auto& h = item.hit;
    std::string what;
    switch (h.kind) {
      case council::SearchKind::kMeeting: what = en ? "Meeting" : "Vergadering"; break;
      case council::SearchKind::kAgendaItem: what = en ? "Agenda item" : "Agendapunt"; break;
      case council::SearchKind::kDocument: what = "Document"; break;  // the same in both
      case council::SearchKind::kMotion: what = en ? "Motion" : "Motie"; break;
    }
    std::string subtitle = what + " · " + h.source_label;
    if (h.at) subtitle += " · " + DutchDate(*h.at).ToString();
    Hit hit{.kind = "council",
            .id = std::string(council::ToString(h.kind)) + "-" + Id(h.entity) +
                  (h.position >= 0 ? "-" + std::to_string(h.position) : ""),
            .title = h.title,
            .subtitle = std::move(subtitle),
            .snippet = std::move(item.excerpt),
            .link = h.meeting_id ? "council/meetings/" + Id(*h.meeting_id) : "council",
            .title_spans = std::move(item.title_spans),
            .subtitle_spans = {},
            .snippet_spans = std::move(item.excerpt_spans),
            .score = rank++};
    out.push_back(std::move(hit));
  }
}

}  // namespace aantafel::core::search

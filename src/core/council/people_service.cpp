#include "core/council/people_service.hpp"

#include <algorithm>
#include <map>

#include "core/stemming.hpp"

namespace aantafel::core::council {

using accounts::CanWrite;

namespace {

/// Positions that sit in or answer to the council: their holders vote or submit motions.
bool InCouncil(whoiswho::PositionKind kind) {
  using whoiswho::PositionKind;
  return kind == PositionKind::kCouncilMember || kind == PositionKind::kAlderman ||
         kind == PositionKind::kMayor || kind == PositionKind::kCitizenMember;
}

bool Shown(const PersonLink& link, LinkFilter filter) {
  switch (filter) {
    case LinkFilter::kAll: return true;
    case LinkFilter::kReview: return link.state == LinkState::kSuggested;
    case LinkFilter::kLinked: return IsLinked(link);
  }
  return true;
}

}  // namespace

std::optional<std::string> CouncilPeopleService::FollowedMunicipality(std::int64_t ws,
                                                                      const std::string& key) {
  for (const auto& follow : council_.Follows(ws)) {
    if (follow.source_key == key) return follow.municipality_code;
  }
  return std::nullopt;
}

std::vector<Candidate> CouncilPeopleService::CandidatesIn(std::int64_t ws,
                                                          const std::string& municipality_code) {
  std::map<std::int64_t, std::string> names;
  for (auto& [id, name] : whoiswho_.PersonNames(ws)) names.emplace(id, std::move(name));
  // The party of each person's latest council position in the municipality.
  std::map<std::int64_t, std::pair<CivilDate, std::string>> party;
  for (const auto& org : whoiswho_.ListOrganisations(ws)) {
    if (org.municipality_code != municipality_code) continue;
    for (const auto& position : whoiswho_.PositionsAt(ws, org.id)) {
      if (!InCouncil(position.kind)) continue;
      auto [it, added] = party.try_emplace(position.person_id, position.started_on, position.party);
      if (!added && position.started_on >= it->second.first) {
        it->second = {position.started_on, position.party};
      }
    }
  }
  std::vector<Candidate> out;
  for (const auto& [person_id, latest] : party) {
    const auto name = names.find(person_id);
    if (name == names.end()) continue;
    out.push_back({.person_id = person_id, .name = name->second, .party = latest.second});
  }
  return out;
}

std::vector<PersonLinkView> CouncilPeopleService::Views(std::int64_t ws,
                                                        std::vector<PersonLink> links) {
  std::map<std::int64_t, std::string> names;
  for (auto& [id, name] : whoiswho_.PersonNames(ws)) names.emplace(id, std::move(name));
  auto name_of = [&](std::int64_t id) {
    const auto found = names.find(id);
    return found == names.end() ? std::string{} : found->second;
  };
  std::vector<PersonLinkView> out;
  for (auto& link : links) {
    PersonLinkView view{.person_name = link.person_id ? name_of(*link.person_id) : ""};
    for (const auto id : link.options) view.options.emplace_back(id, name_of(id));
    view.link = std::move(link);
    out.push_back(std::move(view));
  }
  return out;
}

Result<std::vector<PersonLinkView>> CouncilPeopleService::Links(
    const accounts::WorkspaceAccess& access, const std::string& source_key, LinkFilter filter) {
  const std::int64_t ws = access.workspace.id;
  const auto municipality = FollowedMunicipality(ws, source_key);
  if (!municipality) return Error::Field("source_key", FieldIssue::kUnknownValue);
  auto links = LinkNames(source_key, council_.NamesInCouncil(source_key),
                         CandidatesIn(ws, *municipality), council_.LinkDecisions(ws, source_key));
  std::erase_if(links, [&](const PersonLink& link) { return !Shown(link, filter); });
  // The review list puts the most used names first; the rest are in name order.
  std::stable_sort(links.begin(), links.end(), [](const PersonLink& a, const PersonLink& b) {
    return a.motions + a.votes > b.motions + b.votes;
  });
  return Views(ws, std::move(links));
}

Result<PersonLinkView> CouncilPeopleService::Decide(const accounts::WorkspaceAccess& access,
                                                    const std::string& source_key,
                                                    const std::string& name_key,
                                                    std::int64_t person_id, bool confirmed) {
  if (!CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  const std::int64_t ws = access.workspace.id;
  const auto municipality = FollowedMunicipality(ws, source_key);
  if (!municipality) return Error::Of(ErrorCode::kNotFound);
  const auto names = council_.NamesInCouncil(source_key);
  auto links = LinkNames(source_key, names, CandidatesIn(ws, *municipality),
                         council_.LinkDecisions(ws, source_key));
  const auto found = std::find_if(links.begin(), links.end(),
                                  [&](const PersonLink& l) { return l.name_key == name_key; });
  if (found == links.end()) return Error::Of(ErrorCode::kNotFound);
  if (!whoiswho_.FindPerson(ws, person_id)) {
    return Error::Field("person_id", FieldIssue::kUnknownValue);
  }
  council_.SaveLinkDecision(ws, source_key,
                            {.name_key = name_key, .person_id = person_id, .confirmed = confirmed},
                            access.user_id, clock_.Now());
  auto relinked = LinkNames(source_key, names, CandidatesIn(ws, *municipality),
                            council_.LinkDecisions(ws, source_key));
  for (auto& link : relinked) {
    if (link.name_key == name_key) return std::move(Views(ws, {std::move(link)}).front());
  }
  return Error::Of(ErrorCode::kInternal);
}

Result<PersonLinkView> CouncilPeopleService::Undo(const accounts::WorkspaceAccess& access,
                                                  const std::string& source_key,
                                                  const std::string& name_key,
                                                  std::int64_t person_id) {
  if (!CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  const std::int64_t ws = access.workspace.id;
  const auto municipality = FollowedMunicipality(ws, source_key);
  if (!municipality) return Error::Of(ErrorCode::kNotFound);
  if (!council_.DeleteLinkDecision(ws, source_key, name_key, person_id)) {
    return Error::Of(ErrorCode::kNotFound);
  }
  auto links = LinkNames(source_key, council_.NamesInCouncil(source_key),
                         CandidatesIn(ws, *municipality), council_.LinkDecisions(ws, source_key));
  for (auto& link : links) {
    if (link.name_key == name_key) return std::move(Views(ws, {std::move(link)}).front());
  }
  return Error::Of(ErrorCode::kNotFound);
}

Result<PersonCouncil> CouncilPeopleService::OfPerson(const accounts::WorkspaceAccess& access,
                                                     std::int64_t person_id) {
  const std::int64_t ws = access.workspace.id;
  if (!whoiswho_.FindPerson(ws, person_id)) return Error::Of(ErrorCode::kNotFound);
  PersonCouncil out;
  const auto topics = council_.Topics(ws);
  struct Compiled {
    const Topic* topic;
    PhraseMatcher terms;
    PhraseMatcher exclusions;
  };
  std::vector<Compiled> compiled;
  for (const auto& topic : topics) {
    compiled.push_back({&topic, PhraseMatcher(topic.terms), PhraseMatcher(topic.exclusions)});
  }
  std::map<std::int64_t, TopicTally> tallies;
  for (const auto& follow : council_.Follows(ws)) {
    auto links = LinkNames(follow.source_key, council_.NamesInCouncil(follow.source_key),
                           CandidatesIn(ws, follow.municipality_code),
                           council_.LinkDecisions(ws, follow.source_key));
    std::vector<PersonLink> mine;
    std::vector<std::string> spellings;
    for (auto& link : links) {
      if (!IsLinked(link) || link.person_id != person_id) continue;
      spellings.insert(spellings.end(), link.spellings.begin(), link.spellings.end());
      mine.push_back(std::move(link));
    }
    if (mine.empty()) continue;
    for (auto& view : Views(ws, std::move(mine))) out.names.push_back(std::move(view));
    // Every record counts; only those on a topic are listed.
    for (auto& record : council_.RecordsOfNames(follow.source_key, spellings, 100000)) {
      switch (record.role) {
        case NameRecord::Role::kSubmitted: ++out.submitted; break;
        case NameRecord::Role::kFor: ++out.voted_for; break;
        case NameRecord::Role::kAgainst: ++out.voted_against; break;
      }
      if (compiled.empty()) continue;
      const auto stems = DutchStems(record.title);
      PersonRecord shown{.source_key = follow.source_key};
      for (const auto& c : compiled) {
        if (!c.terms.Matches(stems) || c.exclusions.Matches(stems)) continue;
        shown.topics.push_back(c.topic->name);
        auto& tally = tallies[c.topic->id];
        tally.topic_id = c.topic->id;
        tally.topic_name = c.topic->name;
        switch (record.role) {
          case NameRecord::Role::kSubmitted: ++tally.submitted; break;
          case NameRecord::Role::kFor: ++tally.voted_for; break;
          case NameRecord::Role::kAgainst: ++tally.voted_against; break;
        }
      }
      if (shown.topics.empty()) continue;
      shown.record = std::move(record);
      out.records.push_back(std::move(shown));
    }
  }
  for (const auto& topic : topics) {
    if (const auto t = tallies.find(topic.id); t != tallies.end()) out.topics.push_back(t->second);
  }
  // Newest first; undated last.
  std::stable_sort(out.records.begin(), out.records.end(),
                   [](const PersonRecord& a, const PersonRecord& b) {
                     if (a.record.date.has_value() != b.record.date.has_value()) {
                       return a.record.date.has_value();
                     }
                     return a.record.date && *a.record.date > *b.record.date;
                   });
  if (out.records.size() > static_cast<std::size_t>(kMostRecords)) {
    out.records.resize(kMostRecords);
    out.more_records = true;
  }
  return out;
}

}  // namespace aantafel::core::council

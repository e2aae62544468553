#include "core/council/people_service.hpp"

#include <algorithm>
#include <map>

#include "core/council/search.hpp"

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
                                                        std::vector<PersonLink> links,
                                                        const std::vector<Candidate>& candidates) {
  std::map<std::int64_t, LinkPerson> people;
  for (const auto& c : candidates) {
    people.emplace(c.person_id, LinkPerson{.id = c.person_id, .name = c.name, .party = c.party});
  }
  // A confirmed person need not hold a council position (any more): their name, no party.
  bool all_known = true;
  for (const auto& link : links) {
    if (link.person_id && !people.contains(*link.person_id)) all_known = false;
  }
  if (!all_known) {
    for (auto& [id, name] : whoiswho_.PersonNames(ws)) {
      people.try_emplace(id, LinkPerson{.id = id, .name = std::move(name)});
    }
  }
  auto person = [&](std::int64_t id) {
    const auto found = people.find(id);
    return found == people.end() ? LinkPerson{.id = id} : found->second;
  };
  std::vector<PersonLinkView> out;
  for (auto& link : links) {
    PersonLinkView view;
    if (link.person_id) view.person = person(*link.person_id);
    for (const auto id : link.options) view.options.push_back(person(id));
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
  const auto candidates = CandidatesIn(ws, *municipality);
  auto links = LinkNames(source_key, council_.NamesInCouncil(source_key), candidates,
                         council_.LinkDecisions(ws, source_key));
  std::erase_if(links, [&](const PersonLink& link) { return !Shown(link, filter); });
  // The review list puts the most used names first; the rest are in name order.
  std::stable_sort(links.begin(), links.end(), [](const PersonLink& a, const PersonLink& b) {
    return a.motions + a.votes > b.motions + b.votes;
  });
  return Views(ws, std::move(links), candidates);
}

Result<PersonLinkView> CouncilPeopleService::Decide(const accounts::WorkspaceAccess& access,
                                                    const std::string& source_key,
                                                    const std::string& name_key,
                                                    std::optional<std::int64_t> person_id,
                                                    bool confirmed) {
  if (!CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  if (!person_id && confirmed) return Error::Field("person_id", FieldIssue::kRequired);
  const std::int64_t ws = access.workspace.id;
  const auto municipality = FollowedMunicipality(ws, source_key);
  if (!municipality) return Error::Of(ErrorCode::kNotFound);
  const auto names = council_.NamesInCouncil(source_key);
  const auto candidates = CandidatesIn(ws, *municipality);
  auto links = LinkNames(source_key, names, candidates, council_.LinkDecisions(ws, source_key));
  const auto found = std::find_if(links.begin(), links.end(),
                                  [&](const PersonLink& l) { return l.name_key == name_key; });
  if (found == links.end()) return Error::Of(ErrorCode::kNotFound);
  std::vector<std::int64_t> people;
  if (person_id) {
    if (!whoiswho_.FindPerson(ws, *person_id)) {
      return Error::Field("person_id", FieldIssue::kUnknownValue);
    }
    people.push_back(*person_id);
  } else {
    // None of these: everyone offered now.
    people = found->options;
    if (found->person_id &&
        std::find(people.begin(), people.end(), *found->person_id) == people.end()) {
      people.push_back(*found->person_id);
    }
  }
  for (const std::int64_t id : people) {
    council_.SaveLinkDecision(ws, source_key,
                              {.name_key = name_key, .person_id = id, .confirmed = confirmed},
                              access.user_id, clock_.Now());
  }
  auto relinked = LinkNames(source_key, names, candidates, council_.LinkDecisions(ws, source_key));
  for (auto& link : relinked) {
    if (link.name_key == name_key) {
      return std::move(Views(ws, {std::move(link)}, candidates).front());
    }
  }
  return Error::Of(ErrorCode::kInternal);
}

Result<PersonLinkView> CouncilPeopleService::Undo(const accounts::WorkspaceAccess& access,
                                                  const std::string& source_key,
                                                  const std::string& name_key,
                                                  std::optional<std::int64_t> person_id) {
  if (!CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  const std::int64_t ws = access.workspace.id;
  const auto municipality = FollowedMunicipality(ws, source_key);
  if (!municipality) return Error::Of(ErrorCode::kNotFound);
  bool undone = false;
  if (person_id) {
    undone = council_.DeleteLinkDecision(ws, source_key, name_key, *person_id);
  } else {
    for (const auto& decision : council_.LinkDecisions(ws, source_key)) {
      if (decision.name_key != name_key) continue;
      undone = council_.DeleteLinkDecision(ws, source_key, name_key, decision.person_id) || undone;
    }
  }
  if (!undone) return Error::Of(ErrorCode::kNotFound);
  const auto candidates = CandidatesIn(ws, *municipality);
  auto links = LinkNames(source_key, council_.NamesInCouncil(source_key), candidates,
                         council_.LinkDecisions(ws, source_key));
  for (auto& link : links) {
    if (link.name_key == name_key) {
      return std::move(Views(ws, {std::move(link)}, candidates).front());
    }
  }
  return Error::Of(ErrorCode::kNotFound);
}

Result<PersonCouncil> CouncilPeopleService::OfPerson(const accounts::WorkspaceAccess& access,
                                                     std::int64_t person_id) {
  const std::int64_t ws = access.workspace.id;
  if (!whoiswho_.FindPerson(ws, person_id)) return Error::Of(ErrorCode::kNotFound);
  PersonCouncil out;
  const auto topics = council_.Topics(ws);
  const auto compiled = CompileTopics(topics);
  std::map<std::int64_t, TopicTally> tallies;
  for (const auto& follow : council_.Follows(ws)) {
    const auto candidates = CandidatesIn(ws, follow.municipality_code);
    auto links = LinkNames(follow.source_key, council_.NamesInCouncil(follow.source_key),
                           candidates, council_.LinkDecisions(ws, follow.source_key));
    std::vector<PersonLink> mine;
    std::vector<std::string> spellings;
    for (auto& link : links) {
      if (!IsLinked(link) || link.person_id != person_id) continue;
      spellings.insert(spellings.end(), link.spellings.begin(), link.spellings.end());
      mine.push_back(std::move(link));
    }
    if (mine.empty()) continue;
    for (auto& view : Views(ws, std::move(mine), candidates)) out.names.push_back(std::move(view));
    // Every record counts; only those on a topic are listed.
    for (auto& record : council_.RecordsOfNames(follow.source_key, spellings, 100000)) {
      switch (record.role) {
        case NameRecord::Role::kSubmitted: ++out.submitted; break;
        case NameRecord::Role::kFor: ++out.voted_for; break;
        case NameRecord::Role::kAgainst: ++out.voted_against; break;
      }
      if (compiled.empty()) continue;
      const auto stems = TopicStems(record.title);
      PersonRecord shown{.source_key = follow.source_key};
      for (const auto& c : compiled) {
        if (!c.Matches(stems)) continue;
        const Topic& topic = c.topic();
        shown.topics.push_back(topic.name);
        auto& tally = tallies[topic.id];
        tally.topic_id = topic.id;
        tally.topic_name = topic.name;
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

#pragma once
// Raadsleden in Wie is wie (issue #26, scope 3): the names in a followed council's motions and
// votes, linked to the workspace's people by the rule in core/council/people.hpp; uncertain
// names wait in a review list until a person confirms or rejects them; and a person's votes and
// motions on the workspace's topics, as evidence beside the stakeholder grid.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/accounts/model.hpp"
#include "core/clock.hpp"
#include "core/council/ports.hpp"
#include "core/result.hpp"
#include "core/whoiswho/ports.hpp"

namespace aantafel::core::council {

/// Which names of the review list to show.
enum class LinkFilter { kAll, kReview, kLinked };

/// A link with the names of the people it points to, ready to show.
/// A person in Wie is wie as the review list names them: with the party of their latest council
/// position in that municipality ("" when none is recorded), so a reviewer sees why a name and a
/// person may differ ("CDA in Wie is wie, VVD in the council").
struct LinkPerson {
  std::int64_t id = 0;
  std::string name;
  std::string party;
};

struct PersonLinkView {
  PersonLink link;
  std::optional<LinkPerson> person;  ///< of `link.person_id`
  std::vector<LinkPerson> options;
};

/// A person's vote or motion in a council, with the workspace's topics it touches.
struct PersonRecord {
  std::string source_key;
  NameRecord record;
  std::vector<std::string> topics;  ///< topic names, in the workspace's order
};

/// Per topic: how often the person submitted, voted for or against.
struct TopicTally {
  std::int64_t topic_id = 0;
  std::string topic_name;
  int submitted = 0;
  int voted_for = 0;
  int voted_against = 0;
};

/// What the person page shows about one person in the councils the workspace follows.
struct PersonCouncil {
  std::vector<PersonLinkView> names;  ///< the council names linked to the person
  int submitted = 0;                  ///< motions in all (on any subject)
  int voted_for = 0;
  int voted_against = 0;
  std::vector<TopicTally> topics;     ///< only topics with something to count
  std::vector<PersonRecord> records;  ///< on the workspace's topics, newest first
  bool more_records = false;          ///< more than shown
};

class CouncilPeopleService {
 public:
  CouncilPeopleService(CouncilRepository& council, whoiswho::WhoIsWhoRepository& whoiswho,
                       const Clock& clock)
      : council_(council), whoiswho_(whoiswho), clock_(clock) {}

  /// The names of a council the workspace follows (404 otherwise: "source_key").
  Result<std::vector<PersonLinkView>> Links(const accounts::WorkspaceAccess& access,
                                            const std::string& source_key, LinkFilter filter);
  /// Editors and owners: "this name is (not) this person". The name must be one of the
  /// council's (404), the person one of the workspace's ("person_id", 422). Without a person,
  /// "none of these": every person offered for the name (suggested or to choose from) is
  /// rejected at once; confirming needs a person ("person_id" required).
  Result<PersonLinkView> Decide(const accounts::WorkspaceAccess& access,
                                const std::string& source_key, const std::string& name_key,
                                std::optional<std::int64_t> person_id, bool confirmed);
  /// Editors and owners: takes a decision back, or without a person every decision about the
  /// name (404 when there was none).
  Result<PersonLinkView> Undo(const accounts::WorkspaceAccess& access,
                              const std::string& source_key, const std::string& name_key,
                              std::optional<std::int64_t> person_id);
  /// The person's council names, counts and records on topics (404 for an unknown person).
  Result<PersonCouncil> OfPerson(const accounts::WorkspaceAccess& access, std::int64_t person_id);

  /// At most this many records on the person page.
  static constexpr int kMostRecords = 100;

 private:
  std::optional<std::string> FollowedMunicipality(std::int64_t ws, const std::string& key);
  std::vector<Candidate> CandidatesIn(std::int64_t ws, const std::string& municipality_code);
  std::vector<PersonLinkView> Views(std::int64_t ws, std::vector<PersonLink> links,
                                    const std::vector<Candidate>& candidates);

  CouncilRepository& council_;
  whoiswho::WhoIsWhoRepository& whoiswho_;
  const Clock& clock_;
};

}  // namespace aantafel::core::council

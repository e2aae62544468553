#pragma once
// Raadsleden in Wie is wie: the one rule for whether a name in council data (a voter's
// "Vries, J. de", a submitter's "J. de Vries") is a person the workspace knows. Councils publish
// no national person id and spell names and parties their own way (API.md, "voting data"), so
// a link is certain only when exactly one person of that municipality's council fits by surname,
// first initial and party; anything less is a suggestion for a person to confirm, never a silent
// link.

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace aantafel::core::council {

/// A person's name in parts, folded (lower case, no accents).
struct NameParts {
  std::string surname;   ///< with the tussenvoegsel in front: "de vries", "van der berg"
  std::string initials;  ///< the first letters of the given names: "j", "jp"; "" when absent
};

/// "Vries, J. de", "Vries, Jan de", "J. de Vries", "Jan de Vries", "de Vries".
NameParts SplitName(std::string_view name);

/// A party name for comparing: folded, without "fractie", "raadsleden", "lijst" and punctuation
/// ("Fractie CDA" and "cda" are the same party).
std::string PartyKey(std::string_view party);

/// Someone in Wie is wie who holds or held a council seat (or was alderman) in the municipality.
struct Candidate {
  std::int64_t person_id = 0;
  std::string name;
  std::string party;  ///< "" when not recorded
};

enum class MatchLevel {
  kNone,      ///< nobody fits
  kPossible,  ///< someone may fit: a person confirms or rejects it
  kCertain,   ///< exactly one person fits by surname, first initial and party
};

/// Why, for the review list.
enum class MatchReason {
  kNameInitialAndParty,   ///< certain
  kPartlyKnown,           ///< the name fits; an initial or the party is missing on one side
  kInitialOrPartyDiffer,  ///< only the surname fits
  kSeveral,               ///< more than one person fits
  kNobody,
};

struct PersonMatch {
  MatchLevel level = MatchLevel::kNone;
  MatchReason reason = MatchReason::kNobody;
  std::optional<std::int64_t> person_id;  ///< the one person meant or suggested
};

/// Matches a name (and party, "" when unknown) from the council against its candidates.
PersonMatch MatchCouncilMember(std::string_view name, std::string_view party,
                               const std::vector<Candidate>& candidates);

/// The folded key of a name with its party: "de vries|j|cda". One row of the review list, and
/// what a person's decision about it is stored under.
std::string NameKey(std::string_view name, std::string_view party);

/// How often a name appears in one council's motions, as published.
struct NameUse {
  std::string name;
  std::string party;  ///< "" for a submitter (motions name submitters without party)
  int motions = 0;    ///< motions submitted
  int votes = 0;      ///< votes cast
};

/// A person's decision about one name: "is this person" (confirmed) or "is not" (rejected).
struct LinkDecision {
  std::string name_key;
  std::int64_t person_id = 0;
  bool confirmed = false;
};

/// How a name stands: linked to a person for sure, waiting for someone to confirm, or unknown.
enum class LinkState {
  kCertain,    ///< exactly one person fits by surname, initial and party (computed)
  kConfirmed,  ///< a person confirmed it
  kSuggested,  ///< someone may fit: waiting in the review list
  kUnmatched,  ///< nobody in Wie is wie fits
};
std::string_view ToString(LinkState state);

/// One name of a council's motions and votes, with what it is linked to.
struct PersonLink {
  std::string source_key;
  std::string name_key;
  std::string name;                    ///< the spelling seen most (a voter's, when there is one)
  std::string party;                   ///< "" when only known as a submitter
  std::vector<std::string> spellings;  ///< every spelling published, for finding its motions
  int motions = 0;
  int votes = 0;
  LinkState state = LinkState::kUnmatched;
  MatchReason reason = MatchReason::kNobody;
  std::optional<std::int64_t> person_id;  ///< linked or suggested
  std::vector<std::int64_t> rejected;     ///< people someone said this name is not
  std::vector<std::int64_t> options;      ///< everyone of that surname, to choose from
};
std::string_view ToString(MatchReason reason);

/// Whether the name counts as this person's (certain or confirmed).
inline bool IsLinked(const PersonLink& link) {
  return link.state == LinkState::kCertain || link.state == LinkState::kConfirmed;
}

/// The one rule for a council's review list: names grouped by key (a submitter without party
/// joins the one party group of the same surname and initials), matched against the candidates
/// without the people rejected for that name, and a confirmation over everything else.
std::vector<PersonLink> LinkNames(const std::string& source_key, const std::vector<NameUse>& names,
                                  const std::vector<Candidate>& candidates,
                                  const std::vector<LinkDecision>& decisions);

}  // namespace aantafel::core::council

#pragma once
// Raadsleden in Wie is wie: the one rule for whether a name in council data (a voter's
// "Vries, J. de", a submitter's "J. de Vries") is a person the workspace knows. Councils publish
// no national person id and spell names and parties their own way (API.md, "voting data"), so
// a link is certain only when exactly one person of that municipality's council fits by surname,
// first initial and party; anything less is a suggestion for a person to confirm, never a silent
// link.

#include <cstdint>
#include <optional>
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

}  // namespace aantafel::core::council

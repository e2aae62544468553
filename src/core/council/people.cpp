#include "core/council/people.hpp"

#include <algorithm>
#include <iterator>
#include <map>

#include "core/validation.hpp"

namespace aantafel::core::council {

namespace {

// Dutch (and Belgian, German, French) surname prefixes, as they stand between given names and
// the surname: "Jan van der Berg", "Berg, J. van der".
constexpr std::string_view kInfixes[] = {"van",  "de",    "der", "den", "het", "'t",  "t",   "te",
                                         "ten",  "ter",   "in",  "op",  "aan", "bij", "uit", "voor",
                                         "over", "onder", "la",  "le",  "du",  "des", "da",  "dos",
                                         "di",   "del",   "von", "zu",  "el",  "al"};

// Titles and forms of address written before a name: "Dhr. J. de Vries", "mr. drs. A. Smit".
constexpr std::string_view kTitles[] = {"dhr",  "mevr", "mw", "mr", "dr",  "drs",  "ir",     "ing",
                                        "prof", "ds",   "bc", "ma", "msc", "heer", "mevrouw"};

/// The first character (a whole UTF-8 sequence) of `text`.
std::string_view FirstChar(std::string_view text) {
  if (text.empty()) return text;
  const auto lead = static_cast<unsigned char>(text.front());
  const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  return text.substr(0, std::min(length, text.size()));
}

bool IsTitle(std::string_view word) {
  std::string plain;
  for (const char c : word) {
    if (c != '.') plain += c;
  }
  return std::find(std::begin(kTitles), std::end(kTitles), plain) != std::end(kTitles);
}

bool IsInfix(std::string_view word) {
  return std::find(std::begin(kInfixes), std::end(kInfixes), word) != std::end(kInfixes);
}

/// Words separated by spaces (and a comma, kept as its own word).
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == ',') {
      if (!word.empty()) out.push_back(std::move(word));
      word.clear();
      if (c == ',') out.emplace_back(",");
    } else {
      word += c;
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  // "de heer" is a form of address too: drop it before the other titles.
  for (std::size_t i = 0; i + 1 < out.size(); ++i) {
    if (out[i] == "de" && out[i + 1] == "heer") out.erase(out.begin() + static_cast<long>(i));
  }
  std::erase_if(out, [](const std::string& w) { return IsTitle(w); });
  return out;
}

/// "J.P." → "jp", "Jan" → "j", "Anna-Maria" → "a" (whole characters: "Ś." → "ś" as written).
std::string InitialsOf(const std::vector<std::string>& given) {
  std::string out;
  for (const auto& word : given) {
    std::string_view rest = word;
    if (word.find('.') == std::string::npos) {
      out += FirstChar(rest);
      continue;
    }
    while (!rest.empty()) {
      const std::size_t dot = rest.find('.');
      out += FirstChar(rest.substr(0, dot));
      if (dot == std::string_view::npos) break;
      rest.remove_prefix(dot + 1);
    }
  }
  return out;
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80; }

}  // namespace

NameParts SplitName(std::string_view name) {
  const auto words = Words(SearchFold(TrimAscii(name)));
  NameParts out;
  const auto comma = std::find(words.begin(), words.end(), ",");
  if (comma != words.end()) {
    // "Vries, J. de": the surname first; after the comma the given names, then the infix.
    std::vector<std::string> surname(words.begin(), comma);
    std::vector<std::string> rest(comma + 1, words.end());
    std::vector<std::string> infix;
    while (!rest.empty() && IsInfix(rest.back())) {
      infix.insert(infix.begin(), rest.back());
      rest.pop_back();
    }
    std::erase(rest, ",");
    infix.insert(infix.end(), surname.begin(), surname.end());
    out.surname = Join(infix);
    out.initials = InitialsOf(rest);
    return out;
  }
  // "Jan de Vries": the given names up to the first infix, or all but the last word.
  std::size_t first_infix = words.size();
  for (std::size_t i = 1; i + 1 < words.size(); ++i) {
    if (IsInfix(words[i])) {
      first_infix = i;
      break;
    }
  }
  // "de Vries" alone: no given names.
  if (!words.empty() && IsInfix(words.front())) first_infix = 0;
  const std::size_t surname_from =
      first_infix < words.size() ? first_infix : (words.empty() ? 0 : words.size() - 1);
  out.surname = Join({words.begin() + static_cast<long>(surname_from), words.end()});
  out.initials = InitialsOf({words.begin(), words.begin() + static_cast<long>(surname_from)});
  return out;
}

std::string PartyKey(std::string_view party) {
  std::string out;
  for (const auto& word : Words(SearchFold(party))) {
    if (word == "fractie" || word == "raadsleden" || word == "raadslid" || word == "lijst" ||
        word == ",") {
      continue;
    }
    for (const char c : word) {
      if (IsLetter(c) || (c >= '0' && c <= '9')) out += c;
    }
  }
  return out;
}

PersonMatch MatchCouncilMember(std::string_view name, std::string_view party,
                               const std::vector<Candidate>& candidates) {
  const NameParts wanted = SplitName(name);
  const std::string wanted_party = PartyKey(party);
  if (wanted.surname.empty()) return {};
  std::vector<const Candidate*> by_surname;
  for (const auto& c : candidates) {
    if (SplitName(c.name).surname == wanted.surname) by_surname.push_back(&c);
  }
  if (by_surname.empty()) return {};
  // Same first initial (when both are known) and no conflicting party.
  std::vector<const Candidate*> fitting;
  bool party_unknown = wanted_party.empty();
  for (const Candidate* c : by_surname) {
    const std::string initials = SplitName(c->name).initials;
    if (!wanted.initials.empty() && !initials.empty() &&
        FirstChar(wanted.initials) != FirstChar(initials)) {
      continue;
    }
    const std::string their_party = PartyKey(c->party);
    if (!wanted_party.empty() && !their_party.empty() && wanted_party != their_party) continue;
    if (their_party.empty() || wanted.initials.empty() || initials.empty()) party_unknown = true;
    fitting.push_back(c);
  }
  if (fitting.size() > 1) {
    return {.level = MatchLevel::kPossible, .reason = MatchReason::kSeveral};
  }
  if (fitting.size() == 1) {
    if (party_unknown) {
      return {.level = MatchLevel::kPossible,
              .reason = MatchReason::kPartlyKnown,
              .person_id = fitting.front()->person_id};
    }
    return {.level = MatchLevel::kCertain,
            .reason = MatchReason::kNameInitialAndParty,
            .person_id = fitting.front()->person_id};
  }
  if (by_surname.size() == 1) {
    return {.level = MatchLevel::kPossible,
            .reason = MatchReason::kInitialOrPartyDiffer,
            .person_id = by_surname.front()->person_id};
  }
  return {.level = MatchLevel::kPossible, .reason = MatchReason::kSeveral};
}

std::string NameKey(std::string_view name, std::string_view party) {
  const NameParts parts = SplitName(name);
  return parts.surname + "|" + parts.initials + "|" + PartyKey(party);
}

std::string_view ToString(LinkState state) {
  switch (state) {
    case LinkState::kCertain: return "certain";
    case LinkState::kConfirmed: return "confirmed";
    case LinkState::kSuggested: return "suggested";
    case LinkState::kUnmatched: return "unmatched";
  }
  return "unmatched";
}

std::string_view ToString(MatchReason reason) {
  switch (reason) {
    case MatchReason::kNameInitialAndParty: return "name_initial_and_party";
    case MatchReason::kPartlyKnown: return "partly_known";
    case MatchReason::kInitialOrPartyDiffer: return "initial_or_party_differ";
    case MatchReason::kSeveral: return "several";
    case MatchReason::kNobody: return "nobody";
  }
  return "nobody";
}

std::vector<PersonLink> LinkNames(const std::string& source_key, const std::vector<NameUse>& names,
                                  const std::vector<Candidate>& candidates,
                                  const std::vector<LinkDecision>& decisions) {
  // Group by key; remember the spelling seen most often for the name shown.
  struct Group {
    PersonLink link;
    std::map<std::string, int> seen;  // spelling → uses
  };
  std::map<std::string, Group> groups;
  std::vector<const NameUse*> submitters;
  for (const auto& use : names) {
    if (use.party.empty() && use.votes == 0) {
      submitters.push_back(&use);
      continue;
    }
    auto& g = groups[NameKey(use.name, use.party)];
    g.link.party = use.party;
    g.link.motions += use.motions;
    g.link.votes += use.votes;
    g.seen[use.name] += use.motions + use.votes;
  }
  // A submitter (no party) joins the one party group of the same surname and initials.
  for (const NameUse* use : submitters) {
    const std::string bare = NameKey(use->name, "");  // "surname|initials|"
    std::vector<std::string> same;
    for (const auto& [key, g] : groups) {
      if (key.starts_with(bare) && key != bare) same.push_back(key);
    }
    auto& g = groups[same.size() == 1 ? same.front() : bare];
    g.link.motions += use->motions;
    g.link.votes += use->votes;
    g.seen[use->name] += use->motions + use->votes;
  }
  std::vector<PersonLink> out;
  for (auto& [key, g] : groups) {
    PersonLink link = std::move(g.link);
    link.source_key = source_key;
    link.name_key = key;
    int most = -1;
    for (const auto& [spelling, uses] : g.seen) {
      link.spellings.push_back(spelling);
      if (uses > most) {
        most = uses;
        link.name = spelling;
      }
    }
    std::optional<std::int64_t> confirmed;
    for (const auto& d : decisions) {
      if (d.name_key != key) continue;
      if (d.confirmed) {
        confirmed = d.person_id;
      } else {
        link.rejected.push_back(d.person_id);
      }
    }
    std::vector<Candidate> open;
    for (const auto& c : candidates) {
      if (std::find(link.rejected.begin(), link.rejected.end(), c.person_id) ==
          link.rejected.end()) {
        open.push_back(c);
      }
    }
    const std::string surname = SplitName(link.name).surname;
    for (const auto& c : open) {
      if (SplitName(c.name).surname == surname) link.options.push_back(c.person_id);
    }
    if (confirmed) {
      link.state = LinkState::kConfirmed;
      link.person_id = confirmed;
      link.reason = MatchReason::kNameInitialAndParty;
    } else {
      const PersonMatch match = MatchCouncilMember(link.name, link.party, open);
      link.reason = match.reason;
      link.person_id = match.person_id;
      link.state = match.level == MatchLevel::kCertain    ? LinkState::kCertain
                   : match.level == MatchLevel::kPossible ? LinkState::kSuggested
                                                          : LinkState::kUnmatched;
    }
    out.push_back(std::move(link));
  }
  return out;
}

}  // namespace aantafel::core::council

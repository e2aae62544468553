#include "core/council/people.hpp"

#include <gtest/gtest.h>

namespace aantafel::core::council {
namespace {

TEST(CouncilPeople, NamesAreSplitTheWayCouncilsAndPeopleWriteThem) {
  const auto voter = SplitName("Vries, J. de");
  EXPECT_EQ(voter.surname, "de vries");
  EXPECT_EQ(voter.initials, "j");
  const auto full = SplitName("Jan de Vries");
  EXPECT_EQ(full.surname, "de vries");
  EXPECT_EQ(full.initials, "j");
  EXPECT_EQ(SplitName("J.P. van der Berg").surname, "van der berg");
  EXPECT_EQ(SplitName("J.P. van der Berg").initials, "jp");
  EXPECT_EQ(SplitName("Berg, Jan Peter van der").initials, "jp");
  EXPECT_EQ(SplitName("de Vries").surname, "de vries");
  EXPECT_EQ(SplitName("de Vries").initials, "");
  EXPECT_EQ(SplitName("Hamid El Amrani").surname, "el amrani");
  EXPECT_EQ(SplitName("El Amrani, H.").surname, "el amrani");
  EXPECT_EQ(SplitName("  Esra  Yılmaz ").surname, SplitName("Yılmaz, E.").surname);
  EXPECT_EQ(SplitName("Zoë Müller").surname, "muller") << "accents do not count";
  EXPECT_EQ(SplitName("").surname, "");
  // Titles and forms of address are not given names.
  EXPECT_EQ(SplitName("Dhr. J. de Vries").initials, "j");
  EXPECT_EQ(SplitName("de heer J. de Vries").surname, "de vries");
  EXPECT_EQ(SplitName("mr. drs. A. Smit").initials, "a");
  EXPECT_EQ(SplitName("Vries, dhr. J. de").initials, "j");
}

TEST(CouncilPeople, PartiesCompareWithoutTheWordsCouncilsAddAroundThem) {
  EXPECT_EQ(PartyKey("Fractie CDA"), PartyKey("cda"));
  EXPECT_EQ(PartyKey("raadsleden GroenLinks"), "groenlinks");
  EXPECT_EQ(PartyKey("Lijst 5: Lokaal Belang!"), "5lokaalbelang");
  EXPECT_NE(PartyKey("GroenLinks"), PartyKey("GroenLinks-PvdA"));
}

const std::vector<Candidate> kSoest = {
    {.person_id = 1, .name = "Jan de Vries", .party = "GroenLinks"},
    {.person_id = 2, .name = "Petra Jansen", .party = "VVD"},
    {.person_id = 3, .name = "Pieter Jansen", .party = "CDA"},
    {.person_id = 4, .name = "Karin Bos", .party = ""},
    {.person_id = 5, .name = "Kees Bos", .party = ""},
    {.person_id = 6, .name = "Anna Smit", .party = "D66"},
};

TEST(CouncilPeople, OnlyOneFitByNameInitialAndPartyIsCertain) {
  const auto m = MatchCouncilMember("Vries, J. de", "Fractie GroenLinks", kSoest);
  EXPECT_EQ(m.level, MatchLevel::kCertain);
  EXPECT_EQ(m.reason, MatchReason::kNameInitialAndParty);
  EXPECT_EQ(m.person_id, 1);
  // Two Jansens with P.: the party tells them apart.
  EXPECT_EQ(MatchCouncilMember("Jansen, P.", "VVD", kSoest).person_id, 2);
  EXPECT_EQ(MatchCouncilMember("Jansen, P.", "VVD", kSoest).level, MatchLevel::kCertain);
  // A title is not an initial: Dhr. J. de Vries is Jan, not someone with a D.
  const std::vector<Candidate> two = {{.person_id = 7, .name = "Dirk de Vries", .party = "CDA"},
                                      {.person_id = 8, .name = "Jan de Vries", .party = "CDA"}};
  EXPECT_EQ(MatchCouncilMember("Dhr. J. de Vries", "CDA", two).person_id, 8);
  // Initials compare as letters, not bytes: Ł and Ś share their first byte.
  const std::vector<Candidate> polish = {{.person_id = 9, .name = "Łukasz Nowak", .party = "D66"}};
  EXPECT_EQ(MatchCouncilMember("Nowak, Ś.", "D66", polish).level, MatchLevel::kPossible);
}

TEST(CouncilPeople, AnythingLessIsASuggestionOrNothingNeverAGuess) {
  // Without a party the two P. Jansens cannot be told apart: no one is suggested.
  const auto several = MatchCouncilMember("Jansen, P.", "", kSoest);
  EXPECT_EQ(several.level, MatchLevel::kPossible);
  EXPECT_EQ(several.reason, MatchReason::kSeveral);
  EXPECT_EQ(several.person_id, std::nullopt);
  // Name and initial fit, but Wie is wie has no party for her: a person confirms.
  const auto partly = MatchCouncilMember("Bos, Ka.", "Lokaal Samen", kSoest);
  EXPECT_EQ(partly.level, MatchLevel::kPossible);
  EXPECT_EQ(partly.reason, MatchReason::kSeveral) << "K. Bos: Karin and Kees both fit";
  const auto smit = MatchCouncilMember("A. Smit", "", kSoest);
  EXPECT_EQ(smit.level, MatchLevel::kPossible);
  EXPECT_EQ(smit.reason, MatchReason::kPartlyKnown);
  EXPECT_EQ(smit.person_id, 6);
  // Same surname, other party: suggested, not linked.
  const auto other = MatchCouncilMember("Smit, A.", "PvdA", kSoest);
  EXPECT_EQ(other.level, MatchLevel::kPossible);
  EXPECT_EQ(other.reason, MatchReason::kInitialOrPartyDiffer);
  EXPECT_EQ(other.person_id, 6);
  // Nobody of that name.
  EXPECT_EQ(MatchCouncilMember("Kasius, S.", "Partij ITH", kSoest).level, MatchLevel::kNone);
  EXPECT_EQ(MatchCouncilMember("", "VVD", kSoest).level, MatchLevel::kNone);
}

const PersonLink* Find(const std::vector<PersonLink>& links, const std::string& key) {
  for (const auto& l : links) {
    if (l.name_key == key) return &l;
  }
  return nullptr;
}

TEST(CouncilPeople, ASubmitterJoinsTheOnePartyGroupOfTheSameNameAndInitials) {
  const std::vector<NameUse> names = {
      {.name = "Vries, J. de", .party = "Fractie GroenLinks", .votes = 12},
      {.name = "J. de Vries", .party = "", .motions = 3},
      {.name = "Jansen, P.", .party = "VVD", .votes = 7},
      {.name = "Jansen, P.", .party = "CDA", .votes = 5},
      {.name = "P. Jansen", .party = "", .motions = 2},  // two Jansen groups: stays apart
  };
  const auto links = LinkNames("soest", names, kSoest, {});
  ASSERT_EQ(links.size(), 4U);
  const auto* vries = Find(links, "de vries|j|groenlinks");
  ASSERT_NE(vries, nullptr);
  EXPECT_EQ(vries->motions, 3);
  EXPECT_EQ(vries->votes, 12);
  EXPECT_EQ(vries->name, "Vries, J. de") << "the spelling used most";
  EXPECT_EQ(vries->state, LinkState::kCertain);
  EXPECT_EQ(vries->person_id, 1);
  EXPECT_EQ(Find(links, "jansen|p|vvd")->person_id, 2);
  EXPECT_EQ(Find(links, "jansen|p|cda")->person_id, 3);
  const auto* bare = Find(links, "jansen|p|");
  ASSERT_NE(bare, nullptr);
  EXPECT_EQ(bare->state, LinkState::kSuggested);
  EXPECT_EQ(bare->reason, MatchReason::kSeveral);
  EXPECT_EQ(bare->options, (std::vector<std::int64_t>{2, 3}));
}

TEST(CouncilPeople, AConfirmationWinsAndARejectionTakesThePersonOutOfTheRunning) {
  const std::vector<NameUse> names = {{.name = "Jansen, P.", .party = "", .votes = 4}};
  // Two P. Jansens and no party: nobody is suggested...
  EXPECT_EQ(LinkNames("soest", names, kSoest, {}).front().person_id, std::nullopt);
  // ...until one is ruled out: the other is a suggestion (party unknown), not certain.
  const auto one_left = LinkNames("soest", names, kSoest,
                                  {{.name_key = "jansen|p|", .person_id = 3, .confirmed = false}});
  EXPECT_EQ(one_left.front().state, LinkState::kSuggested);
  EXPECT_EQ(one_left.front().person_id, 2);
  EXPECT_EQ(one_left.front().rejected, (std::vector<std::int64_t>{3}));
  // A confirmation is what a person said, whatever the rule makes of the name.
  const auto confirmed = LinkNames("soest", names, kSoest,
                                   {{.name_key = "jansen|p|", .person_id = 3, .confirmed = true}});
  EXPECT_EQ(confirmed.front().state, LinkState::kConfirmed);
  EXPECT_EQ(confirmed.front().person_id, 3);
  EXPECT_TRUE(IsLinked(confirmed.front()));
  // Rejecting the only fit leaves the name unmatched.
  const auto none =
      LinkNames("soest", {{.name = "Vries, J. de", .party = "GroenLinks", .votes = 1}}, kSoest,
                {{.name_key = "de vries|j|groenlinks", .person_id = 1}});
  EXPECT_EQ(none.front().state, LinkState::kUnmatched);
  EXPECT_FALSE(IsLinked(none.front()));
}

}  // namespace
}  // namespace aantafel::core::council

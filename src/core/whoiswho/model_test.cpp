#include "core/whoiswho/model.hpp"

#include <gtest/gtest.h>

namespace aantafel::core::whoiswho {
namespace {

CivilDate D(const char* text) { return *CivilDate::Parse(text); }

Position P(std::int64_t id, std::int64_t person, PositionKind kind, const char* start,
           std::optional<const char*> end = std::nullopt) {
  Position p;
  p.id = id;
  p.person_id = person;
  p.kind = kind;
  p.started_on = D(start);
  if (end) p.ended_on = D(*end);
  return p;
}

TEST(PositionKind, RoundTripsEveryKind) {
  for (auto k :
       {PositionKind::kMayor, PositionKind::kAlderman, PositionKind::kCouncilMember,
        PositionKind::kCitizenMember, PositionKind::kClerk, PositionKind::kMunicipalSecretary,
        PositionKind::kPolicyAdviser, PositionKind::kPartnerRole}) {
    EXPECT_EQ(ParsePositionKind(ToString(k)), k);
  }
  EXPECT_FALSE(ParsePositionKind("wethouder"));
}

TEST(IsCurrent, UsesInclusiveStartAndLastDay) {
  const Position p = P(1, 1, PositionKind::kAlderman, "2022-06-01", "2026-03-31");
  EXPECT_FALSE(IsCurrent(p, D("2022-05-31")));
  EXPECT_TRUE(IsCurrent(p, D("2022-06-01")));
  EXPECT_TRUE(IsCurrent(p, D("2026-03-31")));
  EXPECT_FALSE(IsCurrent(p, D("2026-04-01")));
  EXPECT_TRUE(IsCurrent(P(2, 1, PositionKind::kPolicyAdviser, "2020-01-01"), D("2030-01-01")));
}

TEST(CheckPositionDates, RefusesAnEndBeforeTheStart) {
  EXPECT_TRUE(CheckPositionDates(D("2022-01-01"), std::nullopt).ok());
  EXPECT_TRUE(CheckPositionDates(D("2022-01-01"), D("2022-01-01")).ok());
  auto bad = CheckPositionDates(D("2022-01-02"), D("2022-01-01"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.count("ended_on"), 1U);
}

TEST(ElectionTransition, EndsOnlyOpenCouncilTermPositionsOnTheDayBeforeInstallation) {
  const std::vector<Position> positions = {
      P(1, 10, PositionKind::kCouncilMember, "2022-03-30"),
      P(2, 11, PositionKind::kAlderman, "2022-06-01"),
      P(3, 12, PositionKind::kCitizenMember, "2023-01-01", "2030-01-01"),
      P(4, 13, PositionKind::kMayor, "2019-09-01"),
      P(5, 14, PositionKind::kPolicyAdviser, "2018-01-01"),
      P(6, 15, PositionKind::kCouncilMember, "2022-03-30", "2024-05-01"),  // left earlier
      P(7, 16, PositionKind::kCouncilMember, "2026-04-02"),                // the new council
  };
  const auto endings = EndOfTermEndings(positions, D("2026-04-02"));
  ASSERT_EQ(endings.size(), 3U);
  EXPECT_EQ(endings[0].position_id, 1);
  EXPECT_EQ(endings[1].position_id, 2);
  EXPECT_EQ(endings[2].position_id, 3);
  for (const auto& e : endings) EXPECT_EQ(e.ended_on, D("2026-04-01"));
}

TEST(ElectionTransition, ListsNewPeopleNobodyHasMet) {
  const std::vector<Position> positions = {
      P(1, 10, PositionKind::kCouncilMember, "2022-03-30"),  // old term
      P(2, 20, PositionKind::kCouncilMember, "2026-04-02"),
      P(3, 21, PositionKind::kAlderman, "2026-05-15"),
      P(4, 21, PositionKind::kCouncilMember, "2026-04-02"),  // same person twice → once
      P(5, 22, PositionKind::kCouncilMember, "2026-04-02"),
      P(6, 23, PositionKind::kPolicyAdviser, "2026-04-02"),  // not elected
  };
  EXPECT_EQ(NotYetMet(positions, D("2026-04-02"), {22}), (std::vector<std::int64_t>{20, 21}));
}

TEST(Scores, AreCheckedAgainstTheirRanges) {
  EXPECT_TRUE(CheckScores({.power = 1, .interest = 5, .attitude = -2}).ok());
  auto bad = CheckScores({.power = 0, .interest = 6, .attitude = 3});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.size(), 3U);
}

TEST(Quadrant, FollowsMendelowWithThreeCountingAsHigh) {
  EXPECT_EQ(Classify(5, 5), Quadrant::kManageClosely);
  EXPECT_EQ(Classify(3, 3), Quadrant::kManageClosely);
  EXPECT_EQ(Classify(4, 2), Quadrant::kKeepSatisfied);
  EXPECT_EQ(Classify(2, 4), Quadrant::kKeepInformed);
  EXPECT_EQ(Classify(1, 2), Quadrant::kMonitor);
  EXPECT_EQ(ParseQuadrant(ToString(Quadrant::kKeepInformed)), Quadrant::kKeepInformed);
}

}  // namespace
}  // namespace aantafel::core::whoiswho

#include "core/relations/model.hpp"

#include <gtest/gtest.h>

namespace aantafel::core::relations {
namespace {

using Code = HealthReason::Code;
using whoiswho::Quadrant;

CivilDate D(const char* text) { return *CivilDate::Parse(text); }

struct HealthCase {
  const char* name;
  HealthInput input;
  HealthStatus status;
  std::vector<Code> codes;  ///< in order
};

TEST(RelationshipHealth, ReasonsFollowRecencyRhythmBalanceAndAgreements) {
  const CivilDate today = D("2026-11-23");
  const std::vector<HealthCase> cases = {
      {"key person never met",
       {.today = today, .quadrant = Quadrant::kManageClosely},
       HealthStatus::kAction,
       {Code::kNeverMet}},
      {"minor person never met",
       {.today = today, .quadrant = Quadrant::kMonitor},
       HealthStatus::kAttention,
       {Code::kNeverMet}},
      {"manage closely, 30 days ago: on rhythm (42)",
       {.today = today, .quadrant = Quadrant::kManageClosely, .last_contact = D("2026-10-24")},
       HealthStatus::kGood,
       {Code::kContactOnRhythm}},
      {"manage closely, 43 days ago: attention",
       {.today = today, .quadrant = Quadrant::kManageClosely, .last_contact = D("2026-10-11")},
       HealthStatus::kAttention,
       {Code::kContactOverdue}},
      {"manage closely, 5 months ago: action",
       {.today = today, .quadrant = Quadrant::kManageClosely, .last_contact = D("2026-06-23")},
       HealthStatus::kAction,
       {Code::kContactOverdue}},
      {"keep informed, 80 days ago: on rhythm (91)",
       {.today = today, .quadrant = Quadrant::kKeepInformed, .last_contact = D("2026-09-04")},
       HealthStatus::kGood,
       {Code::kContactOnRhythm}},
      {"monitor, 5 months ago: still on rhythm (182)",
       {.today = today, .quadrant = Quadrant::kMonitor, .last_contact = D("2026-06-23")},
       HealthStatus::kGood,
       {Code::kContactOnRhythm}},
      {"asking three times, bringing once",
       {.today = today,
        .quadrant = Quadrant::kKeepSatisfied,
        .last_contact = D("2026-11-01"),
        .bring_last_year = 1,
        .ask_last_year = 3},
       HealthStatus::kAttention,
       {Code::kMostlyAsking, Code::kContactOnRhythm}},
      {"asking as often as bringing is fine",
       {.today = today,
        .quadrant = Quadrant::kKeepSatisfied,
        .last_contact = D("2026-11-01"),
        .bring_last_year = 3,
        .ask_last_year = 3},
       HealthStatus::kGood,
       {Code::kContactOnRhythm}},
      {"an overdue agreement needs action even when contact is recent",
       {.today = today,
        .quadrant = Quadrant::kKeepInformed,
        .last_contact = D("2026-11-20"),
        .open_agreements = 2,
        .overdue_agreements = 1},
       HealthStatus::kAction,
       {Code::kAgreementsOverdue, Code::kContactOnRhythm, Code::kAgreementsOpen}},
      {"a municipality without a quadrant uses half a year",
       {.today = today, .last_contact = D("2026-03-01")},
       HealthStatus::kAttention,
       {Code::kContactOverdue}},
  };
  for (const auto& c : cases) {
    const Health h = AssessHealth(c.input);
    EXPECT_EQ(h.status, c.status) << c.name;
    std::vector<Code> codes;
    for (const auto& r : h.reasons) codes.push_back(r.code);
    EXPECT_EQ(codes, c.codes) << c.name;
  }
}

TEST(RelationshipHealth, ReasonsCarryTheNumbersForTheSentence) {
  const Health h = AssessHealth({.today = D("2026-11-23"),
                                 .quadrant = Quadrant::kManageClosely,
                                 .last_contact = D("2026-06-23")});
  ASSERT_EQ(h.reasons.size(), 1U);
  EXPECT_EQ(h.reasons[0].days, 153);
  EXPECT_EQ(h.reasons[0].target, 42);
  EXPECT_EQ(TargetRhythmDays(Quadrant::kManageClosely), 42);
  EXPECT_EQ(TargetRhythmDays(std::nullopt), 182);
}

TEST(Agreements, OnlyOpenAgreementsPastTheirDateAreOverdue) {
  Agreement a{.due_on = D("2026-11-20"), .status = AgreementStatus::kAgreed};
  EXPECT_TRUE(IsOverdue(a, D("2026-11-21")));
  EXPECT_FALSE(IsOverdue(a, D("2026-11-20"))) << "due today is not overdue";
  a.status = AgreementStatus::kFulfilled;
  EXPECT_FALSE(IsOverdue(a, D("2026-11-21")));
  a.status = AgreementStatus::kInProgress;
  a.due_on.reset();
  EXPECT_FALSE(IsOverdue(a, D("2030-01-01")));
  FollowUp f{.due_on = D("2026-11-20")};
  EXPECT_TRUE(IsOverdue(f, D("2026-11-23")));
  f.done_at = Instant{};
  EXPECT_FALSE(IsOverdue(f, D("2026-11-23")));
}

TEST(RelationsNames, RoundTrip) {
  for (auto k : {InteractionKind::kWorkingVisit, InteractionKind::kCouncilHearing}) {
    EXPECT_EQ(ParseInteractionKind(ToString(k)), k);
  }
  for (auto s : {AgreementStatus::kConcept, AgreementStatus::kNotFulfilled}) {
    EXPECT_EQ(ParseAgreementStatus(ToString(s)), s);
  }
  EXPECT_FALSE(ParseStance("take"));
}

}  // namespace
}  // namespace aantafel::core::relations

#include "core/calendar/cycle.hpp"

#include <gtest/gtest.h>

#include "core/knowledge.hpp"

namespace aantafel::core::calendar {
namespace {

CivilDate D(const char* text) { return *CivilDate::Parse(text); }

struct Expected {
  const char* id;
  const char* from;
  const char* to;
};

void ExpectWindows(const PlanSchedule& schedule, const std::vector<Expected>& expected) {
  ASSERT_EQ(schedule.windows.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE(expected[i].id);
    EXPECT_EQ(schedule.windows[i].id, expected[i].id);
    EXPECT_EQ(schedule.windows[i].from.ToString(), expected[i].from);
    EXPECT_EQ(schedule.windows[i].to.ToString(), expected[i].to);
  }
}

const CycleRules& Rules() { return BuiltInCycleRules(); }

TEST(CycleRules, TheBuiltInKnowledgeFileIsValid) {
  ASSERT_FALSE(knowledge::Text("policy_cycle").empty());
  EXPECT_EQ(Rules().Find("begroting_to_province")->basis, Basis::kLegal);
  EXPECT_EQ(Rules().Find("kadernota_vote")->basis, Basis::kTypical);
  for (const EventRule& e : Rules().events) {
    EXPECT_FALSE(e.label.nl.empty()) << e.id;
    EXPECT_FALSE(e.label.en.empty()) << e.id;
    EXPECT_TRUE(Rules().sources.contains(e.source)) << e.id;
  }
}

TEST(CycleRules, BrokenRuleFilesAreRefusedWithThePath) {
  EXPECT_FALSE(ParseCycleRules("{"));
  auto wrong = ParseCycleRules(R"({"schema":1,"sources":{},"events":[
      {"id":"x","basis":"maybe","source":"nowhere","date":{"month":13,"day":1},
       "label":{"nl":"x","en":"x"},"explain":{"nl":"x"}}],
      "merger_election":{"basis":"typical","source":"nowhere","date":{"month":11,"day":1},
       "label":{"nl":"m","en":"m"},"explain":{"nl":"m","en":"m"}}})");
  ASSERT_FALSE(wrong);
  const auto& fields = wrong.error().fields;
  EXPECT_TRUE(fields.contains("events[0].basis"));
  EXPECT_TRUE(fields.contains("events[0].source"));
  EXPECT_TRUE(fields.contains("events[0].date.month"));
  EXPECT_TRUE(fields.contains("events[0].explain.en"));
  EXPECT_TRUE(fields.contains("events.kadernota_vote"));
}

TEST(Cycle, ElectionsFallOnTheKnownWednesdaysInMarch) {
  const MunicipalityCycle none;
  EXPECT_EQ(ElectionIn(Rules(), none, 2018)->date, D("2018-03-21"));
  EXPECT_EQ(ElectionIn(Rules(), none, 2022)->date, D("2022-03-16"));
  EXPECT_EQ(ElectionIn(Rules(), none, 2026)->date, D("2026-03-18"));
  EXPECT_FALSE(ElectionIn(Rules(), none, 2027));
  EXPECT_EQ(ElectionIn(Rules(), none, 2030)->date.month, 3);
  const MunicipalityCycle merger{.merged_on = D("2028-01-01")};
  auto november = ElectionIn(Rules(), merger, 2027);
  ASSERT_TRUE(november);
  EXPECT_EQ(november->id, "merger_election");
  EXPECT_EQ(november->date, D("2027-11-17"));
}

TEST(Cycle, AYearHasLegalDeadlinesAndActualDatesReplaceDefaults) {
  MunicipalityCycle cycle;
  cycle.actual[{"kadernota_vote", 2027}] = D("2027-06-12");
  const auto events = CycleForYear(Rules(), cycle, 2027);
  auto find = [&](const char* id) {
    return *std::find_if(events.begin(), events.end(),
                         [&](const CycleEvent& e) { return e.id == id; });
  };
  EXPECT_EQ(find("begroting_to_province").date, D("2027-11-14"));
  EXPECT_EQ(find("begroting_to_province").basis, Basis::kLegal);
  EXPECT_EQ(find("jaarrekening_to_province").date, D("2027-07-14"));
  EXPECT_EQ(find("kadernota_vote").date, D("2027-06-12"));
  EXPECT_TRUE(find("kadernota_vote").actual);
  EXPECT_FALSE(find("kadernota_publication").actual);
  EXPECT_TRUE(std::is_sorted(events.begin(), events.end(),
                             [](const auto& a, const auto& b) { return a.date < b.date; }));
}

TEST(Cycle, OwnEventsJoinTheirYearInDateOrder) {
  MunicipalityCycle cycle;
  cycle.custom.push_back({.id = 7, .date = D("2027-05-20"), .title = "Wijkschouw"});
  cycle.custom.push_back({.id = 8, .date = D("2028-01-10"), .title = "Volgend jaar"});
  const auto events = CycleForYear(Rules(), cycle, 2027);
  auto it = std::find_if(events.begin(), events.end(),
                         [](const CycleEvent& e) { return e.id == "custom:7"; });
  ASSERT_NE(it, events.end());
  EXPECT_EQ(it->basis, Basis::kOwn);
  EXPECT_EQ(it->custom->title, "Wijkschouw");
  EXPECT_EQ((it - 1)->id, "kadernota_publication") << "15 May comes before 20 May";
  EXPECT_EQ(std::count_if(events.begin(), events.end(),
                          [](const CycleEvent& e) { return e.id == "custom:8"; }),
            0);
}

TEST(Schedule, AnOrdinaryYear) {
  auto s = ScheduleFor(Rules(), {}, 2028, D("2026-11-18"));
  EXPECT_FALSE(s.election_year);
  EXPECT_EQ(s.timing, Timing::kOnTime);
  ExpectWindows(s, {{"adviser", "2026-10-01", "2026-12-31"},
                    {"alderman", "2027-01-01", "2027-04-15"},
                    {"council_parties", "2027-04-17", "2027-06-30"},
                    {"kadernota_vote", "2027-07-01", "2027-07-01"},
                    {"begroting", "2027-09-25", "2027-11-07"}});
}

TEST(Schedule, AnElectionYearAddsProgrammesAndTheCoalitionAgreement) {
  auto s = ScheduleFor(Rules(), {}, 2027, D("2025-05-01"));
  EXPECT_TRUE(s.election_year);
  EXPECT_EQ(s.timing, Timing::kOnTime);
  ExpectWindows(s, {{"party_programmes", "2025-06-01", "2025-12-31"},
                    {"adviser", "2025-10-01", "2025-12-31"},
                    {"alderman", "2026-01-01", "2026-04-15"},
                    {"coalition_agreement", "2026-04-01", "2026-07-30"},
                    {"council_parties", "2026-04-17", "2026-06-30"},
                    {"kadernota_vote", "2026-07-01", "2026-07-01"},
                    {"begroting", "2026-09-25", "2026-11-07"}});
}

TEST(Schedule, AMergerMunicipalityVotesInNovemberAndAgreesInWinter) {
  const MunicipalityCycle merger{.merged_on = D("2028-01-01")};
  auto s = ScheduleFor(Rules(), merger, 2029, D("2027-09-01"));
  EXPECT_TRUE(s.election_year);
  EXPECT_EQ(s.timing, Timing::kOnTime);
  ExpectWindows(s, {{"party_programmes", "2027-02-01", "2027-08-31"},
                    {"adviser", "2027-10-01", "2027-12-31"},
                    {"alderman", "2028-01-01", "2028-04-15"},
                    {"coalition_agreement", "2028-01-01", "2028-04-30"},
                    {"council_parties", "2028-04-17", "2028-06-30"},
                    {"kadernota_vote", "2028-07-01", "2028-07-01"},
                    {"begroting", "2028-09-25", "2028-11-07"}});
}

TEST(Schedule, AnActualKadernotaDateMovesTheWindowsAndTheTiming) {
  MunicipalityCycle cycle;
  cycle.actual[{"kadernota_vote", 2027}] = D("2027-06-12");
  cycle.actual[{"kadernota_publication", 2027}] = D("2027-04-01");
  auto s = ScheduleFor(Rules(), cycle, 2028, D("2027-06-20"));
  EXPECT_EQ(s.timing, Timing::kFallbackOnly);
  ExpectWindows(s, {{"adviser", "2026-10-01", "2026-12-31"},
                    {"alderman", "2027-01-01", "2027-03-31"},
                    {"council_parties", "2027-03-04", "2027-06-11"},
                    {"kadernota_vote", "2027-06-12", "2027-06-12"},
                    {"begroting", "2027-09-25", "2027-11-07"}});
}

TEST(Schedule, TimingMovesFromOnTimeToTooLate) {
  auto at = [](const char* today) { return ScheduleFor(Rules(), {}, 2028, D(today)); };
  EXPECT_EQ(at("2026-12-31").timing, Timing::kOnTime);
  EXPECT_EQ(at("2027-01-01").timing, Timing::kLate);
  EXPECT_EQ(at("2027-06-30").timing, Timing::kLate);
  EXPECT_EQ(at("2027-07-01").timing, Timing::kFallbackOnly);
  EXPECT_EQ(at("2027-11-07").timing, Timing::kFallbackOnly);
  auto late = at("2027-11-08");
  EXPECT_EQ(late.timing, Timing::kTooLate);
  EXPECT_EQ(late.earliest_feasible_year, 2029);
  EXPECT_FALSE(at("2027-01-01").earliest_feasible_year);
}

TEST(Schedule, APlanThatIsTooLateForAnElectionYearGetsTheNextYear) {
  auto s = ScheduleFor(Rules(), {}, 2027, D("2026-11-18"));
  EXPECT_EQ(s.timing, Timing::kTooLate);
  EXPECT_EQ(s.earliest_feasible_year, 2028);
}

}  // namespace
}  // namespace aantafel::core::calendar

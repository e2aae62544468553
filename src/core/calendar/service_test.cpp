// PolicyCalendarService against in-memory repositories: who may change plans, what a plan may
// link to, actual dates and mergers, what is coming up, and the secret calendar feed.

#include "core/calendar/service.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

#include "core/calendar/rules.hpp"
#include "security/sodium.hpp"
#include "support/fakes.hpp"
#include "support/memory_calendar.hpp"
#include "support/memory_whoiswho.hpp"

namespace aantafel::core::calendar {
namespace {

using testing::FakeClock;
using testing::MemoryPlans;
using testing::MemoryWhoIsWho;
using testing::SeededRandom;

constexpr std::int64_t kWs = 1;
constexpr std::int64_t kOtherWs = 2;
constexpr std::int64_t kUser = 10;

/// A feed source of another module: one event per read.
class OneEventSource final : public FeedEventSource {
 public:
  void Gather(const FeedOwner& owner, std::vector<FeedEvent>& out) override {
    readers.push_back(owner.reader);
    out.push_back({.uid = "other@aantafel",
                   .first_day = owner.today,
                   .last_day = owner.today,
                   .summary = "Iets van een andere module"});
  }
  std::vector<accounts::WorkspaceAccess> readers;
};

class PolicyCalendarServiceTest : public ::testing::Test {
 protected:
  PolicyCalendarServiceTest() {
    security::InitSodium();
    plans_.slugs = {{kWs, "zorg-west"}, {kOtherWs, "elders"}};
    zeist_ = Municipality(kWs, "Gemeente Zeist", "GM0355");
    soest_ = Municipality(kWs, "Gemeente Soest", "GM0342");
    partner_ = whoiswho_.AddOrganisation(kWs, {.name = "Welzijn Zeist"}, clock_.Now())->id;
    elsewhere_ = Municipality(kOtherWs, "Gemeente Utrecht", "GM0344");
  }

  std::int64_t Municipality(std::int64_t ws, const std::string& name, const std::string& code) {
    return whoiswho_
        .AddOrganisation(ws,
                         {.kind = whoiswho::OrganisationKind::kMunicipality,
                          .name = name,
                          .municipality_code = code},
                         clock_.Now())
        ->id;
  }

  static accounts::WorkspaceAccess Access(accounts::Role role = accounts::Role::kEditor,
                                          std::int64_t ws = kWs, std::int64_t user = kUser) {
    return {.workspace = {.id = ws, .slug = ws == kWs ? "zorg-west" : "elders"},
            .role = role,
            .user_id = user};
  }

  PlanInput Plan(std::string title, std::vector<std::int64_t> municipalities) {
    return {.title = std::move(title),
            .core_message = "Minder eenzaamheid in de wijk",
            .domain = "Wmo",
            .budget_year = 2028,
            .organisation_ids = std::move(municipalities)};
  }

  // Monday 7 December 2026, 09:00 in the Netherlands.
  FakeClock clock_{StartOfDutchDay(CivilDate{2026, 12, 7}) + std::chrono::hours(9)};
  SeededRandom random_;
  security::SodiumCrypto crypto_{security::PasswordCost::Minimal()};
  MemoryPlans plans_;
  MemoryWhoIsWho whoiswho_;
  PolicyCalendarService service_{plans_, whoiswho_, crypto_, random_, clock_, BuiltInCycleRules()};
  std::int64_t zeist_ = 0;
  std::int64_t soest_ = 0;
  std::int64_t partner_ = 0;
  std::int64_t elsewhere_ = 0;
};

TEST_F(PolicyCalendarServiceTest, AViewerReadsPlansButChangesNothing) {
  auto plan = service_.AddPlan(Access(), Plan("Buurtkamer", {zeist_}));
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->owner_id, kUser);
  const auto viewer = Access(accounts::Role::kViewer);
  EXPECT_EQ(service_.AddPlan(viewer, Plan("x", {})).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(service_.UpdatePlan(viewer, plan->id, {.title = "y"}).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(service_.DeletePlan(viewer, plan->id).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(service_.SetMergedOn(viewer, zeist_, "2027-01-01").error().code, ErrorCode::kForbidden);
  ASSERT_TRUE(service_.GetPlan(viewer, plan->id));
  EXPECT_EQ(service_.GetPlan(viewer, plan->id)->title, "Buurtkamer");
}

TEST_F(PolicyCalendarServiceTest, TheBudgetYearRunsFromLastYearToTenYearsAhead) {
  for (const std::int64_t year : {2025, 2036}) {
    auto input = Plan("ok", {});
    input.budget_year = year;
    EXPECT_TRUE(service_.AddPlan(Access(), input)) << year;
  }
  for (const std::int64_t year : {2024, 2037}) {
    auto input = Plan("te ver", {});
    input.budget_year = year;
    auto refused = service_.AddPlan(Access(), input);
    ASSERT_FALSE(refused) << year;
    EXPECT_TRUE(refused.error().fields.contains("budget_year"));
  }
}

TEST_F(PolicyCalendarServiceTest, APlanLinksOnlyToThisWorkspacesMunicipalities) {
  for (const std::int64_t id : {elsewhere_, partner_, std::int64_t{404}}) {
    auto refused = service_.AddPlan(Access(), Plan("Pilot", {zeist_, id}));
    ASSERT_FALSE(refused) << id;
    EXPECT_EQ(refused.error().fields.at("organisation_ids").issue, FieldIssue::kInvalidChoice);
  }
  auto plan = service_.AddPlan(Access(), Plan("Pilot", {zeist_, soest_}));
  ASSERT_TRUE(plan);
  auto schedule = service_.Schedule(Access(), plan->id);
  ASSERT_TRUE(schedule);
  ASSERT_EQ(schedule->size(), 2U);
  EXPECT_FALSE((*schedule)[0].schedule.windows.empty());
  EXPECT_EQ(service_.Schedule(Access(accounts::Role::kEditor, kOtherWs, 99), plan->id).error().code,
            ErrorCode::kNotFound);
}

TEST_F(PolicyCalendarServiceTest, AChangeKeepsWhatItDoesNotNameAndTheOwner) {
  auto plan = service_.AddPlan(Access(), Plan("Buurtkamer", {zeist_}));
  ASSERT_TRUE(plan);
  const Instant created = plan->created_at;
  clock_.Advance(std::chrono::hours(2));
  auto changed = service_.UpdatePlan(Access(accounts::Role::kOwner, kWs, 77), plan->id,
                                     {.status = "proposed"});
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->status, PlanStatus::kProposed);
  EXPECT_EQ(changed->title, "Buurtkamer");
  EXPECT_EQ(changed->organisation_ids, std::vector<std::int64_t>{zeist_});
  EXPECT_EQ(changed->owner_id, kUser) << "another member's change does not take the plan over";
  EXPECT_EQ(changed->created_at, created);
  EXPECT_EQ(changed->updated_at, created + std::chrono::hours(2));
  EXPECT_EQ(service_.UpdatePlan(Access(), plan->id, {.phase = "lobbying"})
                .error()
                .fields.at("phase")
                .issue,
            FieldIssue::kInvalidChoice);
}

TEST_F(PolicyCalendarServiceTest, AnActualDateBelongsToItsYearAndReplacesTheUsualOne) {
  auto refused =
      service_.SetCycleDate(Access(), zeist_, "kadernota_publication", 2027, "2026-05-12");
  ASSERT_FALSE(refused);
  EXPECT_TRUE(refused.error().fields.contains("date"));
  EXPECT_TRUE(service_.SetCycleDate(Access(), zeist_, "kadernota", 2027, "2027-05-12")
                  .error()
                  .fields.contains("event"));
  EXPECT_EQ(service_.SetCycleDate(Access(), partner_, "kadernota_publication", 2027, "2027-05-12")
                .error()
                .fields.at("organisation_id")
                .issue,
            FieldIssue::kInvalidChoice)
      << "only municipalities have a policy cycle";

  ASSERT_TRUE(service_.SetCycleDate(Access(), zeist_, "kadernota_publication", 2027, "2027-05-12"));
  auto year = service_.Cycle(Access(), zeist_, 2027);
  ASSERT_TRUE(year);
  auto it = std::find_if(year->events.begin(), year->events.end(),
                         [](const CycleEvent& e) { return e.id == "kadernota_publication"; });
  ASSERT_NE(it, year->events.end());
  EXPECT_EQ(it->date, (CivilDate{2027, 5, 12}));
  EXPECT_TRUE(it->actual);
  // Soest keeps the usual date (15 May).
  auto soest = service_.Cycle(Access(), soest_, 2027);
  auto usual = std::find_if(soest->events.begin(), soest->events.end(),
                            [](const CycleEvent& e) { return e.id == "kadernota_publication"; });
  ASSERT_NE(usual, soest->events.end());
  EXPECT_EQ(usual->date, (CivilDate{2027, 5, 15}));
  EXPECT_FALSE(usual->actual);
}

TEST_F(PolicyCalendarServiceTest, AMergerTakesEffectOnTheFirstOfJanuary) {
  EXPECT_TRUE(
      service_.SetMergedOn(Access(), zeist_, "2028-03-01").error().fields.contains("merged_on"));
  ASSERT_TRUE(service_.SetMergedOn(Access(), zeist_, "2028-01-01"));
  auto year = service_.Cycle(Access(), zeist_, 2027);
  ASSERT_TRUE(year);
  EXPECT_EQ(year->merged_on, (CivilDate{2028, 1, 1}));
  EXPECT_TRUE(std::any_of(year->events.begin(), year->events.end(), [](const CycleEvent& e) {
    return e.id == "merger_election";
  })) << "the council of a merged municipality is elected in the November before";
}

TEST_F(PolicyCalendarServiceTest, UpcomingLeavesOutFinishedPlansAndChecksTheRange) {
  auto open = service_.AddPlan(Access(), Plan("Open plan", {zeist_}));
  auto done = Plan("Afgerond plan", {zeist_});
  done.status = "done";
  ASSERT_TRUE(open);
  ASSERT_TRUE(service_.AddPlan(Access(), done));
  auto upcoming = service_.Upcoming(Access(), 730);
  ASSERT_TRUE(upcoming);
  EXPECT_TRUE(std::is_sorted(upcoming->begin(), upcoming->end(),
                             [](const auto& a, const auto& b) { return a.date < b.date; }));
  bool open_seen = false;
  for (const auto& item : *upcoming) {
    if (item.plan) {
      EXPECT_EQ(item.plan->title, "Open plan");
      open_seen = true;
    }
    EXPECT_GE(item.date, (CivilDate{2026, 12, 7}));
    EXPECT_LE(item.date, (CivilDate{2026, 12, 7}).AddDays(730));
  }
  EXPECT_TRUE(open_seen);
  EXPECT_TRUE(service_.Upcoming(Access(), 0).error().fields.contains("days"));
  EXPECT_TRUE(service_.Upcoming(Access(), 731).error().fields.contains("days"));
}

TEST_F(PolicyCalendarServiceTest, AFeedIsReadByItsSecretUntilItIsRevoked) {
  OneEventSource other_module;
  service_.AddFeedSource(other_module);
  ASSERT_TRUE(service_.AddPlan(Access(), Plan("Buurtkamer", {zeist_})));
  auto issued = service_.CreateFeed(Access(), "Outlook");
  ASSERT_TRUE(issued);
  EXPECT_EQ(issued->token.size(), 43U) << "32 random bytes, base64url";
  EXPECT_EQ(service_.ListFeeds(Access())[0].label, "Outlook");
  EXPECT_TRUE(service_.ListFeeds(Access(accounts::Role::kEditor, kWs, 11)).empty())
      << "a feed is personal";

  auto feed = service_.Feed(issued->token, "192.0.2.1");
  ASSERT_TRUE(feed);
  EXPECT_EQ(feed->workspace_slug, "zorg-west");
  auto has = [&](const std::string& prefix) {
    return std::any_of(feed->events.begin(), feed->events.end(),
                       [&](const FeedEvent& e) { return e.uid.starts_with(prefix); });
  };
  EXPECT_TRUE(has("event-" + std::to_string(zeist_) + "-"));
  EXPECT_TRUE(has("plan-"));
  EXPECT_FALSE(has("event-" + std::to_string(elsewhere_) + "-"))
      << "another workspace's municipality";
  EXPECT_EQ(feed->events.back().uid, "other@aantafel");
  ASSERT_EQ(other_module.readers.size(), 1U);
  EXPECT_EQ(other_module.readers[0].role, accounts::Role::kViewer) << "a feed only reads";
  EXPECT_EQ(other_module.readers[0].user_id, kUser);

  EXPECT_EQ(service_.Feed(issued->token + "x", "192.0.2.1").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(
      service_.RevokeFeed(Access(accounts::Role::kOwner, kWs, 11), issued->feed.id).error().code,
      ErrorCode::kNotFound)
      << "not even an owner revokes someone else's feed";
  ASSERT_TRUE(service_.RevokeFeed(Access(), issued->feed.id));
  EXPECT_EQ(service_.Feed(issued->token, "192.0.2.1").error().code, ErrorCode::kNotFound);
}

TEST_F(PolicyCalendarServiceTest, GuessingFeedsFromOneAddressIsSlowedDown) {
  int refused_at = 0;
  for (int n = 1; n <= 200 && refused_at == 0; ++n) {
    auto answer = service_.Feed("guess-" + std::to_string(n), "198.51.100.7");
    if (!answer && answer.error().code == ErrorCode::kRateLimited) {
      refused_at = n;
      EXPECT_GT(answer.error().retry_after_seconds.value_or(0), 0);
    }
  }
  EXPECT_EQ(refused_at, 121);
  EXPECT_EQ(service_.Feed("guess", "203.0.113.9").error().code, ErrorCode::kNotFound)
      << "another address is not slowed down";
  clock_.Advance(std::chrono::hours(1));
  EXPECT_EQ(service_.Feed("guess", "198.51.100.7").error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace aantafel::core::calendar

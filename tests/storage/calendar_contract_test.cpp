// Beleidskalender storage contract, on SQLite always and PostgreSQL when configured.
#include <gtest/gtest.h>

#include "security/data_key.hpp"
#include "storage/accounts_repository.hpp"
#include "storage/calendar_repository.hpp"
#include "storage/migrations.hpp"
#include "storage/whoiswho_repository.hpp"
#include "support/fakes.hpp"
#include "support/test_database.hpp"

namespace aantafel::storage {
namespace {

using core::CivilDate;
using namespace core::calendar;
using core::whoiswho::Organisation;
using core::whoiswho::OrganisationKind;
using testing::Backend;

CivilDate D(const char* text) { return *CivilDate::Parse(text); }

class CalendarContract : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    AANTAFEL_SKIP_WITHOUT_BACKEND(GetParam());
    database = std::make_unique<testing::TestDatabase>(GetParam());
    db = database->Open();
    Migrate(*db, EmbeddedMigrations(db->dialect()));
    security::DataKey key;
    key.fill(5);
    cipher = std::make_unique<security::SodiumFieldCipher>(key, random);
    whoiswho = std::make_unique<SqlWhoIsWhoRepository>(*db, *cipher);
    plans = std::make_unique<SqlPlanRepository>(*db);
    SqlUserRepository users(*db);
    SqlWorkspaceRepository workspaces(*db);
    user = users.Create({.email = "a@zorg.nl", .name = "A", .created_at = clock.Now()}, "h")->id;
    ws_a = workspaces.Create({.slug = "aaa", .name = "A", .created_at = clock.Now()}, user)->id;
    ws_b = workspaces.Create({.slug = "bbb", .name = "B", .created_at = clock.Now()}, user)->id;
    whoiswho->UpsertMunicipality({.code = "GM0344", .name = "Utrecht"}, clock.Now());
    whoiswho->UpsertMunicipality({.code = "GM0307", .name = "Amersfoort"}, clock.Now());
    utrecht = Follow(ws_a, "GM0344");
    amersfoort = Follow(ws_a, "GM0307");
  }
  std::int64_t Follow(std::int64_t ws, const char* code) {
    return whoiswho
        ->AddOrganisation(ws,
                          {.kind = OrganisationKind::kMunicipality,
                           .name = code,
                           .municipality_code = std::string(code)},
                          clock.Now())
        ->id;
  }
  Plan NewPlan(std::vector<std::int64_t> orgs) {
    return plans->AddPlan(ws_a, {.title = "Valpreventie in de wijk",
                                 .core_message = "Minder valincidenten, minder opnames",
                                 .budget_year = 2028,
                                 .budget_needed = 120000,
                                 .status = PlanStatus::kPreparing,
                                 .phase = PolicyPhase::kPreparation,
                                 .owner_id = user,
                                 .organisation_ids = std::move(orgs),
                                 .created_at = clock.Now(),
                                 .updated_at = clock.Now()});
  }

  testing::FakeClock clock;
  testing::SeededRandom random;
  std::unique_ptr<testing::TestDatabase> database;
  std::unique_ptr<Database> db;
  std::unique_ptr<security::SodiumFieldCipher> cipher;
  std::unique_ptr<SqlWhoIsWhoRepository> whoiswho;
  std::unique_ptr<SqlPlanRepository> plans;
  std::int64_t user = 0, ws_a = 0, ws_b = 0, utrecht = 0, amersfoort = 0;
};

TEST_P(CalendarContract, PlansKeepTheirFieldsAndMunicipalities) {
  Plan plan = NewPlan({utrecht, amersfoort});
  auto found = plans->FindPlan(ws_a, plan.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->title, "Valpreventie in de wijk");
  EXPECT_EQ(found->budget_needed, 120000);
  EXPECT_EQ(found->status, PlanStatus::kPreparing);
  EXPECT_EQ(found->phase, PolicyPhase::kPreparation);
  EXPECT_EQ(found->owner_id, user);
  // Municipalities come back by name: Amersfoort before Utrecht.
  EXPECT_EQ(found->organisation_ids, (std::vector<std::int64_t>{amersfoort, utrecht}));

  found->organisation_ids = {utrecht};
  found->budget_needed.reset();
  found->title = "Valpreventie";
  ASSERT_TRUE(plans->UpdatePlan(ws_a, *found));
  auto again = plans->FindPlan(ws_a, plan.id);
  EXPECT_EQ(again->organisation_ids, std::vector<std::int64_t>{utrecht});
  EXPECT_FALSE(again->budget_needed);
  EXPECT_EQ(plans->ListPlans(ws_a).size(), 1U);
  EXPECT_TRUE(plans->DeletePlan(ws_a, plan.id));
  EXPECT_FALSE(plans->FindPlan(ws_a, plan.id));
}

TEST_P(CalendarContract, PlansAreInvisibleToOtherWorkspacesAndCannotLinkTheirMunicipalities) {
  Plan plan = NewPlan({utrecht});
  EXPECT_FALSE(plans->FindPlan(ws_b, plan.id));
  EXPECT_TRUE(plans->ListPlans(ws_b).empty());
  EXPECT_FALSE(plans->DeletePlan(ws_b, plan.id));
  Plan stolen = *plans->FindPlan(ws_a, plan.id);
  stolen.title = "Overgenomen";
  EXPECT_FALSE(plans->UpdatePlan(ws_b, stolen));
  EXPECT_EQ(plans->FindPlan(ws_a, plan.id)->title, "Valpreventie in de wijk");
  // A plan in workspace B pointing at workspace A's municipality is refused by the database,
  // and nothing of it stays.
  const std::int64_t other = Follow(ws_b, "GM0344");
  EXPECT_THROW(
      plans->AddPlan(ws_b, {.title = "X", .budget_year = 2028, .organisation_ids = {utrecht}}),
      StorageError);
  EXPECT_TRUE(plans->ListPlans(ws_b).empty());
  EXPECT_EQ(
      plans->AddPlan(ws_b, {.title = "Eigen", .budget_year = 2028, .organisation_ids = {other}})
          .organisation_ids,
      std::vector<std::int64_t>{other});
}

TEST_P(CalendarContract, ActualDatesAndMergersArePerWorkspaceAndMunicipality) {
  plans->SetCycleDate(ws_a, utrecht, "kadernota_vote", 2027, D("2027-06-12"), clock.Now());
  plans->SetCycleDate(ws_a, utrecht, "kadernota_vote", 2027, D("2027-06-19"), clock.Now());
  plans->SetCycleDate(ws_a, utrecht, "begroting_vote", 2027, D("2027-11-04"), clock.Now());
  plans->SetMergedOn(ws_a, amersfoort, D("2028-01-01"), clock.Now());
  auto cycle = plans->CycleOf(ws_a, utrecht);
  EXPECT_EQ(cycle.actual.size(), 2U);
  EXPECT_EQ((cycle.actual.at({"kadernota_vote", 2027})), D("2027-06-19"));
  EXPECT_FALSE(cycle.merged_on);
  EXPECT_EQ(plans->CycleOf(ws_a, amersfoort).merged_on, D("2028-01-01"));
  plans->SetCycleDate(ws_a, utrecht, "begroting_vote", 2027, std::nullopt, clock.Now());
  EXPECT_EQ(plans->CycleOf(ws_a, utrecht).actual.size(), 1U);
  plans->SetMergedOn(ws_a, amersfoort, std::nullopt, clock.Now());
  EXPECT_FALSE(plans->CycleOf(ws_a, amersfoort).merged_on);
  // Workspace B sees nothing of A's dates, and cannot write them.
  EXPECT_TRUE(plans->CycleOf(ws_b, utrecht).actual.empty());
  EXPECT_THROW(
      plans->SetCycleDate(ws_b, utrecht, "kadernota_vote", 2027, D("2027-05-01"), clock.Now()),
      StorageError);
  EXPECT_EQ((plans->CycleOf(ws_a, utrecht).actual.at({"kadernota_vote", 2027})), D("2027-06-19"));
}

TEST_P(CalendarContract, OwnEventsBelongToOneWorkspacesMunicipality) {
  CustomEvent e = plans->AddCustomEvent(
      ws_a, utrecht, {.date = D("2027-03-02"), .title = "Extra raadsvergadering Wmo", .note = "n"},
      clock.Now());
  EXPECT_GT(e.id, 0);
  auto cycle = plans->CycleOf(ws_a, utrecht);
  ASSERT_EQ(cycle.custom.size(), 1U);
  EXPECT_EQ(cycle.custom[0].title, "Extra raadsvergadering Wmo");
  EXPECT_TRUE(plans->CycleOf(ws_a, amersfoort).custom.empty());
  EXPECT_TRUE(plans->CycleOf(ws_b, utrecht).custom.empty());
  EXPECT_FALSE(plans->DeleteCustomEvent(ws_b, utrecht, e.id));
  EXPECT_FALSE(plans->DeleteCustomEvent(ws_a, amersfoort, e.id));
  EXPECT_THROW(
      plans->AddCustomEvent(ws_b, utrecht, {.date = D("2027-03-02"), .title = "X"}, clock.Now()),
      StorageError);
  EXPECT_TRUE(plans->DeleteCustomEvent(ws_a, utrecht, e.id));
  EXPECT_TRUE(plans->CycleOf(ws_a, utrecht).custom.empty());
}

TEST_P(CalendarContract, FeedsAreFoundByHashAndRevokedPerUser) {
  CalendarFeed feed = plans->AddFeed(
      {.workspace_id = ws_a, .user_id = user, .label = "Outlook", .created_at = clock.Now()},
      "hash-1");
  EXPECT_EQ(plans->FindFeed("hash-1")->workspace_id, ws_a);
  EXPECT_FALSE(plans->FindFeed("hash-2"));
  EXPECT_EQ(plans->ListFeeds(ws_a, user).size(), 1U);
  EXPECT_TRUE(plans->ListFeeds(ws_b, user).empty());
  EXPECT_FALSE(plans->DeleteFeed(ws_b, user, feed.id));
  EXPECT_TRUE(plans->DeleteFeed(ws_a, user, feed.id));
  EXPECT_FALSE(plans->FindFeed("hash-1"));
}

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return testing::Name(info.param);
}
INSTANTIATE_TEST_SUITE_P(Backends, CalendarContract,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace aantafel::storage

// WhoIsWhoService against an in-memory repository: erasure, one municipality per workspace, an
// election's transition, imports that change nothing the second time, and who may change the
// shared register — without a database.

#include "core/whoiswho/service.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

#include "support/fakes.hpp"
#include "support/memory_whoiswho.hpp"

namespace aantafel::core::whoiswho {
namespace {

using testing::FakeClock;
using testing::MemoryWhoIsWho;

constexpr std::int64_t kWs = 1;
constexpr std::int64_t kOtherWs = 2;
constexpr std::int64_t kUser = 10;

class WhoIsWhoServiceTest : public ::testing::Test {
 protected:
  WhoIsWhoServiceTest() {
    repository_.UpsertMunicipality({.code = "GM0355", .name = "Zeist"}, clock_.Now());
    repository_.UpsertMunicipality({.code = "GM0342", .name = "Soest"}, clock_.Now());
  }

  static accounts::WorkspaceAccess Access(accounts::Role role = accounts::Role::kEditor,
                                          std::int64_t ws = kWs) {
    return {.workspace = {.id = ws, .slug = "ws"}, .role = role, .user_id = kUser};
  }

  std::int64_t Zeist() {
    auto org = service_.AddOrganisation(Access(), "municipality", "Gemeente Zeist", "GM0355");
    EXPECT_TRUE(org);
    return org ? org->id : 0;
  }

  std::int64_t CouncilMember(std::int64_t organisation, const std::string& name,
                             const std::string& started_on) {
    auto person = service_.AddPerson(Access(), {.name = name});
    EXPECT_TRUE(person);
    auto position = service_.AddPosition(Access(), person->id,
                                         {.organisation_id = organisation,
                                          .kind = "council_member",
                                          .party = "Lokaal Zeist",
                                          .started_on = started_on});
    EXPECT_TRUE(position) << name;
    return person->id;
  }

  // Monday 7 December 2026, 09:00 in the Netherlands.
  FakeClock clock_{StartOfDutchDay(CivilDate{2026, 12, 7}) + std::chrono::hours(9)};
  MemoryWhoIsWho repository_;
  WhoIsWhoService service_{repository_, clock_, {"register@zorg-west.nl"}};
};

TEST_F(WhoIsWhoServiceTest, AWorkspaceHasEachMunicipalityOnceAndOnlyKnownOnes) {
  Zeist();
  auto again = service_.AddOrganisation(Access(), "municipality", "Zeist (2)", "GM0355");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(service_.AddOrganisation(Access(accounts::Role::kEditor, kOtherWs), "municipality",
                                       "Gemeente Zeist", "GM0355"))
      << "another workspace may work with Zeist too";
  auto unknown = service_.AddOrganisation(Access(), "municipality", "Nergenshuizen", "GM9999");
  ASSERT_FALSE(unknown);
  EXPECT_TRUE(unknown.error().fields.contains("municipality_code"));
  EXPECT_EQ(service_.AddOrganisation(Access(accounts::Role::kViewer), "other", "Welzijn", "")
                .error()
                .code,
            ErrorCode::kForbidden);
}

TEST_F(WhoIsWhoServiceTest, ErasingAPersonRemovesEverythingAndLeavesOnlyAnAuditLine) {
  const std::int64_t zeist = Zeist();
  const std::int64_t anna = CouncilMember(zeist, "Anna de Vries", "2022-03-30");
  ASSERT_TRUE(service_.AddAssessment(Access(), anna,
                                     {.power = 4, .interest = 5, .note = "Steunt de buurtkamer"}));
  EXPECT_EQ(service_.ErasePerson(Access(accounts::Role::kViewer), anna).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(service_.ErasePerson(Access(accounts::Role::kEditor, kOtherWs), anna).error().code,
            ErrorCode::kNotFound);
  ASSERT_TRUE(service_.ErasePerson(Access(), anna));
  EXPECT_EQ(service_.GetPerson(Access(), anna).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(repository_.PositionsAt(kWs, zeist).empty());
  EXPECT_TRUE(repository_.AssessmentsOf(kWs, anna).empty());
  ASSERT_EQ(repository_.audit.size(), 1U);
  EXPECT_TRUE(repository_.audit[0].starts_with("person.erased "));
  EXPECT_EQ(repository_.audit[0].find("Anna"), std::string::npos) << "no personal data in the log";
}

TEST_F(WhoIsWhoServiceTest, AnElectionEndsTheOldCouncilAndListsWhomNobodyMetYet) {
  const std::int64_t zeist = Zeist();
  const std::int64_t old_member = CouncilMember(zeist, "Oud Raadslid", "2018-03-29");
  const std::int64_t stays = CouncilMember(zeist, "Blijft Zitten", "2022-03-30");
  const std::int64_t met = CouncilMember(zeist, "Al Ontmoet", "2026-03-31");
  const std::int64_t new_member = CouncilMember(zeist, "Nieuw Raadslid", "2026-03-31");
  repository_.meetings.push_back(
      {.ws = kWs, .person_id = met, .at = StartOfDutchDay(CivilDate{2026, 4, 2})});

  auto result = service_.ApplyElection(
      Access(), zeist,
      {.installation_date = "2026-03-31",
       .election_date = "2026-03-18",
       .seats = {{.party = "Lokaal Zeist", .seats = 10}, {.party = "Groen Zeist", .seats = 7}}});
  ASSERT_TRUE(result);
  std::vector<std::int64_t> ended;
  for (const auto& e : result->ended) {
    ended.push_back(repository_.FindPosition(kWs, e.position_id)->person_id);
    EXPECT_EQ(e.ended_on, (CivilDate{2026, 3, 30})) << "the day before the installation";
  }
  std::sort(ended.begin(), ended.end());
  EXPECT_EQ(ended, (std::vector<std::int64_t>{old_member, stays}));
  ASSERT_EQ(result->not_yet_met.size(), 1U);
  EXPECT_EQ(result->not_yet_met[0].id, new_member);
  EXPECT_EQ(repository_.FindOrganisation(kWs, zeist)->seats.size(), 2U);

  auto overview = service_.Council(Access(), zeist);
  ASSERT_TRUE(overview);
  ASSERT_EQ(overview->terms.size(), 1U);
  EXPECT_EQ(overview->terms[0].installation_date, (CivilDate{2026, 3, 31}));

  EXPECT_TRUE(service_.ApplyElection(Access(), zeist, {.installation_date = "31-03-2026"})
                  .error()
                  .fields.contains("installation_date"));
}

TEST_F(WhoIsWhoServiceTest, ASecondImportOfTheSameFileChangesNothing) {
  Zeist();
  ParsedPeople file{.kind = "people_csv",
                    .rows = {{.line = 2,
                              .name = "Anna de Vries",
                              .email = "anna@zeist.nl",
                              .municipality = "GM0355",
                              .kind = "alderman",
                              .title = "Wethouder Zorg",
                              .portfolios = {"Wmo"},
                              .started_on = "2022-06-01"},
                             {.line = 3,
                              .name = "Bram Jansen",
                              .municipality = "Zeist",
                              .kind = "policy_adviser",
                              .domains = {"wmo"},
                              .started_on = "2024-01-15"}}};
  auto dry = service_.ImportPeople(Access(), file, true);
  ASSERT_TRUE(dry);
  EXPECT_FALSE(dry->applied);
  EXPECT_EQ(dry->people_added, 2);
  EXPECT_TRUE(repository_.PersonNames(kWs).empty()) << "a dry run writes nothing";

  auto first = service_.ImportPeople(Access(), file, false);
  ASSERT_TRUE(first);
  EXPECT_TRUE(first->applied);
  EXPECT_EQ(first->people_added, 2);
  EXPECT_EQ(first->positions_added, 2);

  auto second = service_.ImportPeople(Access(), file, false);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->people_added, 0);
  EXPECT_EQ(second->people_matched, 2);
  EXPECT_EQ(second->positions_added, 0);
  EXPECT_EQ(second->positions_unchanged, 2);
  EXPECT_EQ(repository_.PersonNames(kWs).size(), 2U);
}

TEST_F(WhoIsWhoServiceTest, OneBadRowStopsTheWholeImport) {
  Zeist();
  ParsedPeople file{.kind = "people_csv",
                    .rows = {{.line = 2, .name = "Anna de Vries", .municipality = "GM0355"},
                             {.line = 3,
                              .name = "Bram Jansen",
                              .municipality = "GM0355",
                              .kind = "council_member",
                              .started_on = "2024-02-30"}}};
  auto report = service_.ImportPeople(Access(), file, false);
  ASSERT_TRUE(report);
  EXPECT_FALSE(report->applied);
  EXPECT_TRUE(repository_.PersonNames(kWs).empty());
}

TEST_F(WhoIsWhoServiceTest, OnlyARegisterEditorChangesTheSharedRegister) {
  ParsedMunicipalities file{.rows = {{2, {.code = "GM1234", .name = "Nieuwgemeente"}}}};
  const accounts::Principal someone{.user = {.id = 5, .email = "medewerker@zorg-west.nl"}};
  const accounts::Principal editor{.user = {.id = 6, .email = "register@zorg-west.nl"}};
  accounts::Principal editors_token = editor;
  editors_token.via = accounts::Principal::Via::kApiToken;
  auto dry = service_.ImportMunicipalitiesAs(someone, file, true);
  ASSERT_TRUE(dry) << "anyone may see what a file would change";
  EXPECT_EQ(service_.ImportMunicipalitiesAs(someone, file, false).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(service_.ImportMunicipalitiesAs(editors_token, file, false).error().code,
            ErrorCode::kForbidden)
      << "an API token opens one workspace, never the shared register";
  EXPECT_FALSE(repository_.FindMunicipality("GM1234").has_value());
  ASSERT_TRUE(service_.ImportMunicipalitiesAs(editor, file, false));
  EXPECT_EQ(repository_.FindMunicipality("GM1234")->name, "Nieuwgemeente");
}

}  // namespace
}  // namespace aantafel::core::whoiswho

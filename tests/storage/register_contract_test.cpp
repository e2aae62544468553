// The municipal register in the shared reference tables (storage/register_loader.cpp), on SQLite
// always and PostgreSQL when configured: loaded once per version, never over newer data, and a
// merger across a year boundary ends the old municipalities and their positions.
#include <gtest/gtest.h>

#include "core/whoiswho/register.hpp"
#include "security/data_key.hpp"
#include "storage/accounts_repository.hpp"
#include "storage/migrations.hpp"
#include "storage/register_loader.hpp"
#include "storage/whoiswho_repository.hpp"
#include "support/fakes.hpp"
#include "support/test_database.hpp"

namespace aantafel::storage {
namespace {

using core::CivilDate;
using namespace core::whoiswho;
using testing::Backend;

CivilDate D(const char* text) { return *CivilDate::Parse(text); }

class RegisterContract : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    AANTAFEL_SKIP_WITHOUT_BACKEND(GetParam());
    database = std::make_unique<testing::TestDatabase>(GetParam());
    db = database->Open();
    Migrate(*db, EmbeddedMigrations(db->dialect()));
    security::DataKey key;
    key.fill(5);
    cipher = std::make_unique<security::SodiumFieldCipher>(key, random);
    repo = std::make_unique<SqlWhoIsWhoRepository>(*db, *cipher);
    SqlUserRepository users(*db);
    SqlWorkspaceRepository workspaces(*db);
    user =
        users.Create({.email = "anna@zorg.nl", .name = "Anna", .created_at = clock.Now()}, "h")->id;
    ws_a = workspaces.Create({.slug = "aaa", .name = "A", .created_at = clock.Now()}, user)->id;
    ws_b = workspaces.Create({.slug = "bbb", .name = "B", .created_at = clock.Now()}, user)->id;
  }

  /// A position at a municipality's organisation in workspace `ws`.
  Position Hold(std::int64_t ws, std::int64_t organisation, PositionKind kind, const char* from,
                std::optional<CivilDate> until = std::nullopt) {
    const Person person = repo->AddPerson(ws, {.name = "Persoon " + std::to_string(++people),
                                               .created_at = clock.Now(),
                                               .updated_at = clock.Now()});
    return repo->AddPosition(ws,
                             {.person_id = person.id,
                              .organisation_id = organisation,
                              .kind = kind,
                              .started_on = D(from),
                              .ended_on = until},
                             clock.Now());
  }
  std::int64_t MunicipalityOrganisation(std::int64_t ws, const std::string& code) {
    return repo
        ->AddOrganisation(
            ws, {.kind = OrganisationKind::kMunicipality, .name = code, .municipality_code = code},
            clock.Now())
        ->id;
  }

  testing::FakeClock clock;
  testing::SeededRandom random;
  std::unique_ptr<testing::TestDatabase> database;
  std::unique_ptr<Database> db;
  std::unique_ptr<security::SodiumFieldCipher> cipher;
  std::unique_ptr<SqlWhoIsWhoRepository> repo;
  std::int64_t user = 0, ws_a = 0, ws_b = 0;
  int people = 0;
};

TEST_P(RegisterContract, LoadsTheBuiltInRegisterOncePerVersion) {
  const auto& reg = BuiltInRegister();
  const auto first = LoadRegister(*db, reg, clock.Now());
  EXPECT_TRUE(first.loaded);
  EXPECT_EQ(first.municipalities, 342);
  EXPECT_EQ(first.districts, 3423);
  EXPECT_EQ(repo->AllMunicipalities().size(), 342U);
  const auto zwolle = repo->FindMunicipality("GM0193");
  ASSERT_TRUE(zwolle);
  EXPECT_EQ(zwolle->province, "Overijssel");
  EXPECT_EQ(zwolle->source, "register");
  EXPECT_EQ(zwolle->reference_date, D("2025-01-01"));
  EXPECT_GT(repo->DistrictsOf("GM0193").size(), 5U);
  EXPECT_EQ(repo->SearchMunicipalities("sudwest", 10).at(0).code, "GM1900");
  EXPECT_FALSE(LoadRegister(*db, reg, clock.Now()).loaded);
}

TEST_P(RegisterContract, NeverReplacesWhatANewerImportDescribes) {
  LoadRegister(*db, BuiltInRegister(), clock.Now());
  // An operator imported next year's CBS file: a new name and the inhabitants.
  repo->UpsertMunicipality({.code = "GM0193",
                            .name = "Zwolle aan de Vecht",
                            .population = 132000,
                            .source = "cbs",
                            .reference_date = D("2026-03-01")},
                           clock.Now());
  repo->UpsertMunicipality({.code = "GM0014",
                            .name = "Groningen",
                            .population = 240000,
                            .source = "cbs",
                            .reference_date = D("2024-06-01")},
                           clock.Now());
  Register again = BuiltInRegister();
  again.version = "2025-another-build";
  EXPECT_TRUE(LoadRegister(*db, again, clock.Now()).loaded);
  EXPECT_EQ(repo->FindMunicipality("GM0193")->name, "Zwolle aan de Vecht");
  // An older import is described anew by the register, but its inhabitants stay.
  const auto groningen = repo->FindMunicipality("GM0014");
  EXPECT_EQ(groningen->source, "register");
  EXPECT_EQ(groningen->population, 240000);
}

TEST_P(RegisterContract, AMergerAcrossTheYearEndsTheOldMunicipalitiesAndTheirPositions) {
  // 2026: Oudedijk and Nieuwland exist; on 1 January 2027 they merge into Dijkland. Workspace A
  // knows both, workspace B only Oudedijk; both know Zwolle, which stays.
  repo->UpsertMunicipality({.code = "GM0001", .name = "Oudedijk"}, clock.Now());
  repo->UpsertMunicipality({.code = "GM0193", .name = "Zwolle"}, clock.Now());
  const auto a_oud = MunicipalityOrganisation(ws_a, "GM0001");
  const auto a_zwolle = MunicipalityOrganisation(ws_a, "GM0193");
  const auto b_oud = MunicipalityOrganisation(ws_b, "GM0001");
  const Position mayor = Hold(ws_a, a_oud, PositionKind::kMayor, "2019-05-01");
  const Position alderman = Hold(ws_a, a_oud, PositionKind::kAlderman, "2022-06-01");
  const Position gone = Hold(ws_a, a_oud, PositionKind::kClerk, "2015-01-01", D("2024-02-29"));
  const Position zwolle = Hold(ws_a, a_zwolle, PositionKind::kMayor, "2020-01-01");
  const Position other_ws = Hold(ws_b, b_oud, PositionKind::kCouncilMember, "2022-03-30");

  Register reg{.year = 2027, .reference_date = "2027-01-01", .version = "test-2027"};
  reg.municipalities = {{.code = "GM0193", .name = "Zwolle", .province = "Overijssel"},
                        {.code = "GM2001", .name = "Dijkland", .province = "Overijssel"}};
  reg.districts = {{.code = "WK200101", .name = "Oudedijk", .municipality_code = "GM2001"}};
  reg.reorganisations = {{.effective_on = D("2027-01-01"),
                          .from = {"GM0001", "GM0002"},
                          .to = {"GM2001"},
                          .names = {{"GM0002", "Nieuwland"}}}};
  const auto load = LoadRegister(*db, reg, clock.Now());
  EXPECT_EQ(load.reorganisations, 1);
  EXPECT_EQ(load.positions_ended, 3);

  const CivilDate last_day = D("2026-12-31");
  EXPECT_EQ(repo->FindPosition(ws_a, mayor.id)->ended_on, last_day);
  EXPECT_EQ(repo->FindPosition(ws_a, alderman.id)->ended_on, last_day);
  EXPECT_EQ(repo->FindPosition(ws_b, other_ws.id)->ended_on, last_day);
  EXPECT_EQ(repo->FindPosition(ws_a, gone.id)->ended_on, D("2024-02-29"));
  EXPECT_FALSE(repo->FindPosition(ws_a, zwolle.id)->ended_on);
  EXPECT_TRUE(IsCurrent(*repo->FindPosition(ws_a, mayor.id), last_day));
  EXPECT_FALSE(IsCurrent(*repo->FindPosition(ws_a, mayor.id), D("2027-01-01")));

  EXPECT_EQ(repo->FindMunicipality("GM0001")->ended_on, last_day);
  const auto nieuwland = repo->FindMunicipality("GM0002");
  ASSERT_TRUE(nieuwland);
  EXPECT_EQ(nieuwland->name, "Nieuwland");
  EXPECT_EQ(nieuwland->ended_on, last_day);
  EXPECT_FALSE(repo->FindMunicipality("GM2001")->ended_on);
  EXPECT_EQ(repo->Predecessors("GM2001"),
            (std::vector<MunicipalityLink>{
                {.code = "GM0002", .name = "Nieuwland", .effective_on = D("2027-01-01")},
                {.code = "GM0001", .name = "Oudedijk", .effective_on = D("2027-01-01")}}));
  EXPECT_EQ(repo->Successors("GM0001"),
            (std::vector<MunicipalityLink>{
                {.code = "GM2001", .name = "Dijkland", .effective_on = D("2027-01-01")}}));
  // The old municipality's organisation and everything on it stay readable under its own name.
  EXPECT_EQ(repo->FindOrganisation(ws_a, a_oud)->municipality_code, "GM0001");
  // Search puts current municipalities first.
  repo->UpsertMunicipality({.code = "GM2002", .name = "Oudedijkerveld"}, clock.Now());
  const auto found = repo->SearchMunicipalities("oudedijk", 10);
  ASSERT_EQ(found.size(), 2U);
  EXPECT_EQ(found[0].code, "GM2002");
  EXPECT_EQ(found[1].code, "GM0001");
}

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return testing::Name(info.param);
}
INSTANTIATE_TEST_SUITE_P(Backends, RegisterContract,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace aantafel::storage

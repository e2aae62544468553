// Wie is wie storage contract, on SQLite always and PostgreSQL when configured.
#include <gtest/gtest.h>

#include "core/whoiswho/service.hpp"
#include "security/data_key.hpp"
#include "storage/accounts_repository.hpp"
#include "storage/migrations.hpp"
#include "storage/whoiswho_repository.hpp"
#include "support/fakes.hpp"
#include "support/test_database.hpp"

namespace aantafel::storage {
namespace {

using core::CivilDate;
using namespace core::whoiswho;
using testing::Backend;

CivilDate D(const char* text) { return *CivilDate::Parse(text); }

class WhoIsWhoContract : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    AANTAFEL_SKIP_WITHOUT_BACKEND(GetParam());
    database = std::make_unique<testing::TestDatabase>(GetParam());
    db = database->Open();
    Migrate(*db, EmbeddedMigrations(db->dialect()));
    security::DataKey key;
    key.fill(3);
    cipher = std::make_unique<security::SodiumFieldCipher>(key, random);
    repo = std::make_unique<SqlWhoIsWhoRepository>(*db, *cipher);
    SqlUserRepository users(*db);
    SqlWorkspaceRepository workspaces(*db);
    user =
        users.Create({.email = "anna@zorg.nl", .name = "Anna", .created_at = clock.Now()}, "h")->id;
    ws_a = workspaces.Create({.slug = "aaa", .name = "A", .created_at = clock.Now()}, user)->id;
    ws_b = workspaces.Create({.slug = "bbb", .name = "B", .created_at = clock.Now()}, user)->id;
    repo->UpsertMunicipality({.code = "GM0363", .name = "Amsterdam", .province = "Noord-Holland"},
                             clock.Now());
  }

  Person NewPerson(std::int64_t ws, const std::string& name) {
    return repo->AddPerson(ws, {.name = name,
                                .email = "p@gemeente.nl",
                                .phone = "06-12345678",
                                .notes = "Vertrouwelijke notitie",
                                .created_at = clock.Now(),
                                .updated_at = clock.Now()});
  }
  Organisation Municipality(std::int64_t ws) {
    return *repo->AddOrganisation(ws,
                                  {.kind = OrganisationKind::kMunicipality,
                                   .name = "Amsterdam",
                                   .municipality_code = "GM0363"},
                                  clock.Now());
  }

  testing::FakeClock clock;
  testing::SeededRandom random;
  std::unique_ptr<testing::TestDatabase> database;
  std::unique_ptr<Database> db;
  std::unique_ptr<security::SodiumFieldCipher> cipher;
  std::unique_ptr<SqlWhoIsWhoRepository> repo;
  std::int64_t user = 0, ws_a = 0, ws_b = 0;
};

TEST_P(WhoIsWhoContract, MunicipalitiesAreSharedUpsertedAndSearchable) {
  repo->UpsertMunicipality({.code = "GM0363", .name = "Amsterdam", .population = 931298},
                           clock.Now());
  repo->UpsertMunicipality({.code = "GM0344", .name = "Utrecht"}, clock.Now());
  EXPECT_EQ(repo->FindMunicipality("GM0363")->population, 931298);
  EXPECT_EQ(repo->SearchMunicipalities("utr", 10).size(), 1U);
  EXPECT_EQ(repo->SearchMunicipalities("gm03", 10).size(), 2U);
  EXPECT_EQ(repo->SearchMunicipalities("100%_", 10).size(), 0U) << "wildcards are escaped";
}

TEST_P(WhoIsWhoContract, PersonalDataIsEncryptedAtRestAndReadBack) {
  Person p = NewPerson(ws_a, "Wethouder Jansen");
  auto raw = db->Acquire()->QueryOne(
      "SELECT email_sealed, phone_sealed, notes_sealed FROM people WHERE id = $1", {p.id});
  ASSERT_TRUE(raw);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_TRUE(raw->Text(i).starts_with("v1.")) << i;
    EXPECT_EQ(raw->Text(i).find("gemeente"), std::string::npos);
    EXPECT_EQ(raw->Text(i).find("06-1234"), std::string::npos);
    EXPECT_EQ(raw->Text(i).find("Vertrouwelijk"), std::string::npos);
  }
  auto found = repo->FindPerson(ws_a, p.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->phone, "06-12345678");
  EXPECT_EQ(found->notes, "Vertrouwelijke notitie");
}

TEST_P(WhoIsWhoContract, SealedValuesCannotBeMovedToAnotherWorkspace) {
  Person a = NewPerson(ws_a, "A");
  Person b = NewPerson(ws_b, "B");
  // Someone with database access copies A's sealed notes into B's row.
  auto c = db->Acquire();
  c->Execute(
      "UPDATE people SET notes_sealed = (SELECT notes_sealed FROM people WHERE id = $1) WHERE id = "
      "$2",
      {a.id, b.id});
  EXPECT_THROW(repo->FindPerson(ws_b, b.id), StorageError);
}

TEST_P(WhoIsWhoContract, EverythingIsScopedToItsWorkspace) {
  Person a = NewPerson(ws_a, "Alleen in A");
  Organisation org_a = Municipality(ws_a);
  Position pos = repo->AddPosition(ws_a,
                                   {.person_id = a.id,
                                    .organisation_id = org_a.id,
                                    .kind = PositionKind::kAlderman,
                                    .started_on = D("2022-06-01")},
                                   clock.Now());
  EXPECT_FALSE(repo->FindPerson(ws_b, a.id));
  EXPECT_FALSE(repo->FindOrganisation(ws_b, org_a.id));
  EXPECT_FALSE(repo->FindPosition(ws_b, pos.id));
  EXPECT_TRUE(repo->ListPeople(ws_b, {}).empty());
  EXPECT_FALSE(repo->DeletePerson(ws_b, a.id));
  EXPECT_FALSE(repo->SetPositionEnd(ws_b, pos.id, D("2023-01-01"), clock.Now()));
  EXPECT_FALSE(repo->DeletePosition(ws_b, pos.id));
  const std::int64_t ids[] = {a.id};
  EXPECT_TRUE(repo->PositionsOfPeople(ws_b, ids).empty());
  EXPECT_TRUE(repo->AssessmentsOf(ws_b, a.id).empty());
  EXPECT_EQ(repo->FindPerson(ws_a, a.id)->name, "Alleen in A");
}

TEST_P(WhoIsWhoContract, TheDatabaseRefusesLinksAcrossWorkspaces) {
  Person in_b = NewPerson(ws_b, "B");
  Organisation org_a = Municipality(ws_a);
  // A position in A pointing at B's person violates the composite foreign key.
  EXPECT_THROW(repo->AddPosition(ws_a,
                                 {.person_id = in_b.id,
                                  .organisation_id = org_a.id,
                                  .kind = PositionKind::kCouncilMember,
                                  .started_on = D("2022-01-01")},
                                 clock.Now()),
               StorageError);
}

TEST_P(WhoIsWhoContract, AMunicipalityIsFollowedOncePerWorkspace) {
  Municipality(ws_a);
  auto again = repo->AddOrganisation(
      ws_a, {.kind = OrganisationKind::kMunicipality, .name = "x", .municipality_code = "GM0363"},
      clock.Now());
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, core::ErrorCode::kConflict);
  EXPECT_TRUE(repo->AddOrganisation(ws_b,
                                    {.kind = OrganisationKind::kMunicipality,
                                     .name = "Amsterdam",
                                     .municipality_code = "GM0363"},
                                    clock.Now())
                  .ok());
}

TEST_P(WhoIsWhoContract, PositionsKeepTheirListsAndDates) {
  Person p = NewPerson(ws_a, "P");
  Organisation org = Municipality(ws_a);
  Position stored = repo->AddPosition(ws_a,
                                      {.person_id = p.id,
                                       .organisation_id = org.id,
                                       .kind = PositionKind::kAlderman,
                                       .title = "Wethouder",
                                       .party = "Partij X",
                                       .portfolios = {"Wmo", "Jeugd \"zorg\""},
                                       .started_on = D("2022-06-01"),
                                       .ended_on = D("2026-03-31")},
                                      clock.Now());
  auto found = repo->FindPosition(ws_a, stored.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->portfolios, (std::vector<std::string>{"Wmo", "Jeugd \"zorg\""}));
  EXPECT_EQ(found->ended_on, D("2026-03-31"));
  EXPECT_TRUE(repo->SetPositionEnd(ws_a, stored.id, std::nullopt, clock.Now()));
  EXPECT_FALSE(repo->FindPosition(ws_a, stored.id)->ended_on);
}

TEST_P(WhoIsWhoContract, AssessmentsKeepHistoryAndTheLatestWins) {
  Person p = NewPerson(ws_a, "P");
  Person q = NewPerson(ws_a, "Q");
  repo->AddAssessment(ws_a,
                      {.person_id = p.id,
                       .assessed_on = D("2026-01-01"),
                       .scores = {4, 4, 1},
                       .note = "eerste",
                       .created_at = clock.Now()},
                      user);
  repo->AddAssessment(ws_a,
                      {.person_id = p.id,
                       .assessed_on = D("2026-06-01"),
                       .scores = {2, 5, -1},
                       .created_at = clock.Now()},
                      user);
  EXPECT_EQ(repo->AssessmentsOf(ws_a, p.id).size(), 2U);
  EXPECT_EQ(repo->AssessmentsOf(ws_a, p.id)[0].note, "eerste");
  const std::int64_t ids[] = {p.id, q.id};
  auto latest = repo->LatestAssessments(ws_a, ids);
  ASSERT_EQ(latest.size(), 1U);
  EXPECT_EQ(latest[0].scores.power, 2);
}

TEST_P(WhoIsWhoContract, ErasingAPersonRemovesPositionsAndAssessments) {
  Person p = NewPerson(ws_a, "P");
  Organisation org = Municipality(ws_a);
  repo->AddPosition(ws_a,
                    {.person_id = p.id,
                     .organisation_id = org.id,
                     .kind = PositionKind::kClerk,
                     .started_on = D("2020-01-01")},
                    clock.Now());
  repo->AddAssessment(ws_a,
                      {.person_id = p.id,
                       .assessed_on = D("2026-01-01"),
                       .scores = {3, 3, 0},
                       .created_at = clock.Now()},
                      user);
  EXPECT_TRUE(repo->DeletePerson(ws_a, p.id));
  auto c = db->Acquire();
  EXPECT_EQ(c->QueryOne("SELECT COUNT(*) FROM positions WHERE person_id = $1", {p.id})->Int(0), 0);
  EXPECT_EQ(c->QueryOne("SELECT COUNT(*) FROM assessments WHERE person_id = $1", {p.id})->Int(0),
            0);
}

TEST_P(WhoIsWhoContract, ListsManyPeopleAcrossInListChunks) {
  Organisation org = Municipality(ws_a);
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 120; ++i) {
    Person p = repo->AddPerson(
        ws_a, {.name = "Raadslid " + std::to_string(1000 + i), .created_at = clock.Now()});
    ids.push_back(p.id);
    repo->AddPosition(ws_a,
                      {.person_id = p.id,
                       .organisation_id = org.id,
                       .kind = PositionKind::kCouncilMember,
                       .started_on = D("2022-03-30")},
                      clock.Now());
  }
  EXPECT_EQ(repo->PositionsOfPeople(ws_a, ids).size(), 120U);
  EXPECT_EQ(repo->ListPeople(ws_a, {.name_contains = "raadslid 10", .limit = 500}).size(), 100U);
  EXPECT_EQ(
      repo->ListPeople(ws_a, {.organisation_id = org.id, .today = D("2026-11-18"), .limit = 50})
          .size(),
      50U);
}

TEST_P(WhoIsWhoContract, ListFiltersLookAtOneCurrentPositionAndTheLatestAssessment) {
  Organisation org = Municipality(ws_a);
  auto person = [&](const std::string& name, PositionKind kind, const std::string& party,
                    std::vector<std::string> domains, const char* start, const char* end) {
    Person p = NewPerson(ws_a, name);
    repo->AddPosition(ws_a,
                      {.person_id = p.id,
                       .organisation_id = org.id,
                       .kind = kind,
                       .party = party,
                       .domains = std::move(domains),
                       .started_on = D(start),
                       .ended_on = end ? std::optional(D(end)) : std::nullopt},
                      clock.Now());
    return p;
  };
  Person ada =
      person("Ada", PositionKind::kCouncilMember, "Lokaal Samen", {}, "2022-03-30", nullptr);
  Person bob = person("Bob", PositionKind::kCouncilMember, "Stadsbelang", {}, "2018-03-29",
                      "2022-03-29");  // ended
  Person cor =
      person("Cor", PositionKind::kPolicyAdviser, "", {"Wmo", "Jeugd"}, "2020-01-01", nullptr);
  Person dee = person("Dee", PositionKind::kAlderman, "lokaal samen", {}, "2022-06-01", nullptr);
  const CivilDate today = D("2026-11-18");
  auto names = [&](PeopleQuery q) {
    q.today = today;
    std::vector<std::string> out;
    for (const auto& p : repo->ListPeople(ws_a, q)) {
      EXPECT_FALSE(p.email) << "lists never decrypt personal data";
      out.push_back(p.name);
    }
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(names({.kind = PositionKind::kCouncilMember}), V{"Ada"});  // Bob's term ended
  EXPECT_EQ(names({.party = "lokaal samen"}), (V{"Ada", "Dee"}));
  EXPECT_EQ(names({.kind = PositionKind::kAlderman, .party = "stadsbelang"}), V{});
  EXPECT_EQ(names({.domain = "wmo"}), V{"Cor"});
  EXPECT_EQ(names({.domain = "wm"}), V{}) << "a domain matches whole, not in part";
  EXPECT_EQ(names({.organisation_id = org.id}), (V{"Ada", "Cor", "Dee"}));
  EXPECT_EQ(names({.limit = 2, .offset = 1}), (V{"Bob", "Cor"}));

  // Quadrants follow the newest assessment only.
  repo->AddAssessment(ws_a,
                      {.person_id = cor.id,
                       .assessed_on = D("2024-01-01"),
                       .scores = {.power = 5, .interest = 5},
                       .created_at = clock.Now()},
                      user);
  repo->AddAssessment(ws_a,
                      {.person_id = cor.id,
                       .assessed_on = D("2025-01-01"),
                       .scores = {.power = 1, .interest = 5},
                       .created_at = clock.Now()},
                      user);
  repo->AddAssessment(ws_a,
                      {.person_id = ada.id,
                       .assessed_on = D("2025-01-01"),
                       .scores = {.power = 4, .interest = 4},
                       .created_at = clock.Now()},
                      user);
  EXPECT_EQ(names({.quadrant = Quadrant::kManageClosely}), V{"Ada"});
  EXPECT_EQ(names({.quadrant = Quadrant::kKeepInformed}), V{"Cor"});
  EXPECT_EQ(names({.quadrant = Quadrant::kMonitor}), V{});
  (void)bob;
  (void)dee;
  // The other workspace sees none of it.
  EXPECT_TRUE(repo->ListPeople(ws_b, {.today = today}).empty());
}

TEST_P(WhoIsWhoContract, AnImportIsWrittenWhollyInOneTransaction) {
  Organisation org = Municipality(ws_a);
  Person known = NewPerson(ws_a, "Bekende Wethouder");
  ImportPlan plan;
  plan.new_organisations.push_back({.kind = OrganisationKind::kOther, .name = "Zorgcoöperatie"});
  plan.new_people.push_back({.name = "Nieuw Raadslid", .email = "n@r.nl", .fictional = true});
  plan.new_positions.push_back({.person = {.new_index = 0},
                                .organisation = {.id = org.id},
                                .position = {.kind = PositionKind::kCouncilMember,
                                             .party = "Lokaal Samen",
                                             .started_on = D("2022-03-30")}});
  plan.new_positions.push_back(
      {.person = {.id = known.id},
       .organisation = {.new_index = 0},
       .position = {.kind = PositionKind::kPartnerRole, .started_on = D("2023-01-01")}});
  plan.municipality_updates.push_back(
      {.organisation = {.id = org.id},
       .seats = std::vector<SeatCount>{{.party = "Lokaal Samen", .seats = 12}},
       .facts = MunicipalityFacts{.inhabitants = 931298,
                                  .total_seats = 45,
                                  .website = "https://www.amsterdam.nl",
                                  .province = "Noord-Holland"}});
  repo->ApplyImport(ws_a, plan, clock.Now());
  auto people = repo->ListPeople(ws_a, {.today = D("2026-11-18")});
  ASSERT_EQ(people.size(), 2U);
  auto added = repo->FindPerson(ws_a, people[1].id);
  EXPECT_EQ(added->name, "Nieuw Raadslid");
  EXPECT_EQ(added->email, "n@r.nl");
  EXPECT_TRUE(added->fictional);
  EXPECT_EQ(repo->FindOrganisation(ws_a, org.id)->seats,
            (std::vector<SeatCount>{{.party = "Lokaal Samen", .seats = 12}}));
  EXPECT_EQ(repo->FindOrganisation(ws_a, org.id)->facts.inhabitants, 931298);
  EXPECT_EQ(repo->FindOrganisation(ws_a, org.id)->facts.website, "https://www.amsterdam.nl");
  EXPECT_EQ(repo->FindOrganisation(ws_a, org.id)->facts.total_seats, 45);
  EXPECT_TRUE(repo->ListOrganisations(ws_b).empty());
  EXPECT_EQ(repo->ListOrganisations(ws_a).size(), 2U);

  // A plan that fails half-way (a position pointing at another workspace's person) leaves
  // nothing behind.
  Person other = NewPerson(ws_b, "Ander");
  ImportPlan bad;
  bad.new_people.push_back({.name = "Mag Niet Blijven"});
  bad.new_positions.push_back(
      {.person = {.id = other.id},
       .organisation = {.id = org.id},
       .position = {.kind = PositionKind::kCouncilMember, .started_on = D("2022-03-30")}});
  EXPECT_THROW(repo->ApplyImport(ws_a, bad, clock.Now()), StorageError);
  EXPECT_EQ(repo->ListPeople(ws_a, {.today = D("2026-11-18")}).size(), 2U);
  EXPECT_TRUE(repo->PositionsOfPeople(ws_b, std::vector<std::int64_t>{other.id}).empty());
}

TEST_P(WhoIsWhoContract, ElectionsRecordTermsAndEndPositionsTogether) {
  Organisation org = Municipality(ws_a);
  Person p = NewPerson(ws_a, "Raadslid");
  Position pos = repo->AddPosition(ws_a,
                                   {.person_id = p.id,
                                    .organisation_id = org.id,
                                    .kind = PositionKind::kCouncilMember,
                                    .started_on = D("2022-03-30")},
                                   clock.Now());
  const PositionEnding endings[] = {{.position_id = pos.id, .ended_on = D("2026-04-01")}};
  CouncilTerm term = repo->RecordElection(
      ws_a,
      {.organisation_id = org.id,
       .election_date = D("2026-03-18"),
       .installation_date = D("2026-04-02"),
       .seats = {{.party = "Lokaal Samen", .seats = 20}, {.party = "Stadsbelang", .seats = 25}}},
      endings, clock.Now());
  EXPECT_GT(term.id, 0);
  EXPECT_EQ(repo->FindPosition(ws_a, pos.id)->ended_on, D("2026-04-01"));
  // The same installation again replaces the term instead of adding one.
  repo->RecordElection(ws_a,
                       {.organisation_id = org.id,
                        .installation_date = D("2026-04-02"),
                        .seats = {{.party = "Lokaal Samen", .seats = 21}}},
                       {}, clock.Now());
  auto terms = repo->CouncilTerms(ws_a, org.id);
  ASSERT_EQ(terms.size(), 1U);
  EXPECT_EQ(terms[0].seats.front().seats, 21);
  EXPECT_FALSE(terms[0].election_date);
  EXPECT_EQ(repo->FindOrganisation(ws_a, org.id)->seats.front().seats, 21);
  EXPECT_TRUE(repo->CouncilTerms(ws_b, org.id).empty());
}

TEST_P(WhoIsWhoContract, ExportLinesHoldCurrentPositionsOfOneWorkspaceOnly) {
  Organisation org = Municipality(ws_a);
  Person p = NewPerson(ws_a, "Wethouder");
  repo->AddPosition(ws_a,
                    {.person_id = p.id,
                     .organisation_id = org.id,
                     .kind = PositionKind::kAlderman,
                     .portfolios = {"Zorg"},
                     .started_on = D("2022-06-01")},
                    clock.Now());
  repo->AddPosition(ws_a,
                    {.person_id = p.id,
                     .organisation_id = org.id,
                     .kind = PositionKind::kCouncilMember,
                     .started_on = D("2018-03-29"),
                     .ended_on = D("2022-03-29")},
                    clock.Now());
  auto lines = repo->CurrentLines(ws_a, D("2026-11-18"), std::nullopt);
  ASSERT_EQ(lines.size(), 1U);
  EXPECT_EQ(lines[0].person.phone, "06-12345678");
  EXPECT_FALSE(lines[0].person.notes);
  EXPECT_EQ(lines[0].position.portfolios, std::vector<std::string>{"Zorg"});
  EXPECT_EQ(lines[0].organisation.name, "Amsterdam");
  EXPECT_TRUE(repo->CurrentLines(ws_b, D("2026-11-18"), std::nullopt).empty());
  EXPECT_TRUE(repo->CurrentLines(ws_b, D("2026-11-18"), org.id).empty());
}

TEST_P(WhoIsWhoContract, MunicipalitiesAreUpsertedInBulk) {
  const core::whoiswho::Municipality list[] = {
      {.code = "GM0363", .name = "Amsterdam", .population = 900000},
      {.code = "GM0344", .name = "Utrecht"}};
  repo->UpsertMunicipalities(list, clock.Now());
  auto all = repo->AllMunicipalities();
  ASSERT_EQ(all.size(), 2U);
  EXPECT_EQ(all[1].population, 900000);
  EXPECT_EQ(all[1].province, "Noord-Holland") << "a fact the file leaves empty is kept";
  EXPECT_EQ(all[1].source, "cbs");
  const core::whoiswho::Municipality bad[] = {{.code = "GM0307", .name = "Amersfoort"},
                                              {.code = "XX", .name = "Fout"}};
  EXPECT_THROW(repo->UpsertMunicipalities(bad, clock.Now()), StorageError);
  EXPECT_EQ(repo->AllMunicipalities().size(), 2U) << "nothing of a failed batch stays";
}

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return testing::Name(info.param);
}
INSTANTIATE_TEST_SUITE_P(Backends, WhoIsWhoContract,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace aantafel::storage

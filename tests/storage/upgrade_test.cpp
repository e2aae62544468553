// Upgrading from the oldest schema: a database created by migration 0001 (accounts) and filled,
// then moved to 0002 (Wie is wie) and filled again, is migrated to the newest schema. Every row
// that existed must read the same afterwards, column by column, and the repositories of the
// newest binary must read it. Runs on SQLite always and PostgreSQL when configured.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "security/data_key.hpp"
#include "storage/accounts_repository.hpp"
#include "storage/council_repository.hpp"
#include "storage/migrations.hpp"
#include "storage/whoiswho_repository.hpp"
#include "support/fakes.hpp"
#include "support/test_database.hpp"

namespace aantafel::storage {
namespace {

using testing::Backend;

/// The tables of the two oldest migrations with the columns they had then.
struct OldTable {
  const char* name;
  const char* columns;
};
constexpr OldTable kOldTables[] = {
    {"users", "id, email, name, password_hash, created_at"},
    {"workspaces", "id, slug, name, kind, created_at"},
    {"memberships", "workspace_id, user_id, role, created_at"},
    {"sessions", "token_hash, user_id, csrf_token, created_at, expires_at"},
    {"api_tokens", "id, workspace_id, user_id, token_hash, label, created_at"},
    {"municipalities", "code, name, province, population, care_office_region, youth_region"},
    {"organisations", "id, workspace_id, kind, name, municipality_code, created_at"},
    {"people", "id, workspace_id, name, name_key, notes_sealed, fictional, created_at"},
    {"positions",
     "id, workspace_id, person_id, organisation_id, kind, title, party, portfolios, "
     "started_on, ended_on"},
    {"assessments", "id, workspace_id, person_id, assessed_on, power, interest, attitude"},
    {"audit_log", "id, workspace_id, user_id, action, subject, created_at"},
};

using Snapshot = std::vector<std::vector<std::string>>;

Snapshot Read(Database& db, const OldTable& table) {
  std::string select;
  std::string columns = table.columns;
  std::size_t start = 0;
  while (start < columns.size()) {
    std::size_t end = columns.find(',', start);
    if (end == std::string::npos) end = columns.size();
    std::string column = columns.substr(start, end - start);
    column.erase(0, column.find_first_not_of(' '));
    if (!select.empty()) select += ", ";
    select += "CAST(" + column + " AS TEXT)";
    start = end + 1;
  }
  auto lease = db.Acquire();
  Snapshot out;
  for (const Row& row :
       lease->Query("SELECT " + select + " FROM " + table.name + " ORDER BY 1, 2", {})) {
    std::vector<std::string> cells;
    for (std::size_t i = 0; i < row.size(); ++i) {
      cells.push_back(row.IsNull(i) ? "<null>" : row.Text(i));
    }
    out.push_back(std::move(cells));
  }
  return out;
}

class SchemaUpgrade : public ::testing::TestWithParam<Backend> {};

TEST_P(SchemaUpgrade, AFilledOldestDatabaseReachesTheNewestSchemaWithoutLoss) {
  AANTAFEL_SKIP_WITHOUT_BACKEND(GetParam());
  testing::TestDatabase database(GetParam());
  auto db = database.Open();
  const auto all = EmbeddedMigrations(db->dialect());
  ASSERT_GE(all.size(), 3U);

  // Version 1: accounts.
  EXPECT_EQ(Migrate(*db, {all[0]}).to_version, 1);
  {
    auto c = db->Acquire();
    c->Execute(
        "INSERT INTO users (email, name, password_hash, created_at) VALUES "
        "('anna@zorg.nl', 'Anna de Vries', '$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA', "
        "1700000000000), ('bram@zorg.nl', 'Bram', 'x', 1700000000001)",
        {});
    c->Execute(
        "INSERT INTO workspaces (slug, name, kind, created_at) VALUES "
        "('zorg-west', 'Zorg West', 'care_provider', 1700000000000)",
        {});
    c->Execute(
        "INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES "
        "(1, 1, 'owner', 1700000000000), (1, 2, 'viewer', 1700000000002)",
        {});
    c->Execute(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES "
        "('sess-hash', 1, 'csrf', 1700000000000, 4100000000000)",
        {});
    c->Execute(
        "INSERT INTO api_tokens (workspace_id, user_id, token_hash, label, created_at) VALUES "
        "(1, 1, 'token-hash', 'Koppeling', 1700000000000)",
        {});
  }
  // Version 2: Wie is wie.
  EXPECT_EQ(Migrate(*db, {all[0], all[1]}).to_version, 2);
  {
    auto c = db->Acquire();
    c->Execute(
        "INSERT INTO municipalities (code, name, province, population, updated_at) VALUES "
        "('GM0999', 'Denkstad', 'Fictief', 51000, 1700000000000)",
        {});
    c->Execute(
        "INSERT INTO organisations (workspace_id, kind, name, municipality_code, created_at, "
        "updated_at) VALUES (1, 'municipality', 'Denkstad', 'GM0999', 1700000000000, "
        "1700000000000), (1, 'provider', 'ZorgWest', NULL, 1700000000000, 1700000000000)",
        {});
    c->Execute(
        "INSERT INTO people (workspace_id, name, name_key, notes_sealed, fictional, "
        "created_at, updated_at) VALUES (1, 'Els Wethouder', 'els wethouder', NULL, 0, "
        "1700000000000, 1700000000000)",
        {});
    c->Execute(
        "INSERT INTO positions (workspace_id, person_id, organisation_id, kind, title, party, "
        "portfolios, started_on, created_at, updated_at) VALUES (1, 1, 1, 'alderman', "
        "'Wethouder', 'Partij A', '[\"Zorg\"]', '2022-06-01', 1700000000000, 1700000000000)",
        {});
    c->Execute(
        "INSERT INTO assessments (workspace_id, person_id, assessed_on, power, interest, "
        "attitude, created_by, created_at) VALUES (1, 1, '2023-01-10', 5, 4, 1, 1, "
        "1700000000000)",
        {});
    c->Execute(
        "INSERT INTO audit_log (workspace_id, user_id, action, subject, created_at) VALUES "
        "(1, 1, 'person.erased', 'person 7', 1700000000000)",
        {});
  }
  std::vector<Snapshot> before;
  for (const auto& table : kOldTables) before.push_back(Read(*db, table));

  const auto report = Migrate(*db, all);
  EXPECT_EQ(report.from_version, 2);
  EXPECT_EQ(report.to_version, all.back().version);
  EXPECT_EQ(report.applied.size(), all.size() - 2);

  for (std::size_t i = 0; i < std::size(kOldTables); ++i) {
    EXPECT_EQ(Read(*db, kOldTables[i]), before[i]) << kOldTables[i].name << " changed";
    EXPECT_FALSE(before[i].empty()) << kOldTables[i].name << " was not filled";
  }

  // The newest repositories read the old rows.
  SqlUserRepository users(*db);
  auto anna = users.FindByEmail("anna@zorg.nl");
  ASSERT_TRUE(anna.has_value());
  EXPECT_EQ(anna->user.name, "Anna de Vries");
  SqlWorkspaceRepository workspaces(*db);
  const auto members = workspaces.ListMembers(1);
  ASSERT_EQ(members.size(), 2U);
  testing::SeededRandom random;
  security::DataKey key;
  key.fill(7);
  security::SodiumFieldCipher cipher(key, random);
  SqlWhoIsWhoRepository whoiswho(*db, cipher);
  auto organisation = whoiswho.FindOrganisation(1, 1);
  ASSERT_TRUE(organisation.has_value());
  EXPECT_EQ(organisation->municipality_code, "GM0999");
  const auto people =
      whoiswho.ListPeople(1, {.today = *core::CivilDate::Parse("2026-11-23"), .limit = 10});
  ASSERT_EQ(people.size(), 1U);
  EXPECT_EQ(people[0].name, "Els Wethouder");
  EXPECT_FALSE(whoiswho.FindOrganisation(2, 1).has_value()) << "still per workspace";

  // Migration 28: an upgraded workspace can have a council webhook, found by its slug.
  SqlCouncilRepository council(*db);
  EXPECT_FALSE(council.FindWebhook(1));
  const auto id = council.SaveWebhook(1, {.url = "https://hooks.example.nl/x",
                                          .sealed_secret = "v1.sealed",
                                          .created_at = core::FromMillis(1700000000000)});
  const auto due = council.DueWebhooks(core::FromMillis(1700000000001));
  ASSERT_EQ(due.size(), 1U);
  EXPECT_EQ(due[0].slug, "zorg-west");
  EXPECT_EQ(due[0].webhook.id, id);
  EXPECT_EQ(due[0].webhook.failures, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, SchemaUpgrade,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const auto& param_info) { return testing::Name(param_info.param); });

}  // namespace
}  // namespace aantafel::storage

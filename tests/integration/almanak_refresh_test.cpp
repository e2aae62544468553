// The scheduled refresh of the Overheidsalmanak export against a local HTTP server serving the
// real export layout (tests/fixtures/almanak-real/), on SQLite and PostgreSQL: only the
// municipalities a workspace works with are updated, and an unchanged file costs one 304.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "support/file_server.hpp"
#include "support/test_server.hpp"

namespace aantafel::testing {
namespace {

using nlohmann::json;
using Outcome = app::Runtime::AlmanakRefresh::Outcome;

constexpr const char* kPath = "/archive/exportOO_gemeenten.xml";

std::string Export() {
  std::ifstream in(std::string(AANTAFEL_SOURCE_DIR) +
                       "/tests/fixtures/almanak-real/exportOO_gemeenten_2.6.9.xml",
                   std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class AlmanakRefresh : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    AANTAFEL_SKIP_WITHOUT_BACKEND(GetParam());
    files.Serve(kPath, {.body = Export(), .last_modified = "Fri, 02 May 2025 10:00:00 GMT"});
    server = std::make_unique<TestServer>(GetParam(),
                                          TestServerOptions{.almanak_url = files.Url(kPath)});
    // The server checks once when it starts (before any workspace exists here).
    for (int i = 0; i < 200 && files.requests().empty(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ASSERT_FALSE(files.requests().empty());
    server->Start();
    client = std::make_unique<HttpClient>(server->port());
    server->AddUser("anna@zorg.nl", "Anna");
    server->AddWorkspace("zorg-west", "anna@zorg.nl");
    server->AddWorkspace("welzijn-oost", "anna@zorg.nl");
    anna = LogIn(*client, "anna@zorg.nl");
    auto org =
        client->Request("POST", "/api/v1/workspaces/zorg-west/organisations",
                        {{"Cookie", anna.cookie},
                         {"X-CSRF-Token", anna.csrf},
                         {"Content-Type", "application/json"}},
                        json{{"kind", "municipality"}, {"municipality_code", "GM0193"}}.dump());
    ASSERT_EQ(org.status, 201) << org.body;
  }
  json Get(const std::string& slug, const std::string& path) {
    return json::parse(
        client->Request("GET", "/api/v1/workspaces/" + slug + path, {{"Cookie", anna.cookie}})
            .body);
  }

  FileServer files;
  std::unique_ptr<TestServer> server;
  std::unique_ptr<HttpClient> client;
  BrowserSession anna;
};

TEST_P(AlmanakRefresh, UpdatesOnlyTheMunicipalitiesAWorkspaceWorksWith) {
  const auto result = server->runtime().RefreshAlmanak(/*force=*/true);
  ASSERT_EQ(result.outcome, Outcome::kRefreshed) << result.detail;
  EXPECT_EQ(result.workspaces, 1);
  EXPECT_EQ(result.refused, 0);
  EXPECT_EQ(result.positions, 3);
  const json organisations = Get("zorg-west", "/organisations");
  ASSERT_EQ(organisations["items"].size(), 1U) << "Voorne aan Zee is in the file, not added";
  EXPECT_EQ(organisations["items"][0]["facts"]["inhabitants"], 130000);
  EXPECT_EQ(organisations["items"][0]["facts"]["website"], "https://www.voorbeeld-zwolle.invalid");
  EXPECT_EQ(Get("zorg-west", "/people")["items"].size(), 3U);
  EXPECT_EQ(Get("welzijn-oost", "/organisations")["items"].size(), 0U);
  EXPECT_EQ(Get("welzijn-oost", "/people")["items"].size(), 0U);
}

TEST_P(AlmanakRefresh, AnUnchangedExportCostsOneNotModifiedAndAChangedOneIsReadAgain) {
  ASSERT_EQ(server->runtime().RefreshAlmanak(true).outcome, Outcome::kRefreshed);
  EXPECT_EQ(server->runtime().RefreshAlmanak(false).outcome, Outcome::kNotDue);

  server->clock().Advance(std::chrono::hours(25));
  const auto unchanged = server->runtime().RefreshAlmanak(false);
  EXPECT_EQ(unchanged.outcome, Outcome::kNotModified);
  const auto asked = files.requests().back();
  EXPECT_EQ(asked.headers.at("if-modified-since"), "Fri, 02 May 2025 10:00:00 GMT");

  // A new alderman in Zwolle, published the next day.
  std::string next = Export();
  const std::string marker = "<p:naam>Raadslid</p:naam>";
  next.replace(next.find(marker), marker.size(),
               "<p:naam>Wethouder</p:naam><p:medewerkers><p:medewerker p:systeemId=\"90041\">"
               "<p:naam>mw. G. Nieuw</p:naam><p:startDatum>2025-05-01</p:startDatum>"
               "</p:medewerker></p:medewerkers></p:functie><p:functie p:systeemId=\"90030\">" +
                   marker);
  files.Serve(kPath, {.body = next, .last_modified = "Sat, 03 May 2025 10:00:00 GMT"});
  server->clock().Advance(std::chrono::hours(25));
  const auto changed = server->runtime().RefreshAlmanak(false);
  ASSERT_EQ(changed.outcome, Outcome::kRefreshed) << changed.detail;
  EXPECT_EQ(changed.positions, 1);
  anna = LogIn(*client, "anna@zorg.nl");  // two days later: the old session has expired
  EXPECT_EQ(Get("zorg-west", "/people?kind=alderman")["items"].size(), 2U);
}

TEST_P(AlmanakRefresh, ABrokenOrMissingExportChangesNothing) {
  files.Serve(kPath, {.body = "<p:overheidsorganisaties><p:organisaties>",
                      .last_modified = "Sun, 04 May 2025 10:00:00 GMT"});
  const auto broken = server->runtime().RefreshAlmanak(true);
  EXPECT_EQ(broken.outcome, Outcome::kUnreadable);
  EXPECT_EQ(Get("zorg-west", "/people")["items"].size(), 0U);
  files.Serve("/elsewhere", {});
  TestServer missing(GetParam(), TestServerOptions{.almanak_url = files.Url("/gone.xml")});
  const auto gone = missing.runtime().RefreshAlmanak(true);
  EXPECT_EQ(gone.outcome, Outcome::kFailed);
  EXPECT_NE(gone.detail.find("404"), std::string::npos);
}

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) { return Name(info.param); }
INSTANTIATE_TEST_SUITE_P(Backends, AlmanakRefresh,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace aantafel::testing

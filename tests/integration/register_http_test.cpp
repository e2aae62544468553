// The built-in municipal register, its districts and the maps over HTTP, on SQLite and
// PostgreSQL: everything a new organisation needs on day one, with no import.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "app/imports.hpp"
#include "core/whoiswho/register.hpp"
#include "interchange/imports.hpp"
#include "storage/register_loader.hpp"
#include "support/file_server.hpp"
#include "support/test_server.hpp"

namespace aantafel::testing {
namespace {

using nlohmann::json;
using Headers = std::map<std::string, std::string>;

json Body(const ClientResponse& r) { return json::parse(r.body, nullptr, false); }

class RegisterHttp : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    AANTAFEL_SKIP_WITHOUT_BACKEND(GetParam());
    server = std::make_unique<TestServer>(GetParam());
    server->Start();
    client = std::make_unique<HttpClient>(server->port());
    server->AddUser("anna@zorg.nl", "Anna");
    server->AddWorkspace("zorg-west", "anna@zorg.nl");
    anna = LogIn(*client, "anna@zorg.nl");
  }
  Headers Auth() {
    return {
        {"Cookie", anna.cookie}, {"X-CSRF-Token", anna.csrf}, {"Content-Type", "application/json"}};
  }
  ClientResponse Get(const std::string& target, Headers extra = {}) {
    Headers headers = Auth();
    headers.insert(extra.begin(), extra.end());
    return client->Request("GET", target, headers);
  }
  std::vector<std::string> Codes(const std::string& query) {
    std::vector<std::string> codes;
    const json body = Body(Get("/api/v1/municipalities?q=" + query));
    for (const auto& m : body["items"]) {
      codes.push_back(m["code"]);
    }
    return codes;
  }

  std::unique_ptr<TestServer> server;
  std::unique_ptr<HttpClient> client;
  BrowserSession anna;
};

TEST_P(RegisterHttp, FindsEveryMunicipalityOfTheRegisterWithoutAnImport) {
  EXPECT_EQ(Codes("zwolle"), std::vector<std::string>{"GM0193"});
  EXPECT_EQ(Codes("Maastricht"), std::vector<std::string>{"GM0935"});
  // Accents and case are folded both ways.
  EXPECT_EQ(Codes("sudwest"), std::vector<std::string>{"GM1900"});
  EXPECT_EQ(Codes("S%C3%BAdwest-frysl%C3%A2n"), std::vector<std::string>{"GM1900"});
  EXPECT_EQ(Codes("voorne%20aan%20zee"), std::vector<std::string>{"GM1992"});
  EXPECT_EQ(Codes("GM0014"), std::vector<std::string>{"GM0014"});

  auto zwolle = Body(Get("/api/v1/municipalities?q=zwolle"))["items"][0];
  EXPECT_EQ(zwolle["name"], "Zwolle");
  EXPECT_EQ(zwolle["province"], "Overijssel");
  EXPECT_EQ(zwolle["source"], "register");
  EXPECT_EQ(zwolle["reference_date"], "2025-01-01");
  EXPECT_TRUE(zwolle["ended_on"].is_null());
}

TEST_P(RegisterHttp, AMunicipalityComesWithItsDistrictsByName) {
  auto r = Get("/api/v1/municipalities/GM0193");
  ASSERT_EQ(r.status, 200) << r.body;
  auto zwolle = Body(r);
  std::vector<std::string> expected;
  for (const auto& d : core::whoiswho::BuiltInRegister().districts) {
    if (d.municipality_code == "GM0193") expected.push_back(d.name);
  }
  ASSERT_GT(expected.size(), 5U);
  ASSERT_EQ(zwolle["districts"].size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(zwolle["districts"][i]["name"], expected[i]);
    EXPECT_EQ(zwolle["districts"][i]["municipality_code"], "GM0193");
  }
  EXPECT_EQ(zwolle["predecessors"], json::array());
  EXPECT_EQ(zwolle["successors"], json::array());
  EXPECT_EQ(Get("/api/v1/municipalities/GM9999").status, 404);
  auto bad = Get("/api/v1/municipalities/zwolle");
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Body(bad)["error"]["fields"].contains("code"));
  EXPECT_EQ(client->Request("GET", "/api/v1/municipalities/GM0193", {}).status, 401);
}

TEST_P(RegisterHttp, ServesTheMapsCutToWhatTheyShowCachedAndCompressed) {
  auto all = Get("/api/v1/maps/municipalities");
  ASSERT_EQ(all.status, 200);
  EXPECT_EQ(all.Header("Content-Type"), "application/json");
  auto topology = Body(all);
  EXPECT_EQ(topology["type"], "Topology");
  EXPECT_EQ(topology["objects"]["municipalities"]["geometries"].size(), 342U);
  EXPECT_EQ(topology["objects"]["provinces"]["geometries"].size(), 12U);
  EXPECT_EQ(topology["year"], 2025);
  EXPECT_NE(topology["attribution"].get<std::string>().find("Kadaster"), std::string::npos);

  auto zwolle = Get("/api/v1/maps/municipalities/GM0193");
  ASSERT_EQ(zwolle.status, 200);
  auto districts = Body(zwolle)["objects"]["districts"]["geometries"];
  EXPECT_EQ(districts.size(), Body(Get("/api/v1/municipalities/GM0193"))["districts"].size());
  EXPECT_LT(zwolle.body.size(), all.body.size() / 5);

  // A second look costs a 304; a browser that takes gzip gets far fewer bytes.
  auto again = Get("/api/v1/maps/municipalities", {{"If-None-Match", all.Header("ETag")}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  auto gzip = Get("/api/v1/maps/municipalities", {{"Accept-Encoding", "gzip, br"}});
  EXPECT_EQ(gzip.status, 200);
  EXPECT_EQ(gzip.Header("Content-Encoding"), "gzip");
  EXPECT_EQ(gzip.Header("Vary"), "Accept-Encoding");
  EXPECT_LT(gzip.body.size(), all.body.size() / 2);
  EXPECT_NE(gzip.Header("ETag"), all.Header("ETag"));

  EXPECT_EQ(Get("/api/v1/maps/municipalities/GM9999").status, 404);
  EXPECT_EQ(Get("/api/v1/maps/municipalities/Zwolle").status, 422);
  EXPECT_EQ(Get("/api/v1/maps/municipalities/..%2F..%2Fetc").status, 404);
  EXPECT_EQ(client->Request("GET", "/api/v1/maps/municipalities", {}).status, 401);
}

TEST_P(RegisterHttp, TheSocialMapOffersTheDistrictsOfAnyMunicipalityByName) {
  auto areas = Body(Get("/api/v1/workspaces/zorg-west/areas?municipality_code=GM0193"))["items"];
  ASSERT_GT(areas.size(), 5U);
  EXPECT_EQ(areas[0]["source"], "register");
  const std::string first = areas[0]["code"];
  // A workspace may call a district what its people call it; the register stays as it is.
  auto saved = client->Request("POST", "/api/v1/workspaces/zorg-west/areas", Auth(),
                               json{{"items", {{{"code", first}, {"name", "Binnenstad"}}}}}.dump());
  ASSERT_EQ(saved.status, 200) << saved.body;
  auto renamed = Body(Get("/api/v1/workspaces/zorg-west/areas?municipality_code=GM0193"))["items"];
  EXPECT_EQ(renamed.size(), areas.size());
  EXPECT_EQ(renamed[0]["name"], "Binnenstad");
  EXPECT_EQ(renamed[0]["source"], "workspace");
  EXPECT_NE(Body(Get("/api/v1/municipalities/GM0193"))["districts"][0]["name"], "Binnenstad");

  // Without a municipality: the districts of the municipalities the workspace works with.
  EXPECT_EQ(Body(Get("/api/v1/workspaces/zorg-west/areas"))["items"].size(), 1U);
  auto org =
      client->Request("POST", "/api/v1/workspaces/zorg-west/organisations", Auth(),
                      json{{"kind", "municipality"}, {"municipality_code", "GM0193"}}.dump());
  ASSERT_EQ(org.status, 201) << org.body;
  EXPECT_EQ(Body(Get("/api/v1/workspaces/zorg-west/areas"))["items"].size(), areas.size());

  // The coverage matrix has a row per district.
  auto coverage =
      Body(Get("/api/v1/workspaces/zorg-west/social-map/coverage?municipality_code=GM0193"));
  EXPECT_EQ(coverage["areas"].size(), areas.size());
}

// Oudedijk and Nieuwland merge into Dijkland on 1 January 2027 (a register of that year). The
// workspace worked with Oudedijk and starts working with Dijkland.
TEST_P(RegisterHttp, AfterAMergerTheSuccessorShowsItsHistoryAndTheOldPositionsEnd) {
  auto& whoiswho = server->runtime().whoiswho();
  ASSERT_TRUE(whoiswho.UpsertMunicipality({.code = "GM0001", .name = "Oudedijk"}).ok());
  const Headers headers = Auth();
  auto post = [&](const std::string& path, const json& body) {
    auto r = client->Request("POST", "/api/v1/workspaces/zorg-west" + path, headers, body.dump());
    EXPECT_EQ(r.status, 201) << path << " " << r.body;
    return Body(r)["id"].get<std::int64_t>();
  };
  const auto oudedijk =
      post("/organisations", {{"kind", "municipality"}, {"municipality_code", "GM0001"}});
  const auto mayor = post("/people", {{"name", "Bea Burgemeester"}});
  post("/people/" + std::to_string(mayor) + "/positions",
       {{"organisation_id", oudedijk}, {"kind", "mayor"}, {"started_on", "2020-09-01"}});

  core::whoiswho::Register next{.year = 2027, .reference_date = "2027-01-01", .version = "t2027"};
  next.municipalities = {{.code = "GM2001", .name = "Dijkland", .province = "Zuid-Holland"}};
  next.reorganisations = {{.effective_on = *core::CivilDate::Parse("2027-01-01"),
                           .from = {"GM0001", "GM0002"},
                           .to = {"GM2001"},
                           .names = {{"GM0002", "Nieuwland"}}}};
  storage::LoadRegister(server->runtime().database(), next, server->clock().Now());
  const auto dijkland =
      post("/organisations", {{"kind", "municipality"}, {"municipality_code", "GM2001"}});

  auto dossier = [&](std::int64_t id) {
    return Body(client->Request(
        "GET", "/api/v1/workspaces/zorg-west/organisations/" + std::to_string(id) + "/dossier",
        headers));
  };
  const json successor = dossier(dijkland);
  const json& before = successor["reorganisation"]["predecessors"];
  ASSERT_EQ(before.size(), 2U) << successor.dump();
  EXPECT_EQ(before[0]["name"], "Nieuwland");
  EXPECT_TRUE(before[0]["organisation_id"].is_null());
  EXPECT_EQ(before[1]["name"], "Oudedijk");
  EXPECT_EQ(before[1]["organisation_id"], oudedijk);
  EXPECT_EQ(before[1]["effective_on"], "2027-01-01");

  const json old = dossier(oudedijk);
  EXPECT_EQ(old["municipality"]["ended_on"], "2026-12-31");
  EXPECT_EQ(old["reorganisation"]["successors"][0]["organisation_id"], dijkland);
  const json positions = Body(client->Request(
      "GET", "/api/v1/workspaces/zorg-west/people/" + std::to_string(mayor), headers));
  EXPECT_EQ(positions["positions"][0]["ended_on"], "2026-12-31") << positions.dump();

  // The Beleidskalender knows Dijkland merges: its extra election is in November 2026.
  const json cycle = Body(client->Request(
      "GET",
      "/api/v1/workspaces/zorg-west/organisations/" + std::to_string(dijkland) + "/cycle?year=2026",
      headers));
  EXPECT_EQ(cycle["merged_on"], "2027-01-01");
  bool election = false;
  for (const auto& e : cycle["events"]) election = election || e["id"] == "merger_election";
  EXPECT_TRUE(election) << cycle.dump();
}

TEST_P(RegisterHttp, KeyFiguresStandNextToTheDistricts) {
  std::ifstream in(std::string(AANTAFEL_SOURCE_DIR) +
                   "/tests/fixtures/cbs/85984NED/TypedDataSet.json");
  json table = json::parse(in);
  const std::string first =
      Body(Get("/api/v1/workspaces/zorg-west/areas?municipality_code=GM0193"))["items"][0]["code"];
  table["value"][0]["WijkenEnBuurten"] = first + "  ";  // the real row, moved to Zwolle
  const std::string text = table.dump();
  const std::string_view documents[] = {text};
  auto& social_map = server->runtime().social_map();
  auto dry = social_map.ImportFigures(interchange::ParseAreaFigures(documents, std::nullopt), true);
  EXPECT_EQ(dry.added, 1);
  EXPECT_FALSE(dry.applied);
  const json before = Body(Get("/api/v1/workspaces/zorg-west/areas?municipality_code=GM0193"));
  EXPECT_TRUE(before["items"][0]["figures"].is_null());
  auto done =
      social_map.ImportFigures(interchange::ParseAreaFigures(documents, std::nullopt), false);
  ASSERT_TRUE(done.applied);
  const json after = Body(Get("/api/v1/workspaces/zorg-west/areas?municipality_code=GM0193"));
  const json& figures = after["items"][0]["figures"];
  EXPECT_EQ(figures["year"], 2024);
  EXPECT_EQ(figures["inhabitants"], 3455);
  EXPECT_EQ(figures["share_65_plus"], 28.2);
  EXPECT_EQ(figures["households"], 1525);
  // Older figures never replace newer ones.
  social_map.ImportFigures(interchange::ParseAreaFigures(documents, 2020), false);
  EXPECT_EQ(
      Body(Get("/api/v1/workspaces/zorg-west/areas?municipality_code=GM0193"))["items"][0]
                                                                              ["figures"]["year"],
      2024);
}

TEST_P(RegisterHttp, NewerCbsFilesAreCheckedByAnyoneAndLoadedByARegisterEditor) {
  auto read = [](const std::string& name) {
    std::ifstream in(std::string(AANTAFEL_SOURCE_DIR) + "/tests/fixtures/cbs/83287NED/" + name);
    return json::parse(in);
  };
  const json bundle = {{"DataProperties", read("DataProperties.json")},
                       {"TypedDataSet", read("TypedDataSet.json")}};
  auto post = [&](const std::string& query, const json& body, const BrowserSession& who) {
    return client->Request(
        "POST", "/api/v1/municipalities/imports" + query,
        {{"Cookie", who.cookie}, {"X-CSRF-Token", who.csrf}, {"Content-Type", "application/json"}},
        body.dump());
  };
  auto dry = post("?dry_run=true", bundle, anna);
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(Body(dry)["dry_run"], true);
  EXPECT_EQ(Body(dry)["municipalities_updated"], 1);
  EXPECT_EQ(post("", bundle, anna).status, 403) << "Anna is no register editor";
  EXPECT_TRUE(Body(Get("/api/v1/municipalities/GM1680"))["population"].is_null());

  // One part missing: refused, the part named, nothing stored.
  auto broken = post("?dry_run=true", json{{"TypedDataSet", bundle["TypedDataSet"]}}, anna);
  ASSERT_EQ(broken.status, 200);
  EXPECT_EQ(Body(broken)["rejected"][0]["field"], "DataProperties");
  EXPECT_EQ(Body(broken)["municipalities_updated"], 0);
  EXPECT_EQ(post("?dry_run=maybe", bundle, anna).status, 422);
}

TEST_P(RegisterHttp, ARegisterEditorLoadsNewerCbsFiles) {
  TestServer editors(GetParam(), TestServerOptions{.register_editors = "Beheer@Zorg.nl"});
  editors.Start();
  HttpClient http(editors.port());
  editors.AddUser("beheer@zorg.nl", "Beheer");
  const BrowserSession admin = LogIn(http, "beheer@zorg.nl");
  std::ifstream properties(std::string(AANTAFEL_SOURCE_DIR) +
                           "/tests/fixtures/cbs/83287NED/DataProperties.json");
  std::ifstream data(std::string(AANTAFEL_SOURCE_DIR) +
                     "/tests/fixtures/cbs/83287NED/TypedDataSet.json");
  const json bundle = {{"DataProperties", json::parse(properties)},
                       {"TypedDataSet", json::parse(data)}};
  const Headers headers{
      {"Cookie", admin.cookie}, {"X-CSRF-Token", admin.csrf}, {"Content-Type", "application/json"}};
  auto r = http.Request("POST", "/api/v1/municipalities/imports", headers, bundle.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Body(r)["applied"], true);
  auto aa = Body(http.Request("GET", "/api/v1/municipalities/GM1680", headers));
  EXPECT_EQ(aa["name"], "Aa en Hunze");
  EXPECT_EQ(aa["source"], "cbs");
  EXPECT_TRUE(aa["population"].is_number_integer());
  EXPECT_FALSE(aa["youth_region"].is_null());
  // A refused file (one municipality twice) changes nothing and names the row.
  json twice = bundle;
  twice["TypedDataSet"]["value"].push_back(twice["TypedDataSet"]["value"][0]);
  twice["TypedDataSet"]["value"][1]["Naam_2"] = "Anders";
  auto refused = http.Request("POST", "/api/v1/municipalities/imports", headers, twice.dump());
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(Body(refused)["report"]["rejected"][0]["line"], 2);
  EXPECT_EQ(Body(http.Request("GET", "/api/v1/municipalities/GM1680", headers))["name"],
            "Aa en Hunze");
}

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) { return Name(info.param); }
std::string PdokFixture(const std::string& name, const std::string& base) {
  std::ifstream in(std::string(AANTAFEL_SOURCE_DIR) + "/tests/fixtures/pdok/" + name,
                   std::ios::binary);
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  // The service's links are absolute; here they point at the local server.
  const std::string pdok = "https://api.pdok.nl";
  for (auto at = text.find(pdok); at != std::string::npos; at = text.find(pdok, at)) {
    text.replace(at, pdok.size(), base);
  }
  return text;
}

// A PDOK OGC API "wijken en buurten" service on loopback: its gemeenten, wijken and buurten
// collections (the buurten over two pages, one of them water only).
TEST_P(RegisterHttp, NeighbourhoodsFromAPdokServiceReachTheMapsAndTheSocialMap) {
  FileServer files;
  const std::string base = files.Url("");
  const std::string service = "/cbs/wijken-en-buurten-2025/ogc/v1";
  auto serve = [&](const std::string& path, const std::string& fixture) {
    files.Serve(service + path,
                {.body = PdokFixture(fixture, base), .content_type = "application/geo+json"});
  };
  serve("/collections/gemeenten/items?f=json&limit=1000", "gemeenten-items.json");
  serve("/collections/wijken/items?f=json&limit=1000", "wijken-items.json");
  serve("/collections/buurten/items?f=json&limit=1000", "buurten-items-page1.json");
  serve("/collections/buurten/items?cursor=Dv4%7CNrc&f=json&limit=1000",
        "buurten-items-page2.json");
  const auto before = Body(Get("/api/v1/maps/municipalities/GM0193"));
  ASSERT_FALSE(before["objects"].contains("neighbourhoods"));

  // A dry run reads every page and writes nothing.
  ASSERT_EQ(app::ImportBoundariesCommand(server->runtime(), {}, base + service, std::nullopt,
                                         /*dry_run=*/true, http::Language::kDutch),
            0);
  EXPECT_EQ(files.requests().size(), 4U);
  EXPECT_EQ(Get("/api/v1/maps/municipalities/GM0193").body, before.dump());

  ASSERT_EQ(app::ImportBoundariesCommand(server->runtime(), {}, base + service, std::nullopt,
                                         /*dry_run=*/false, http::Language::kDutch),
            0);
  auto zwolle = Get("/api/v1/maps/municipalities/GM0193");
  ASSERT_EQ(zwolle.status, 200);
  const auto map = Body(zwolle);
  ASSERT_TRUE(map["objects"].contains("neighbourhoods"));
  EXPECT_EQ(map["objects"]["neighbourhoods"]["geometries"].size(), 32U) << "without the water";
  EXPECT_EQ(map["objects"]["districts"]["geometries"].size(), 16U);
  EXPECT_EQ(map["objects"]["municipality"]["geometries"][0]["properties"]["name"], "Zwolle");
  EXPECT_EQ(map["transform"]["scale"][0], 0.00001);
  // Other municipalities keep the built-in map.
  EXPECT_FALSE(
      Body(Get("/api/v1/maps/municipalities/GM0935"))["objects"].contains("neighbourhoods"));

  // The Sociale kaart offers the neighbourhoods by name, and the coverage has a row for each.
  auto areas = Body(Get("/api/v1/workspaces/zorg-west/areas?municipality_code=GM0193"))["items"];
  int neighbourhoods = 0;
  for (const auto& a : areas) {
    if (a["code"].get<std::string>().starts_with("BU")) {
      ++neighbourhoods;
      EXPECT_FALSE(a["name"].get<std::string>().empty());
      EXPECT_EQ(a["source"], "register");
    }
  }
  EXPECT_EQ(neighbourhoods, 32);
  auto coverage =
      Body(Get("/api/v1/workspaces/zorg-west/social-map/coverage?municipality_code=GM0193"));
  ASSERT_EQ(coverage["areas"].size(), 32U);
  EXPECT_TRUE(coverage["areas"][0]["code"].get<std::string>().starts_with("BU0193"));

  // A broken page is refused with its feature named, and nothing changes.
  files.Serve(service + "/collections/buurten/items?cursor=Dv4%7CNrc&f=json&limit=1000",
              {.body = R"({"type":"FeatureCollection","features":[{"type":"Feature",
                 "properties":{"buurtcode":"BU01939901","buurtnaam":"Nieuw"},
                 "geometry":{"type":"Polygon","coordinates":[[[2.3,48.8],[2.4,48.8],[2.3,48.9],[2.3,48.8]]]}}]})",
               .content_type = "application/geo+json"});
  EXPECT_EQ(app::ImportBoundariesCommand(server->runtime(), {}, base + service, std::nullopt, false,
                                         http::Language::kDutch),
            1);
  EXPECT_EQ(Get("/api/v1/maps/municipalities/GM0193").body, zwolle.body);
}

INSTANTIATE_TEST_SUITE_P(Backends, RegisterHttp,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace aantafel::testing

// Sociale kaart over HTTP against the real server, on SQLite and PostgreSQL: areas, services
// (JSON and an all-or-nothing CSV import), coverage, a consortium's offer, and the read-only
// link that never shows an unpublished service.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/test_server.hpp"

namespace aantafel::testing {
namespace {

using nlohmann::json;

json Body(const ClientResponse& r) { return json::parse(r.body, nullptr, false); }

class SocialMapHttp : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    AANTAFEL_SKIP_WITHOUT_BACKEND(GetParam());
    server = std::make_unique<TestServer>(GetParam());
    server->Start();
    client = std::make_unique<HttpClient>(server->port());
    server->AddUser("anna@zorg.nl", "Anna");
    server->AddUser("bram@welzijn.nl", "Bram");
    server->AddUser("vera@zorg.nl", "Vera");
    server->AddWorkspace("zorg-west", "anna@zorg.nl");
    server->AddWorkspace("welzijn-oost", "bram@welzijn.nl");
    server->AddMember("zorg-west", "vera@zorg.nl", "viewer");
    ASSERT_TRUE(
        server->runtime()
            .whoiswho()
            .UpsertMunicipality({.code = "GM0999", .name = "Denkstad", .province = "Fictief"})
            .ok());
    anna = LogIn(*client, "anna@zorg.nl");
    bram = LogIn(*client, "bram@welzijn.nl");
    vera = LogIn(*client, "vera@zorg.nl");
    auto areas = Raw("POST", "/areas", "text/csv",
                     "code;naam\r\nBU09990101;Centrum-Noord\r\nBU09990102;Centrum-Zuid\r\n"
                     "BU09990103;Haven\r\nBU09990201;Dorp\r\nBU09990202;Polder\r\n"
                     "BU09990203;Bos\r\n");
    ASSERT_EQ(areas.status, 200) << areas.body;
    for (const char* name : {"Zorg West", "Thuishulp Plus", "Buurtkracht"}) {
      auto r = Call("POST", "/organisations", {{"kind", "provider"}, {"name", name}});
      ASSERT_EQ(r.status, 201) << r.body;
      providers.push_back(Body(r)["id"].get<std::int64_t>());
    }
  }
  ClientResponse Call(const std::string& method, const std::string& path, const json& body = {},
                      const BrowserSession* who = nullptr, const std::string& ws = "zorg-west") {
    return Raw(method, path, "application/json", body.is_null() ? "" : body.dump(), who, ws);
  }
  ClientResponse Raw(const std::string& method, const std::string& path, const std::string& type,
                     const std::string& body, const BrowserSession* who = nullptr,
                     const std::string& ws = "zorg-west") {
    const BrowserSession& s = who ? *who : anna;
    return client->Request(method, "/api/v1/workspaces/" + ws + path,
                           {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}, {"Content-Type", type}},
                           body);
  }
  std::int64_t AddService(std::int64_t org, const std::string& name, const std::string& domain,
                          const json& areas, bool published) {
    auto r = Call("POST", "/services",
                  {{"organisation_id", org},
                   {"name", name},
                   {"domain", domain},
                   {"law", "wmo"},
                   {"areas", areas},
                   {"target_groups", {"ouderen"}},
                   {"contact", "Loket 0800-1234"},
                   {"waiting_weeks", 3},
                   {"published", published}});
    EXPECT_EQ(r.status, 201) << r.body;
    return Body(r)["id"].get<std::int64_t>();
  }
  std::unique_ptr<TestServer> server;
  std::unique_ptr<HttpClient> client;
  BrowserSession anna, bram, vera;
  std::vector<std::int64_t> providers;
};

TEST_P(SocialMapHttp, AConsortiumShowsItsPublishedOfferAndTheSharedLinkHidesTheRest) {
  AddService(providers[0], "Begeleiding thuis", "wmo_support", {"WK099901"}, true);
  AddService(providers[0], "Hulp bij het huishouden", "household_help", {"GM0999"}, true);
  AddService(providers[1], "Jongerenwerk", "youth_care", {"BU09990101", "BU09990202"}, true);
  AddService(providers[2], "Geheime proef", "daytime_activities", {"BU09990103"}, false);

  auto coverage = Body(Call("GET", "/social-map/coverage?municipality_code=GM0999"));
  ASSERT_EQ(coverage["areas"].size(), 6U);
  ASSERT_EQ(coverage["cells"].size(), 60U);
  EXPECT_EQ(coverage["gaps"], 60 - 3 - 6 - 2 - 1) << "the unpublished service counts internally";
  auto published =
      Body(Call("GET", "/social-map/coverage?municipality_code=GM0999&published=true"));
  EXPECT_EQ(published["gaps"], 60 - 3 - 6 - 2);
  EXPECT_EQ(Call("GET", "/social-map/coverage?municipality_code=GM0999&domain=x").status, 422);
  EXPECT_EQ(Call("GET", "/social-map/coverage").status, 422);

  auto r = Call("POST", "/consortia",
                {{"name", "Samen Denkstad"},
                 {"municipality_code", "GM0999"},
                 {"member_ids", providers},
                 {"contact_organisation_id", providers[0]},
                 {"contact", "Eén loket: 0800-0999"}});
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string consortium = "/consortia/" + std::to_string(Body(r)["id"].get<std::int64_t>());
  const json offer = Body(Call("GET", consortium + "/offer"));
  EXPECT_EQ(offer["services"].size(), 3U);
  EXPECT_EQ(offer.dump().find("Geheime proef"), std::string::npos);
  EXPECT_EQ(offer["gaps"].size(), 60U - 11U);
  EXPECT_EQ(offer["members"][0]["niche"].size() + offer["members"][1]["niche"].size() +
                offer["members"][2]["niche"].size(),
            11U);
  EXPECT_EQ(offer["contact"], "Eén loket: 0800-0999");

  // The read-only link for the municipality.
  r = Call("POST", consortium + "/share");
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string url = Body(r)["url"];
  const std::string link = url.substr(url.find("/c/"));
  auto page = client->Request("GET", link);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Samen Denkstad"), std::string::npos);
  EXPECT_NE(page.body.find("Jongerenwerk"), std::string::npos);
  EXPECT_EQ(page.body.find("Geheime proef"), std::string::npos);
  auto shared = client->Request("GET", link + "/social-map.json");
  ASSERT_EQ(shared.status, 200);
  EXPECT_EQ(shared.body.find("Geheime proef"), std::string::npos);
  EXPECT_EQ(shared.body.find("created_at"), std::string::npos);
  EXPECT_TRUE(Body(Call("GET", consortium))["shared"]);
  // Publishing later shows it; unpublishing hides it again.
  ASSERT_EQ(Call("DELETE", consortium + "/share").status, 204);
  EXPECT_EQ(client->Request("GET", link).status, 404);
  EXPECT_EQ(client->Request("GET", link + "/social-map.json").status, 404);
  EXPECT_FALSE(Body(Call("GET", consortium))["shared"]);
}

TEST_P(SocialMapHttp, ImportsAreAllOrNothingAndOtherWorkspacesAndViewersCannotTouch) {
  const std::string bad =
      "organisatie;naam;domein;wet;gebieden;gepubliceerd\r\n"
      "Zorg West;Dagbesteding De Linde;dagbesteding;wmo;BU09990101 BU09990102;ja\r\n"
      "Onbekend BV;Iets;welzijn;vrij toegankelijk;BU09990101;nee\r\n"
      "Buurtkracht;Schuldhulp;schuldhulp;;XX12;ja\r\n";
  auto r = Raw("POST", "/services/import", "text/csv", bad);
  ASSERT_EQ(r.status, 422) << r.body;
  const auto fields = Body(r)["error"]["fields"];
  EXPECT_TRUE(fields.contains("line 3.organisation")) << r.body;
  EXPECT_TRUE(fields.contains("line 4.areas[0]")) << r.body;
  EXPECT_TRUE(Body(Call("GET", "/services"))["items"].empty()) << "nothing was imported";
  const std::string good =
      "organisatie;naam;domein;wet;gebieden;gepubliceerd;wachttijd_weken\r\n"
      "Zorg West;Dagbesteding De Linde;dagbesteding;wmo;BU09990101 BU09990102;ja;4\r\n"
      "buurtkracht;Schuldhulp;schuldhulp;vrij toegankelijk;GM0999;nee;\r\n";
  r = Raw("POST", "/services/import", "text/csv", good);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Body(r)["imported"], 2);
  const json services = Body(Call("GET", "/services?published=true"));
  ASSERT_EQ(services["items"].size(), 1U);
  EXPECT_EQ(services["items"][0]["domain"], "daytime_activities");
  EXPECT_EQ(services["items"][0]["waiting_weeks"], 4);
  auto csv = Call("GET", "/exports/services?format=csv");
  EXPECT_NE(csv.body.find("Dagbesteding De Linde"), std::string::npos);
  EXPECT_NE(csv.body.find("debt_help"), std::string::npos) << "by the import's names";
  EXPECT_EQ(Raw("POST", "/services/import", "application/json", "{}").status, 415);

  // Bad JSON input is named.
  r = Call("POST", "/services",
           {{"organisation_id", 999999},
            {"name", ""},
            {"domain", "zwemmen"},
            {"areas", {"BU1"}},
            {"waiting_weeks", -1}});
  ASSERT_EQ(r.status, 422);
  for (const char* f : {"organisation_id", "name", "domain", "areas[0]", "waiting_weeks"}) {
    EXPECT_TRUE(Body(r)["error"]["fields"].contains(f)) << f << " " << r.body;
  }
  EXPECT_EQ(Raw("POST", "/areas", "text/csv", "code;naam\r\nBU09980101;Elders\r\n").status, 422)
      << "an unknown municipality";

  const auto id =
      std::to_string(Body(Call("GET", "/services"))["items"][0]["id"].get<std::int64_t>());
  EXPECT_EQ(Call("DELETE", "/services/" + id, {}, &vera).status, 403);
  EXPECT_EQ(Call("GET", "/services/" + id, {}, &bram, "welzijn-oost").status, 404);
  EXPECT_EQ(Call("GET", "/services/" + id, {}, &bram).status, 404);
  EXPECT_TRUE(Body(Call("GET", "/services", {}, &bram, "welzijn-oost"))["items"].empty());
  EXPECT_TRUE(Body(Call("GET", "/areas", {}, &bram, "welzijn-oost"))["items"].empty());
  // Bram cannot list Anna's organisations as consortium members.
  r = Call("POST", "/consortia",
           {{"name", "Overname"}, {"municipality_code", "GM0999"}, {"member_ids", {providers[0]}}},
           &bram, "welzijn-oost");
  ASSERT_EQ(r.status, 422);
  EXPECT_TRUE(Body(r)["error"]["fields"].contains("member_ids[0]"));
}

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return testing::Name(info.param);
}
INSTANTIATE_TEST_SUITE_P(Backends, SocialMapHttp,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace aantafel::testing

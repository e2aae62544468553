// Wie is wie over HTTP against the real server, on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "support/test_server.hpp"

namespace aantafel::testing {
namespace {

using nlohmann::json;
using Headers = std::map<std::string, std::string>;

json Body(const ClientResponse& r) { return json::parse(r.body, nullptr, false); }

class WhoIsWhoHttp : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    AANTAFEL_SKIP_WITHOUT_BACKEND(GetParam());
    server = std::make_unique<TestServer>(GetParam());
    server->Start();
    client = std::make_unique<HttpClient>(server->port());
    server->AddUser("anna@zorg.nl", "Anna");
    server->AddUser("bram@welzijn.nl", "Bram");
    server->AddWorkspace("zorg-west", "anna@zorg.nl");
    server->AddWorkspace("welzijn-oost", "bram@welzijn.nl");
    ASSERT_TRUE(
        server->runtime()
            .whoiswho()
            .UpsertMunicipality({.code = "GM0999", .name = "Denkstad", .province = "Fictief"})
            .ok());
    anna = LogIn(*client, "anna@zorg.nl");
  }
  Headers Auth(const BrowserSession& s) {
    return {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}, {"Content-Type", "application/json"}};
  }
  ClientResponse Post(const std::string& path, const json& body,
                      const BrowserSession* who = nullptr) {
    return client->Request("POST", "/api/v1/workspaces/zorg-west" + path, Auth(who ? *who : anna),
                           body.dump());
  }
  ClientResponse Get(const std::string& path, const BrowserSession* who = nullptr) {
    return client->Request("GET", "/api/v1/workspaces/zorg-west" + path, Auth(who ? *who : anna));
  }
  std::int64_t Create(const std::string& path, const json& body) {
    auto r = Post(path, body);
    EXPECT_EQ(r.status, 201) << path << " " << r.body;
    return Body(r)["id"].get<std::int64_t>();
  }

  std::unique_ptr<TestServer> server;
  std::unique_ptr<HttpClient> client;
  BrowserSession anna;
};

TEST_P(WhoIsWhoHttp, BuildsTheFieldOfForcesOfAMunicipality) {
  auto search = Body(client->Request("GET", "/api/v1/municipalities?q=denk", Auth(anna)));
  ASSERT_EQ(search["items"].size(), 1U);
  EXPECT_EQ(search["items"][0]["code"], "GM0999");

  const auto gemeente =
      Create("/organisations", {{"kind", "municipality"}, {"municipality_code", "GM0999"}});
  EXPECT_EQ(Body(Get("/organisations"))["items"][0]["name"], "Denkstad");

  const auto wethouder = Create("/people", {{"name", "Els Wethouder"},
                                            {"phone", "06-11112222"},
                                            {"notes", "Houdt van korte notities."},
                                            {"fictional", true}});
  const auto raadslid = Create("/people", {{"name", "Rik Raadslid"}});
  const auto adviseur = Create("/people", {{"name", "Bo Beleid"}});
  Create("/people/" + std::to_string(wethouder) + "/positions", {{"organisation_id", gemeente},
                                                                 {"kind", "alderman"},
                                                                 {"portfolios", {"Wmo", "Jeugd"}},
                                                                 {"party", "Lokaal Belang"},
                                                                 {"started_on", "2022-06-01"}});
  Create("/people/" + std::to_string(raadslid) + "/positions", {{"organisation_id", gemeente},
                                                                {"kind", "council_member"},
                                                                {"party", "Groen Links Midden"},
                                                                {"committees", {"Sociaal domein"}},
                                                                {"started_on", "2022-03-30"}});
  Create("/people/" + std::to_string(adviseur) + "/positions", {{"organisation_id", gemeente},
                                                                {"kind", "policy_adviser"},
                                                                {"domains", {"Wmo", "Schuldhulp"}},
                                                                {"started_on", "2019-01-01"}});
  auto assessed =
      Post("/people/" + std::to_string(wethouder) + "/assessments",
           {{"power", 5}, {"interest", 4}, {"attitude", 1}, {"note", "Positief over wijkteams"}});
  ASSERT_EQ(assessed.status, 201) << assessed.body;
  EXPECT_EQ(Body(assessed)["quadrant"], "manage_closely");
  EXPECT_EQ(Body(assessed)["assessed_on"],
            "2026-11-18");  // today in Amsterdam, from the fake clock
  Post("/people/" + std::to_string(adviseur) + "/assessments",
       {{"power", 2}, {"interest", 5}, {"attitude", 2}});

  auto all = Body(Get("/people?organisation_id=" + std::to_string(gemeente)))["items"];
  ASSERT_EQ(all.size(), 3U);
  EXPECT_EQ(all[0]["name"], "Bo Beleid");  // by name
  EXPECT_EQ(all[0]["quadrant"], "keep_informed");
  EXPECT_EQ(all[0].count("notes"), 0U) << "lists carry public-role data only";
  EXPECT_EQ(Body(Get("/people?kind=alderman"))["items"][0]["current_positions"][0]["portfolios"][1],
            "Jeugd");
  EXPECT_EQ(Body(Get("/people?domain=schuldhulp"))["items"].size(), 1U);
  EXPECT_EQ(Body(Get("/people?party=lokaal%20belang"))["items"].size(), 1U);
  EXPECT_EQ(Body(Get("/people?quadrant=manage_closely"))["items"][0]["name"], "Els Wethouder");
  EXPECT_EQ(Body(Get("/people?q=rik"))["items"].size(), 1U);

  auto dossier = Body(Get("/people/" + std::to_string(wethouder)));
  EXPECT_EQ(dossier["person"]["phone"], "06-11112222");
  EXPECT_EQ(dossier["person"]["fictional"], true);
  EXPECT_EQ(dossier["positions"][0]["current"], true);
  EXPECT_EQ(dossier["assessments"][0]["note"], "Positief over wijkteams");
}

TEST_P(WhoIsWhoHttp, AnElectionEndsTheOldTermAndListsNewPeopleAsNotMet) {
  const auto gemeente =
      Create("/organisations", {{"kind", "municipality"}, {"municipality_code", "GM0999"}});
  const auto oud = Create("/people", {{"name", "Oud Raadslid"}});
  const auto nieuw = Create("/people", {{"name", "Nieuw Raadslid"}});
  const auto burgemeester = Create("/people", {{"name", "Burgemeester"}});
  const auto old_seat = Create(
      "/people/" + std::to_string(oud) + "/positions",
      {{"organisation_id", gemeente}, {"kind", "council_member"}, {"started_on", "2022-03-30"}});
  Create("/people/" + std::to_string(nieuw) + "/positions",
         {{"organisation_id", gemeente}, {"kind", "council_member"}, {"started_on", "2026-04-02"}});
  const auto mayor =
      Create("/people/" + std::to_string(burgemeester) + "/positions",
             {{"organisation_id", gemeente}, {"kind", "mayor"}, {"started_on", "2020-01-01"}});

  auto r = Post("/organisations/" + std::to_string(gemeente) + "/elections",
                {{"installation_date", "2026-04-02"}});
  ASSERT_EQ(r.status, 200) << r.body;
  auto result = Body(r);
  ASSERT_EQ(result["ended"].size(), 1U);
  EXPECT_EQ(result["ended"][0]["position_id"], old_seat);
  EXPECT_EQ(result["ended"][0]["ended_on"], "2026-04-01");
  ASSERT_EQ(result["not_yet_met"].size(), 1U);
  EXPECT_EQ(result["not_yet_met"][0]["name"], "Nieuw Raadslid");

  auto old_dossier = Body(Get("/people/" + std::to_string(oud)));
  EXPECT_EQ(old_dossier["positions"][0]["ended_on"], "2026-04-01");
  EXPECT_EQ(old_dossier["positions"][0]["current"], false);
  EXPECT_EQ(Body(Get("/people/" + std::to_string(burgemeester)))["positions"][0]["id"], mayor);
  EXPECT_EQ(Body(Get("/people/" + std::to_string(burgemeester)))["positions"][0]["ended_on"],
            nullptr);
}

TEST_P(WhoIsWhoHttp, InputIsValidatedFieldByField) {
  const auto gemeente =
      Create("/organisations", {{"kind", "municipality"}, {"municipality_code", "GM0999"}});
  const auto person = Create("/people", {{"name", "P"}});
  // Content problems are all reported at once …
  auto bad_position = Post("/people/" + std::to_string(person) + "/positions",
                           {{"organisation_id", gemeente + 1000},
                            {"kind", "koning"},
                            {"started_on", "2026-02-30"},
                            {"ended_on", "gisteren"}});
  EXPECT_EQ(bad_position.status, 422);
  auto fields = Body(bad_position)["error"]["fields"];
  for (const char* f : {"organisation_id", "kind", "started_on", "ended_on"}) {
    EXPECT_EQ(fields.count(f), 1U) << f << " in " << bad_position.body;
  }
  // … after the body has the right shape (types first).
  auto wrong_type =
      Post("/people/" + std::to_string(person) + "/positions", {{"organisation_id", gemeente},
                                                                {"kind", "alderman"},
                                                                {"started_on", "2026-01-01"},
                                                                {"portfolios", {1, 2}}});
  EXPECT_EQ(wrong_type.status, 422);
  EXPECT_EQ(Body(wrong_type)["error"]["fields"].count("portfolios"), 1U);
  auto ends_before_start =
      Post("/people/" + std::to_string(person) + "/positions", {{"organisation_id", gemeente},
                                                                {"kind", "alderman"},
                                                                {"started_on", "2026-01-02"},
                                                                {"ended_on", "2026-01-01"}});
  EXPECT_EQ(Body(ends_before_start)["error"]["fields"].count("ended_on"), 1U);
  auto bad_scores = Post("/people/" + std::to_string(person) + "/assessments",
                         {{"power", 9}, {"interest", 0}, {"attitude", -3}});
  EXPECT_EQ(Body(bad_scores)["error"]["fields"].size(), 3U);
  EXPECT_EQ(Post("/people", {{"name", "X"}, {"email", "geen-email"}}).status, 422);
  EXPECT_EQ(
      Post("/organisations", {{"kind", "municipality"}, {"municipality_code", "GM1234"}}).status,
      422);
  EXPECT_EQ(
      Post("/organisations", {{"kind", "municipality"}, {"municipality_code", "GM0999"}}).status,
      409);
  EXPECT_EQ(Get("/people?organisation_id=abc").status, 422);
  EXPECT_EQ(Get("/people?quadrant=everywhere").status, 422);
  EXPECT_EQ(Get("/people/999999").status, 404);
}

TEST_P(WhoIsWhoHttp, OtherWorkspacesCannotSeeOrTouchPeople) {
  const auto person = Create("/people", {{"name", "Geheim"}, {"notes", "alleen voor zorg-west"}});
  auto bram = LogIn(*client, "bram@welzijn.nl");
  const std::string own = "/api/v1/workspaces/welzijn-oost/people/" + std::to_string(person);
  const std::string theirs = "/api/v1/workspaces/zorg-west/people/" + std::to_string(person);
  // Through Bram's own workspace the id does not exist; Anna's workspace is invisible to him.
  EXPECT_EQ(client->Request("GET", own, Auth(bram)).status, 404);
  EXPECT_EQ(client->Request("GET", own + "/export", Auth(bram)).status, 404);
  EXPECT_EQ(client->Request("DELETE", own, Auth(bram)).status, 404);
  EXPECT_EQ(client->Request("PATCH", own, Auth(bram), R"({"name":"Overschreven"})").status, 404);
  EXPECT_EQ(client
                ->Request("POST", own + "/assessments", Auth(bram),
                          R"({"power":1,"interest":1,"attitude":0})")
                .status,
            404);
  EXPECT_EQ(client->Request("GET", theirs, Auth(bram)).status, 404);
  EXPECT_EQ(
      Body(client->Request("GET", "/api/v1/workspaces/welzijn-oost/people", Auth(bram)))["items"]
          .size(),
      0U);
  EXPECT_EQ(Body(Get("/people/" + std::to_string(person)))["person"]["name"], "Geheim");
}

TEST_P(WhoIsWhoHttp, ViewersReadButCannotChangePeople) {
  const auto person = Create("/people", {{"name", "P"}});
  server->AddMember("zorg-west", "bram@welzijn.nl", "viewer");
  auto bram = LogIn(*client, "bram@welzijn.nl");
  EXPECT_EQ(Get("/people/" + std::to_string(person), &bram).status, 200);
  EXPECT_EQ(Post("/people", {{"name", "Nee"}}, &bram).status, 403);
  EXPECT_EQ(client
                ->Request("POST", "/api/v1/workspaces/zorg-west/imports/people_csv?dry_run=true",
                          {{"Cookie", bram.cookie}, {"X-CSRF-Token", bram.csrf}}, "naam\nIemand\n")
                .status,
            403);
  EXPECT_EQ(Get("/exports/people?format=csv", &bram).status, 200) << "viewers may export";
  EXPECT_EQ(client
                ->Request("DELETE", "/api/v1/workspaces/zorg-west/people/" + std::to_string(person),
                          Auth(bram))
                .status,
            403);
}

TEST_P(WhoIsWhoHttp, APersonCanBeExportedUpdatedAndErased) {
  const auto person = Create("/people", {{"name", "Inzage Verzoek"}, {"email", "iv@gemeente.nl"}});
  auto exported = Get("/people/" + std::to_string(person) + "/export");
  EXPECT_EQ(exported.status, 200);
  EXPECT_NE(exported.Header("Content-Disposition").find("attachment"), std::string::npos);
  EXPECT_EQ(Body(exported)["person"]["email"], "iv@gemeente.nl");
  EXPECT_EQ(Body(exported)["workspace"], "zorg-west");

  auto patched =
      client->Request("PATCH", "/api/v1/workspaces/zorg-west/people/" + std::to_string(person),
                      Auth(anna), R"({"email":"","notes":"Nieuwe notitie"})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(Body(patched)["email"], nullptr);
  EXPECT_EQ(Body(patched)["name"], "Inzage Verzoek") << "absent fields keep their value";

  EXPECT_EQ(client
                ->Request("DELETE", "/api/v1/workspaces/zorg-west/people/" + std::to_string(person),
                          Auth(anna))
                .status,
            204);
  EXPECT_EQ(Get("/people/" + std::to_string(person)).status, 404);
  auto audit = server->runtime().database().Acquire()->QueryOne(
      "SELECT action, subject FROM audit_log WHERE action = 'person.erased'", {});
  ASSERT_TRUE(audit);
  EXPECT_EQ(audit->Text(0), "person.erased");
  EXPECT_EQ(audit->Text(1), "person:" + std::to_string(person));
}

/// A CSV of people for the import tests: a wethouder, a raadslid, a beleidsadviseur.
constexpr std::string_view kPeopleCsv =
    "\xEF\xBB\xBFnaam;gemeente;functie;partij;portefeuilles;domeinen;begindatum;telefoon\n"
    "Ella Import;GM0999;wethouder;Lokaal Belang;Zorg|Jeugd;;1-6-2022;06-1234 5678\n"
    "Rob Import;Denkstad;raadslid;Stadsbelang;;;2022-03-30;\n"
    "Bas Import;gm0999;beleidsadviseur;;;Wmo;2021-01-01;\n";

TEST_P(WhoIsWhoHttp, ImportsACsvWithADryRunAndIsIdempotent) {
  auto import = [&](std::string_view body, const std::string& query) {
    return client->Request(
        "POST", "/api/v1/workspaces/zorg-west/imports/people_csv" + query,
        {{"Cookie", anna.cookie}, {"X-CSRF-Token", anna.csrf}, {"Content-Type", "text/csv"}},
        std::string(body));
  };
  auto dry = import(kPeopleCsv, "?dry_run=true");
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(Body(dry)["applied"], false);
  EXPECT_EQ(Body(dry)["people_added"], 3);
  EXPECT_EQ(Body(dry)["organisations_added"], 1);
  EXPECT_EQ(Body(Get("/people"))["items"].size(), 0U) << "a dry run writes nothing";

  auto first = import(kPeopleCsv, "");
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(Body(first)["applied"], true);
  EXPECT_EQ(Body(first)["positions_added"], 3);
  auto people = Body(Get("/people?kind=alderman"))["items"];
  ASSERT_EQ(people.size(), 1U);
  EXPECT_EQ(people[0]["current_positions"][0]["started_on"], "2022-06-01");
  EXPECT_EQ(people[0]["current_positions"][0]["portfolios"], json({"Zorg", "Jeugd"}));

  // A note typed in aantafel survives a second import, which changes nothing.
  const auto ella = people[0]["id"].get<std::int64_t>();
  ASSERT_EQ(client
                ->Request("PATCH", "/api/v1/workspaces/zorg-west/people/" + std::to_string(ella),
                          Auth(anna), R"({"notes":"Eigen notitie"})")
                .status,
            200);
  auto second = Body(import(kPeopleCsv, ""));
  EXPECT_EQ(second["people_added"], 0);
  EXPECT_EQ(second["people_matched"], 3);
  EXPECT_EQ(second["positions_added"], 0);
  EXPECT_EQ(second["positions_unchanged"], 3);
  EXPECT_EQ(Body(Get("/people"))["items"].size(), 3U);
  EXPECT_EQ(Body(Get("/people/" + std::to_string(ella)))["person"]["notes"], "Eigen notitie");
}

TEST_P(WhoIsWhoHttp, ARejectedImportNamesEveryBadRowAndChangesNothing) {
  const std::string bad =
      "naam;gemeente;functie;begindatum\n"
      "Goed Mens;GM0999;raadslid;2022-03-30\n"
      "Fout Mens;GM1234;raadslid;2022-03-30\n"
      "Nog Een;GM0999;koning;2022-03-30\n"
      "Datum Fout;GM0999;raadslid;31-02-2022\n"
      "Goed Mens;GM0999;raadslid;2022-03-30\n";
  auto headers = Headers{{"Cookie", anna.cookie}, {"X-CSRF-Token", anna.csrf}};
  auto r = client->Request("POST", "/api/v1/workspaces/zorg-west/imports/people_csv", headers, bad);
  ASSERT_EQ(r.status, 422) << r.body;
  auto body = Body(r);
  EXPECT_EQ(body["error"]["code"], "import_rejected");
  auto rejected = body["report"]["rejected"];
  ASSERT_EQ(rejected.size(), 4U) << rejected.dump();
  EXPECT_EQ(rejected[0]["line"], 3);
  EXPECT_EQ(rejected[0]["field"], "municipality");
  EXPECT_EQ(rejected[1]["line"], 4);
  EXPECT_EQ(rejected[1]["field"], "kind");
  EXPECT_EQ(rejected[2]["field"], "started_on");
  EXPECT_EQ(rejected[3]["code"], "duplicate");
  EXPECT_EQ(Body(Get("/people"))["items"].size(), 0U);
  EXPECT_EQ(Body(Get("/organisations"))["items"].size(), 0U);

  // Wrong columns, a file that is not UTF-8, broken XML: refused as a whole, nothing written.
  auto wrong = client->Request("POST", "/api/v1/workspaces/zorg-west/imports/people_csv", headers,
                               "naam;schoenmaat\nA;44\n");
  EXPECT_EQ(Body(wrong)["report"]["rejected"][0]["field"], "schoenmaat");
  auto latin1 = client->Request("POST", "/api/v1/workspaces/zorg-west/imports/people_csv", headers,
                                "naam\nJos\xE9\n");
  EXPECT_EQ(Body(latin1)["report"]["rejected"][0]["code"], "invalid_utf8");
  EXPECT_EQ(Body(latin1)["report"]["rejected"][0]["line"], 2);
  auto xml = client->Request("POST", "/api/v1/workspaces/zorg-west/imports/almanak", headers,
                             "<gemeenten><gemeente><naam>Denkstad</naam>");
  EXPECT_EQ(xml.status, 422);
  EXPECT_EQ(Body(xml)["report"]["rejected"][0]["code"], "unreadable");
  EXPECT_EQ(Body(Get("/people"))["items"].size(), 0U);
  EXPECT_EQ(
      client->Request("POST", "/api/v1/workspaces/zorg-west/imports/excel", headers, "x").status,
      422);
}

TEST_P(WhoIsWhoHttp, ImportsAnAlmanakExportWithSeatsAndFunctionaries) {
  const std::string xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<x:overheidsorganisaties xmlns:x="urn:any-version">
  <x:gemeenten><x:gemeente>
    <x:naam>Gemeente Denkstad</x:naam>
    <x:zetels><x:zetel><x:partij>Lokaal Belang</x:partij><x:aantal>7</x:aantal></x:zetel></x:zetels>
    <x:functies>
      <x:functie><x:naam>Wethouder</x:naam><x:medewerkers><x:medewerker>
        <x:naam>Wil Wethouder</x:naam><x:partijLidmaatschap>Lokaal Belang</x:partijLidmaatschap>
        <x:startDatum>2022-06-01T00:00:00</x:startDatum></x:medewerker></x:medewerkers></x:functie>
      <x:functie><x:naam>Voorzitter</x:naam><x:medewerkers><x:medewerker>
        <x:naam>Iemand</x:naam></x:medewerker></x:medewerkers></x:functie>
    </x:functies>
  </x:gemeente></x:gemeenten>
</x:overheidsorganisaties>)";
  auto r = client->Request("POST", "/api/v1/workspaces/zorg-west/imports/almanak",
                           {{"Cookie", anna.cookie}, {"X-CSRF-Token", anna.csrf}}, xml);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Body(r)["positions_skipped"], 1);
  EXPECT_EQ(Body(r)["seats_updated"], 1);
  const auto org = Body(Get("/organisations"))["items"][0]["id"].get<std::int64_t>();
  auto terms = Body(Get("/organisations/" + std::to_string(org) + "/terms"));
  EXPECT_EQ(terms["seats"], json::parse(R"([{"party":"Lokaal Belang","seats":7}])"));
  EXPECT_EQ(Body(Get("/people?party=lokaal%20belang"))["items"][0]["name"], "Wil Wethouder");
}

TEST_P(WhoIsWhoHttp, ImportsTheRealAlmanakExportWithTheMunicipalitysFacts) {
  std::ifstream in(std::string(AANTAFEL_SOURCE_DIR) +
                       "/tests/fixtures/almanak-real/exportOO_gemeenten_2.6.9.xml",
                   std::ios::binary);
  const std::string xml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_FALSE(xml.empty());
  const Headers headers{{"Cookie", anna.cookie}, {"X-CSRF-Token", anna.csrf}};
  auto dry = client->Request("POST", "/api/v1/workspaces/zorg-west/imports/almanak?dry_run=true",
                             headers, xml);
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(Body(dry)["facts_updated"], 2);
  EXPECT_EQ(Body(Get("/organisations"))["items"].size(), 0U);
  auto r = client->Request("POST", "/api/v1/workspaces/zorg-west/imports/almanak", headers, xml);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Body(r)["facts_updated"], 2);
  json zwolle;
  const json organisations = Body(Get("/organisations"));
  for (const auto& o : organisations["items"]) {
    if (o["municipality_code"] == "GM0193") zwolle = o;
  }
  ASSERT_TRUE(zwolle.is_object());
  EXPECT_EQ(zwolle["facts"]["inhabitants"], 130000);
  EXPECT_EQ(zwolle["facts"]["total_seats"], 5);
  EXPECT_EQ(zwolle["facts"]["website"], "https://www.voorbeeld-zwolle.invalid");
  // The same file again changes nothing.
  auto again =
      client->Request("POST", "/api/v1/workspaces/zorg-west/imports/almanak", headers, xml);
  EXPECT_EQ(Body(again)["facts_updated"], 0);
  EXPECT_EQ(Body(again)["seats_updated"], 0);
  EXPECT_EQ(Body(again)["positions_added"], 0);
  // A file with one bad value is refused whole and reports no changes at all.
  std::string bad = xml;
  bad.replace(bad.find("https://www.voorbeeld-zwolle.invalid<"), 37, "javascript:alert(1)<");
  bad.replace(bad.find("<p:aantalInwoners>130000"), 24, "<p:aantalInwoners>140000");
  auto refused =
      client->Request("POST", "/api/v1/workspaces/zorg-west/imports/almanak", headers, bad);
  ASSERT_EQ(refused.status, 422) << refused.body;
  auto report = Body(refused)["report"];
  EXPECT_EQ(report["facts_updated"], 0);
  EXPECT_EQ(report["people_added"], 0);
  EXPECT_EQ(report["applied"], false);
  EXPECT_EQ(report["rejected"][0]["field"], "website");
  const json after = Body(Get("/organisations"));
  for (const auto& o : after["items"]) {
    if (o["municipality_code"] == "GM0193") {
      EXPECT_EQ(o["facts"]["inhabitants"], 130000);
    }
  }
}

TEST_P(WhoIsWhoHttp, ExportsCsvAndXlsxOfCurrentPositions) {
  auto headers = Headers{{"Cookie", anna.cookie}, {"X-CSRF-Token", anna.csrf}};
  ASSERT_EQ(client
                ->Request("POST", "/api/v1/workspaces/zorg-west/imports/people_csv", headers,
                          std::string(kPeopleCsv))
                .status,
            200);
  auto csv = Get("/exports/people?format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_TRUE(csv.Header("Content-Type").starts_with("text/csv"));
  EXPECT_NE(csv.Header("Content-Disposition").find("attachment"), std::string::npos);
  EXPECT_TRUE(csv.body.starts_with("\xEF\xBB\xBFOrganisatie;CBS-code;Naam;Functie"));
  EXPECT_NE(csv.body.find("Denkstad;GM0999;Ella Import;Wethouder;;Lokaal Belang;Zorg | Jeugd"),
            std::string::npos)
      << csv.body;
  EXPECT_NE(csv.body.find("06-1234 5678"), std::string::npos);

  // The export reads back in as an import that changes nothing.
  auto again =
      client->Request("POST", "/api/v1/workspaces/zorg-west/imports/people_csv", headers, csv.body);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(Body(again)["positions_unchanged"], 3);

  auto xlsx = Get("/exports/people?format=xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_TRUE(xlsx.body.starts_with("PK")) << "an XLSX file is a zip archive";
  EXPECT_GT(xlsx.body.size(), 2000U);
  EXPECT_EQ(Get("/exports/people?format=pdf").status, 422);
  EXPECT_EQ(Get("/exports/people").status, 422);

  // Another workspace's export holds none of it.
  auto bram = LogIn(*client, "bram@welzijn.nl");
  auto theirs = client->Request("GET", "/api/v1/workspaces/welzijn-oost/exports/people?format=csv",
                                Auth(bram));
  EXPECT_EQ(theirs.body.find("Import"), std::string::npos);
  EXPECT_EQ(
      client->Request("GET", "/api/v1/workspaces/zorg-west/exports/people?format=csv", Auth(bram))
          .status,
      404);
}

TEST_P(WhoIsWhoHttp, PeopleComeInPagesAndElectionsRecordSeats) {
  const auto gemeente =
      Create("/organisations", {{"kind", "municipality"}, {"municipality_code", "GM0999"}});
  for (int i = 0; i < 5; ++i) Create("/people", {{"name", "Persoon " + std::to_string(i)}});
  auto page = Body(Get("/people?limit=2&offset=2"));
  ASSERT_EQ(page["items"].size(), 2U);
  EXPECT_EQ(page["items"][0]["name"], "Persoon 2");
  EXPECT_EQ(page["has_more"], true);
  EXPECT_EQ(Body(Get("/people?limit=2&offset=4"))["has_more"], false);
  EXPECT_EQ(Get("/people?limit=0").status, 422);
  EXPECT_EQ(Get("/people?limit=501").status, 422);
  EXPECT_EQ(Get("/people?offset=-1").status, 422);

  const std::string elections = "/organisations/" + std::to_string(gemeente) + "/elections";
  auto bad = Post(elections,
                  {{"installation_date", "2026-04-02"},
                   {"election_date", "2026-05-01"},
                   {"seats", {{{"party", "A"}, {"seats", 3}}, {{"party", "A"}, {"seats", 2}}}}});
  ASSERT_EQ(bad.status, 422);
  EXPECT_TRUE(Body(bad)["error"]["fields"].contains("election_date"));
  EXPECT_TRUE(Body(bad)["error"]["fields"].contains("seats[1].party"));
  auto unknown = Post(elections, {{"installation_date", "2026-04-02"},
                                  {"seats", {{{"party", "A"}, {"zetels", 3}}}}});
  EXPECT_EQ(unknown.status, 422);
  EXPECT_TRUE(Body(unknown)["error"]["fields"].contains("seats[0].zetels"));

  auto r = Post(elections, {{"installation_date", "2026-04-02"},
                            {"election_date", "2026-03-18"},
                            {"seats", {{{"party", "Lokaal Belang"}, {"seats", 9}}}}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Body(r)["term"]["election_date"], "2026-03-18");
  auto terms = Body(Get("/organisations/" + std::to_string(gemeente) + "/terms"));
  ASSERT_EQ(terms["items"].size(), 1U);
  EXPECT_EQ(terms["seats"][0]["seats"], 9);

  auto bram = LogIn(*client, "bram@welzijn.nl");
  EXPECT_EQ(client
                ->Request("GET",
                          "/api/v1/workspaces/welzijn-oost/organisations/" +
                              std::to_string(gemeente) + "/terms",
                          Auth(bram))
                .status,
            404);
  EXPECT_EQ(
      client
          ->Request("POST", "/api/v1/workspaces/welzijn-oost/imports/people_csv",
                    {{"Cookie", bram.cookie}, {"X-CSRF-Token", bram.csrf}}, std::string(kPeopleCsv))
          .status,
      200);
  EXPECT_EQ(Body(Get("/people"))["items"].size(), 5U) << "Bram's import stays in his workspace";
}

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) { return Name(info.param); }
INSTANTIATE_TEST_SUITE_P(Backends, WhoIsWhoHttp,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace aantafel::testing

// Contacten en afspraken over HTTP against the real server, on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/test_server.hpp"

namespace aantafel::testing {
namespace {

using nlohmann::json;
using Headers = std::map<std::string, std::string>;

json Body(const ClientResponse& r) { return json::parse(r.body, nullptr, false); }

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

class RelationsHttp : public ::testing::TestWithParam<Backend> {
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
    LogInAll();
    gemeente =
        Create("/organisations", {{"kind", "municipality"}, {"municipality_code", "GM0999"}});
    wethouder = Create("/people", {{"name", "Els Wethouder"}});
    adviseur1 = Create("/people", {{"name", "Bo Beleid"}});
    adviseur2 = Create("/people", {{"name", "Sam Sociaal"}});
    Create("/people/" + std::to_string(wethouder) + "/positions",
           {{"organisation_id", gemeente}, {"kind", "alderman"}, {"started_on", "2022-06-01"}});
    for (auto id : {adviseur1, adviseur2}) {
      Create("/people/" + std::to_string(id) + "/positions", {{"organisation_id", gemeente},
                                                              {"kind", "policy_adviser"},
                                                              {"started_on", "2020-01-01"}});
    }
    ASSERT_EQ(Post("/people/" + std::to_string(wethouder) + "/assessments",
                   {{"power", 5}, {"interest", 5}, {"attitude", 1}})
                  .status,
              201);
    anna_id = Body(client->Request("GET", "/api/v1/session", Auth(anna)))["user"]["id"]
                  .get<std::int64_t>();
  }
  void LogInAll() {
    anna = LogIn(*client, "anna@zorg.nl");
    bram = LogIn(*client, "bram@welzijn.nl");
    vera = LogIn(*client, "vera@zorg.nl");
  }
  Headers Auth(const BrowserSession& s) {
    return {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}, {"Content-Type", "application/json"}};
  }
  ClientResponse Call(const std::string& method, const std::string& path, const json& body = {},
                      const BrowserSession* who = nullptr, const std::string& ws = "zorg-west") {
    return client->Request(method, "/api/v1/workspaces/" + ws + path, Auth(who ? *who : anna),
                           body.is_null() ? "" : body.dump());
  }
  ClientResponse Post(const std::string& path, const json& body) {
    return Call("POST", path, body);
  }
  json Get(const std::string& path) { return Body(Call("GET", path)); }
  std::int64_t Create(const std::string& path, const json& body) {
    auto r = Post(path, body);
    EXPECT_EQ(r.status, 201) << path << " " << r.body;
    return Body(r)["id"].get<std::int64_t>();
  }

  std::unique_ptr<TestServer> server;
  std::unique_ptr<HttpClient> client;
  BrowserSession anna, bram, vera;
  std::int64_t gemeente = 0, wethouder = 0, adviseur1 = 0, adviseur2 = 0, anna_id = 0;
};

TEST_P(RelationsHttp, AWorkingVisitWithAnAgreementAndAFollowUpBecomesOverdueAndIsHealthChecked) {
  // Before any contact the alderman (manage closely) needs action.
  auto before = Get("/organisations/" + std::to_string(gemeente) + "/relationship-health");
  ASSERT_EQ(before["people"].size(), 3U);
  EXPECT_EQ(before["people"][0]["person"]["name"], "Els Wethouder");
  EXPECT_EQ(before["people"][0]["health"]["status"], "action");
  EXPECT_EQ(before["people"][0]["health"]["reasons"][0]["text"],
            "Nog geen contact vastgelegd; doel: elke 6 weken.");

  const std::string secret = "Vertrouwelijk: wethouder twijfelt over budget";
  auto visit = Post("/interactions", {{"occurred_at", "2026-11-17T14:00"},
                                      {"kind", "working_visit"},
                                      {"organisation_id", gemeente},
                                      {"subject", "Wijkbezoek Noord met de wethouder"},
                                      {"notes", secret},
                                      {"stance", "bring"},
                                      {"tags", {"wijkteam", "Wmo"}},
                                      {"person_ids", {wethouder, adviseur1, adviseur2}},
                                      {"staff_ids", {anna_id}}});
  ASSERT_EQ(visit.status, 201) << visit.body;
  const auto interaction = Body(visit);
  EXPECT_EQ(interaction["occurred_at"], "2026-11-17T13:00:00.000Z") << "Dutch time in, UTC out";
  EXPECT_EQ(interaction["person_ids"].size(), 3U);
  EXPECT_EQ(interaction["notes"], secret);
  const auto interaction_id = interaction["id"].get<std::int64_t>();

  auto agreement = Post("/agreements",
                        {{"title", "Samen valpreventie opzetten"},
                         {"organisation_ids", {gemeente}},
                         {"commitments",
                          {{{"organisation_id", nullptr}, {"text", "Wij leveren twee trainers"}},
                           {{"organisation_id", gemeente}, {"text", "Gemeente zorgt voor zaal"}}}},
                         {"due_on", "2026-11-25"},
                         {"status", "agreed"},
                         {"interaction_id", interaction_id}});
  ASSERT_EQ(agreement.status, 201) << agreement.body;
  const auto agreement_id = Body(agreement)["id"].get<std::int64_t>();
  EXPECT_EQ(Body(agreement)["commitments"].size(), 2U);
  auto follow_up = Post("/follow-ups", {{"title", "Verslag sturen aan de wethouder"},
                                        {"due_on", "2026-11-20"},
                                        {"interaction_id", interaction_id}});
  ASSERT_EQ(follow_up.status, 201) << follow_up.body;
  EXPECT_EQ(Body(follow_up)["owner_id"], anna_id);

  auto week = Get("/this-week");
  EXPECT_EQ(week["follow_ups"].size(), 1U);
  EXPECT_EQ(week["agreements"].size(), 1U);
  EXPECT_FALSE(week["follow_ups"][0]["overdue"].get<bool>());

  // Anna's own calendar feed carries her follow-up and agreement (RFC 5545 text).
  auto feed = Post("/calendar/feeds", {{"label", "Outlook"}});
  ASSERT_EQ(feed.status, 201) << feed.body;
  const std::string feed_path = Body(feed)["path"].get<std::string>();
  const std::string follow_uid =
      "follow-up-" + std::to_string(Body(follow_up)["id"].get<std::int64_t>());
  const std::string agreement_uid = "agreement-" + std::to_string(agreement_id);
  auto ics = client->Request("GET", feed_path);
  ASSERT_EQ(ics.status, 200);
  EXPECT_NE(ics.body.find("UID:" + follow_uid + "@aantafel"), std::string::npos) << ics.body;
  EXPECT_NE(ics.body.find("UID:" + agreement_uid + "@aantafel"), std::string::npos);
  EXPECT_NE(ics.body.find("DTSTART;VALUE=DATE:20261125"), std::string::npos);
  EXPECT_EQ(
      client
          ->Request("GET", Body(Call("POST", "/calendar/feeds", {{"label", "Vera"}}, &vera))["path"]
                               .get<std::string>())
          .body.find(follow_uid),
      std::string::npos)
      << "only the owner's reminders";

  // The notes are sealed in the database.
  if (GetParam() == Backend::kSqlite) {
    const std::string path =
        server->runtime().database().Acquire()->QueryOne("PRAGMA database_list")->Text(2);
    EXPECT_EQ(ReadFile(path).find("twijfelt"), std::string::npos);
    EXPECT_EQ(ReadFile(path + "-wal").find("twijfelt"), std::string::npos);
    EXPECT_NE(ReadFile(path + "-wal").find("Wijkbezoek Noord"), std::string::npos)
        << "the search can find planted text";
  }
  auto raw = server->runtime().database().Acquire()->QueryOne(
      "SELECT notes_sealed FROM interactions WHERE id = $1", {interaction_id});
  EXPECT_TRUE(raw->Text(0).starts_with("v1."));

  // Ten days later the follow-up and the agreement are overdue.
  server->clock().Advance(std::chrono::hours(24 * 10));
  LogInAll();
  week = Get("/this-week");
  ASSERT_EQ(week["follow_ups"].size(), 1U);
  EXPECT_TRUE(week["follow_ups"][0]["overdue"].get<bool>());
  EXPECT_TRUE(week["agreements"][0]["overdue"].get<bool>());
  auto health = Get("/organisations/" + std::to_string(gemeente) + "/relationship-health");
  EXPECT_EQ(health["health"]["status"], "action");
  EXPECT_EQ(health["health"]["reasons"][0]["code"], "agreements_overdue");
  EXPECT_EQ(health["health"]["reasons"][0]["text"], "1 afspraak is over de datum.");
  for (const auto& p : health["people"]) {
    EXPECT_EQ(p["health"]["status"], "good") << p.dump();
    EXPECT_EQ(p["health"]["reasons"][0]["code"], "contact_on_rhythm");
  }
  // A meeting set for next month is planned, not had: the last contact stays the visit.
  ASSERT_EQ(Post("/interactions", {{"occurred_at", "2027-01-12T10:00"},
                                   {"organisation_id", gemeente},
                                   {"subject", "Overleg kadernota"},
                                   {"person_ids", {wethouder}}})
                .status,
            201);
  health = Get("/organisations/" + std::to_string(gemeente) + "/relationship-health");
  EXPECT_EQ(health["health"]["last_contact"], "2026-11-17T13:00:00.000Z") << health.dump();
  for (const auto& p : health["people"]) {
    EXPECT_EQ(p["health"]["last_contact"], "2026-11-17T13:00:00.000Z") << p.dump();
    EXPECT_EQ(p["health"]["reasons"][0]["code"], "contact_on_rhythm");
  }
  auto english = Body(client->Request("GET",
                                      "/api/v1/workspaces/zorg-west/organisations/" +
                                          std::to_string(gemeente) + "/relationship-health",
                                      {{"Cookie", anna.cookie}, {"Accept-Language", "en"}}));
  EXPECT_EQ(english["health"]["reasons"][0]["text"], "1 agreement is past the due date.");

  // Fulfilled: out of the overdue list, with its history.
  auto done =
      Call("PATCH", "/agreements/" + std::to_string(agreement_id), {{"status", "fulfilled"}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(Body(done)["history"].size(), 2U);
  EXPECT_EQ(Body(done)["history"][1]["status"], "fulfilled");
  EXPECT_FALSE(Body(done)["overdue"].get<bool>());
  auto marked =
      Call("PATCH", "/follow-ups/" + std::to_string(Body(follow_up)["id"].get<std::int64_t>()),
           {{"done", true}});
  ASSERT_EQ(marked.status, 200);
  week = Get("/this-week");
  const std::string after = client->Request("GET", feed_path).body;
  EXPECT_EQ(after.find(follow_uid), std::string::npos) << "done follow-ups leave the feed";
  EXPECT_EQ(after.find(agreement_uid), std::string::npos);
  EXPECT_TRUE(week["follow_ups"].empty());
  EXPECT_TRUE(week["agreements"].empty());

  auto timeline = Get("/timeline?organisation_id=" + std::to_string(gemeente));
  std::vector<std::string> kinds;
  for (const auto& item : timeline["items"]) kinds.push_back(item["kind"].get<std::string>());
  // Newest first: the planned meeting of January, then what happened.
  EXPECT_EQ(kinds,
            (std::vector<std::string>{"interaction", "agreement_status", "agreement", "interaction",
                                      "position_started", "position_started", "position_started"}));
  auto person_line = Get("/timeline?person_id=" + std::to_string(wethouder));
  EXPECT_EQ(person_line["items"][0]["kind"], "interaction");
  EXPECT_TRUE(person_line["items"][0]["interaction"]["notes"].is_null()) << "no notes in timelines";
  EXPECT_EQ(Get("/interactions?person_id=" + std::to_string(adviseur2))["items"].size(), 1U);

  auto csv = Call("GET", "/exports/agreements?format=csv");
  EXPECT_NE(csv.body.find("Samen valpreventie opzetten"), std::string::npos);
  EXPECT_EQ(Call("GET", "/exports/interactions?format=xlsx").body.substr(0, 2), "PK");
}

TEST_P(RelationsHttp, ExportsReadAsPeopleSpeakNamesWordsAndDutchLocalTime) {
  // Ten past midnight on 1 July, Dutch summer time: 22:10 UTC the day before.
  ASSERT_EQ(Post("/interactions", {{"occurred_at", "2026-07-01T00:10"},
                                   {"kind", "meeting"},
                                   {"organisation_id", gemeente},
                                   {"subject", "Overleg over de kadernota"},
                                   {"stance", "bring"},
                                   {"person_ids", {wethouder, adviseur1}}})
                .status,
            201);
  ASSERT_EQ(
      Post("/agreements", {{"title", "Zaal voor de training"},
                           {"organisation_ids", {gemeente}},
                           {"commitments",
                            {{{"organisation_id", gemeente}, {"text", "Gemeente zorgt voor zaal"}},
                             {{"organisation_id", nullptr}, {"text", "Wij leveren trainers"}}}},
                           {"status", "in_progress"}})
          .status,
      201);
  std::string organisation;
  const json organisations = Get("/organisations");
  for (const auto& o : organisations["items"]) {
    if (o["id"] == gemeente) organisation = o["name"].get<std::string>();
  }
  ASSERT_FALSE(organisation.empty()) << organisations.dump();

  auto contacts = Call("GET", "/exports/interactions?format=csv");
  ASSERT_EQ(contacts.status, 200);
  EXPECT_EQ(contacts.Header("Cache-Control"), "no-store");
  EXPECT_NE(contacts.Header("Content-Disposition").find("contacten-zorg-west.csv"),
            std::string::npos);
  const std::string& csv = contacts.body;
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF") << "BOM for Dutch Excel";
  EXPECT_NE(csv.find("Datum en tijd;Soort;Organisatie;Onderwerp;Brengen of vragen;Labels;Personen"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("2026-07-01 00:10;Overleg;" + organisation +
                     ";Overleg over de kadernota;Brengen;;Els Wethouder | Bo Beleid"),
            std::string::npos)
      << csv;
  EXPECT_EQ(csv.find("meeting"), std::string::npos) << "no codes";
  EXPECT_EQ(csv.find("22:10"), std::string::npos) << "no UTC";

  auto agreements = Call("GET", "/exports/agreements?format=csv").body;
  EXPECT_NE(agreements.find("Zaal voor de training;Bezig;;;" + organisation +
                            ": Gemeente zorgt voor zaal | Wij: Wij leveren trainers"),
            std::string::npos)
      << agreements;

  auto headers = Auth(anna);
  headers["Accept-Language"] = "en";
  auto english =
      client
          ->Request("GET", "/api/v1/workspaces/zorg-west/exports/interactions?format=csv", headers)
          .body;
  EXPECT_NE(english.find("2026-07-01 00:10;Meeting;" + organisation), std::string::npos) << english;
  EXPECT_EQ(Call("GET", "/exports/agreements?format=pdf").status, 422);
}

TEST_P(RelationsHttp, ADayFilterRunsFromDutchMidnightToDutchMidnight) {
  // Late on the 17th, just after midnight on the 18th and on the 19th (Dutch winter time).
  for (const char* at : {"2026-11-17T23:30", "2026-11-18T00:30", "2026-11-19T00:30"}) {
    ASSERT_EQ(
        Post("/interactions", {{"occurred_at", at}, {"kind", "phone"}, {"subject", at}}).status,
        201);
  }
  const json day = Get("/interactions?from=2026-11-18&to=2026-11-18");
  ASSERT_EQ(day["items"].size(), 1U) << day.dump();
  EXPECT_EQ(day["items"][0]["subject"], "2026-11-18T00:30");
}

TEST_P(RelationsHttp, BadInputIsNamedAndOtherWorkspacesSeeNothing) {
  auto bad = Post("/interactions", {{"occurred_at", "gisteren"},
                                    {"kind", "borrel"},
                                    {"subject", ""},
                                    {"stance", "take"},
                                    {"person_ids", {999999}},
                                    {"staff_ids", {999999}}});
  ASSERT_EQ(bad.status, 422);
  for (const char* f :
       {"occurred_at", "kind", "subject", "stance", "person_ids[0]", "staff_ids[0]"}) {
    EXPECT_TRUE(Body(bad)["error"]["fields"].contains(f)) << f << " " << bad.body;
  }
  auto commitment =
      Post("/agreements",
           {{"title", "X"}, {"commitments", {{{"organisation_id", gemeente}, {"text", "iets"}}}}});
  ASSERT_EQ(commitment.status, 422) << "a commitment must come from a party";
  EXPECT_TRUE(Body(commitment)["error"]["fields"].contains("commitments[0].organisation_id"));
  EXPECT_EQ(Post("/follow-ups", {{"title", "x"}, {"due_on", "2026-02-30"}}).status, 422);
  EXPECT_EQ(Post("/agreements", {{"title", "x"}, {"status", "maybe"}}).status, 422);

  const auto id = Create("/interactions", {{"occurred_at", "2026-11-10T09:30:00Z"},
                                           {"subject", "Telefoon met beleid"},
                                           {"kind", "phone"},
                                           {"person_ids", {adviseur1}}});
  const auto agreement = Create("/agreements", {{"title", "Afspraak"}});
  const auto follow = Create("/follow-ups", {{"title", "Bellen"}, {"due_on", "2026-12-01"}});
  // Bram's workspace cannot see, change or link any of it.
  const std::string other = "welzijn-oost";
  EXPECT_EQ(Call("GET", "/interactions/" + std::to_string(id), {}, &bram, other).status, 404);
  EXPECT_EQ(
      Call("PATCH", "/interactions/" + std::to_string(id), {{"subject", "x"}}, &bram, other).status,
      404);
  EXPECT_EQ(Call("DELETE", "/agreements/" + std::to_string(agreement), {}, &bram, other).status,
            404);
  EXPECT_EQ(
      Call("PATCH", "/follow-ups/" + std::to_string(follow), {{"done", true}}, &bram, other).status,
      404);
  EXPECT_TRUE(Body(Call("GET", "/interactions", {}, &bram, other))["items"].empty());
  EXPECT_TRUE(Body(Call("GET", "/agreements", {}, &bram, other))["items"].empty());
  EXPECT_EQ(Call("GET", "/organisations/" + std::to_string(gemeente) + "/relationship-health", {},
                 &bram, other)
                .status,
            404);
  auto foreign = Call("POST", "/interactions",
                      {{"occurred_at", "2026-11-10T09:30"},
                       {"subject", "x"},
                       {"person_ids", {wethouder}},
                       {"organisation_id", gemeente}},
                      &bram, other);
  ASSERT_EQ(foreign.status, 422);
  EXPECT_TRUE(Body(foreign)["error"]["fields"].contains("person_ids[0]"));
  EXPECT_TRUE(Body(foreign)["error"]["fields"].contains("organisation_id"));
  EXPECT_EQ(Call("GET", "/interactions/" + std::to_string(id), {}, &bram).status, 404)
      << "not a member of zorg-west";
  // Plain-key links (plan, source interaction) are checked per workspace too.
  auto their_plan =
      Call("POST", "/plans", {{"title", "Hun plan"}, {"budget_year", 2028}}, &bram, other);
  ASSERT_EQ(their_plan.status, 201) << their_plan.body;
  auto cross_plan = Post(
      "/interactions",
      {{"occurred_at", "2026-11-10T09:30"}, {"subject", "x"}, {"plan_id", Body(their_plan)["id"]}});
  ASSERT_EQ(cross_plan.status, 422);
  EXPECT_TRUE(Body(cross_plan)["error"]["fields"].contains("plan_id"));
  const auto their_interaction =
      Body(Call("POST", "/interactions", {{"occurred_at", "2026-11-10T09:30"}, {"subject", "x"}},
                &bram, other))["id"];
  auto cross_source = Post("/agreements", {{"title", "x"}, {"interaction_id", their_interaction}});
  ASSERT_EQ(cross_source.status, 422);
  EXPECT_TRUE(Body(cross_source)["error"]["fields"].contains("interaction_id"));
  // Viewers read but do not write.
  EXPECT_EQ(Call("GET", "/interactions/" + std::to_string(id), {}, &vera).status, 200);
  EXPECT_EQ(Call("POST", "/follow-ups", {{"title", "x"}, {"due_on", "2026-12-01"}}, &vera).status,
            403);
  // Deleting the interaction keeps the agreement it started, unlinked.
  const auto linked = Create("/agreements", {{"title", "Uit gesprek"}, {"interaction_id", id}});
  EXPECT_EQ(Call("DELETE", "/interactions/" + std::to_string(id)).status, 204);
  EXPECT_TRUE(Get("/agreements/" + std::to_string(linked))["interaction_id"].is_null());
}

TEST_P(RelationsHttp, TheOnboardingListAfterAnElectionEmptiesAsNewMembersAreMet) {
  const auto nieuw1 = Create("/people", {{"name", "Nina Nieuw"}});
  const auto nieuw2 = Create("/people", {{"name", "Noah Nieuw"}});
  for (auto id : {nieuw1, nieuw2}) {
    Create(
        "/people/" + std::to_string(id) + "/positions",
        {{"organisation_id", gemeente}, {"kind", "council_member"}, {"started_on", "2026-04-02"}});
  }
  auto election = Post("/organisations/" + std::to_string(gemeente) + "/elections",
                       {{"installation_date", "2026-04-02"}, {"election_date", "2026-03-18"}});
  ASSERT_EQ(election.status, 200) << election.body;
  EXPECT_EQ(Body(election)["not_yet_met"].size(), 2U);
  const std::string terms = "/organisations/" + std::to_string(gemeente) + "/terms";
  EXPECT_EQ(Get(terms)["not_yet_met"].size(), 2U);
  // A contact before the election does not count; one after it does.
  Create(
      "/interactions",
      {{"occurred_at", "2026-03-01T10:00"}, {"subject", "Oud"}, {"person_ids", {nieuw1, nieuw2}}});
  EXPECT_EQ(Get(terms)["not_yet_met"].size(), 2U);
  Create("/interactions", {{"occurred_at", "2026-05-12T10:00"},
                           {"subject", "Kennismaking"},
                           {"kind", "introduction"},
                           {"person_ids", {nieuw1}}});
  auto left = Get(terms)["not_yet_met"];
  ASSERT_EQ(left.size(), 1U);
  EXPECT_EQ(left[0]["name"], "Noah Nieuw");
}

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return testing::Name(info.param);
}
INSTANTIATE_TEST_SUITE_P(Backends, RelationsHttp,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace aantafel::testing

// Overzicht over HTTP on both databases: items from several modules, ranked, hidden and snoozed
// per user, and never another workspace's.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "core/civil_date.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_server.hpp"

namespace aantafel::testing {
namespace {

using nlohmann::json;

json Body(const ClientResponse& r) { return json::parse(r.body, nullptr, false); }

class OverviewHttp : public ::testing::TestWithParam<Backend> {
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
    anna = LogIn(*client, "anna@zorg.nl");
    bram = LogIn(*client, "bram@welzijn.nl");
    vera = LogIn(*client, "vera@zorg.nl");
    today = *core::CivilDate::Parse(Body(Call("GET", "/overview"))["today"].get<std::string>());
  }
  ClientResponse Call(const std::string& method, const std::string& path, const json& body = {},
                      const BrowserSession* who = nullptr, const std::string& ws = "zorg-west") {
    const BrowserSession& s = who ? *who : anna;
    return client->Request(
        method, "/api/v1/workspaces/" + ws + path,
        {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}, {"Content-Type", "application/json"}},
        body.is_null() ? "" : body.dump());
  }
  std::vector<std::string> Keys(const BrowserSession* who = nullptr,
                                const std::string& ws = "zorg-west") {
    std::vector<std::string> out;
    const json overview = Body(Call("GET", "/overview", {}, who, ws));
    for (const auto& item : overview["items"]) out.push_back(item["key"]);
    return out;
  }
  std::unique_ptr<TestServer> server;
  std::unique_ptr<HttpClient> client;
  BrowserSession anna, bram, vera;
  core::CivilDate today;
};

TEST_P(OverviewHttp, ItemsFromSeveralModulesAreRankedWithReasonsAndHiddenPerUser) {
  // An agreement two days overdue, a follow-up due in three days.
  auto agreement = Call("POST", "/agreements",
                        {{"title", "Wachttijden delen"},
                         {"status", "agreed"},
                         {"due_on", today.AddDays(-2).ToString()}});
  ASSERT_EQ(agreement.status, 201) << agreement.body;
  const std::string agreement_key =
      "agreement:" + std::to_string(Body(agreement)["id"].get<std::int64_t>());
  ASSERT_EQ(Call("POST", "/follow-ups",
                 {{"title", "Verslag sturen"}, {"due_on", today.AddDays(3).ToString()}})
                .status,
            201);
  // A client asks to be called back.
  auto survey = Call("POST", "/feedback/surveys", {{"name", "Wijkteam"}, {"team", "Noord"}});
  ASSERT_EQ(survey.status, 201) << survey.body;
  auto answer =
      client->Request("POST", "/f/" + Body(survey)["token"].get<std::string>(),
                      {{"Content-Type", "application/json"}},
                      json{{"score", 3}, {"callback", true}, {"phone", "0612345678"}}.dump());
  ASSERT_EQ(answer.status, 201) << answer.body;
  // A scan waiting for its respondents.
  auto scan = Call("POST", "/scans",
                   {{"title", "Samenwerking"},
                    {"collaboration", "A en B"},
                    {"template_id", "care_cooperative"}});
  ASSERT_EQ(scan.status, 201);
  const std::string scan_path = "/scans/" + std::to_string(Body(scan)["id"].get<std::int64_t>());
  ASSERT_EQ(
      Call("POST", scan_path + "/respondents", {{"invitees", {{{"organisation", "A"}}}}}).status,
      201);

  const json overview = Body(Call("GET", "/overview"));
  std::set<std::string> modules;
  for (const auto& item : overview["items"]) {
    modules.insert(item["module"]);
    EXPECT_FALSE(item["explain"].get<std::string>().empty()) << item;
    EXPECT_FALSE(item["link"].get<std::string>().empty()) << item;
  }
  EXPECT_GE(modules.size(), 3U);
  const auto& items = overview["items"];
  ASSERT_GE(items.size(), 4U);
  EXPECT_EQ(items[0]["key"], agreement_key) << "what is already late leads";
  EXPECT_EQ(items[0]["reason"], "overdue");
  EXPECT_NE(items[0]["explain"].get<std::string>().find("2 dagen"), std::string::npos);
  EXPECT_EQ(items[1]["module"], "feedback") << "then the callback request within its time";
  EXPECT_EQ(items[1]["reason"], "callback_open");
  EXPECT_EQ(items.back()["reason"], "scan_waiting");
  EXPECT_EQ(overview["figures"]["open_callbacks"], 1);
  EXPECT_EQ(overview["figures"]["overdue_agreements"], 1);
  EXPECT_EQ(overview["figures"]["nps_last_30_days"]["n"], 1);

  // Anna dismisses the agreement; Vera (a viewer) still sees it and may snooze her own.
  ASSERT_EQ(Call("POST", "/overview/hidden", {{"key", agreement_key}}).status, 204);
  auto keys = Keys();
  EXPECT_EQ(std::count(keys.begin(), keys.end(), agreement_key), 0);
  keys = Keys(&vera);
  EXPECT_EQ(std::count(keys.begin(), keys.end(), agreement_key), 1);
  EXPECT_EQ(Call("POST", "/overview/hidden",
                 {{"key", agreement_key}, {"until", today.AddDays(2).ToString()}}, &vera)
                .status,
            204);
  keys = Keys(&vera);
  EXPECT_EQ(std::count(keys.begin(), keys.end(), agreement_key), 0);
  ASSERT_EQ(Call("DELETE", "/overview/hidden/" + agreement_key).status, 204);
  keys = Keys();
  EXPECT_EQ(std::count(keys.begin(), keys.end(), agreement_key), 1);
  EXPECT_EQ(Call("DELETE", "/overview/hidden/" + agreement_key).status, 404);

  // Closing the callback with an outcome ("no longer needed") takes it off every overview,
  // Vera's too: closed is not hidden. The item carries the callback's id to act on.
  json callback_item;
  const json now = Body(Call("GET", "/overview"));
  for (const auto& item : now["items"]) {
    if (item["module"] == "feedback") callback_item = item;
  }
  ASSERT_TRUE(callback_item.is_object());
  ASSERT_TRUE(callback_item["record_id"].is_number_integer()) << callback_item;
  const std::string callback_path =
      "/feedback/callbacks/" + std::to_string(callback_item["record_id"].get<std::int64_t>());
  auto closed = Call("PATCH", callback_path, {{"status", "not_needed"}});
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(Body(closed)["status"], "not_needed");
  for (const BrowserSession* who : {&anna, &vera}) {
    keys = Keys(who);
    EXPECT_EQ(std::count(keys.begin(), keys.end(), callback_item["key"].get<std::string>()), 0);
  }
  EXPECT_EQ(Body(Call("GET", "/overview"))["figures"]["open_callbacks"], 0);
  EXPECT_EQ(Body(Call("GET", "/feedback/callbacks?status=not_needed"))["items"].size(), 1U);

  // Bad input is named; another workspace sees none of it.
  auto bad = Call("POST", "/overview/hidden", {{"key", "Agreement 12!"}, {"until", "morgen"}});
  ASSERT_EQ(bad.status, 422);
  EXPECT_TRUE(Body(bad)["error"]["fields"].contains("key"));
  EXPECT_TRUE(Body(bad)["error"]["fields"].contains("until"));
  EXPECT_EQ(Call("POST", "/overview/hidden", {{"key", "a"}, {"until", today.ToString()}}).status,
            422)
      << "snoozing until today hides nothing";
  EXPECT_TRUE(Keys(&bram, "welzijn-oost").empty());
  EXPECT_EQ(Call("GET", "/overview", {}, &bram).status, 404);
}

TEST_P(OverviewHttp, SearchForgivesATypoAndFindsContactsByTheirNotesAndClientsByTheirAnswers) {
  const std::string notes =
      "Lang gesprek over de wijkaanpak en de inkoop voor volgend jaar. De wethouder twijfelt "
      "over het budget voor valpreventie; zij wil eerst cijfers uit Noord zien.";
  auto contact = Call("POST", "/interactions",
                      {{"occurred_at", "2026-11-17T14:00"},
                       {"kind", "meeting"},
                       {"subject", "Overleg met de gemeente"},
                       {"notes", notes}});
  ASSERT_EQ(contact.status, 201) << contact.body;
  auto survey = Call("POST", "/feedback/surveys", {{"name", "Thuiszorg Oost"}, {"team", "Oost"}});
  ASSERT_EQ(survey.status, 201);
  ASSERT_EQ(
      client
          ->Request("POST", "/f/" + Body(survey)["token"].get<std::string>(),
                    {{"Content-Type", "application/json"}},
                    json{{"score", 4}, {"why", "De wachttijd voor een intake was te lang"}}.dump())
          .status,
      201);
  // The same words in the other workspace must never show up.
  ASSERT_EQ(Call("POST", "/interactions",
                 {{"occurred_at", "2026-11-17T15:00"},
                  {"kind", "phone"},
                  {"subject", "Bram belt"},
                  {"notes", "Ook hier valpreventie"}},
                 &bram, "welzijn-oost")
                .status,
            201);

  auto groups = [&](const std::string& q, const BrowserSession* who = nullptr) {
    auto r = Call("GET", "/search?q=" + q, {}, who);
    EXPECT_EQ(r.status, 200) << r.body;
    std::map<std::string, json> out;
    const json body = Body(r);
    for (const auto& g : body["groups"]) out[g["kind"]] = g["items"];
    return out;
  };
  // "valprevnetie": two letters swapped in a word from the notes, for a viewer too.
  for (const BrowserSession* who : {&anna, &vera}) {
    auto found = groups("valprevnetie", who);
    ASSERT_EQ(found["interactions"].size(), 1U);
    const json hit = found["interactions"][0];
    EXPECT_EQ(hit["title"], "Overleg met de gemeente");
    EXPECT_EQ(hit["link"],
              "interactions/" + std::to_string(Body(contact)["id"].get<std::int64_t>()));
    const std::string snippet = hit["snippet"];
    ASSERT_EQ(hit["highlights"]["snippet"].size(), 1U) << hit;
    const auto start = hit["highlights"]["snippet"][0][0].get<std::size_t>();
    const auto end = hit["highlights"]["snippet"][0][1].get<std::size_t>();
    // Ranges count UTF-16 units, as the browser does ("…" is three bytes but one unit).
    const auto at = snippet.find("valpreventie");
    ASSERT_NE(at, std::string::npos) << snippet;
    std::size_t units = 0;
    for (std::size_t b = 0; b < at; ++b) units += (snippet[b] & 0xC0) != 0x80 ? 1 : 0;
    EXPECT_EQ(start, units);
    EXPECT_EQ(end - start, std::string("valpreventie").size());
  }
  // A client's answer, with a letter left out; and a survey by the start of its name.
  auto answers = groups("wachtijd");
  ASSERT_EQ(answers["responses"].size(), 1U);
  EXPECT_EQ(answers["responses"][0]["snippet"], "De wachttijd voor een intake was te lang");
  EXPECT_EQ(groups("thuiszo")["surveys"][0]["title"], "Thuiszorg Oost");
  // Two words must both match; nothing of Bram's workspace appears in Anna's.
  EXPECT_TRUE(groups("valpreventie%20inkoop")["interactions"].is_array());
  EXPECT_TRUE(groups("valpreventie%20schuldhulp")["interactions"].is_null());
  EXPECT_EQ(Call("GET", "/search?q=valpreventie").body.find("Bram"), std::string::npos);
}

TEST_P(OverviewHttp, SearchFindsAcrossModulesIgnoringAccentsAndNeverInAnotherWorkspace) {
  ASSERT_TRUE(server->runtime()
                  .whoiswho()
                  .UpsertMunicipality({.code = "GM0999", .name = "Denkstad", .province = "Fictief"})
                  .ok());
  ASSERT_EQ(Call("POST", "/people", {{"name", "Els Coöperatief"}}).status, 201);
  ASSERT_EQ(Call("POST", "/organisations",
                 {{"kind", "care_cooperative"}, {"name", "Zorgcoöperatie Hoogland"}})
                .status,
            201);
  ASSERT_EQ(
      Call("POST", "/agreements", {{"title", "Cooperatie betrekken bij de kadernota"}}).status,
      201);
  ASSERT_EQ(Call("POST", "/plans", {{"title", "Coöperatief wonen"}, {"budget_year", 2028}}).status,
            201);
  // Bram's workspace has a look-alike that Anna must never find.
  ASSERT_EQ(
      Call("POST", "/organisations",
           {{"kind", "care_cooperative"}, {"name", "Coöperatie van Bram"}}, &bram, "welzijn-oost")
          .status,
      201);

  // Typed with the accent and in capitals: people match by their name key (case only), the rest
  // also without the accent ("Cooperatie betrekken…").
  auto r = Call("GET", "/search?q=CO%C3%B6PERAT");
  ASSERT_EQ(r.status, 200) << r.body;
  std::map<std::string, std::vector<std::string>> found;
  const json result = Body(r);
  for (const auto& g : result["groups"]) {
    for (const auto& item : g["items"]) found[g["kind"]].push_back(item["title"]);
  }
  EXPECT_EQ(found["people"], std::vector<std::string>{"Els Coöperatief"});
  EXPECT_EQ(found["organisations"], std::vector<std::string>{"Zorgcoöperatie Hoogland"});
  EXPECT_EQ(found["agreements"].size(), 1U);
  EXPECT_EQ(found["plans"].size(), 1U);
  EXPECT_FALSE(found["knowledge"].empty()) << "the knowledge base speaks of cooperatives";
  EXPECT_EQ(r.body.find("Bram"), std::string::npos);
  auto theirs = Body(Call("GET", "/search?q=cooperat", {}, &bram, "welzijn-oost"));
  EXPECT_EQ(theirs.dump().find("Hoogland"), std::string::npos);
  EXPECT_EQ(theirs.dump().find("Els"), std::string::npos);
  EXPECT_EQ(Call("GET", "/search?q=cooperat", {}, &bram).status, 404);
  EXPECT_EQ(Call("GET", "/search?q=c").status, 422);
  EXPECT_EQ(Call("GET", "/search?q=cooperat&limit=7").status, 422);
  EXPECT_EQ(Body(Call("GET", "/search?q=denkstad"))["groups"][0]["kind"], "municipalities");
}

TEST_P(OverviewHttp, TheDigestArrivesThroughARealSmtpConversationOncePerDay) {
  SmtpSink sink;
  // A second server on the same database would be simpler to reason about, but one runtime with
  // the sink configured is enough: restart this test's server with SMTP on.
  client.reset();
  server.reset();
  server = std::make_unique<TestServer>(
      GetParam(), TestServerOptions{.smtp_url = "smtp://127.0.0.1:" + std::to_string(sink.port())});
  server->Start();
  client = std::make_unique<HttpClient>(server->port());
  server->AddUser("anna@zorg.nl", "Anna");
  server->AddUser("bram@welzijn.nl", "Bram");
  server->AddWorkspace("zorg-west", "anna@zorg.nl");
  server->AddWorkspace("welzijn-oost", "bram@welzijn.nl");
  anna = LogIn(*client, "anna@zorg.nl");
  bram = LogIn(*client, "bram@welzijn.nl");

  EXPECT_EQ(Body(Call("GET", "/notification-settings"))["digest"], "none");
  EXPECT_EQ(Call("PUT", "/notification-settings", {{"digest", "hourly"}}).status, 422);
  ASSERT_EQ(Call("PUT", "/notification-settings", {{"digest", "daily"}}).status, 200);
  ASSERT_EQ(
      Call("PUT", "/notification-settings", {{"digest", "weekly"}}, &bram, "welzijn-oost").status,
      200);
  ASSERT_EQ(Call("POST", "/agreements",
                 {{"title", "Wachttijden delen"},
                  {"status", "agreed"},
                  {"due_on", today.AddDays(-1).ToString()}})
                .status,
            201);
  ASSERT_EQ(Call("POST", "/agreements",
                 {{"title", "Geheim van Bram"}, {"due_on", today.AddDays(-1).ToString()}}, &bram,
                 "welzijn-oost")
                .status,
            201);

  EXPECT_EQ(server->runtime().SendDigests(/*force=*/true), 2);
  const auto messages = sink.messages();
  ASSERT_EQ(messages.size(), 2U);
  const auto& mail =
      messages[0].to.front().find("anna") != std::string::npos ? messages[0] : messages[1];
  EXPECT_NE(mail.to.front().find("anna@zorg.nl"), std::string::npos);
  EXPECT_NE(mail.data.find("Subject: aantafel: 1 punt voor vandaag (Werkruimte zorg-west)"),
            std::string::npos)
      << mail.data;
  EXPECT_NE(mail.data.find("- Afspraak: Wachttijden delen\r\n  1 dag over de datum."),
            std::string::npos)
      << mail.data;
  EXPECT_NE(mail.data.find("https://aantafel.example/w/zorg-west/interactions/agreements/"),
            std::string::npos);
  EXPECT_EQ(mail.data.find("Geheim van Bram"), std::string::npos) << "only the own workspace";
  EXPECT_NE(mail.data.find("Content-Type: text/plain; charset=utf-8"), std::string::npos);
  // Sent today: the regular round sends nothing more.
  EXPECT_EQ(server->runtime().SendDigests(/*force=*/false), 0);
  EXPECT_EQ(sink.messages().size(), 2U);
  ASSERT_EQ(Call("PUT", "/notification-settings", {{"digest", "none"}}).status, 200);
  EXPECT_EQ(server->runtime().SendDigests(/*force=*/true), 1) << "only Bram's is left";
}

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return testing::Name(info.param);
}
TEST_P(OverviewHttp, TheMunicipalityPageGathersEveryModuleForThatMunicipalityOnly) {
  auto& whoiswho = server->runtime().whoiswho();
  ASSERT_TRUE(
      whoiswho.UpsertMunicipality({.code = "GM0999", .name = "Denkstad", .population = 51000})
          .ok());
  ASSERT_TRUE(whoiswho.UpsertMunicipality({.code = "GM0998", .name = "Verzinbeek"}).ok());
  auto id_of = [](const ClientResponse& r) {
    EXPECT_EQ(r.status, 201) << r.body;
    return Body(r)["id"].get<std::int64_t>();
  };
  const auto denkstad = id_of(
      Call("POST", "/organisations", {{"kind", "municipality"}, {"municipality_code", "GM0999"}}));
  const auto verzinbeek = id_of(
      Call("POST", "/organisations", {{"kind", "municipality"}, {"municipality_code", "GM0998"}}));
  const auto provider =
      id_of(Call("POST", "/organisations", {{"kind", "provider"}, {"name", "ZorgWest"}}));
  const auto els = id_of(Call("POST", "/people", {{"name", "Els Wethouder"}}));
  id_of(Call("POST", "/people/" + std::to_string(els) + "/positions",
             {{"organisation_id", denkstad},
              {"kind", "alderman"},
              {"portfolios", {"Zorg"}},
              {"started_on", "2022-06-01"}}));
  const std::string secret = "Notitie-9f3e die niet op de gemeentepagina hoort";
  id_of(Call("POST", "/interactions",
             {{"occurred_at", today.AddDays(-3).ToString() + "T10:00"},
              {"kind", "working_visit"},
              {"organisation_id", denkstad},
              {"subject", "Werkbezoek wijkteam"},
              {"notes", secret},
              {"stance", "bring"},
              {"person_ids", {els}}}));
  id_of(Call("POST", "/agreements",
             {{"title", "Wachttijden delen"},
              {"status", "agreed"},
              {"organisation_ids", {denkstad}},
              {"due_on", today.AddDays(-1).ToString()}}));
  id_of(Call(
      "POST", "/agreements",
      {{"title", "Alleen Verzinbeek"}, {"status", "agreed"}, {"organisation_ids", {verzinbeek}}}));
  auto survey =
      Call("POST", "/feedback/surveys",
           {{"name", "Wijkteam Denkstad"}, {"team", "Noord"}, {"municipality_code", "GM0999"}});
  ASSERT_EQ(survey.status, 201) << survey.body;
  for (int score : {9, 10, 4}) {
    ASSERT_EQ(client
                  ->Request("POST", "/f/" + Body(survey)["token"].get<std::string>(),
                            {{"Content-Type", "application/json"}}, json{{"score", score}}.dump())
                  .status,
              201);
  }
  id_of(Call("POST", "/services",
             {{"organisation_id", provider},
              {"name", "Dagbesteding"},
              {"domain", "daytime_activities"},
              {"law", "wmo"},
              {"areas", {"GM0999"}},
              {"target_groups", {"ouderen"}},
              {"contact", "Loket"},
              {"waiting_weeks", 2},
              {"published", true}}));
  id_of(Call("POST", "/scans",
             {{"title", "Relatie met de gemeente"},
              {"collaboration", "ZorgWest en gemeente Denkstad"},
              {"template_id", "municipality_relationship"}}));

  auto response = Call("GET", "/organisations/" + std::to_string(denkstad) + "/dossier");
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.body.find(secret), std::string::npos) << "notes stay on the contact page";
  const json page = Body(response);
  EXPECT_EQ(page["organisation"]["id"], denkstad);
  EXPECT_EQ(page["municipality"]["population"], 51000);
  ASSERT_EQ(page["council"]["college"].size(), 1U);
  EXPECT_EQ(page["council"]["college"][0]["person"]["name"], "Els Wethouder");
  EXPECT_EQ(page["council"]["college"][0]["positions"][0]["portfolios"][0], "Zorg");
  ASSERT_EQ(page["people"].size(), 1U);
  EXPECT_EQ(page["people"][0]["person"]["id"], els);
  ASSERT_EQ(page["last_contacts"].size(), 1U);
  EXPECT_EQ(page["last_contacts"][0]["subject"], "Werkbezoek wijkteam");
  EXPECT_TRUE(page["last_contacts"][0]["notes"].is_null());
  ASSERT_EQ(page["agreements"]["open"].size(), 1U);
  EXPECT_EQ(page["agreements"]["open"][0]["title"], "Wachttijden delen");
  EXPECT_EQ(page["agreements"]["overdue_count"], 1);
  ASSERT_EQ(page["feedback"]["surveys"].size(), 1U);
  EXPECT_EQ(page["feedback"]["nps_last_year"]["n"], 3);
  EXPECT_EQ(page["feedback"]["nps_last_year"]["promoters"], 2);
  EXPECT_EQ(page["social_map"]["services"], 1);
  EXPECT_EQ(page["social_map"]["providers"], 1);
  ASSERT_EQ(page["scans"].size(), 1U);
  EXPECT_EQ(page["scans"][0]["title"], "Relatie met de gemeente");

  // The other municipality's page holds none of it.
  const json other = Body(Call("GET", "/organisations/" + std::to_string(verzinbeek) + "/dossier"));
  EXPECT_TRUE(other["council"]["college"].empty());
  EXPECT_TRUE(other["last_contacts"].empty());
  ASSERT_EQ(other["agreements"]["open"].size(), 1U);
  EXPECT_EQ(other["agreements"]["open"][0]["title"], "Alleen Verzinbeek");
  EXPECT_TRUE(other["feedback"]["nps_last_year"].is_null());
  EXPECT_EQ(other["social_map"]["services"], 0);
  EXPECT_TRUE(other["scans"].empty());
  // A provider has no municipality-wide sections.
  const json of_provider =
      Body(Call("GET", "/organisations/" + std::to_string(provider) + "/dossier"));
  EXPECT_TRUE(of_provider["feedback"].is_null());
  EXPECT_TRUE(of_provider["social_map"].is_null());

  // A viewer reads it; another workspace gets 404 without a trace of it.
  EXPECT_EQ(
      Call("GET", "/organisations/" + std::to_string(denkstad) + "/dossier", {}, &vera).status,
      200);
  auto foreign = Call("GET", "/organisations/" + std::to_string(denkstad) + "/dossier", {}, &bram,
                      "welzijn-oost");
  EXPECT_EQ(foreign.status, 404);
  EXPECT_EQ(foreign.body.find("Denkstad"), std::string::npos);
  EXPECT_EQ(Call("GET", "/organisations/0/dossier").status, 404);
}

TEST_P(OverviewHttp, EveryChangeIsInTheAuditLogWhichOnlyOwnersRead) {
  server->AddUser("eva@zorg.nl", "Eva");
  server->AddMember("zorg-west", "eva@zorg.nl", "editor");
  auto eva = LogIn(*client, "eva@zorg.nl");
  auto person = Call("POST", "/people", {{"name", "Geheime Naam"}, {"notes", "privé"}}, &eva);
  ASSERT_EQ(person.status, 201) << person.body;
  const auto id = Body(person)["id"].get<std::int64_t>();
  ASSERT_EQ(Call("PATCH", "/people/" + std::to_string(id), {{"name", "Andere Naam"}}).status, 200);
  ASSERT_EQ(Call("DELETE", "/people/" + std::to_string(id)).status, 204);
  ASSERT_EQ(Call("POST", "/people", {{"name", "Buiten"}}, &bram, "welzijn-oost").status, 201);
  // A refused change and the user's own view are not changes to workspace data.
  ASSERT_EQ(Call("POST", "/people", {{"name", ""}}).status, 422);
  ASSERT_EQ(Call("POST", "/overview/hidden", {{"key", "agreement:1"}}).status, 204);

  auto log = Call("GET", "/audit-log?limit=3");
  ASSERT_EQ(log.status, 200) << log.body;
  EXPECT_EQ(log.body.find("Geheime"), std::string::npos) << "the log names paths, not data";
  EXPECT_EQ(log.body.find("Buiten"), std::string::npos);
  const json first = Body(log);
  ASSERT_EQ(first["items"].size(), 3U);
  const std::string person_path = "/api/v1/workspaces/zorg-west/people/" + std::to_string(id);
  EXPECT_EQ(first["items"][0]["action"], "DELETE /api/v1/workspaces/{slug}/people/{person_id}");
  EXPECT_EQ(first["items"][0]["subject"], person_path);
  EXPECT_EQ(first["items"][0]["user"]["name"], "Anna");
  EXPECT_EQ(first["items"][1]["action"], "person.erased") << "the erasure's own entry";
  EXPECT_EQ(first["items"][2]["action"], "PATCH /api/v1/workspaces/{slug}/people/{person_id}");
  ASSERT_TRUE(first["next_before"].is_number());
  const json older = Body(
      Call("GET", "/audit-log?before=" + std::to_string(first["next_before"].get<std::int64_t>())));
  std::vector<std::string> actions;
  for (const auto& e : older["items"]) actions.push_back(e["action"]);
  // The person was created by the editor; the hidden item and the refused write are absent.
  ASSERT_FALSE(actions.empty());
  EXPECT_EQ(actions.front(), "POST /api/v1/workspaces/{slug}/people");
  EXPECT_EQ(older["items"][0]["user"]["name"], "Eva");
  for (const auto& a : actions) EXPECT_EQ(a.find("overview"), std::string::npos) << a;
  EXPECT_TRUE(older["next_before"].is_null());

  EXPECT_EQ(Call("GET", "/audit-log", {}, &eva).status, 403);
  EXPECT_EQ(Call("GET", "/audit-log", {}, &vera).status, 403);
  EXPECT_EQ(Call("GET", "/audit-log", {}, &bram).status, 404);
  EXPECT_EQ(Call("GET", "/audit-log?limit=0").status, 422);
  EXPECT_EQ(Call("GET", "/audit-log?limit=abc").status, 422);
  const json theirs = Body(Call("GET", "/audit-log", {}, &bram, "welzijn-oost"));
  ASSERT_EQ(theirs["items"].size(), 1U);
  EXPECT_EQ(theirs["items"][0]["subject"], "/api/v1/workspaces/welzijn-oost/people");
}

INSTANTIATE_TEST_SUITE_P(Backends, OverviewHttp,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace aantafel::testing

// Cliëntfeedback over HTTP against the real server, on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "support/stream_reader.hpp"
#include "support/test_server.hpp"

namespace aantafel::testing {
namespace {

using nlohmann::json;
using Headers = std::map<std::string, std::string>;

json Body(const ClientResponse& r) { return json::parse(r.body, nullptr, false); }

class FeedbackHttp : public ::testing::TestWithParam<Backend> {
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
  }
  Headers Auth(const BrowserSession& s) {
    return {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}, {"Content-Type", "application/json"}};
  }
  ClientResponse Api(const std::string& method, const std::string& path, const json& body = {},
                     const BrowserSession* who = nullptr, const std::string& ws = "zorg-west") {
    return client->Request(method, "/api/v1/workspaces/" + ws + "/feedback" + path,
                           Auth(who ? *who : anna), body.is_null() ? "" : body.dump());
  }
  json Survey(const json& body = {{"name", "Wijkteam Noord"}}) {
    auto r = Api("POST", "/surveys", body);
    EXPECT_EQ(r.status, 201) << r.body;
    return Body(r);
  }
  ClientResponse Answer(const std::string& token, const json& answer) {
    return client->Request("POST", "/f/" + token, {{"Content-Type", "application/json"}},
                           answer.dump());
  }
  ClientResponse Form(const std::string& token, const std::string& form) {
    return client->Request("POST", "/f/" + token,
                           {{"Content-Type", "application/x-www-form-urlencoded"}}, form);
  }
  std::int64_t CountResponses() {
    auto lease = server->runtime().database().Acquire();
    return lease->QueryOne("SELECT COUNT(*) FROM feedback_responses")->Int(0);
  }

  std::unique_ptr<TestServer> server;
  std::unique_ptr<HttpClient> client;
  BrowserSession anna, bram, vera;
};

TEST_P(FeedbackHttp, ASurveyNeedsOnlyANameAndGetsAPublicLink) {
  auto survey = Survey();
  EXPECT_GT(survey["id"].get<std::int64_t>(), 0);
  const auto token = survey["token"].get<std::string>();
  EXPECT_EQ(survey["url"], "https://aantafel.example/f/" + token);
  EXPECT_EQ(survey["law"], "none");
  EXPECT_TRUE(survey["active"].get<bool>());
  EXPECT_FALSE(survey["questions"]["recommend_nl"].get<std::string>().empty());

  auto page = client->Request("GET", "/f/" + token + "?score=9");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.Header("Content-Type").find("text/html"), std::string::npos);
  EXPECT_NE(page.body.find("value=\"9\" checked"), std::string::npos) << "one-click score";
  EXPECT_NE(page.body.find("lang=\"nl\""), std::string::npos);
  EXPECT_EQ(page.body.find("<script"), std::string::npos) << "works without JavaScript";
  EXPECT_LT(page.body.size(), 8000U);
  auto english = client->Request("GET", "/f/" + token + "?lang=en");
  EXPECT_NE(english.body.find("lang=\"en\""), std::string::npos);
  EXPECT_EQ(client->Request("GET", "/f-assets/survey.css").status, 200);
  EXPECT_EQ(client->Request("GET", "/f/onbekend").status, 404);

  auto bad = Api("POST", "/surveys",
                 {{"name", ""},
                  {"law", "bijstand"},
                  {"municipality_code", "GM12"},
                  {"questions", {{"recommend_nl", ""}, {"extra", "x"}}}});
  ASSERT_EQ(bad.status, 422);
  const auto fields = Body(bad)["error"]["fields"];
  for (const char* f :
       {"name", "law", "municipality_code", "questions.recommend_nl", "questions.extra"}) {
    EXPECT_TRUE(fields.contains(f)) << f << " in " << bad.body;
  }
}

TEST_P(FeedbackHttp, AFormAnswerIsStoredAndABadOneComesBackWithTheRestKept) {
  const auto token = Survey()["token"].get<std::string>();
  auto bad = Form(token, "score=11&why=Te+lang+gewacht&callback=yes&phone=abc");
  ASSERT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("Te lang gewacht</textarea>"), std::string::npos) << "kept";
  EXPECT_NE(bad.body.find("href=\"#phone\""), std::string::npos) << "problem named";
  EXPECT_NE(bad.body.find("href=\"#s0\""), std::string::npos);
  EXPECT_EQ(CountResponses(), 0);
  auto spam = Form(token, "score=9&website=http%3A%2F%2Fspam.example");
  EXPECT_EQ(spam.status, 422);
  EXPECT_EQ(CountResponses(), 0);
  auto ok = Form(token, "score=8&why=Prima&better=Sneller+terugbellen&lang=nl");
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_NE(ok.body.find("Bedankt"), std::string::npos);
  EXPECT_EQ(CountResponses(), 1);
  // JSON with the same names; wrong media type and wrong JSON types are refused.
  EXPECT_EQ(Answer(token, {{"score", 10}}).status, 201);
  EXPECT_EQ(Answer(token, {{"score", "10"}, {"why", "Goed"}}).status, 201);
  EXPECT_EQ(Answer(token, {{"score", 10}, {"colour", "blue"}}).status, 422);
  EXPECT_EQ(Answer(token, {{"score", {1, 2}}}).status, 422);
  EXPECT_EQ(client->Request("POST", "/f/" + token, {{"Content-Type", "text/plain"}}, "9").status,
            415);
  EXPECT_EQ(Answer(token, {{"score", 3}, {"why", std::string(2001, 'x')}}).status, 422);
  EXPECT_EQ(CountResponses(), 3);
}

TEST_P(FeedbackHttp, ADayFilterRunsFromDutchMidnightToDutchMidnightInSummer) {
  const auto token = Survey()["token"].get<std::string>();
  // 00:30 on 2 and on 3 July 2027, Dutch summer time (22:30 UTC the evening before).
  const auto first = core::ParseDateTime("2027-07-01T22:30:00Z");
  ASSERT_TRUE(first);
  server->clock().Advance(*first - server->clock().Now());
  ASSERT_EQ(Answer(token, {{"score", 9}}).status, 201);
  server->clock().Advance(std::chrono::hours(24));
  ASSERT_EQ(Answer(token, {{"score", 3}}).status, 201);
  anna = LogIn(*client, "anna@zorg.nl");
  const json list = Body(Api("GET", "/responses?from=2027-07-02&to=2027-07-02"));
  ASSERT_EQ(list["items"].size(), 1U) << list.dump();
  EXPECT_EQ(list["items"][0]["received_at"], "2027-07-01T22:30:00.000Z");
  EXPECT_EQ(Body(Api("GET", "/responses?from=2027-07-03&to=2027-07-03"))["items"][0]["score"], 3);

  // The export says the Dutch time and group in words, one line per answer of that day.
  auto file = Api("GET", "/export?format=csv&from=2027-07-02&to=2027-07-02");
  ASSERT_EQ(file.status, 200) << file.body;
  EXPECT_EQ(file.Header("Cache-Control"), "no-store");
  EXPECT_NE(file.body.find("2027-07-02 00:30;Wijkteam Noord;;9;Aanbeveler (9–10);;;;Link;"),
            std::string::npos)
      << file.body;
  EXPECT_EQ(file.body.find("2027-07-03"), std::string::npos) << file.body;
  EXPECT_EQ(file.body.find("promoter"), std::string::npos);
  EXPECT_EQ(Api("GET", "/export?format=ods").status, 422);
}

TEST_P(FeedbackHttp, ADetractorAskingForACallGetsATaskAndOnlyEditorsSeeTheNumber) {
  const auto token = Survey({{"name", "Thuiszorg"}, {"team", "Team Oost"}})["token"];
  auto r = Answer(token, {{"score", 2},
                          {"why", "De wachttijd was veel te lang"},
                          {"better", "Bel mij gerust: 06-12345678"},
                          {"callback", true},
                          {"phone", "06 12345678"}});
  ASSERT_EQ(r.status, 201) << r.body;
  const auto response_id = Body(r)["id"].get<std::int64_t>();
  {
    auto lease = server->runtime().database().Acquire();
    const auto sealed =
        lease->QueryOne("SELECT phone_sealed FROM feedback_responses WHERE id = $1", {response_id})
            ->Text(0);
    EXPECT_EQ(sealed.find("612345678"), std::string::npos) << "encrypted at rest";
  }
  auto list = Body(Api("GET", "/callbacks"));
  ASSERT_EQ(list["items"].size(), 1U);
  auto task = list["items"][0];
  EXPECT_EQ(task["status"], "open");
  EXPECT_EQ(task["team"], "Team Oost");
  EXPECT_TRUE(task["has_phone"].get<bool>());
  EXPECT_EQ(task["better"], "Bel mij gerust: [telefoon]") << "quotes are masked";
  EXPECT_EQ(task.dump().find("612345678"), std::string::npos);
  // Due within a day for a detractor, and overdue once that day has passed.
  server->clock().Advance(std::chrono::hours(25));
  anna = LogIn(*client, "anna@zorg.nl");  // sessions last 12 hours
  vera = LogIn(*client, "vera@zorg.nl");
  bram = LogIn(*client, "bram@welzijn.nl");
  EXPECT_TRUE(Body(Api("GET", "/callbacks"))["items"][0]["overdue"].get<bool>());

  const std::string id = std::to_string(task["id"].get<std::int64_t>());
  EXPECT_EQ(Api("POST", "/callbacks/" + id + "/phone", {}, &vera).status, 403);
  EXPECT_EQ(Api("POST", "/callbacks/" + id + "/phone", {}, &bram, "welzijn-oost").status, 404);
  auto phone = Api("POST", "/callbacks/" + id + "/phone");
  ASSERT_EQ(phone.status, 200) << phone.body;
  EXPECT_EQ(Body(phone)["phone"], "+31612345678");
  {
    auto lease = server->runtime().database().Acquire();
    EXPECT_EQ(
        lease->QueryOne("SELECT COUNT(*) FROM audit_log WHERE action = 'feedback.phone.viewed'")
            ->Int(0),
        1);
  }
  auto done =
      Api("PATCH", "/callbacks/" + id,
          {{"status", "done"}, {"notes", "Gebeld, excuses gemaakt"}, {"outcome", "Opgelost"}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(Body(done)["status"], "done");
  EXPECT_EQ(Body(done)["notes"], "Gebeld, excuses gemaakt");
  EXPECT_FALSE(Body(done)["overdue"].get<bool>());
  EXPECT_TRUE(Body(Api("GET", "/callbacks"))["items"].empty()) << "left the open list";
  EXPECT_EQ(Body(Api("GET", "/callbacks?status=done"))["items"].size(), 1U);
  EXPECT_EQ(Api("PATCH", "/callbacks/" + id, {{"status", "gedaan"}}).status, 422);
  EXPECT_EQ(Api("PATCH", "/callbacks/" + id, {{"assignee_id", 999999}}).status, 422);
  // Given to a colleague: the answer names them (the response contract checks the shape).
  const auto members =
      client->Request("GET", "/api/v1/workspaces/zorg-west/members", Auth(anna), "");
  ASSERT_EQ(members.status, 200) << members.body;
  std::int64_t vera_id = 0;
  const json member_list = Body(members);
  for (const auto& m : member_list["items"]) {
    if (m["user"]["email"] == "vera@zorg.nl") vera_id = m["user"]["id"].get<std::int64_t>();
  }
  ASSERT_NE(vera_id, 0);
  const auto assigned = Api("PATCH", "/callbacks/" + id, {{"assignee_id", vera_id}});
  ASSERT_EQ(assigned.status, 200) << assigned.body;
  EXPECT_EQ(Body(assigned)["assignee"]["id"], vera_id);
  EXPECT_EQ(Body(assigned)["assignee"]["email"], "vera@zorg.nl");
  EXPECT_EQ(Body(Api("GET", "/callbacks?status=done"))["items"][0]["assignee"]["id"], vera_id);
  EXPECT_EQ(Api("PATCH", "/callbacks/" + id, {{"status", "open"}}, &vera).status, 403);
  EXPECT_EQ(Api("PATCH", "/callbacks/" + id, {{"status", "open"}}, &bram, "welzijn-oost").status,
            404);
}

// Clients type names and numbers into the open answers: stored sealed, themes still found,
// erasure still complete, and answers stored in plaintext by an earlier release sealed once.
TEST_P(FeedbackHttp, OpenAnswersAreSealedAtRestAndStillReadThemedAndErased) {
  const auto token = Survey()["token"].get<std::string>();
  auto r = Answer(token, {{"score", 3},
                          {"why", "Jan de Vries wacht al weken, de wachttijd is te lang"},
                          {"better", "Bel Jan op 06 12345678"}});
  ASSERT_EQ(r.status, 201) << r.body;
  const auto id = Body(r)["id"].get<std::int64_t>();
  auto stored = [&] {
    auto lease = server->runtime().database().Acquire();
    auto row =
        lease->QueryOne("SELECT why, better, themes FROM feedback_responses WHERE id = $1", {id});
    return std::array<std::string, 3>{row->Text(0), row->Text(1), row->Text(2)};
  };
  const auto at_rest = stored();
  for (const std::string& text : {at_rest[0], at_rest[1]}) {
    EXPECT_TRUE(text.starts_with("v1.")) << text;
    EXPECT_EQ(text.find("Jan"), std::string::npos);
    EXPECT_EQ(text.find("12345678"), std::string::npos);
  }
  EXPECT_NE(at_rest[2].find("wachttijd"), std::string::npos) << "themes found before sealing";
  auto list = Body(Api("GET", "/responses"))["items"];
  ASSERT_EQ(list.size(), 1U);
  EXPECT_EQ(list[0]["why"], "Jan de Vries wacht al weken, de wachttijd is te lang");
  EXPECT_EQ(list[0]["better"], "Bel Jan op [telefoon]");
  // Other workspaces do not see it.
  EXPECT_TRUE(Body(Api("GET", "/responses", {}, &bram, "welzijn-oost"))["items"].empty());

  ASSERT_EQ(Api("DELETE", "/responses/" + std::to_string(id) + "/personal-data").status, 204);
  const auto erased = stored();
  EXPECT_EQ(erased[0], "");
  EXPECT_EQ(erased[1], "");
  EXPECT_EQ(erased[2], "");

  // An answer written in plaintext before this release, and a half-finished earlier run.
  {
    auto lease = server->runtime().database().Acquire();
    lease->Execute(
        "UPDATE feedback_responses SET why = 'Oud antwoord van Piet', better = '' WHERE id = $1",
        {id});
    lease->Execute("DELETE FROM reference_versions WHERE name = 'feedback_answers_sealed'");
  }
  EXPECT_EQ(server->runtime().feedback().SealStoredAnswers(), 1);
  EXPECT_TRUE(stored()[0].starts_with("v1."));
  EXPECT_EQ(Body(Api("GET", "/responses"))["items"][0]["why"], "Oud antwoord van Piet");
  // Once done, it is not done again; and repeating it would not seal twice.
  EXPECT_EQ(server->runtime().feedback().SealStoredAnswers(), 0);
  {
    auto lease = server->runtime().database().Acquire();
    lease->Execute("DELETE FROM reference_versions WHERE name = 'feedback_answers_sealed'");
  }
  EXPECT_EQ(server->runtime().feedback().SealStoredAnswers(), 0);
  EXPECT_EQ(Body(Api("GET", "/responses"))["items"][0]["why"], "Oud antwoord van Piet");
}

TEST_P(FeedbackHttp, NpsComesFromTheRollUpWithIntervalsAndSmallGroupsMarked) {
  const auto a = Survey({{"name", "A"}, {"team", "Noord"}, {"law", "wmo"}})["token"];
  const auto b = Survey({{"name", "B"}, {"team", "Zuid"}, {"law", "jeugdwet"}})["token"];
  for (int s : {10, 10, 9, 9, 9, 8, 7, 6, 3}) ASSERT_EQ(Answer(a, {{"score", s}}).status, 201);
  for (int s : {0, 5}) ASSERT_EQ(Answer(b, {{"score", s}}).status, 201);
  auto all = Body(Api("GET", "/nps"));
  EXPECT_EQ(all["total"]["n"], 11);
  EXPECT_EQ(all["total"]["promoters"], 5);
  EXPECT_EQ(all["total"]["passives"], 2);
  EXPECT_EQ(all["total"]["detractors"], 4);
  EXPECT_NEAR(all["total"]["nps"].get<double>(), 9.1, 0.05);
  EXPECT_LT(all["total"]["ci_low"].get<double>(), 9.1);
  EXPECT_GT(all["total"]["ci_high"].get<double>(), 9.1);
  EXPECT_FALSE(all["total"]["enough"].get<bool>());
  EXPECT_EQ(all["min_n"], 30);
  auto teams = Body(Api("GET", "/nps?group_by=team"));
  ASSERT_EQ(teams["groups"].size(), 2U);
  EXPECT_EQ(teams["groups"][0]["key"], "Noord");
  EXPECT_NEAR(teams["groups"][0]["nps"].get<double>(), 33.3, 0.05);
  EXPECT_EQ(teams["groups"][1]["key"], "Zuid");
  EXPECT_EQ(teams["groups"][1]["nps"], -100.0);
  auto laws = Body(Api("GET", "/nps?group_by=law"));
  EXPECT_EQ(laws["groups"][1]["key"], "jeugdwet");
  auto weeks = Body(Api("GET", "/nps?group_by=week"));
  ASSERT_EQ(weeks["groups"].size(), 1U);
  EXPECT_EQ(weeks["groups"][0]["n"], 11);
  EXPECT_EQ(Api("GET", "/nps?group_by=colour").status, 422);
  EXPECT_EQ(Api("GET", "/nps?from=2026-13-01").status, 422);
  EXPECT_EQ(Api("GET", "/nps?from=2026-12-01&to=2026-01-01").status, 422);
  // Another workspace sees none of it.
  EXPECT_EQ(Body(Api("GET", "/nps", {}, &bram, "welzijn-oost"))["total"]["n"], 0);
  // The roll-up equals the responses.
  auto lease = server->runtime().database().Acquire();
  EXPECT_EQ(lease
                ->QueryOne("SELECT CAST(SUM(promoters + passives + detractors) AS BIGINT) FROM "
                           "feedback_daily")
                ->Int(0),
            11);
}

TEST_P(FeedbackHttp, PersonalLinksWorkOnceExpireAndRespectThePause) {
  const auto id = std::to_string(Survey()["id"].get<std::int64_t>());
  auto batch = Api("POST", "/surveys/" + id + "/invitations",
                   {{"contacts",
                     {{{"reference", "c-1"}, {"client", "06 12345678"}, {"channel", "sms"}},
                      {{"reference", "c-2"}, {"client", "+31612345678"}},
                      {{"reference", "c-3"}, {"valid_days", 1}}}}});
  ASSERT_EQ(batch.status, 201) << batch.body;
  auto result = Body(batch);
  ASSERT_EQ(result["created"].size(), 2U);
  ASSERT_EQ(result["skipped"].size(), 1U);
  EXPECT_EQ(result["skipped"][0]["reference"], "c-2") << "same client, other spelling";
  const auto first = result["created"][0]["token"].get<std::string>();
  const auto third = result["created"][1]["token"].get<std::string>();
  EXPECT_EQ(Answer(first, {{"score", 9}}).status, 201);
  EXPECT_EQ(Answer(first, {{"score", 9}}).status, 409) << "single use";
  EXPECT_NE(client->Request("GET", "/f/" + first).body.find("al ingevuld"), std::string::npos);
  server->clock().Advance(std::chrono::hours(25));
  EXPECT_EQ(Answer(third, {{"score", 9}}).status, 409) << "expired";
  anna = LogIn(*client, "anna@zorg.nl");  // sessions last 12 hours
  auto rate = Body(Api("GET", "/nps"))["invitations"];
  EXPECT_EQ(rate["sent"], 2);
  EXPECT_EQ(rate["answered"], 1);
  EXPECT_EQ(rate["response_rate"], 50.0);
  auto listed = Body(Api("GET", "/responses"));
  ASSERT_EQ(listed["items"].size(), 1U);
  EXPECT_EQ(listed["items"][0]["channel"], "sms");
  // Bad contacts are refused as a whole, naming each one.
  auto bad = Api("POST", "/surveys/" + id + "/invitations",
                 {{"contacts", {{{"client", "geen nummer"}}, {{"channel", "duif"}}}}});
  ASSERT_EQ(bad.status, 422);
  EXPECT_TRUE(Body(bad)["error"]["fields"].contains("contacts[0].client")) << bad.body;
  EXPECT_TRUE(Body(bad)["error"]["fields"].contains("contacts[1].channel")) << bad.body;
  EXPECT_EQ(Api("POST", "/surveys/" + id + "/invitations", {{"contacts", json::array()}}).status,
            422);
  // The same from a CSV file of the provider's own system.
  auto csv_headers = Auth(anna);
  csv_headers["Content-Type"] = "text/csv";
  auto csv = client->Request(
      "POST", "/api/v1/workspaces/zorg-west/feedback/surveys/" + id + "/invitations", csv_headers,
      "referentie;telefoon;kanaal\r\nk-1;0612345678;sms\r\n"
      "k-2;jan@example.nl;email\r\n");
  ASSERT_EQ(csv.status, 201) << csv.body;
  EXPECT_EQ(Body(csv)["created"].size(), 1U);
  EXPECT_EQ(Body(csv)["skipped"][0]["reference"], "k-1") << "invited above";
  auto bad_csv = client->Request(
      "POST", "/api/v1/workspaces/zorg-west/feedback/surveys/" + id + "/invitations", csv_headers,
      "referentie;kanaal\nk-3;duif\n");
  ASSERT_EQ(bad_csv.status, 422);
  EXPECT_TRUE(Body(bad_csv)["error"]["fields"].contains("line 2.channel")) << bad_csv.body;
  auto bad_head = client->Request(
      "POST", "/api/v1/workspaces/zorg-west/feedback/surveys/" + id + "/invitations", csv_headers,
      "naam;kleur\nx;y\n");
  ASSERT_EQ(bad_head.status, 422);
  EXPECT_TRUE(Body(bad_head)["error"]["fields"].contains("line 1.naam")) << bad_head.body;
}

TEST_P(FeedbackHttp, AClosedSurveyTakesNoAnswersAndOtherWorkspacesCannotTouchIt) {
  const auto survey = Survey();
  const auto id = std::to_string(survey["id"].get<std::int64_t>());
  const auto token = survey["token"].get<std::string>();
  EXPECT_EQ(Api("GET", "/surveys/" + id, {}, &bram, "welzijn-oost").status, 404);
  EXPECT_EQ(Api("PATCH", "/surveys/" + id, {{"active", false}}, &bram, "welzijn-oost").status, 404);
  EXPECT_EQ(Api("GET", "/surveys/" + id + "/qr", {}, &bram, "welzijn-oost").status, 404);
  EXPECT_TRUE(Body(Api("GET", "/surveys", {}, &bram, "welzijn-oost"))["items"].empty());
  EXPECT_EQ(Api("PATCH", "/surveys/" + id, {{"active", false}}, &vera).status, 403);
  auto svg = Api("GET", "/surveys/" + id + "/qr");
  ASSERT_EQ(svg.status, 200);
  EXPECT_EQ(svg.Header("Content-Type"), "image/svg+xml");
  EXPECT_NE(svg.body.find("<svg"), std::string::npos);
  auto png = Api("GET", "/surveys/" + id + "/qr?format=png");
  EXPECT_EQ(png.body.substr(1, 3), "PNG");
  EXPECT_EQ(Api("GET", "/surveys/" + id + "/qr?format=gif").status, 422);

  ASSERT_EQ(Answer(token, {{"score", 7}, {"why", "mail me op jan@example.nl"}}).status, 201);
  auto responses = Body(Api("GET", "/responses"));
  EXPECT_EQ(responses["items"][0]["why"], "mail me op [e-mail]");
  EXPECT_TRUE(Body(Api("GET", "/responses", {}, &bram, "welzijn-oost"))["items"].empty());
  const auto response_id = std::to_string(responses["items"][0]["id"].get<std::int64_t>());
  EXPECT_EQ(Api("DELETE", "/responses/" + response_id + "/personal-data", {}, &bram, "welzijn-oost")
                .status,
            404);

  auto closed = Api("PATCH", "/surveys/" + id, {{"active", false}, {"team", "Team West"}});
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(Body(closed)["team"], "Team West");
  EXPECT_EQ(Answer(token, {{"score", 9}}).status, 409);
  EXPECT_NE(client->Request("GET", "/f/" + token).body.find("gesloten"), std::string::npos);

  // Erasing personal data keeps the score.
  ASSERT_EQ(Api("DELETE", "/responses/" + response_id + "/personal-data").status, 204);
  auto after = Body(Api("GET", "/responses"))["items"][0];
  EXPECT_EQ(after["why"], "");
  EXPECT_EQ(after["score"], 7);
}

TEST_P(FeedbackHttp, PhoneNumbersAreDeletedAfterTheRetentionPeriod) {
  const auto token = Survey()["token"];
  ASSERT_EQ(Answer(token, {{"score", 4}, {"callback", "ja"}, {"phone", "0612345678"}}).status, 201);
  EXPECT_EQ(server->runtime().feedback().PurgeExpiredPhones(), 0);
  server->clock().Advance(std::chrono::hours(24 * 91));
  EXPECT_EQ(server->runtime().feedback().PurgeExpiredPhones(), 1);
  anna = LogIn(*client, "anna@zorg.nl");  // sessions last 12 hours
  const auto id =
      std::to_string(Body(Api("GET", "/callbacks"))["items"][0]["id"].get<std::int64_t>());
  auto phone = Api("POST", "/callbacks/" + id + "/phone");
  ASSERT_EQ(phone.status, 200);
  EXPECT_TRUE(Body(phone)["phone"].is_null());
}

TEST_P(FeedbackHttp, TheLiveFeedShowsANewAnswerOnlyToItsOwnWorkspace) {
  const auto token = Survey()["token"].get<std::string>();
  auto stream_request = [&](const BrowserSession& who, const std::string& ws) {
    return BuildRequest("GET", "/api/v1/workspaces/" + ws + "/feedback/stream",
                        {{"Cookie", who.cookie}, {"Accept", "text/event-stream"}}, "");
  };
  StreamReader own(server->port(), stream_request(anna, "zorg-west"));
  StreamReader other(server->port(), stream_request(bram, "welzijn-oost"));
  ASSERT_NE(own.ReadUntil("connected").find("text/event-stream"), std::string::npos);
  ASSERT_NE(other.ReadUntil("connected").find("connected"), std::string::npos);
  auto r = Answer(
      token,
      {{"score", 1}, {"callback", true}, {"phone", "+32 470 12 34 56"}, {"why", "Niemand nam op"}});
  ASSERT_EQ(r.status, 201);
  const auto id = std::to_string(Body(r)["id"].get<std::int64_t>());
  const std::string seen = own.ReadUntil("event: callback");
  EXPECT_NE(seen.find("event: response\nid: response-" + id), std::string::npos) << seen;
  EXPECT_NE(seen.find("Niemand nam op"), std::string::npos);
  EXPECT_NE(seen.find("event: callback"), std::string::npos);
  EXPECT_EQ(seen.find("470"), std::string::npos) << "no phone number in the feed";
  const std::string elsewhere = other.ReadUntil("event:", std::chrono::milliseconds(500));
  EXPECT_EQ(elsewhere.find("event:"), std::string::npos) << elsewhere;
  // Strangers and the logged-out get no stream.
  StreamReader stranger(server->port(), stream_request(bram, "zorg-west"));
  EXPECT_NE(stranger.ReadUntil("\r\n\r\n").find("404"), std::string::npos);
}

TEST_P(FeedbackHttp, OneAddressCannotFloodALinkButOtherLinksStillWork) {
  const auto a = Survey()["token"].get<std::string>();
  const auto b = Survey({{"name", "Tweede"}})["token"].get<std::string>();
  int accepted = 0;
  int limited = 0;
  for (int i = 0; i < 35; ++i) {
    const int status = Answer(a, {{"score", 8}}).status;
    accepted += status == 201;
    limited += status == 429;
  }
  EXPECT_EQ(accepted, 30);
  EXPECT_EQ(limited, 5);
  EXPECT_EQ(Answer(b, {{"score", 8}}).status, 201) << "the limit is per link";
  auto form = Form(a, "score=8");
  EXPECT_EQ(form.status, 429);
  EXPECT_FALSE(form.Header("Retry-After").empty());
  EXPECT_NE(form.body.find("Even geduld"), std::string::npos);
}

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return testing::Name(info.param);
}
INSTANTIATE_TEST_SUITE_P(Backends, FeedbackHttp,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace aantafel::testing

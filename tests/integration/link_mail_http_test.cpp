// Scan and survey links mailed from the app, over HTTP on both databases with a real SMTP
// conversation: the mail carries the same link the API returns, one reminder goes out on the
// chosen day only to those who have not answered, the address is sealed at rest and forgotten
// after the reminder, and bad requests change nothing.
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "support/smtp_sink.hpp"
#include "support/test_server.hpp"

namespace aantafel::testing {
namespace {

using nlohmann::json;

json Body(const ClientResponse& r) { return json::parse(r.body, nullptr, false); }

class LinkMailHttp : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    AANTAFEL_SKIP_WITHOUT_BACKEND(GetParam());
    Start(true);
  }
  void Start(bool with_mail) {
    client.reset();
    server.reset();
    server = std::make_unique<TestServer>(
        GetParam(),
        TestServerOptions{.smtp_url = with_mail ? "smtp://127.0.0.1:" + std::to_string(sink.port())
                                                : std::string()});
    server->Start();
    client = std::make_unique<HttpClient>(server->port());
    server->AddUser("anna@zorg.nl", "Anna");
    server->AddWorkspace("zorg-west", "anna@zorg.nl");
    anna = LogIn(*client, "anna@zorg.nl");
  }
  ClientResponse Call(const std::string& method, const std::string& path, const json& body = {}) {
    return client->Request(method, "/api/v1/workspaces/zorg-west" + path,
                           {{"Cookie", anna.cookie},
                            {"X-CSRF-Token", anna.csrf},
                            {"Content-Type", "application/json"}},
                           body.is_null() ? "" : body.dump());
  }
  /// Waits (up to 10 s) until the sink holds `count` messages; mail leaves through a queue.
  std::vector<SmtpSink::Message> Mails(std::size_t count) {
    for (int i = 0; i < 200 && sink.messages().size() < count; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return sink.messages();
  }
  const SmtpSink::Message* MailTo(const std::vector<SmtpSink::Message>& mails,
                                  const std::string& address, std::size_t nth = 0) {
    for (const auto& m : mails) {
      if (!m.to.empty() && m.to.front().find(address) != std::string::npos && nth-- == 0) {
        return &m;
      }
    }
    return nullptr;
  }
  std::string ScanPath() {
    auto r = Call("POST", "/scans",
                  {{"title", "Samenwerking 2026"},
                   {"collaboration", "Zorg West en Zorgcoöperatie Hoogland"},
                   {"template_id", "care_cooperative"}});
    EXPECT_EQ(r.status, 201) << r.body;
    return "/scans/" + std::to_string(Body(r)["id"].get<std::int64_t>());
  }
  std::int64_t Count(const std::string& sql) {
    auto lease = server->runtime().database().Acquire();
    return lease->QueryOne(sql)->Int(0);
  }
  /// Answers every statement of the scan behind `link` with "agree".
  int AnswerScan(const std::string& link) {
    auto page = client->Request("GET", link);
    std::string form = "lang=nl";
    for (std::size_t at = page.body.find("name=\"a."); at != std::string::npos;
         at = page.body.find("name=\"a.", at + 1)) {
      const auto start = at + 6;
      const std::string name = page.body.substr(start, page.body.find('"', start) - start);
      if (form.find(name + "=") == std::string::npos) form += "&" + name + "=4";
    }
    return client
        ->Request("POST", link, {{"Content-Type", "application/x-www-form-urlencoded"}}, form)
        .status;
  }

  SmtpSink sink;
  std::unique_ptr<TestServer> server;
  std::unique_ptr<HttpClient> client;
  BrowserSession anna;
};

TEST_P(LinkMailHttp, ScanLinksAreMailedAndOnlyTheUnansweredAreRemindedOnce) {
  EXPECT_TRUE(Body(client->Request("GET", "/api/v1/session", {{"Cookie", anna.cookie}}))["mail"]);
  const std::string scan = ScanPath();
  auto r = Call("POST", scan + "/respondents",
                {{"invitees",
                  {{{"organisation", "Hoogland"}, {"email", " Piet@Hoogland.NL "}},
                   {{"organisation", "Hoogland"}, {"email", "els@hoogland.nl"}},
                   {{"organisation", "Zorg West"}}}},
                 {"expires_in_days", 14},
                 {"remind_after_days", 3}});
  ASSERT_EQ(r.status, 201) << r.body;
  const json items = Body(r)["items"];
  ASSERT_EQ(items.size(), 3U);
  EXPECT_TRUE(items[0]["mailed"]);
  EXPECT_TRUE(items[1]["mailed"]);
  EXPECT_FALSE(items[2]["mailed"]) << "no address: the link is passed on by hand";
  EXPECT_TRUE(items[2]["respondent"]["mail"].is_null());
  EXPECT_FALSE(items[0]["respondent"]["mail"]["remind_at"].is_null());

  auto mails = Mails(2);
  ASSERT_EQ(mails.size(), 2U);
  const auto* piet = MailTo(mails, "piet@hoogland.nl");
  ASSERT_NE(piet, nullptr) << "the address is normalised";
  const std::string piet_link = items[0]["url"];
  EXPECT_NE(piet->data.find("Subject: Samenwerkingsscan \"Samenwerking 2026\""), std::string::npos)
      << piet->data;
  EXPECT_NE(piet->data.find("Werkruimte zorg-west vraagt u mee te doen"), std::string::npos)
      << piet->data;
  EXPECT_NE(piet->data.find(piet_link + "\r\n"), std::string::npos) << "the link in plain text";
  EXPECT_NE(piet->data.find("href=\"" + piet_link + "\""), std::string::npos) << "and as button";
  EXPECT_NE(piet->data.find("Content-Type: text/html; charset=utf-8"), std::string::npos);

  // At rest only sealed: neither the address nor the link's secret appears in the table.
  const std::string els_secret =
      items[1]["url"].get<std::string>().substr(piet_link.find("/s/") + 3);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM link_mails WHERE address_sealed IS NOT NULL"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM link_mails WHERE address_sealed LIKE '%hoogland%' OR "
                  "token_sealed LIKE '%" +
                  els_secret + "%'"),
            0);

  // Piet answers; nobody is reminded before the day.
  ASSERT_EQ(AnswerScan(piet_link.substr(piet_link.find("/s/"))), 200);
  EXPECT_EQ(server->runtime().link_mail().SendDueReminders(), 0);
  server->clock().Advance(std::chrono::days(3) + std::chrono::hours(1));
  anna = LogIn(*client, "anna@zorg.nl");  // the session of three days ago has ended
  EXPECT_EQ(server->runtime().link_mail().SendDueReminders(), 1) << "only Els has not answered";
  EXPECT_EQ(server->runtime().link_mail().SendDueReminders(), 0) << "one reminder, once";
  mails = Mails(3);
  ASSERT_EQ(mails.size(), 3U);
  const auto* reminder = MailTo(mails, "els@hoogland.nl", 1);
  ASSERT_NE(reminder, nullptr);
  EXPECT_NE(reminder->data.find("Subject: Herinnering: samenwerkingsscan"), std::string::npos);
  EXPECT_NE(reminder->data.find(items[1]["url"].get<std::string>() + "\r\n"), std::string::npos)
      << "the same link as the first mail";
  EXPECT_EQ(MailTo(mails, "piet@hoogland.nl", 1), nullptr);

  // Afterwards only the dates remain.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM link_mails WHERE address_sealed IS NOT NULL OR "
                  "token_sealed IS NOT NULL"),
            0);
  const json list = Body(Call("GET", scan + "/respondents"))["items"];
  ASSERT_EQ(list.size(), 3U);
  for (const auto& respondent : list) {
    if (respondent["id"] == items[1]["respondent"]["id"]) {
      EXPECT_FALSE(respondent["mail"]["reminded_at"].is_null());
      EXPECT_TRUE(respondent["mail"]["remind_at"].is_null());
    } else if (respondent["id"] == items[0]["respondent"]["id"]) {
      EXPECT_TRUE(respondent["mail"]["reminded_at"].is_null()) << "answered: not reminded";
      EXPECT_FALSE(respondent["mail"]["sent_at"].is_null());
    } else {
      EXPECT_TRUE(respondent["mail"].is_null());
    }
  }

  // Withdrawing a respondent removes what was kept of their mail.
  const std::string els_id = std::to_string(items[1]["respondent"]["id"].get<std::int64_t>());
  ASSERT_EQ(Call("DELETE", scan + "/respondents/" + els_id).status, 204);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM link_mails"), 1);
}

TEST_P(LinkMailHttp, AClosedScanOrAWithdrawnLinkGetsNoReminder) {
  const std::string scan = ScanPath();
  auto r = Call("POST", scan + "/respondents",
                {{"invitees",
                  {{{"organisation", "Hoogland"}, {"email", "piet@hoogland.nl"}},
                   {{"organisation", "Hoogland"}, {"email", "els@hoogland.nl"}}}},
                 {"remind_after_days", 5}});
  ASSERT_EQ(r.status, 201) << r.body;
  ASSERT_EQ(Mails(2).size(), 2U);
  const std::string els_id =
      std::to_string(Body(r)["items"][1]["respondent"]["id"].get<std::int64_t>());
  ASSERT_EQ(Call("DELETE", scan + "/respondents/" + els_id).status, 204);
  ASSERT_EQ(Call("PATCH", scan, {{"status", "closed"}}).status, 200);
  server->clock().Advance(std::chrono::days(6));
  EXPECT_EQ(server->runtime().link_mail().SendDueReminders(), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM link_mails WHERE address_sealed IS NOT NULL"), 0)
      << "the address is forgotten once no reminder is needed";
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_EQ(sink.messages().size(), 2U);
}

TEST_P(LinkMailHttp, BadMailRequestsNameTheFieldAndTheLimitAndMakeNoLinks) {
  const std::string scan = ScanPath();
  const json one = {{{"organisation", "Hoogland"}, {"email", "piet@hoogland.nl"}}};
  auto r = Call("POST", scan + "/respondents",
                {{"invitees", one}, {"expires_in_days", 7}, {"remind_after_days", 7}});
  ASSERT_EQ(r.status, 422);
  EXPECT_EQ(Body(r)["error"]["fields"]["remind_after_days"], "Kies een getal van hoogstens 6.")
      << r.body;
  r = Call("POST", scan + "/respondents", {{"invitees", one}, {"remind_after_days", 0}});
  EXPECT_EQ(Body(r)["error"]["fields"]["remind_after_days"], "Kies een getal van minstens 1.")
      << r.body;
  r = Call("POST", scan + "/respondents", {{"invitees", one}, {"language", "de"}});
  EXPECT_TRUE(Body(r)["error"]["fields"].contains("language")) << r.body;
  r = Call("POST", scan + "/respondents",
           {{"invitees", {{{"organisation", "Hoogland"}, {"email", "geen adres"}}}}});
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(Body(r)["error"]["fields"].contains("invitees[0].email")) << r.body;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM scan_respondents"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM link_mails"), 0);
  EXPECT_TRUE(sink.messages().empty());
}

TEST_P(LinkMailHttp, SurveyLinksGoToEmailAddressesInTheChosenLanguage) {
  auto r =
      Call("POST", "/feedback/surveys", {{"name", "Cliënten 2026"}, {"team", "Wijkteam Noord"}});
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string invitations =
      "/feedback/surveys/" + std::to_string(Body(r)["id"].get<std::int64_t>()) + "/invitations";
  r = Call("POST", invitations,
           {{"contacts",
             {{{"reference", "c1"}, {"client", "kees@client.nl"}, {"channel", "email"}},
              {{"reference", "c2"}, {"client", "06-12345678"}, {"channel", "sms"}},
              {{"reference", "c3"}, {"client", "ria@client.nl"}, {"channel", "email"}}}},
            {"send_by_email", true},
            {"language", "en"},
            {"remind_after_days", 2}});
  ASSERT_EQ(r.status, 201) << r.body;
  const json created = Body(r)["created"];
  ASSERT_EQ(created.size(), 3U);
  EXPECT_TRUE(created[0]["mailed"]);
  EXPECT_FALSE(created[1]["mailed"]) << "a phone number gets its link by hand";
  EXPECT_TRUE(created[2]["mailed"]);
  auto mails = Mails(2);
  ASSERT_EQ(mails.size(), 2U);
  const auto* kees = MailTo(mails, "kees@client.nl");
  ASSERT_NE(kees, nullptr);
  EXPECT_NE(kees->data.find("Subject: How was your experience with Wijkteam Noord?"),
            std::string::npos)
      << kees->data;
  EXPECT_NE(kees->data.find(created[0]["url"].get<std::string>() + "\r\n"), std::string::npos);
  EXPECT_NE(kees->data.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(kees->data.find("Nederlands: "), std::string::npos) << "one line in Dutch";

  // Kees answers through his link; only Ria is reminded.
  ASSERT_EQ(client
                ->Request("POST", "/f/" + created[0]["token"].get<std::string>(),
                          {{"Content-Type", "application/json"}},
                          json{{"score", 9}, {"why", "Fijn team"}}.dump())
                .status,
            201);
  server->clock().Advance(std::chrono::days(2) + std::chrono::minutes(1));
  anna = LogIn(*client, "anna@zorg.nl");
  EXPECT_EQ(server->runtime().link_mail().SendDueReminders(), 1);
  mails = Mails(3);
  ASSERT_EQ(mails.size(), 3U);
  const auto* ria = MailTo(mails, "ria@client.nl", 1);
  ASSERT_NE(ria, nullptr);
  EXPECT_NE(ria->data.find("Subject: Reminder: how was your experience with Wijkteam Noord?"),
            std::string::npos);

  // Without send_by_email nothing is mailed, also for e-mail addresses; a reminder must come
  // before the shortest link expires.
  r = Call("POST", invitations,
           {{"contacts", {{{"client", "jan@client.nl"}, {"channel", "email"}}}}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_FALSE(Body(r)["created"][0]["mailed"]);
  r = Call("POST", invitations,
           {{"contacts",
             {{{"client", "an@client.nl"}, {"valid_days", 30}},
              {{"client", "bo@client.nl"}, {"valid_days", 3}}}},
            {"send_by_email", true},
            {"remind_after_days", 5}});
  ASSERT_EQ(r.status, 422);
  EXPECT_EQ(Body(r)["error"]["fields"]["remind_after_days"], "Kies een getal van hoogstens 2.")
      << r.body;
}

TEST_P(LinkMailHttp, WithoutAMailRelayTheLinksAreShownToPassOn) {
  Start(false);
  EXPECT_FALSE(Body(client->Request("GET", "/api/v1/session", {{"Cookie", anna.cookie}}))["mail"]);
  const std::string scan = ScanPath();
  auto r = Call("POST", scan + "/respondents",
                {{"invitees", {{{"organisation", "Hoogland"}, {"email", "piet@hoogland.nl"}}}},
                 {"remind_after_days", 3}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_FALSE(Body(r)["items"][0]["mailed"]);
  EXPECT_TRUE(Body(r)["items"][0]["respondent"]["mail"].is_null());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM link_mails"), 0) << "no address kept when nothing is sent";
}

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) { return Name(info.param); }

INSTANTIATE_TEST_SUITE_P(Backends, LinkMailHttp,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace aantafel::testing

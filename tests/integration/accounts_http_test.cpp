// Colleagues and signing in over HTTP on both databases, with mail through a real SMTP
// conversation: invitations, password reset, the own account page's calls.
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "support/smtp_sink.hpp"
#include "support/test_server.hpp"

namespace aantafel::testing {
namespace {

using nlohmann::json;
using Headers = std::map<std::string, std::string>;

json Body(const ClientResponse& r) { return json::parse(r.body, nullptr, false); }

class AccountHttp : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    AANTAFEL_SKIP_WITHOUT_BACKEND(GetParam());
    server = std::make_unique<TestServer>(
        GetParam(),
        TestServerOptions{.smtp_url = "smtp://127.0.0.1:" + std::to_string(sink.port())});
    server->Start();
    client = std::make_unique<HttpClient>(server->port());
    server->AddUser("anna@zorg.nl", "Anna");
    server->AddUser("bram@welzijn.nl", "Bram");
    server->AddWorkspace("zorg-west", "anna@zorg.nl");
    server->AddWorkspace("welzijn-oost", "bram@welzijn.nl");
    anna = LogIn(*client, "anna@zorg.nl");
  }
  Headers Auth(const BrowserSession& s) {
    return {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}, {"Content-Type", "application/json"}};
  }
  ClientResponse Post(const std::string& path, const json& body,
                      const BrowserSession* who = nullptr) {
    return client->Request("POST", path,
                           who ? Auth(*who) : Headers{{"Content-Type", "application/json"}},
                           body.dump());
  }
  /// Waits (up to 10 s) until the sink holds `count` messages.
  std::vector<SmtpSink::Message> Mails(std::size_t count) {
    for (int i = 0; i < 200 && sink.messages().size() < count; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return sink.messages();
  }
  /// The secret after "#" of the first link to `page` in a raw message.
  static std::string Secret(const std::string& data, const std::string& page) {
    const auto at = data.find(page + "#");
    if (at == std::string::npos) return {};
    const auto start = at + page.size() + 1;
    const auto end = data.find_first_of("\r\n\"<", start);
    return data.substr(start, end - start);
  }
  static BrowserSession SessionFrom(const ClientResponse& r) {
    const std::string set_cookie = r.Header("Set-Cookie");
    return {.cookie = set_cookie.substr(0, set_cookie.find(';')),
            .csrf = Body(r).value("csrf_token", "")};
  }

  SmtpSink sink;
  std::unique_ptr<TestServer> server;
  std::unique_ptr<HttpClient> client;
  BrowserSession anna;
};

TEST_P(AccountHttp, AnInvitedColleagueSetsAPasswordAndLandsInTheWorkspace) {
  const std::string base = "/api/v1/workspaces/zorg-west/invitations";
  auto invited = Post(base, {{"email", "Kees@Zorg.nl"}, {"role", "editor"}}, &anna);
  ASSERT_EQ(invited.status, 201) << invited.body;
  EXPECT_TRUE(Body(invited)["mailed"].get<bool>());
  EXPECT_FALSE(Body(invited).contains("link")) << "a mailed link is never shown to the owner";
  EXPECT_EQ(Body(invited)["invitation"]["email"], "kees@zorg.nl");
  EXPECT_FALSE(Body(invited)["invitation"]["sent_at"].is_null());

  const auto mails = Mails(1);
  ASSERT_EQ(mails.size(), 1U);
  const std::string& data = mails[0].data;
  EXPECT_NE(mails[0].to.front().find("kees@zorg.nl"), std::string::npos);
  EXPECT_NE(data.find("Content-Type: multipart/alternative"), std::string::npos);
  EXPECT_NE(data.find("Content-Type: text/plain; charset=utf-8"), std::string::npos);
  EXPECT_NE(data.find("Content-Type: text/html; charset=utf-8"), std::string::npos);
  EXPECT_NE(data.find("Anna nodigt je uit"), std::string::npos) << data;
  EXPECT_NE(data.find("English: Anna invites you"), std::string::npos);
  const std::string token = Secret(data, "/invitation");
  ASSERT_EQ(token.size(), 43U) << data;

  // Only owners see and manage invitations.
  server->AddUser("vera@zorg.nl", "Vera");
  server->AddMember("zorg-west", "vera@zorg.nl", "editor");
  auto vera = LogIn(*client, "vera@zorg.nl");
  EXPECT_EQ(client->Request("GET", base, Auth(vera)).status, 403);
  EXPECT_EQ(Post(base, {{"email", "x@zorg.nl"}, {"role", "owner"}}, &vera).status, 403);
  auto listed = Body(client->Request("GET", base, Auth(anna)));
  ASSERT_EQ(listed["items"].size(), 1U);
  EXPECT_EQ(listed["items"][0]["invited_by"], "Anna");
  EXPECT_EQ(listed.dump().find(token), std::string::npos) << "the secret is never listed";

  auto details = Post("/api/v1/invitations/lookup", {{"token", token}});
  ASSERT_EQ(details.status, 200) << details.body;
  EXPECT_EQ(Body(details)["workspace"]["name"], "Werkruimte zorg-west");
  EXPECT_EQ(Body(details)["role"], "editor");
  EXPECT_FALSE(Body(details)["account_exists"].get<bool>());

  auto weak = Post("/api/v1/invitations/accept", {{"token", token}, {"password", "kort"}});
  EXPECT_EQ(weak.status, 422);
  EXPECT_TRUE(Body(weak)["error"]["fields"].contains("name"));
  auto accepted =
      Post("/api/v1/invitations/accept",
           {{"token", token}, {"name", "Kees Jansen"}, {"password", "een goed wachtwoord"}});
  ASSERT_EQ(accepted.status, 201) << accepted.body;
  EXPECT_NE(accepted.Header("Set-Cookie").find("HttpOnly"), std::string::npos);
  const BrowserSession kees = SessionFrom(accepted);
  const auto session = Body(client->Request("GET", "/api/v1/session", Auth(kees)));
  ASSERT_EQ(session["workspaces"].size(), 1U);
  EXPECT_EQ(session["workspaces"][0]["slug"], "zorg-west");
  EXPECT_EQ(session["workspaces"][0]["role"], "editor");
  EXPECT_EQ(session["user"]["name"], "Kees Jansen");

  auto again = Post("/api/v1/invitations/accept",
                    {{"token", token}, {"name", "Kees"}, {"password", "een goed wachtwoord"}});
  EXPECT_EQ(again.status, 410);
  EXPECT_EQ(Body(again)["error"]["code"], "link_expired");
  EXPECT_TRUE(Body(client->Request("GET", base, Auth(anna)))["items"].empty());
  // An existing member cannot be invited again; that tells the owner nothing new.
  auto member = Post(base, {{"email", "kees@zorg.nl"}, {"role", "viewer"}}, &anna);
  EXPECT_EQ(member.status, 409);
  EXPECT_EQ(Body(member)["error"]["fields"]["email"],
            "Deze persoon is al lid van deze werkruimte.");
}

TEST_P(AccountHttp, InvitingAnAccountOrANewAddressLooksTheSame) {
  const std::string base = "/api/v1/workspaces/zorg-west/invitations";
  auto known = Post(base, {{"email", "bram@welzijn.nl"}, {"role", "viewer"}}, &anna);
  auto unknown = Post(base, {{"email", "nieuw@welzijn.nl"}, {"role", "viewer"}}, &anna);
  ASSERT_EQ(known.status, 201);
  ASSERT_EQ(unknown.status, 201);
  auto shape = [](json j) {
    j["invitation"].erase("id");
    j["invitation"].erase("email");
    return j;
  };
  EXPECT_EQ(shape(Body(known)), shape(Body(unknown)));
  // Bram is not a member until he follows the link with his own password.
  auto bram = LogIn(*client, "bram@welzijn.nl");
  EXPECT_EQ(client->Request("GET", "/api/v1/workspaces/zorg-west", Auth(bram)).status, 404);
  const auto mails = Mails(2);
  ASSERT_EQ(mails.size(), 2U);
  const auto& to_bram = mails[0].to.front().find("bram") != std::string::npos ? mails[0] : mails[1];
  const std::string token = Secret(to_bram.data, "/invitation");
  EXPECT_TRUE(Body(Post("/api/v1/invitations/lookup", {{"token", token}}))["account_exists"]);
  auto wrong = Post("/api/v1/invitations/accept", {{"token", token}, {"password", "niet goed!!"}});
  EXPECT_EQ(wrong.status, 422);
  EXPECT_EQ(Body(wrong)["error"]["fields"]["password"], "Dit wachtwoord klopt niet.");
  ASSERT_EQ(
      Post("/api/v1/invitations/accept", {{"token", token}, {"password", TestServer::kPassword}})
          .status,
      201);
  EXPECT_EQ(client->Request("GET", "/api/v1/workspaces/zorg-west", Auth(bram)).status, 200);

  // Withdrawn and re-sent links stop working.
  const auto id = Body(unknown)["invitation"]["id"].get<std::int64_t>();
  ASSERT_EQ(Post(base + "/" + std::to_string(id) + "/resend", json::object(), &anna).status, 200);
  const auto renewed = Mails(3);
  ASSERT_EQ(renewed.size(), 3U);
  const std::string fresh = Secret(renewed[2].data, "/invitation");
  ASSERT_EQ(client->Request("DELETE", base + "/" + std::to_string(id), Auth(anna)).status, 204);
  EXPECT_EQ(Post("/api/v1/invitations/lookup", {{"token", fresh}}).status, 410);
  EXPECT_EQ(client->Request("DELETE", base + "/" + std::to_string(id), Auth(anna)).status, 404);
  // Another workspace's owner cannot touch this workspace's invitations.
  EXPECT_EQ(client->Request("GET", base, Auth(bram)).status, 403);
}

TEST_P(AccountHttp, APasswordResetByMailWorksOnceAndSignsOutEverywhere) {
  auto before = Post("/api/v1/password-reset", {{"email", "niemand@zorg.nl"}});
  ASSERT_EQ(before.status, 202);
  auto known = Post("/api/v1/password-reset", {{"email", "anna@zorg.nl"}});
  ASSERT_EQ(known.status, 202);
  EXPECT_EQ(before.body, known.body) << "the same answer for known and unknown addresses";
  EXPECT_EQ(Body(known)["mail"], "sent_if_known");
  EXPECT_EQ(Post("/api/v1/password-reset", {{"email", "geen adres"}}).status, 422);

  const auto mails = Mails(1);
  ASSERT_EQ(mails.size(), 1U);
  EXPECT_NE(mails[0].to.front().find("anna@zorg.nl"), std::string::npos);
  const std::string token = Secret(mails[0].data, "/password/reset");
  ASSERT_FALSE(token.empty()) << mails[0].data;

  auto done = Post("/api/v1/password-reset/complete",
                   {{"token", token}, {"password", "een nieuw wachtwoord"}});
  ASSERT_EQ(done.status, 201) << done.body;
  EXPECT_EQ(client->Request("GET", "/api/v1/session", Auth(anna)).status, 401)
      << "the old session ended";
  EXPECT_EQ(client->Request("GET", "/api/v1/session", Auth(SessionFrom(done))).status, 200);
  EXPECT_EQ(Post("/api/v1/password-reset/complete",
                 {{"token", token}, {"password", "nog een wachtwoord"}})
                .status,
            410);
  EXPECT_EQ(
      Post("/api/v1/session", {{"email", "anna@zorg.nl"}, {"password", TestServer::kPassword}})
          .status,
      401);
  LogIn(*client, "anna@zorg.nl", "een nieuw wachtwoord");
  EXPECT_EQ(sink.messages().size(), 1U) << "an unknown address got no mail";
}

TEST_P(AccountHttp, TheOwnAccountPageChangesNameLanguagePasswordAndSessions) {
  auto elsewhere = LogIn(*client, "anna@zorg.nl");
  auto profile = client->Request("PATCH", "/api/v1/account", Auth(anna),
                                 R"({"name":"Anna de Vries","language":"en"})");
  ASSERT_EQ(profile.status, 200) << profile.body;
  EXPECT_EQ(Body(profile)["language"], "en");
  EXPECT_EQ(Body(client->Request("GET", "/api/v1/session", Auth(anna)))["user"]["name"],
            "Anna de Vries");
  auto bad = client->Request("PATCH", "/api/v1/account", Auth(anna), R"({"language":"de"})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(client->Request("PATCH", "/api/v1/account", Auth(anna), R"({"name":null})").status,
            422);

  auto sessions = Body(client->Request("GET", "/api/v1/account/sessions", Auth(anna)));
  ASSERT_EQ(sessions["items"].size(), 2U);
  int current = 0;
  for (const auto& s : sessions["items"]) current += s["current"].get<bool>() ? 1 : 0;
  EXPECT_EQ(current, 1);

  auto wrong =
      Post("/api/v1/account/password",
           {{"current_password", "fout"}, {"new_password", "een nieuw wachtwoord"}}, &anna);
  EXPECT_EQ(wrong.status, 422);
  EXPECT_TRUE(Body(wrong)["error"]["fields"].contains("current_password"));
  auto changed =
      Post("/api/v1/account/password",
           {{"current_password", TestServer::kPassword}, {"new_password", "een nieuw wachtwoord"}},
           &anna);
  ASSERT_EQ(changed.status, 204) << changed.body;
  EXPECT_EQ(client->Request("GET", "/api/v1/session", Auth(anna)).status, 200);
  EXPECT_EQ(client->Request("GET", "/api/v1/session", Auth(elsewhere)).status, 401);

  auto third = LogIn(*client, "anna@zorg.nl", "een nieuw wachtwoord");
  auto ended = Post("/api/v1/account/sessions/end-others", json::object(), &anna);
  ASSERT_EQ(ended.status, 200);
  EXPECT_EQ(Body(ended)["ended"], 1);
  EXPECT_EQ(client->Request("GET", "/api/v1/session", Auth(third)).status, 401);
  EXPECT_EQ(
      client->Request("DELETE", "/api/v1/account/sessions/0123456789abcdef", Auth(anna)).status,
      404);

  // Scripts with an API token cannot change the password or list sessions.
  auto token = Post("/api/v1/workspaces/zorg-west/tokens", {{"label", "script"}}, &anna);
  ASSERT_EQ(token.status, 201);
  const Headers bearer = {{"Authorization", "Bearer " + Body(token)["token"].get<std::string>()},
                          {"Content-Type", "application/json"}};
  EXPECT_EQ(client->Request("GET", "/api/v1/account/sessions", bearer).status, 403);
  EXPECT_EQ(
      client
          ->Request("POST", "/api/v1/account/password", bearer,
                    R"({"current_password":"een nieuw wachtwoord","new_password":"x1234567890"})")
          .status,
      403);
}

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) { return Name(info.param); }

INSTANTIATE_TEST_SUITE_P(Backends, AccountHttp,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace aantafel::testing

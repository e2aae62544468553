// HTTP round trips against the real server on a loopback port with a real database
// (SQLite always, PostgreSQL when AANTAFEL_TEST_PG_URL is set).
#include <gtest/gtest.h>

#include <condition_variable>
#include <future>
#include <mutex>
#include <nlohmann/json.hpp>

#include "support/test_server.hpp"

namespace aantafel::testing {
namespace {

using nlohmann::json;
using Headers = std::map<std::string, std::string>;

const Headers kJson = {{"Content-Type", "application/json"}};

Headers With(Headers base, const Headers& more) {
  for (const auto& [k, v] : more) base[k] = v;
  return base;
}

json Body(const ClientResponse& r) { return json::parse(r.body, nullptr, false); }

class HttpTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    AANTAFEL_SKIP_WITHOUT_BACKEND(GetParam());
    StartServer({});
  }
  void StartServer(TestServerOptions options) {
    server = std::make_unique<TestServer>(GetParam(), options);
    BeforeStart();
    server->Start();
    client = std::make_unique<HttpClient>(server->port());
    server->AddUser("anna@zorg.nl", "Anna");
    server->AddUser("bram@welzijn.nl", "Bram");
    server->AddWorkspace("zorg-west", "anna@zorg.nl");
    server->AddWorkspace("welzijn-oost", "bram@welzijn.nl");
  }
  virtual void BeforeStart() {}
  Headers Cookie(const BrowserSession& s, bool with_csrf = true) {
    Headers h = {{"Cookie", s.cookie}};
    if (with_csrf) h["X-CSRF-Token"] = s.csrf;
    return h;
  }

  std::unique_ptr<TestServer> server;
  std::unique_ptr<HttpClient> client;
};

// ---- health ----

TEST_P(HttpTest, HealthAndReadinessAnswerJson) {
  auto health = client->Request("GET", "/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(Body(health)["status"], "ok");
  auto ready = client->Request("GET", "/readyz");
  EXPECT_EQ(ready.status, 200);
  EXPECT_EQ(Body(ready)["database"]["kind"],
            GetParam() == Backend::kSqlite ? "sqlite" : "postgresql");
}

TEST_P(HttpTest, EveryResponseCarriesSecurityHeadersAndARequestId) {
  for (const char* path : {"/healthz", "/api/v1/nope", "/", "/api/v1/session"}) {
    auto r = client->Request("GET", path);
    EXPECT_NE(r.Header("Content-Security-Policy").find("frame-ancestors 'none'"), std::string::npos)
        << path;
    EXPECT_EQ(r.Header("Content-Security-Policy").find("unsafe-inline"), std::string::npos) << path;
    EXPECT_EQ(r.Header("X-Content-Type-Options"), "nosniff") << path;
    EXPECT_EQ(r.Header("Referrer-Policy"), "no-referrer") << path;
    // public_url is https here: browsers are told to stay on https.
    EXPECT_EQ(r.Header("Strict-Transport-Security"), "max-age=31536000") << path;
    EXPECT_FALSE(r.Header("X-Request-Id").empty()) << path;
  }
  auto echoed = client->Request("GET", "/healthz", {{"X-Request-Id", "trace-123"}});
  EXPECT_EQ(echoed.Header("X-Request-Id"), "trace-123");
}

TEST_P(HttpTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  ASSERT_TRUE(client->Connect());
  ASSERT_TRUE(client->SendRaw(BuildRequest("GET", "/healthz", {}, "") +
                              BuildRequest("GET", "/readyz", {}, "")));
  auto first = client->ReadResponse();
  auto second = client->ReadResponse();
  ASSERT_TRUE(first && second);
  EXPECT_EQ(Body(*first)["status"], "ok");
  EXPECT_EQ(Body(*second)["status"], "ready");
}

TEST_P(HttpTest, HeadHasHeadersButNoBody) {
  auto get = client->Request("GET", "/healthz");
  auto head = client->Request("HEAD", "/healthz");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
  EXPECT_EQ(head.Header("Content-Length"), get.Header("Content-Length"));
  // The connection is still usable afterwards: no stray body bytes.
  EXPECT_EQ(client->Request("GET", "/healthz").status, 200);
}

// ---- login and sessions ----

TEST_P(HttpTest, LoginSetsASafeSessionCookie) {
  auto r = client->Request("POST", "/api/v1/session", kJson,
                           R"({"email":"anna@zorg.nl","password":"correct horse 1"})");
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string cookie = r.Header("Set-Cookie");
  EXPECT_TRUE(cookie.starts_with("aantafel_session="));
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  EXPECT_NE(cookie.find("Path=/"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos);  // plain http in this test
  auto body = Body(r);
  EXPECT_EQ(body["user"]["email"], "anna@zorg.nl");
  EXPECT_EQ(body["workspaces"][0]["slug"], "zorg-west");
  EXPECT_EQ(body["workspaces"][0]["role"], "owner");
  EXPECT_FALSE(body["csrf_token"].get<std::string>().empty());
  EXPECT_EQ(body["user"].count("password_hash"), 0U);
}

TEST_P(HttpTest, LoggingInAgainWithAnOldCookieWorks) {
  auto first = LogIn(*client, "anna@zorg.nl");
  auto again = client->Request("POST", "/api/v1/session", With(kJson, {{"Cookie", first.cookie}}),
                               R"({"email":"bram@welzijn.nl","password":"correct horse 1"})");
  EXPECT_EQ(again.status, 201) << again.body;
}

TEST_P(HttpTest, LongUnknownFieldNamesAreReportedNotCrashed) {
  auto anna = LogIn(*client, "anna@zorg.nl");
  const std::string key = std::string(99, 'x') + "ö";  // the 100-byte cut falls inside ö
  auto r = client->Request("PATCH", "/api/v1/workspaces/zorg-west", With(kJson, Cookie(anna)),
                           json{{"name", "ok"}, {key, 1}}.dump());
  EXPECT_EQ(r.status, 422) << r.body;
}

TEST_P(HttpTest, SessionReturnsUserAndWorkspacesAndNeedsACookie) {
  EXPECT_EQ(client->Request("GET", "/api/v1/session").status, 401);
  EXPECT_EQ(
      client->Request("GET", "/api/v1/session", {{"Cookie", "aantafel_session=made-up"}}).status,
      401);
  auto session = LogIn(*client, "anna@zorg.nl");
  auto r = client->Request("GET", "/api/v1/session", Cookie(session, false));
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(Body(r)["user"]["name"], "Anna");
  EXPECT_EQ(Body(r)["csrf_token"], session.csrf);
}

TEST_P(HttpTest, WrongPasswordAndUnknownEmailGetTheSameAnswer) {
  auto wrong = client->Request("POST", "/api/v1/session", kJson,
                               R"({"email":"anna@zorg.nl","password":"wrong password"})");
  auto unknown = client->Request("POST", "/api/v1/session", kJson,
                                 R"({"email":"nobody@zorg.nl","password":"wrong password"})");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.body, unknown.body);
  EXPECT_EQ(Body(wrong)["error"]["code"], "invalid_credentials");
  EXPECT_FALSE(wrong.HasHeader("Set-Cookie"));
}

TEST_P(HttpTest, LogoutNeedsCsrfAndEndsTheSession) {
  auto session = LogIn(*client, "anna@zorg.nl");
  auto refused = client->Request("DELETE", "/api/v1/session", Cookie(session, false));
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(Body(refused)["error"]["code"], "csrf_failed");
  EXPECT_EQ(client->Request("GET", "/api/v1/session", Cookie(session, false)).status, 200);

  auto out = client->Request("DELETE", "/api/v1/session", Cookie(session));
  EXPECT_EQ(out.status, 204);
  EXPECT_NE(out.Header("Set-Cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(client->Request("GET", "/api/v1/session", Cookie(session, false)).status, 401);
}

TEST_P(HttpTest, SessionsExpire) {
  auto session = LogIn(*client, "anna@zorg.nl");
  server->clock().Advance(std::chrono::hours(12) + std::chrono::seconds(1));
  EXPECT_EQ(client->Request("GET", "/api/v1/session", Cookie(session, false)).status, 401);
}

TEST_P(HttpTest, RepeatedWrongPasswordsAreRateLimitedPerAccountAndAddress) {
  const std::string wrong = R"({"email":"anna@zorg.nl","password":"wrong password"})";
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(client->Request("POST", "/api/v1/session", kJson, wrong).status, 401) << i;
  }
  auto limited = client->Request("POST", "/api/v1/session", kJson,
                                 R"({"email":"anna@zorg.nl","password":"correct horse 1"})");
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(limited.Header("Retry-After"), "180");  // 5 per 15 minutes: one every 180 s
  EXPECT_EQ(Body(limited)["error"]["code"], "rate_limited");
  // Other accounts are not affected by Anna's lock (the service tests show that Anna at another
  // address is not either).
  EXPECT_EQ(client
                ->Request("POST", "/api/v1/session", kJson,
                          R"({"email":"bram@welzijn.nl","password":"correct horse 1"})")
                .status,
            201);
  server->clock().Advance(std::chrono::seconds(180));
  EXPECT_EQ(client
                ->Request("POST", "/api/v1/session", kJson,
                          R"({"email":"anna@zorg.nl","password":"correct horse 1"})")
                .status,
            201);
}

TEST_P(HttpTest, ManyAttemptsFromOneAddressAreRateLimited) {
  int last = 0;
  for (int i = 0; i < 11; ++i) {
    last = client
               ->Request("POST", "/api/v1/session", kJson,
                         json{{"email", "user" + std::to_string(i) + "@zorg.nl"},
                              {"password", "whatever 123"}}
                             .dump())
               .status;
  }
  EXPECT_EQ(last, 429);
}

// ---- CSRF, tokens, isolation, roles ----

TEST_P(HttpTest, CookieWritesWithoutTheCsrfTokenAreRefused) {
  auto session = LogIn(*client, "anna@zorg.nl");
  const std::string body = R"({"name":"Nieuwe naam"})";
  auto none = client->Request("PATCH", "/api/v1/workspaces/zorg-west",
                              With(kJson, Cookie(session, false)), body);
  EXPECT_EQ(none.status, 403);
  EXPECT_EQ(Body(none)["error"]["code"], "csrf_failed");
  auto wrong =
      client->Request("PATCH", "/api/v1/workspaces/zorg-west",
                      With(kJson, {{"Cookie", session.cookie}, {"X-CSRF-Token", "guess"}}), body);
  EXPECT_EQ(wrong.status, 403);
  EXPECT_EQ(Body(client->Request("GET", "/api/v1/workspaces/zorg-west", Cookie(session)))["name"],
            "Werkruimte zorg-west");
  auto ok =
      client->Request("PATCH", "/api/v1/workspaces/zorg-west", With(kJson, Cookie(session)), body);
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(Body(ok)["name"], "Nieuwe naam");
}

TEST_P(HttpTest, CookieWritesFromAnotherSiteAreRefusedEvenWithTheToken) {
  auto session = LogIn(*client, "anna@zorg.nl");
  const std::string body = R"({"name":"Nieuwe naam"})";
  auto write = [&](Headers extra) {
    Headers headers = With(kJson, Cookie(session));
    headers.insert(extra.begin(), extra.end());
    return client->Request("PATCH", "/api/v1/workspaces/zorg-west", headers, body);
  };
  for (const char* origin : {"https://evil.example", "null", "https://aantafel.example.evil.nl",
                             "http://127.0.0.1.evil.nl"}) {
    auto refused = write({{"Origin", origin}});
    EXPECT_EQ(refused.status, 403) << origin;
    EXPECT_EQ(Body(refused)["error"]["code"], "csrf_failed") << origin;
  }
  EXPECT_EQ(write({{"Referer", "https://evil.example/page"}}).status, 403);
  // aantafel's own pages: public_url's origin, or the address the browser used (Host).
  EXPECT_EQ(write({{"Origin", "https://aantafel.example"}}).status, 200);
  EXPECT_EQ(write({{"Origin", "http://127.0.0.1"}}).status, 200);
  EXPECT_EQ(write({{"Referer", "https://AANTAFEL.example/app/werkruimte"}}).status, 200);
  // Without either header (a script with the cookie), the CSRF token decides.
  EXPECT_EQ(write({}).status, 200);
  // Reading is not affected.
  EXPECT_EQ(client
                ->Request("GET", "/api/v1/workspaces/zorg-west",
                          With(Cookie(session), {{"Origin", "https://evil.example"}}))
                .status,
            200);
}

TEST_P(HttpTest, BearerTokensWorkWithoutCsrfButOnlyForTheirWorkspace) {
  auto token = server->runtime().accounts().CreateApiToken("anna@zorg.nl", "zorg-west", "script");
  ASSERT_TRUE(token.ok());
  server->AddWorkspace("zorg-noord", "anna@zorg.nl");
  const Headers bearer = {{"Authorization", "Bearer " + *token}};
  EXPECT_EQ(client->Request("GET", "/api/v1/workspaces/zorg-west", bearer).status, 200);
  EXPECT_EQ(client
                ->Request("PATCH", "/api/v1/workspaces/zorg-west", With(kJson, bearer),
                          R"({"name":"Via script"})")
                .status,
            200);
  EXPECT_EQ(client->Request("GET", "/api/v1/workspaces/zorg-noord", bearer).status, 404);
  EXPECT_EQ(
      client->Request("GET", "/api/v1/workspaces/zorg-west", {{"Authorization", "Bearer wrong"}})
          .status,
      401);
  EXPECT_EQ(client->Request("GET", "/api/v1/workspaces/zorg-west", {{"Authorization", "Basic abc"}})
                .status,
            401);
}

TEST_P(HttpTest, AnotherOrganisationsWorkspaceIsInvisible) {
  auto anna = LogIn(*client, "anna@zorg.nl");
  const auto paths = {"/api/v1/workspaces/welzijn-oost", "/api/v1/workspaces/welzijn-oost/members"};
  for (const char* path : paths) {
    auto other = client->Request("GET", path, Cookie(anna));
    auto missing =
        client->Request("GET", std::string(path).replace(19, 12, "bestaat-niet"), Cookie(anna));
    EXPECT_EQ(other.status, 404) << path;
    EXPECT_EQ(other.body, missing.body) << "a non-member must not learn the workspace exists";
  }
  EXPECT_EQ(client
                ->Request("PATCH", "/api/v1/workspaces/welzijn-oost", With(kJson, Cookie(anna)),
                          R"({"name":"Overgenomen"})")
                .status,
            404);
  EXPECT_EQ(client
                ->Request("POST", "/api/v1/workspaces/welzijn-oost/invitations",
                          With(kJson, Cookie(anna)), R"({"email":"anna@zorg.nl","role":"owner"})")
                .status,
            404);
  auto list = Body(client->Request("GET", "/api/v1/workspaces", Cookie(anna)));
  ASSERT_EQ(list["items"].size(), 1U);
  EXPECT_EQ(list["items"][0]["slug"], "zorg-west");
}

TEST_P(HttpTest, ViewersReadButCannotWrite) {
  server->AddMember("zorg-west", "bram@welzijn.nl", "viewer");
  auto bram = LogIn(*client, "bram@welzijn.nl");
  EXPECT_EQ(client->Request("GET", "/api/v1/workspaces/zorg-west", Cookie(bram)).status, 200);
  auto write = client->Request("PATCH", "/api/v1/workspaces/zorg-west", With(kJson, Cookie(bram)),
                               R"({"name":"Mag niet"})");
  EXPECT_EQ(write.status, 403);
  EXPECT_EQ(Body(write)["error"]["code"], "forbidden");
}

TEST_P(HttpTest, OwnersManageMembersAndKeepAnOwner) {
  auto anna = LogIn(*client, "anna@zorg.nl");
  const std::string base = "/api/v1/workspaces/zorg-west/members";
  // Nobody is added without following an invitation: the old "add by e-mail" is gone.
  EXPECT_EQ(client
                ->Request("POST", base, With(kJson, Cookie(anna)),
                          R"({"email":"bram@welzijn.nl","role":"editor"})")
                .status,
            405);
  server->AddMember("zorg-west", "bram@welzijn.nl", "editor");
  const auto members = Body(client->Request("GET", base, Cookie(anna)))["items"];
  ASSERT_EQ(members.size(), 2U);
  const auto anna_id = members[0]["user"]["id"].get<std::int64_t>();
  const auto bram_id = members[1]["user"]["id"].get<std::int64_t>();

  // An editor may write data but not manage members.
  auto bram = LogIn(*client, "bram@welzijn.nl");
  EXPECT_EQ(client
                ->Request("PATCH", base + "/" + std::to_string(anna_id), With(kJson, Cookie(bram)),
                          R"({"role":"viewer"})")
                .status,
            403);
  auto last = client->Request("PATCH", base + "/" + std::to_string(anna_id),
                              With(kJson, Cookie(anna)), R"({"role":"viewer"})");
  EXPECT_EQ(last.status, 409);
  EXPECT_EQ(Body(last)["error"]["code"], "last_owner");
  EXPECT_EQ(client
                ->Request("PATCH", base + "/" + std::to_string(bram_id), With(kJson, Cookie(anna)),
                          R"({"role":"viewer"})")
                .status,
            200);
  EXPECT_EQ(client->Request("DELETE", base + "/" + std::to_string(bram_id), Cookie(anna)).status,
            204);
  EXPECT_EQ(client->Request("DELETE", base + "/" + std::to_string(bram_id), Cookie(anna)).status,
            404);
  EXPECT_EQ(client->Request("DELETE", base + "/not-a-number", Cookie(anna)).status, 404);
}

TEST_P(HttpTest, TokensAreShownOnceWorkAndCanBeRevoked) {
  auto anna = LogIn(*client, "anna@zorg.nl");
  const std::string base = "/api/v1/workspaces/zorg-west/tokens";
  auto created =
      client->Request("POST", base, With(kJson, Cookie(anna)), R"({"label":"Rapportage"})");
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string secret = Body(created)["token"];
  const auto id = Body(created)["id"].get<std::int64_t>();
  EXPECT_TRUE(secret.starts_with("aat_"));
  EXPECT_EQ(Body(created)["label"], "Rapportage");
  EXPECT_EQ(Body(created)["created_at"], "2026-11-18T11:06:40.000Z");  // the fake clock's start

  auto listed = client->Request("GET", base, Cookie(anna));
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(Body(listed)["items"].size(), 1U);
  EXPECT_EQ(listed.body.find(secret), std::string::npos) << "the secret is never listed";
  EXPECT_EQ(Body(listed)["items"][0].count("token"), 0U);

  const Headers bearer = {{"Authorization", "Bearer " + secret}};
  EXPECT_EQ(client->Request("GET", "/api/v1/workspaces/zorg-west", bearer).status, 200);
  EXPECT_EQ(client->Request("DELETE", base + "/" + std::to_string(id), Cookie(anna, false)).status,
            403)
      << "revoking needs the CSRF token";
  EXPECT_EQ(client->Request("DELETE", base + "/" + std::to_string(id), Cookie(anna)).status, 204);
  EXPECT_EQ(client->Request("GET", "/api/v1/workspaces/zorg-west", bearer).status, 401);
  EXPECT_EQ(client->Request("DELETE", base + "/" + std::to_string(id), Cookie(anna)).status, 404);
}

TEST_P(HttpTest, MembersSeeOnlyTheirOwnTokensAndViewersCannotCreate) {
  server->AddMember("zorg-west", "bram@welzijn.nl", "editor");
  auto anna = LogIn(*client, "anna@zorg.nl");
  auto bram = LogIn(*client, "bram@welzijn.nl");
  const std::string base = "/api/v1/workspaces/zorg-west/tokens";
  auto annas = client->Request("POST", base, With(kJson, Cookie(anna)), R"({"label":"Anna"})");
  ASSERT_EQ(annas.status, 201);
  ASSERT_EQ(client->Request("POST", base, With(kJson, Cookie(bram)), R"({"label":"Bram"})").status,
            201);
  EXPECT_EQ(Body(client->Request("GET", base, Cookie(anna)))["items"].size(), 2U);
  auto brams_view = Body(client->Request("GET", base, Cookie(bram)))["items"];
  ASSERT_EQ(brams_view.size(), 1U);
  EXPECT_EQ(brams_view[0]["label"], "Bram");
  const auto annas_id = Body(annas)["id"].get<std::int64_t>();
  EXPECT_EQ(client->Request("DELETE", base + "/" + std::to_string(annas_id), Cookie(bram)).status,
            404);

  server->AddMember("zorg-west", "bram@welzijn.nl", "viewer");
  EXPECT_EQ(client->Request("POST", base, With(kJson, Cookie(bram)), R"({"label":"x"})").status,
            403);
  // Another organisation cannot touch this workspace's tokens.
  server->AddUser("cor@elders.nl", "Cor");
  auto cor = LogIn(*client, "cor@elders.nl");
  EXPECT_EQ(client->Request("GET", base, Cookie(cor)).status, 404);
  EXPECT_EQ(client->Request("DELETE", base + "/" + std::to_string(annas_id), Cookie(cor)).status,
            404);
}

TEST_P(HttpTest, ARemovedMembersTokenStopsWorking) {
  server->AddMember("zorg-west", "bram@welzijn.nl", "editor");
  auto bram = LogIn(*client, "bram@welzijn.nl");
  auto created = client->Request("POST", "/api/v1/workspaces/zorg-west/tokens",
                                 With(kJson, Cookie(bram)), R"({"label":"script"})");
  ASSERT_EQ(created.status, 201);
  const Headers bearer = {{"Authorization", "Bearer " + Body(created)["token"].get<std::string>()}};
  EXPECT_EQ(client->Request("GET", "/api/v1/workspaces/zorg-west", bearer).status, 200);
  auto anna = LogIn(*client, "anna@zorg.nl");
  const auto bram_id = Body(client->Request("GET", "/api/v1/session", Cookie(bram)))["user"]["id"]
                           .get<std::int64_t>();
  ASSERT_EQ(
      client
          ->Request("DELETE", "/api/v1/workspaces/zorg-west/members/" + std::to_string(bram_id),
                    Cookie(anna))
          .status,
      204);
  // The token is gone with the membership (401: it is no token any more), and adding Bram
  // again does not bring it back.
  EXPECT_EQ(client->Request("GET", "/api/v1/workspaces/zorg-west", bearer).status, 401);
  server->AddMember("zorg-west", "bram@welzijn.nl", "editor");
  EXPECT_EQ(client->Request("GET", "/api/v1/workspaces/zorg-west", bearer).status, 401);
}

// ---- hostile and malformed input ----

TEST_P(HttpTest, MalformedRequestsGetNamedErrorsNeverAServerError) {
  auto anna = LogIn(*client, "anna@zorg.nl");
  const Headers h = With(kJson, Cookie(anna));
  const std::string path = "/api/v1/workspaces/zorg-west";
  struct Case {
    std::string body;
    int status;
    std::string field;
  };
  const Case cases[] = {
      {"{not json", 400, "body"},
      {"[]", 400, "body"},
      {"{\"name\":\"\xC3\"}", 400, "body"},
      {R"({"name":42})", 422, "name"},
      {R"({})", 422, "name"},
      {R"({"name":"ok","admin":true})", 422, "admin"},
      {R"({"name":")" + std::string(201, 'x') + R"("})", 422, "name"},
      {R"({"name":"   "})", 422, "name"},
  };
  for (const auto& c : cases) {
    auto r = client->Request("PATCH", path, h, c.body);
    EXPECT_EQ(r.status, c.status) << c.body.substr(0, 40);
    auto body = Body(r);
    EXPECT_EQ(body["error"]["fields"].count(c.field), 1U)
        << c.body.substr(0, 40) << " → " << r.body;
  }
  auto wrong_type = client->Request("PATCH", path,
                                    With(Cookie(anna), {{"Content-Type", "text/plain"}}), "name=x");
  EXPECT_EQ(wrong_type.status, 415);
  EXPECT_EQ(Body(client->Request("GET", path, Cookie(anna)))["name"], "Werkruimte zorg-west");
}

TEST_P(HttpTest, ErrorsSpeakDutchByDefaultAndEnglishOnRequest) {
  auto nl = Body(client->Request("GET", "/api/v1/session"));
  auto en =
      Body(client->Request("GET", "/api/v1/session", {{"Accept-Language", "en-GB,en;q=0.8"}}));
  EXPECT_EQ(nl["error"]["message"], "Je bent niet ingelogd. Log eerst in.");
  EXPECT_EQ(en["error"]["message"], "You are not logged in. Please log in first.");
}

TEST_P(HttpTest, UnknownMethodGets405WithAllow) {
  auto r = client->Request("PUT", "/api/v1/session", kJson, "{}");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.Header("Allow"), "POST, GET, HEAD, DELETE");
}

TEST_P(HttpTest, BodiesOverTheLimitGet413) {
  auto r = client->Request("POST", "/api/v1/session", kJson, std::string(70 * 1024, 'x'));
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(Body(r)["error"]["code"], "payload_too_large");
  HttpClient fresh(server->port());
  EXPECT_EQ(fresh.Request("GET", "/healthz").status, 200);
}

TEST_P(HttpTest, AFoldedHeaderIsRefusedNotJoined) {
  auto token = server->runtime().accounts().CreateApiToken("anna@zorg.nl", "zorg-west", "script");
  ASSERT_TRUE(token.ok());
  // Folded, the Authorization header would read as a valid token to a lenient parser.
  for (const std::string& folded :
       {"Authorization: Bearer\r\n " + *token + "\r\n", std::string("X-Note: one\r\n\ttwo\r\n")}) {
    HttpClient raw(server->port());
    ASSERT_TRUE(
        raw.SendRaw("GET /api/v1/workspaces/zorg-west HTTP/1.1\r\nHost: x\r\n" + folded + "\r\n"));
    auto r = raw.ReadResponse();
    ASSERT_TRUE(r) << folded;
    EXPECT_EQ(r->status, 400) << folded;
  }
  // The same token unfolded works.
  EXPECT_EQ(
      client
          ->Request("GET", "/api/v1/workspaces/zorg-west", {{"Authorization", "Bearer " + *token}})
          .status,
      200);
}

TEST_P(HttpTest, GarbageOnTheWireGets400) {
  ASSERT_TRUE(client->Connect());
  ASSERT_TRUE(client->SendRaw("THIS IS NOT HTTP\r\n\r\n"));
  auto r = client->ReadResponse();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  HttpClient other(server->port());
  ASSERT_TRUE(other.SendRaw("GET /api/v1/%zz HTTP/1.1\r\nHost: x\r\n\r\n"));
  auto bad_target = other.ReadResponse();
  ASSERT_TRUE(bad_target);
  EXPECT_EQ(bad_target->status, 400);
}

TEST_P(HttpTest, OversizedHeadersGet431) {
  auto r = client->Request("GET", "/healthz", {{"X-Big", std::string(20 * 1024, 'a')}});
  EXPECT_EQ(r.status, 431);
}

// ---- graceful shutdown ----

class ShutdownTest : public HttpTest {
 protected:
  void BeforeStart() override {
    server->app().router().Add("GET", "/test/slow",
                               [this](http::RequestContext&) {
                                 {
                                   std::lock_guard lock(mutex);
                                   started = true;
                                 }
                                 changed.notify_all();
                                 std::unique_lock lock(mutex);
                                 changed.wait(lock, [this] { return released; });
                                 return http::HttpResponse::Json(200, R"({"finished":true})");
                               },
                               {.access = http::Access::kPublic});
  }
  std::mutex mutex;
  std::condition_variable changed;
  bool started = false;
  bool released = false;
};

TEST_P(ShutdownTest, FinishesInFlightRequestsAndStopsAccepting) {
  HttpClient idle(server->port());
  ASSERT_EQ(idle.Request("GET", "/healthz").status, 200);  // now an idle keep-alive connection

  auto in_flight = std::async(std::launch::async, [this] {
    HttpClient c(server->port());
    return c.Request("GET", "/test/slow");
  });
  {
    std::unique_lock lock(mutex);
    ASSERT_TRUE(changed.wait_for(lock, std::chrono::seconds(20), [this] { return started; }));
  }
  server->server().Stop();
  // The idle connection is closed by the server instead of being kept open.
  EXPECT_FALSE(idle.ReadResponse().has_value());
  // New connections are refused once the listener is closed.
  HttpClient late(server->port());
  bool refused = false;
  for (int i = 0; i < 200 && !refused; ++i) {
    refused = !late.Connect();
    if (!refused) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_TRUE(refused);
  {
    std::lock_guard lock(mutex);
    released = true;
  }
  changed.notify_all();
  auto response = in_flight.get();
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(Body(response)["finished"], true);
  EXPECT_EQ(response.Header("Connection"), "close");
  server->StopAndJoin();
}

// ---- secure cookies ----

class SecureCookieTest : public HttpTest {
 protected:
  void SetUp() override {
    AANTAFEL_SKIP_WITHOUT_BACKEND(GetParam());
    StartServer({.secure_cookies = true});
  }
};

TEST_P(SecureCookieTest, CookiesAreSecureWhenServedOverHttps) {
  auto r = client->Request("POST", "/api/v1/session", kJson,
                           R"({"email":"anna@zorg.nl","password":"correct horse 1"})");
  EXPECT_NE(r.Header("Set-Cookie").find("; Secure"), std::string::npos);
}

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) { return Name(info.param); }
INSTANTIATE_TEST_SUITE_P(Backends, HttpTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);
INSTANTIATE_TEST_SUITE_P(Backends, ShutdownTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);
INSTANTIATE_TEST_SUITE_P(Backends, SecureCookieTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace aantafel::testing

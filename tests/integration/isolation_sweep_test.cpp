// Every workspace-scoped operation in api/openapi.yaml, tried by the wrong people: a member of
// another workspace, nobody, an expired session, a revoked API token, and (for changes) a viewer.
// New endpoints are covered as soon as they are in the spec.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "support/openapi_spec.hpp"
#include "support/test_server.hpp"

namespace aantafel::testing {
namespace {

using nlohmann::json;
using Headers = std::map<std::string, std::string>;

constexpr const char* kSecret = "GEHEIM";  // planted in zorg-west's data; must never leak

json Body(const ClientResponse& r) { return json::parse(r.body, nullptr, false); }

struct Operation {
  std::string method;
  std::string pattern;
  std::string path;  ///< with parameters filled in
  bool readers_may_post = false;
};

class IsolationSweep : public ::testing::TestWithParam<Backend> {
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
    ASSERT_TRUE(server->runtime()
                    .whoiswho()
                    .UpsertMunicipality({.code = "GM0999", .name = "Denkstad", .province = "x"})
                    .ok());
    anna = LogIn(*client, "anna@zorg.nl");
    bram = LogIn(*client, "bram@welzijn.nl");
    vera = LogIn(*client, "vera@zorg.nl");
    PlantData();
  }

  Headers Auth(const BrowserSession& s) {
    return {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}, {"Content-Type", "application/json"}};
  }
  std::int64_t Create(const std::string& path, const json& body) {
    auto r =
        client->Request("POST", "/api/v1/workspaces/zorg-west" + path, Auth(anna), body.dump());
    EXPECT_TRUE(r.status == 201 || r.status == 200) << path << " " << r.body;
    auto j = Body(r);
    return j.is_object() && j.contains("id") ? j["id"].get<std::int64_t>() : 0;
  }

  /// One of everything in zorg-west, so every id in a path points at something real there.
  void PlantData() {
    const auto org =
        Create("/organisations", {{"kind", "municipality"}, {"municipality_code", "GM0999"}});
    const auto person =
        Create("/people", {{"name", std::string(kSecret) + " Persoon"}, {"notes", kSecret}});
    Create("/people/" + std::to_string(person) + "/positions",
           {{"organisation_id", org}, {"kind", "alderman"}, {"started_on", "2022-06-01"}});
    Create("/people/" + std::to_string(person) + "/assessments",
           {{"power", 4}, {"interest", 4}, {"attitude", 1}, {"note", kSecret}});
    const auto plan = Create("/plans", {{"title", std::string(kSecret) + " plan"},
                                        {"budget_year", 2028},
                                        {"organisation_ids", {org}}});
    Create("/organisations/" + std::to_string(org) + "/cycle/events",
           {{"date", "2027-03-01"}, {"title", kSecret}});
    Create("/knowledge/items", {{"title", kSecret}, {"text", kSecret}});
    Create("/saved-advice", {{"plan_id", plan},
                             {"size", "small"},
                             {"phase", "change"},
                             {"level", "alderman"},
                             {"goal", "get_known"},
                             {"note", kSecret}});
    Create("/calendar/feeds", {{"label", kSecret}});
    Create("/tokens", {{"label", kSecret}});
    const auto survey =
        Create("/feedback/surveys", {{"name", std::string(kSecret) + " vragenlijst"}});
    auto surveys =
        Body(client->Request("GET", "/api/v1/workspaces/zorg-west/feedback/surveys", Auth(anna)));
    const std::string token = surveys["items"][0]["token"];
    (void)survey;
    client->Request(
        "POST", "/f/" + token, {{"Content-Type", "application/json"}},
        json({{"score", 2}, {"why", kSecret}, {"callback", true}, {"phone", "0612345678"}}).dump());
    const auto interaction = Create("/interactions", {{"occurred_at", "2026-11-01T10:00"},
                                                      {"subject", kSecret},
                                                      {"notes", kSecret},
                                                      {"person_ids", {person}}});
    Create("/follow-ups",
           {{"title", kSecret}, {"due_on", "2026-12-01"}, {"interaction_id", interaction}});
    Create("/agreements", {{"title", kSecret}, {"organisation_ids", {org}}});
    Create("/invitations", {{"email", "geheim@zorg.nl"}, {"role", "editor"}});
    // A document (id 1, as every {document_id} in the sweep) whose name and bytes hold the secret.
    auto headers = Auth(anna);
    headers["Content-Type"] = "application/octet-stream";
    const auto document = client->Request(
        "POST",
        "/api/v1/workspaces/zorg-west/documents?record_kind=interaction&record_id=" +
            std::to_string(interaction) + "&name=" + kSecret + ".txt",
        headers, std::string(kSecret) + " verslag");
    EXPECT_EQ(document.status, 201) << document.body;
    // A message from the dossier mailbox waiting to be checked (id 1, as every {review_id}),
    // Anna wrote it to someone nobody knows yet.
    const auto waiting = server->runtime().mail_intake().FileFromMailbox(
        std::string("From: Anna <anna@zorg.nl>\r\nTo: onbekend@elders.example\r\n"
                    "Cc: dossier+zorg-west@zorg.example\r\nSubject: ") +
        kSecret + "\r\nMessage-ID: <geheim@zorg.nl>\r\n\r\n" + kSecret + " tekst\r\n");
    ASSERT_EQ(waiting.size(), 1U);
    EXPECT_EQ(waiting[0].kind, core::mail_intake::MailboxOutcome::Kind::kInReview)
        << waiting[0].reason;
    EXPECT_EQ(waiting[0].id, 1);
  }

  /// The caller's own account operations from the spec (not scoped to a workspace).
  std::vector<Operation> AccountOperations() {
    std::vector<Operation> out;
    for (const auto& op : SpecOperations(std::string(AANTAFEL_SOURCE_DIR) + "/api/openapi.yaml")) {
      const auto space = op.find(' ');
      const std::string pattern = op.substr(space + 1);
      if (!pattern.starts_with("/api/v1/account")) continue;
      out.push_back({.method = op.substr(0, space),
                     .pattern = pattern,
                     .path = std::regex_replace(pattern, std::regex(R"(\{session_id\})"),
                                                "0123456789abcdef")});
    }
    EXPECT_GE(out.size(), 6U);
    return out;
  }

  /// Workspace-scoped operations from the spec, with {slug} = zorg-west and ids filled in.
  std::vector<Operation> WorkspaceOperations() {
    std::map<std::string, const http::Route*> routes;
    for (const auto& route : server->app().router().routes()) {
      routes[route.method + " " + route.pattern] = &route;
    }
    std::vector<Operation> out;
    for (const auto& op : SpecOperations(std::string(AANTAFEL_SOURCE_DIR) + "/api/openapi.yaml")) {
      const auto space = op.find(' ');
      const std::string method = op.substr(0, space);
      const std::string pattern = op.substr(space + 1);
      if (!pattern.starts_with("/api/v1/workspaces/{slug}")) continue;
      std::string path = std::regex_replace(pattern, std::regex(R"(\{slug\})"), "zorg-west");
      path = std::regex_replace(path, std::regex(R"(\{kind\})"), "people");
      path = std::regex_replace(path, std::regex(R"(\{[a-z_]+\})"), "1");
      const auto route = routes.find(op);
      EXPECT_NE(route, routes.end()) << op;
      out.push_back(
          {.method = method,
           .pattern = pattern,
           .path = path,
           .readers_may_post = route != routes.end() && route->second->options.readers_may_post});
    }
    EXPECT_GT(out.size(), 60U) << "the sweep found too few operations";
    return out;
  }

  ClientResponse Try(const Operation& op, const Headers& headers) {
    const bool has_body = op.method == "POST" || op.method == "PATCH" || op.method == "PUT";
    return client->Request(op.method, op.path, headers, has_body ? "{}" : "");
  }

  void ExpectRefused(const ClientResponse& r, int status, const Operation& op, const char* who) {
    EXPECT_EQ(r.status, status) << who << ": " << op.method << " " << op.path << " " << r.body;
    EXPECT_EQ(r.body.find(kSecret), std::string::npos) << who << " saw data: " << op.path;
    EXPECT_TRUE(Body(r).contains("error")) << who << ": " << op.path << " " << r.body;
  }

  std::unique_ptr<TestServer> server;
  std::unique_ptr<HttpClient> client;
  BrowserSession anna, bram, vera;
};

TEST_P(IsolationSweep, AMemberOfAnotherWorkspaceGetsNotFoundEverywhere) {
  for (const auto& op : WorkspaceOperations()) ExpectRefused(Try(op, Auth(bram)), 404, op, "bram");
}

TEST_P(IsolationSweep, WithoutASessionEverythingNeedsALogin) {
  for (const auto& op : WorkspaceOperations()) {
    ExpectRefused(Try(op, {{"Content-Type", "application/json"}}), 401, op, "nobody");
  }
}

TEST_P(IsolationSweep, OwnAccountCallsNeedALoginAndNeverShowAnotherPerson) {
  for (const auto& op : AccountOperations()) {
    ExpectRefused(Try(op, {{"Content-Type", "application/json"}}), 401, op, "nobody");
  }
  // Bram's list holds only Bram's sessions; Anna's session ids are not his to end.
  const auto annas = Body(client->Request("GET", "/api/v1/account/sessions", Auth(anna)));
  ASSERT_FALSE(annas["items"].empty());
  const auto brams = client->Request("GET", "/api/v1/account/sessions", Auth(bram));
  ASSERT_EQ(brams.status, 200);
  for (const auto& s : annas["items"]) {
    const std::string id = s["id"];
    EXPECT_EQ(brams.body.find(id), std::string::npos);
    EXPECT_EQ(client->Request("DELETE", "/api/v1/account/sessions/" + id, Auth(bram)).status, 404);
  }
  EXPECT_EQ(client->Request("GET", "/api/v1/session", Auth(anna)).status, 200);
}

TEST_P(IsolationSweep, AViewerCannotChangeAnything) {
  int writes = 0;
  for (const auto& op : WorkspaceOperations()) {
    if (op.method == "GET" || op.readers_may_post) continue;
    ++writes;
    const auto r = Try(op, Auth(vera));
    EXPECT_TRUE(r.status == 403 || r.status == 404)
        << op.method << " " << op.path << " " << r.status;
    EXPECT_EQ(r.body.find(kSecret), std::string::npos) << op.path;
  }
  EXPECT_GT(writes, 30);
}

TEST_P(IsolationSweep, ExpiredSessionsAndRevokedTokensAreRefused) {
  // A revoked API token.
  auto made = client->Request("POST", "/api/v1/workspaces/zorg-west/tokens", Auth(anna),
                              json({{"label", "script"}}).dump());
  ASSERT_EQ(made.status, 201) << made.body;
  const std::string secret = Body(made)["token"];
  const auto id = std::to_string(Body(made)["id"].get<std::int64_t>());
  ASSERT_EQ(
      client->Request("DELETE", "/api/v1/workspaces/zorg-west/tokens/" + id, Auth(anna)).status,
      204);
  const auto ops = WorkspaceOperations();
  for (const auto& op : ops) {
    ExpectRefused(
        Try(op, {{"Authorization", "Bearer " + secret}, {"Content-Type", "application/json"}}), 401,
        op, "revoked token");
  }
  // Sessions last 12 hours.
  server->clock().Advance(std::chrono::hours(13));
  for (const auto& op : ops) ExpectRefused(Try(op, Auth(anna)), 401, op, "expired session");
}

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return testing::Name(info.param);
}
INSTANTIATE_TEST_SUITE_P(Backends, IsolationSweep,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace aantafel::testing

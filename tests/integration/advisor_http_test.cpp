// Strategiewijzer over HTTP against the real server, on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/test_server.hpp"

namespace aantafel::testing {
namespace {

using nlohmann::json;
using Headers = std::map<std::string, std::string>;

json Body(const ClientResponse& r) { return json::parse(r.body, nullptr, false); }

class AdvisorHttp : public ::testing::TestWithParam<Backend> {
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
    anna = LogIn(*client, "anna@zorg.nl");
  }
  Headers Auth(const BrowserSession& s, const char* language = "nl") {
    return {{"Cookie", s.cookie},
            {"X-CSRF-Token", s.csrf},
            {"Content-Type", "application/json"},
            {"Accept-Language", language}};
  }
  ClientResponse Advice(const json& body, const BrowserSession* who = nullptr,
                        const std::string& ws = "zorg-west") {
    return client->Request("POST", "/api/v1/workspaces/" + ws + "/advice", Auth(who ? *who : anna),
                           body.dump());
  }

  std::unique_ptr<TestServer> server;
  std::unique_ptr<HttpClient> client;
  BrowserSession anna;
};

TEST_P(AdvisorHttp, ASmallProviderInTheChangePhaseGetsRankedAdviceWithReasons) {
  auto r = Advice(
      {{"employees", 12}, {"phase", "change"}, {"level", "alderman"}, {"goal", "get_known"}});
  ASSERT_EQ(r.status, 200) << r.body;
  auto advice = Body(r);
  EXPECT_EQ(advice["situation"]["size"], "small");
  ASSERT_EQ(advice["ranked"].size(), 8U);
  EXPECT_EQ(advice["ranked"][0]["strategy"]["id"], "do_something_different");
  EXPECT_EQ(advice["ranked"][0]["reasons"][0]["id"], "change_innovate");
  EXPECT_FALSE(advice["ranked"][0]["reasons"][0]["reason"].get<std::string>().empty());
  EXPECT_FALSE(advice["ranked"][0]["strategy"]["advantage"].get<std::string>().empty());
  EXPECT_FALSE(advice["ranked"][0]["strategy"]["disadvantage"].get<std::string>().empty());
  EXPECT_EQ(advice["ranked"][7]["strategy"]["id"], "mobilise_employees");
  EXPECT_EQ(advice["phase_plan"][0]["strategies"][0]["id"], "trusted_adviser");
  bool knocking = false;
  for (const auto& e : advice["extra_advice"]) knocking = knocking || e["id"] == "keep_knocking";
  EXPECT_TRUE(knocking);
  // The same question in English gets English text and the same order.
  auto en = Body(client->Request(
      "POST", "/api/v1/workspaces/zorg-west/advice", Auth(anna, "en"),
      json({{"size", "small"}, {"phase", "change"}, {"level", "alderman"}, {"goal", "get_known"}})
          .dump()));
  EXPECT_EQ(en["ranked"][0]["strategy"]["id"], "do_something_different");
  EXPECT_NE(en["ranked"][0]["reasons"][0]["reason"], advice["ranked"][0]["reasons"][0]["reason"]);
}

TEST_P(AdvisorHttp, APlansPolicyPhaseSetsThePhaseAndOtherWorkspacesPlansAreRefused) {
  auto plan = client->Request(
      "POST", "/api/v1/workspaces/zorg-west/plans", Auth(anna),
      json({{"title", "Buurtkamer"}, {"budget_year", 2028}, {"phase", "execution"}}).dump());
  ASSERT_EQ(plan.status, 201) << plan.body;
  const auto plan_id = Body(plan)["id"].get<std::int64_t>();
  auto advice = Body(Advice({{"size", "medium"},
                             {"level", "policy_officer"},
                             {"goal", "keep_contract"},
                             {"plan_id", plan_id}}));
  EXPECT_EQ(advice["situation"]["phase"], "execution");
  EXPECT_EQ(advice["plan_id"], plan_id);
  EXPECT_EQ(advice["ranked"][0]["strategy"]["id"], "show_in_neighbourhood");

  auto bram = LogIn(*client, "bram@welzijn.nl");
  auto theirs = Advice({{"size", "medium"},
                        {"level", "policy_officer"},
                        {"goal", "keep_contract"},
                        {"plan_id", plan_id}},
                       &bram, "welzijn-oost");
  EXPECT_EQ(theirs.status, 422);
  EXPECT_TRUE(Body(theirs)["error"]["fields"].contains("plan_id"));
  EXPECT_EQ(Advice({{"size", "small"}}, &bram).status, 404) << "not a member of zorg-west";
  // A viewer may ask for advice: it changes nothing.
  server->AddMember("zorg-west", "bram@welzijn.nl", "viewer");
  EXPECT_EQ(
      Advice({{"size", "small"}, {"phase", "vision"}, {"level", "alderman"}, {"goal", "innovate"}},
             &bram)
          .status,
      200);
}

TEST_P(AdvisorHttp, EveryAnswerIsCheckedFieldByField) {
  auto r = Advice({{"size", "tiny"}, {"level", "mayor"}, {"goal", 3}, {"assets", {"cash"}}});
  ASSERT_EQ(r.status, 422);
  EXPECT_TRUE(Body(r)["error"]["fields"].contains("goal")) << r.body;
  auto values =
      Advice({{"size", "tiny"}, {"level", "mayor"}, {"goal", "win"}, {"assets", {"cash"}}});
  ASSERT_EQ(values.status, 422);
  for (const char* f : {"size", "phase", "level", "goal", "assets"}) {
    EXPECT_TRUE(Body(values)["error"]["fields"].contains(f)) << f << values.body;
  }
  EXPECT_EQ(
      Advice({{"employees", 0}, {"phase", "vision"}, {"level", "alderman"}, {"goal", "innovate"}})
          .status,
      422);
  EXPECT_EQ(Advice({{"unknown", true}}).status, 422);
}

TEST_P(AdvisorHttp, TheKnowledgeBaseSpeaksTheCallersLanguageAndNamesItsSources) {
  auto nl = Body(client->Request("GET", "/api/v1/knowledge", Auth(anna, "nl")));
  auto en = Body(client->Request("GET", "/api/v1/knowledge", Auth(anna, "en")));
  ASSERT_EQ(nl["strategies"].size(), 8U);
  EXPECT_EQ(nl["language"], "nl");
  EXPECT_EQ(en["language"], "en");
  EXPECT_NE(nl["strategies"][0]["name"], en["strategies"][0]["name"]);
  EXPECT_FALSE(nl["strategies"][0]["source"]["title"].get<std::string>().empty());
  EXPECT_GE(nl["collections"].size(), 6U);
  EXPECT_EQ(client->Request("GET", "/api/v1/knowledge", {}).status, 401);
}

TEST_P(AdvisorHttp, AWorkspaceHidesAnnotatesAndAddsKnowledgeWithoutAlteringBuiltInText) {
  auto post = [&](const std::string& path, const json& body, const BrowserSession* who = nullptr,
                  const std::string& ws = "zorg-west") {
    return client->Request("POST", "/api/v1/workspaces/" + ws + path, Auth(who ? *who : anna),
                           body.dump());
  };
  EXPECT_EQ(post("/knowledge/settings", {{"item_key", "strategy:focus"}, {"hidden", true}}).status,
            204);
  EXPECT_EQ(
      post("/knowledge/settings",
           {{"item_key", "collection:relationship_tips/" +
                             Body(client->Request("GET", "/api/v1/knowledge",
                                                  Auth(anna)))["collections"][0]["items"][0]["id"]
                                 .get<std::string>()},
            {"note", "Werkt goed bij ons"}})
          .status,
      204);
  EXPECT_EQ(
      post("/knowledge/settings", {{"item_key", "strategy:omkoping"}, {"hidden", true}}).status,
      422);
  auto item = post("/knowledge/items", {{"title", "Eigen tip"}, {"text", "Bel op vrijdag."}});
  ASSERT_EQ(item.status, 201) << item.body;
  EXPECT_EQ(post("/knowledge/items", {{"title", ""}, {"text", ""}}).status, 422);
  auto own = Body(client->Request("GET", "/api/v1/workspaces/zorg-west/knowledge", Auth(anna)));
  EXPECT_EQ(own["settings"].size(), 2U);
  EXPECT_EQ(own["own_items"].size(), 1U);
  // The built-in text is the same for everyone.
  auto builtin = Body(client->Request("GET", "/api/v1/knowledge", Auth(anna)));
  EXPECT_EQ(builtin["strategies"][0]["id"], "focus");
  // Un-hiding without a note removes the setting.
  EXPECT_EQ(post("/knowledge/settings", {{"item_key", "strategy:focus"}, {"hidden", false}}).status,
            204);
  own = Body(client->Request("GET", "/api/v1/workspaces/zorg-west/knowledge", Auth(anna)));
  EXPECT_EQ(own["settings"].size(), 1U);

  auto bram = LogIn(*client, "bram@welzijn.nl");
  auto theirs =
      Body(client->Request("GET", "/api/v1/workspaces/welzijn-oost/knowledge", Auth(bram)));
  EXPECT_TRUE(theirs["settings"].empty());
  EXPECT_TRUE(theirs["own_items"].empty());
  const std::string item_path =
      "/knowledge/items/" + std::to_string(Body(item)["id"].get<std::int64_t>());
  EXPECT_EQ(
      client->Request("DELETE", "/api/v1/workspaces/welzijn-oost" + item_path, Auth(bram)).status,
      404);
  EXPECT_EQ(
      client->Request("DELETE", "/api/v1/workspaces/zorg-west" + item_path, Auth(anna)).status,
      204);
}

TEST_P(AdvisorHttp, AdviceIsSavedWithAPlanOrMunicipalityOfTheSameWorkspace) {
  ASSERT_TRUE(
      server->runtime().whoiswho().UpsertMunicipality({.code = "GM0999", .name = "Denkstad"}).ok());
  auto org =
      client->Request("POST", "/api/v1/workspaces/zorg-west/organisations", Auth(anna),
                      json({{"kind", "municipality"}, {"municipality_code", "GM0999"}}).dump());
  ASSERT_EQ(org.status, 201);
  const auto org_id = Body(org)["id"].get<std::int64_t>();
  const json situation = {
      {"size", "small"}, {"phase", "change"}, {"level", "alderman"}, {"goal", "get_known"}};
  auto save = [&](json body, const BrowserSession* who = nullptr,
                  const std::string& ws = "zorg-west") {
    return client->Request("POST", "/api/v1/workspaces/" + ws + "/saved-advice",
                           Auth(who ? *who : anna), body.dump());
  };
  json body = situation;
  body["organisation_id"] = org_id;
  body["note"] = "Na gesprek met de wethouder";
  auto saved = save(body);
  ASSERT_EQ(saved.status, 201) << saved.body;
  EXPECT_EQ(Body(saved)["ranking"][0], "do_something_different");
  EXPECT_EQ(Body(saved)["ranking"].size(), 8U);
  EXPECT_EQ(save(situation).status, 422) << "a plan or a municipality is needed";
  auto list = Body(client->Request(
      "GET", "/api/v1/workspaces/zorg-west/saved-advice?organisation_id=" + std::to_string(org_id),
      Auth(anna)));
  ASSERT_EQ(list["items"].size(), 1U);
  EXPECT_EQ(list["items"][0]["note"], "Na gesprek met de wethouder");
  EXPECT_EQ(list["items"][0]["situation"]["size"], "small");

  auto bram = LogIn(*client, "bram@welzijn.nl");
  auto cross = save(body, &bram, "welzijn-oost");
  EXPECT_EQ(cross.status, 422);
  EXPECT_TRUE(Body(cross)["error"]["fields"].contains("organisation_id"));
  EXPECT_TRUE(Body(client->Request("GET", "/api/v1/workspaces/welzijn-oost/saved-advice",
                                   Auth(bram)))["items"]
                  .empty());
  const std::string path = "/saved-advice/" + std::to_string(Body(saved)["id"].get<std::int64_t>());
  EXPECT_EQ(client->Request("DELETE", "/api/v1/workspaces/welzijn-oost" + path, Auth(bram)).status,
            404);
  server->AddMember("zorg-west", "bram@welzijn.nl", "viewer");
  EXPECT_EQ(save(body, &bram).status, 403) << "saving changes the workspace";
  EXPECT_EQ(client->Request("DELETE", "/api/v1/workspaces/zorg-west" + path, Auth(anna)).status,
            204);
}

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return testing::Name(info.param);
}
INSTANTIATE_TEST_SUITE_P(Backends, AdvisorHttp,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace aantafel::testing

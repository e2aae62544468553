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

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return testing::Name(info.param);
}
INSTANTIATE_TEST_SUITE_P(Backends, AdvisorHttp,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace aantafel::testing

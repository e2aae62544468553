// Bekostiging over HTTP: the simulation endpoint on the real server (SQLite is enough: no storage).
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/test_server.hpp"

namespace aantafel::testing {
namespace {

using nlohmann::json;

json Fixture() {
  std::ifstream in(std::string(AANTAFEL_SOURCE_DIR) +
                   "/tests/fixtures/financing/wmo_begeleiding.json");
  std::ostringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

class FinancingHttp : public ::testing::Test {
 protected:
  void SetUp() override {
    server = std::make_unique<TestServer>(Backend::kSqlite);
    server->Start();
    client = std::make_unique<HttpClient>(server->port());
    server->AddUser("anna@zorg.nl", "Anna");
    server->AddUser("vera@zorg.nl", "Vera");
    server->AddWorkspace("zorg-west", "anna@zorg.nl");
    server->AddMember("zorg-west", "vera@zorg.nl", "viewer");
    anna = LogIn(*client, "anna@zorg.nl");
    vera = LogIn(*client, "vera@zorg.nl");
  }
  ClientResponse Simulate(const json& body, const BrowserSession& who) {
    return client->Request(
        "POST", "/api/v1/workspaces/zorg-west/financing/simulations",
        {{"Cookie", who.cookie}, {"X-CSRF-Token", who.csrf}, {"Content-Type", "application/json"}},
        body.dump());
  }
  std::unique_ptr<TestServer> server;
  std::unique_ptr<HttpClient> client;
  BrowserSession anna, vera;
};

TEST_F(FinancingHttp, ComparesFourVariantsOnTheSameDrawsDeterministically) {
  json body = Fixture();
  body["runs"] = 3000;
  auto r = Simulate(body, anna);
  ASSERT_EQ(r.status, 200) << r.body;
  const auto summary = json::parse(r.body);
  ASSERT_EQ(summary["variants"].size(), 4U);
  EXPECT_EQ(summary["runs_done"], 3000);
  // The lump sum pays the same in every run; the others vary.
  const auto& lump = summary["variants"][1];
  EXPECT_EQ(lump["form"], "task_based");
  EXPECT_EQ(lump["revenue"]["p5"], 1000000.0);
  EXPECT_EQ(lump["revenue"]["p95"], 1000000.0);
  EXPECT_LT(summary["variants"][0]["revenue"]["p5"].get<double>(),
            summary["variants"][0]["revenue"]["p95"].get<double>());
  // The combined contract stays between its floor and cap.
  const auto& combined = summary["variants"][3];
  EXPECT_GE(combined["revenue"]["min"].get<double>(), 800000.0);
  EXPECT_LE(combined["revenue"]["max"].get<double>(), 1100000.0);
  for (const auto& v : summary["variants"]) {
    EXPECT_GE(v["loss_probability"].get<double>(), 0.0);
    EXPECT_LE(v["loss_probability"].get<double>(), 1.0);
  }
  // Same seed, same answer; a viewer may compute too.
  EXPECT_EQ(Simulate(body, vera).body, r.body);
  body["seed"] = 8;
  EXPECT_NE(Simulate(body, anna).body, r.body);
}

TEST_F(FinancingHttp, BadScenariosAreRefusedFieldByField) {
  json body = Fixture();
  body["costs"]["cost_per_unit"] = -1;
  body["population"]["result_share"] = {{"beta", {{"mean", 1.5}, {"strength", 10}}}};
  body["variants"][0]["price_per_unit"] = "veel";
  body["variants"][2]["form"] = "gratis";
  body["colour"] = "blauw";
  auto r = Simulate(body, anna);
  ASSERT_EQ(r.status, 422) << r.body;
  const auto fields = json::parse(r.body)["error"]["fields"];
  for (const char* f : {"variants[0].price_per_unit", "variants[2].form", "colour"}) {
    EXPECT_TRUE(fields.contains(f)) << f << " in " << r.body;
  }
  json invalid = Fixture();
  invalid["costs"]["cost_per_unit"] = -1;
  invalid["population"]["result_share"] = {{"beta", {{"mean", 1.5}, {"strength", 10}}}};
  auto v = Simulate(invalid, anna);
  ASSERT_EQ(v.status, 422) << v.body;
  EXPECT_TRUE(json::parse(v.body)["error"]["fields"].contains("costs.cost_per_unit")) << v.body;
  json many = Fixture();
  many["runs"] = 500000;
  EXPECT_EQ(Simulate(many, anna).status, 422);
  json five = Fixture();
  five["variants"].push_back(five["variants"][0]);
  five["variants"][4]["name"] = "Vijfde";
  EXPECT_EQ(Simulate(five, anna).status, 422);
  EXPECT_EQ(client
                ->Request("POST", "/api/v1/workspaces/zorg-west/financing/simulations",
                          {{"Cookie", anna.cookie},
                           {"X-CSRF-Token", anna.csrf},
                           {"Content-Type", "text/plain"}},
                          "x")
                .status,
            415);
}

}  // namespace
}  // namespace aantafel::testing

// Bekostiging over HTTP on the real server: simulations (JSON and streamed) on SQLite; saved
// scenarios and their exports on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "support/stream_reader.hpp"
#include "support/test_server.hpp"

namespace aantafel::testing {
namespace {

using nlohmann::json;

json Body(const ClientResponse& r) { return json::parse(r.body, nullptr, false); }

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

std::string StreamRequest(const json& body, const BrowserSession& who,
                          const std::string& ws = "zorg-west") {
  return BuildRequest("POST", "/api/v1/workspaces/" + ws + "/financing/simulations",
                      {{"Cookie", who.cookie},
                       {"X-CSRF-Token", who.csrf},
                       {"Content-Type", "application/json"},
                       {"Accept", "text/event-stream"}},
                      body.dump());
}

/// The data line of the last `name` event in a stream's text.
json LastEvent(const std::string& text, const std::string& name) {
  const auto at = text.rfind("event: " + name + "\n");
  if (at == std::string::npos) return nullptr;
  const auto data = text.find("data: ", at);
  const auto end = text.find('\n', data);
  return json::parse(text.substr(data + 6, end - data - 6), nullptr, false);
}

TEST_F(FinancingHttp, AStreamedSimulationReportsProgressThenTheSameSummary) {
  json body = Fixture();
  body["runs"] = 4000;
  StreamReader stream(server->port(), StreamRequest(body, vera));
  const std::string text = stream.ReadUntil("event: summary\n", std::chrono::seconds(60));
  ASSERT_NE(text.find("text/event-stream"), std::string::npos) << text.substr(0, 400);
  // Progress in increasing steps up to all runs, then the summary.
  std::int64_t last = -1;
  int progress_events = 0;
  for (auto at = text.find("event: progress\n"); at != std::string::npos;
       at = text.find("event: progress\n", at + 1)) {
    const auto data = text.find("data: ", at);
    const json p = json::parse(text.substr(data + 6, text.find('\n', data) - data - 6));
    EXPECT_GT(p["runs_done"].get<std::int64_t>(), last);
    EXPECT_EQ(p["runs"], 4000);
    last = p["runs_done"].get<std::int64_t>();
    ++progress_events;
  }
  EXPECT_GE(progress_events, 2);
  EXPECT_LE(progress_events, 21);
  EXPECT_EQ(last, 4000);
  std::string rest = stream.ReadUntil("0\r\n\r\n", std::chrono::seconds(10));
  const json streamed = LastEvent(rest, "summary");
  ASSERT_TRUE(streamed.is_object()) << rest.substr(rest.size() > 300 ? rest.size() - 300 : 0);
  EXPECT_EQ(streamed, json::parse(Simulate(body, anna).body)) << "streamed = plain JSON answer";
}

TEST_F(FinancingHttp, HangingUpCancelsTheComputationAndBadScenariosAreRefusedBeforeStreaming) {
  json body = Fixture();
  body["runs"] = 200000;
  {
    StreamReader stream(server->port(), StreamRequest(body, anna));
    ASSERT_NE(stream.ReadUntil("event: progress").find("event: progress"), std::string::npos);
  }  // hang up
  auto& runner = server->runtime().simulations();
  for (int i = 0; i < 600 && runner.running() > 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(runner.running(), 0);
  EXPECT_EQ(runner.cancelled(), 1) << "the simulation stopped instead of running to the end";
  // Invalid input gets an ordinary 422, not a stream.
  body["costs"]["cost_per_unit"] = -5;
  StreamReader bad(server->port(), StreamRequest(body, anna));
  const std::string text = bad.ReadUntil("}}");
  EXPECT_NE(text.find("422"), std::string::npos) << text;
  EXPECT_NE(text.find("costs.cost_per_unit"), std::string::npos) << text;
}

class FinancingScenarios : public ::testing::TestWithParam<Backend> {
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
    anna = LogIn(*client, "anna@zorg.nl");
    bram = LogIn(*client, "bram@welzijn.nl");
    vera = LogIn(*client, "vera@zorg.nl");
  }
  ClientResponse Call(const std::string& method, const std::string& path, const json& body = {},
                      const BrowserSession* who = nullptr, const std::string& ws = "zorg-west") {
    const BrowserSession& s = who ? *who : anna;
    return client->Request(
        method, "/api/v1/workspaces/" + ws + path,
        {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}, {"Content-Type", "application/json"}},
        body.is_null() ? "" : body.dump());
  }
  json Saved(const std::string& name, std::optional<std::int64_t> plan = std::nullopt) {
    json scenario = Fixture();
    scenario["runs"] = 2000;
    json body = {{"name", name},
                 {"description", "Voor het gesprek met de wethouder"},
                 {"municipality_code", "GM0999"},
                 {"scenario", scenario}};
    if (plan) body["plan_id"] = *plan;
    return body;
  }
  std::unique_ptr<TestServer> server;
  std::unique_ptr<HttpClient> client;
  BrowserSession anna, bram, vera;
};

TEST_P(FinancingScenarios, ASavedScenarioIsLinkedFoundChangedExportedAndDeleted) {
  auto plan = Call("POST", "/plans", {{"title", "Begeleiding 2028"}, {"budget_year", 2028}});
  ASSERT_EQ(plan.status, 201) << plan.body;
  const auto plan_id = Body(plan)["id"].get<std::int64_t>();
  auto r = Call("POST", "/financing/scenarios", Saved("PxQ & combinatie <Denkstad>", plan_id));
  ASSERT_EQ(r.status, 201) << r.body;
  const json saved = Body(r);
  const auto id = std::to_string(saved["id"].get<std::int64_t>());
  EXPECT_EQ(saved["municipality_name"], "Denkstad");
  EXPECT_EQ(saved["plan_title"], "Begeleiding 2028");
  EXPECT_EQ(saved["scenario"]["variants"].size(), 4U);
  EXPECT_EQ(saved["scenario"]["seed"], 7);
  ASSERT_EQ(Call("POST", "/financing/scenarios", Saved("Zonder gemeente")).status, 201);

  // Listed newest change first, filtered by municipality or plan; a viewer may read.
  auto list = Body(Call("GET", "/financing/scenarios", {}, &vera))["items"];
  ASSERT_EQ(list.size(), 2U);
  EXPECT_EQ(
      Body(Call("GET", "/financing/scenarios?plan_id=" + std::to_string(plan_id)))["items"].size(),
      1U);
  EXPECT_EQ(Body(Call("GET", "/financing/scenarios?municipality_code=GM0998"))["items"].size(), 0U);
  EXPECT_EQ(Call("GET", "/financing/scenarios?plan_id=abc").status, 422);

  // Replace: new name, no plan.
  json changed = Saved("Alleen PxQ");
  changed["plan_id"] = nullptr;
  changed["scenario"]["variants"] = json::array({changed["scenario"]["variants"][0]});
  r = Call("PUT", "/financing/scenarios/" + id, changed);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Body(r)["name"], "Alleen PxQ");
  EXPECT_TRUE(Body(r)["plan_id"].is_null());
  EXPECT_EQ(Body(r)["scenario"]["variants"].size(), 1U);

  // Exports: the same figures every time (runs and seed are saved), in the user's language.
  auto csv = Call("GET", "/financing/scenarios/" + id + "/export?format=csv");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_NE(csv.Header("content-type").find("text/csv"), std::string::npos);
  EXPECT_NE(csv.body.find("Marge aanbieder"), std::string::npos);
  EXPECT_NE(csv.body.find("Kans op verlies (%)"), std::string::npos);
  EXPECT_NE(csv.body.find("PxQ"), std::string::npos);
  EXPECT_EQ(Call("GET", "/financing/scenarios/" + id + "/export?format=csv", {}, &vera).body,
            csv.body);
  auto xlsx = Call("GET", "/financing/scenarios/" + id + "/export?format=xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  auto svg = Call("GET", "/financing/scenarios/" + id + "/export?format=svg&output=spending");
  ASSERT_EQ(svg.status, 200);
  EXPECT_NE(svg.Header("content-type").find("image/svg+xml"), std::string::npos);
  EXPECT_NE(svg.body.find("Uitgaven gemeente"), std::string::npos);
  EXPECT_EQ(Call("GET", "/financing/scenarios/" + id + "/export?format=pdf").status, 422);
  EXPECT_EQ(Call("GET", "/financing/scenarios/" + id + "/export?format=svg&output=x").status, 422);

  // Deleting the plan keeps the scenario, unlinked.
  std::string other;
  const json all = Body(Call("GET", "/financing/scenarios"));
  for (const auto& item : all["items"]) {
    if (std::to_string(item["id"].get<std::int64_t>()) != id) {
      other = std::to_string(item["id"].get<std::int64_t>());
    }
  }
  r = Call("PUT", "/financing/scenarios/" + id, Saved("Weer gekoppeld", plan_id));
  ASSERT_EQ(r.status, 200);
  ASSERT_EQ(Call("DELETE", "/plans/" + std::to_string(plan_id)).status, 204);
  EXPECT_TRUE(Body(Call("GET", "/financing/scenarios/" + id))["plan_id"].is_null());
  ASSERT_EQ(Call("DELETE", "/financing/scenarios/" + id).status, 204);
  EXPECT_EQ(Call("GET", "/financing/scenarios/" + id).status, 404);
  EXPECT_EQ(Call("GET", "/financing/scenarios/" + other).status, 200);
}

TEST_P(FinancingScenarios, BadInputIsNamedViewersCannotWriteAndOtherWorkspacesSeeNothing) {
  json bad = Saved("");
  bad["municipality_code"] = "GM1234";
  bad["scenario"]["costs"]["cost_per_unit"] = -1;
  bad["plan_id"] = 999999;
  auto r = Call("POST", "/financing/scenarios", bad);
  ASSERT_EQ(r.status, 422) << r.body;
  const auto fields = Body(r)["error"]["fields"];
  for (const char* f : {"name", "municipality_code", "plan_id", "scenario.costs.cost_per_unit"}) {
    EXPECT_TRUE(fields.contains(f)) << f << " in " << r.body;
  }
  json no_scenario = Saved("Leeg");
  no_scenario.erase("scenario");
  EXPECT_TRUE(Body(Call("POST", "/financing/scenarios", no_scenario))["error"]["fields"].contains(
      "scenario"));
  json text_scenario = Saved("Tekst");
  text_scenario["scenario"] = "PxQ";
  EXPECT_EQ(Call("POST", "/financing/scenarios", text_scenario).status, 422);

  // A plan of another workspace cannot be linked.
  auto theirs =
      Call("POST", "/plans", {{"title", "Hun plan"}, {"budget_year", 2028}}, &bram, "welzijn-oost");
  ASSERT_EQ(theirs.status, 201);
  EXPECT_EQ(
      Call("POST", "/financing/scenarios", Saved("Leen", Body(theirs)["id"].get<int>())).status,
      422);

  EXPECT_EQ(Call("POST", "/financing/scenarios", Saved("Van Vera"), &vera).status, 403);
  r = Call("POST", "/financing/scenarios", Saved("Van Anna"));
  ASSERT_EQ(r.status, 201);
  const auto id = std::to_string(Body(r)["id"].get<std::int64_t>());
  EXPECT_EQ(Call("PUT", "/financing/scenarios/" + id, Saved("Door Vera"), &vera).status, 403);
  EXPECT_EQ(Call("DELETE", "/financing/scenarios/" + id, {}, &vera).status, 403);

  // Bram's workspace, or Bram in ours: nothing.
  for (const auto& [method, path] : std::vector<std::pair<std::string, std::string>>{
           {"GET", "/financing/scenarios/" + id},
           {"PUT", "/financing/scenarios/" + id},
           {"DELETE", "/financing/scenarios/" + id},
           {"GET", "/financing/scenarios/" + id + "/export?format=svg"}}) {
    auto other =
        Call(method, path, method == "PUT" ? Saved("Overgenomen") : json(), &bram, "welzijn-oost");
    EXPECT_EQ(other.status, 404) << method << " " << path;
    EXPECT_EQ(other.body.find("Van Anna"), std::string::npos);
    EXPECT_EQ(Call(method, path, method == "PUT" ? Saved("Overgenomen") : json(), &bram).status,
              404)
        << method << " " << path;
  }
  EXPECT_TRUE(
      Body(Call("GET", "/financing/scenarios", {}, &bram, "welzijn-oost"))["items"].empty());
  EXPECT_EQ(Body(Call("GET", "/financing/scenarios/" + id))["name"], "Van Anna");
}

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return testing::Name(info.param);
}
INSTANTIATE_TEST_SUITE_P(Backends, FinancingScenarios,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace aantafel::testing

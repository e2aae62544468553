// Samenwerkingsscan and waardecasus over HTTP against the real server, on SQLite and PostgreSQL:
// respondents answer through personal links, results keep small groups anonymous, links stop
// working when the scan closes and never show someone else's answers.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/test_server.hpp"

namespace aantafel::testing {
namespace {

using nlohmann::json;

json Body(const ClientResponse& r) { return json::parse(r.body, nullptr, false); }

std::string FormEncode(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string out;
  for (const auto& [k, v] : fields) {
    if (!out.empty()) out += '&';
    for (const std::string* part : {&k, &v}) {
      for (const unsigned char c : *part) {
        if (std::isalnum(c) || c == '.' || c == '_' || c == '-') {
          out += static_cast<char>(c);
        } else {
          char buf[4];
          std::snprintf(buf, sizeof buf, "%%%02X", c);
          out += buf;
        }
      }
      if (part == &k) out += '=';
    }
  }
  return out;
}

class ScansHttp : public ::testing::TestWithParam<Backend> {
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
    bram = LogIn(*client, "bram@welzijn.nl");
    const json templates = Body(Call("GET", "/scan-templates"));
    for (const auto& t : templates["items"]) {
      if (t["id"] != "care_cooperative") continue;
      for (const auto& d : t["dimensions"]) {
        for (const auto& s : d["statements"]) statements.push_back(s["id"]);
      }
    }
    ASSERT_GE(statements.size(), 8U);
  }
  ClientResponse Call(const std::string& method, const std::string& path, const json& body = {},
                      const BrowserSession* who = nullptr, const std::string& ws = "zorg-west") {
    const BrowserSession& s = who ? *who : anna;
    return client->Request(
        method, "/api/v1/workspaces/" + ws + path,
        {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}, {"Content-Type", "application/json"}},
        body.is_null() ? "" : body.dump());
  }
  /// A scan with links for `organisations` (one respondent each); returns link paths "/s/…".
  std::vector<std::string> ScanWithLinks(const std::vector<std::string>& organisations,
                                         std::string& scan_path) {
    auto r = Call("POST", "/scans",
                  {{"title", "Samenwerking 2026"},
                   {"collaboration", "Zorg West en Zorgcoöperatie Hoogland"},
                   {"template_id", "care_cooperative"}});
    EXPECT_EQ(r.status, 201) << r.body;
    scan_path = "/scans/" + std::to_string(Body(r)["id"].get<std::int64_t>());
    json invitees = json::array();
    for (const auto& o : organisations)
      invitees.push_back({{"organisation", o}, {"label", "Team"}});
    r = Call("POST", scan_path + "/respondents", {{"invitees", invitees}});
    EXPECT_EQ(r.status, 201) << r.body;
    std::vector<std::string> links;
    const json created = Body(r);
    for (const auto& item : created["items"]) {
      const std::string url = item["url"];
      links.push_back(url.substr(url.find("/s/")));
    }
    return links;
  }
  /// Answers every statement with `score` (0 = weet niet) and a comment on the first.
  ClientResponse Answer(const std::string& link, int score, const std::string& comment = "") {
    std::vector<std::pair<std::string, std::string>> fields{{"lang", "nl"}};
    for (const auto& id : statements) {
      fields.emplace_back("a." + id, score == 0 ? "dk" : std::to_string(score));
    }
    if (!comment.empty()) fields.emplace_back("c." + statements[0], comment);
    return client->Request("POST", link, {{"Content-Type", "application/x-www-form-urlencoded"}},
                           FormEncode(fields));
  }
  std::unique_ptr<TestServer> server;
  std::unique_ptr<HttpClient> client;
  BrowserSession anna, bram;
  std::vector<std::string> statements;
};

TEST_P(ScansHttp, ThreeRespondentsFromTwoOrganisationsAnswerAndTheGapsComeFirst) {
  std::string scan;
  const auto links = ScanWithLinks({"Zorg West", "Zorg West", "Hoogland"}, scan);
  ASSERT_EQ(links.size(), 3U);
  // The page shows every statement, and nothing filled in yet.
  auto page = client->Request("GET", links[0]);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Samenwerking 2026"), std::string::npos);
  EXPECT_NE(page.body.find("name=\"a." + statements.back() + "\""), std::string::npos);
  EXPECT_EQ(page.body.find(" checked"), std::string::npos);

  ASSERT_EQ(Answer(links[0], 5, "Goede start <samen>").status, 200);
  auto results = Body(Call("GET", scan + "/results"));
  EXPECT_FALSE(results["shown"]) << "one respondent: nothing to show";
  EXPECT_TRUE(results["statements"].empty());
  ASSERT_EQ(Answer(links[1], 4).status, 200);
  ASSERT_EQ(Answer(links[2], 1).status, 200);

  // A respondent's page shows only their own answers.
  page = client->Request("GET", links[2]);
  EXPECT_NE(page.body.find("value=\"1\" checked"), std::string::npos);
  EXPECT_EQ(page.body.find("value=\"5\" checked"), std::string::npos);
  EXPECT_EQ(page.body.find("Goede start"), std::string::npos);

  results = Body(Call("GET", scan + "/results"));
  ASSERT_TRUE(results["shown"]);
  EXPECT_EQ(results["respondents"], 3);
  for (const auto& o : results["organisations"]) EXPECT_FALSE(o["shown"]) << o;
  for (const auto& s : results["statements"]) EXPECT_TRUE(s["organisations"].empty());
  ASSERT_EQ(results["gaps"].size(), statements.size()) << "every statement has spread";
  ASSERT_EQ(results["comments"].size(), 1U);
  EXPECT_EQ(results["comments"][0]["text"], "Goede start <samen>");
  EXPECT_FALSE(results["comments"][0].contains("organisation"));
  EXPECT_EQ(results["weakest"].size(), 3U);
  EXPECT_FALSE(results["weakest"][0]["action"]["nl"].get<std::string>().empty());
  auto scan_view = Body(Call("GET", scan));
  EXPECT_EQ(scan_view["invited"], 3);
  EXPECT_EQ(scan_view["answered"], 3);

  // Editable while open: the third respondent changes their mind.
  ASSERT_EQ(Answer(links[2], 4).status, 200);
  results = Body(Call("GET", scan + "/results"));
  EXPECT_NEAR(results["statements"][0]["mean"].get<double>(), 13.0 / 3.0, 1e-9);

  // An improvement step becomes an agreement.
  const std::string weakest = results["weakest"][0]["statement_id"];
  auto agreement = Call("POST", scan + "/agreements", {{"statement_id", weakest}});
  ASSERT_EQ(agreement.status, 201) << agreement.body;
  EXPECT_EQ(Body(agreement)["status"], "concept");
  EXPECT_EQ(Body(Call("GET", "/agreements"))["items"].size(), 1U);
  EXPECT_EQ(Call("POST", scan + "/agreements", {{"statement_id", "bestaat_niet"}}).status, 422);
}

TEST_P(ScansHttp, ClosedScansAndWithdrawnLinksStopWorkingAndMissingAnswersAreNamed) {
  std::string scan;
  const auto links = ScanWithLinks({"Zorg West", "Hoogland"}, scan);
  // Half an answer: the page comes back with the problems named and the answers kept.
  auto partial =
      client->Request("POST", links[0], {{"Content-Type", "application/x-www-form-urlencoded"}},
                      FormEncode({{"a." + statements[0], "2"}, {"c." + statements[0], "Lastig"}}));
  ASSERT_EQ(partial.status, 422);
  EXPECT_NE(partial.body.find("role=\"alert\""), std::string::npos);
  EXPECT_NE(partial.body.find("value=\"2\" checked"), std::string::npos);
  EXPECT_NE(partial.body.find("Lastig"), std::string::npos);
  auto json_answer = client->Request("POST", links[0], {{"Content-Type", "application/json"}},
                                     json{{"a." + statements[0], 9}}.dump());
  EXPECT_EQ(json_answer.status, 422);
  EXPECT_EQ(client->Request("POST", links[0], {{"Content-Type", "text/plain"}}, "x").status, 415);
  ASSERT_EQ(Answer(links[0], 0).status, 200) << "weet niet everywhere is an answer";

  ASSERT_EQ(Call("PATCH", scan, {{"status", "closed"}}).status, 200);
  auto closed = client->Request("GET", links[0]);
  EXPECT_EQ(closed.status, 200);
  EXPECT_NE(closed.body.find("gesloten"), std::string::npos);
  EXPECT_EQ(closed.body.find("<form"), std::string::npos);
  EXPECT_EQ(Answer(links[1], 3).status, 409) << "no answers after closing";
  EXPECT_EQ(Call("POST", scan + "/respondents", {{"invitees", {{{"organisation", "X"}}}}}).status,
            409);
  ASSERT_EQ(Call("PATCH", scan, {{"status", "open"}}).status, 200);
  EXPECT_EQ(Answer(links[1], 3).status, 200);

  // Withdrawing a link ends it and removes its answers.
  const auto respondents = Body(Call("GET", scan + "/respondents"))["items"];
  ASSERT_EQ(respondents.size(), 2U);
  EXPECT_FALSE(respondents[0].contains("answers"));
  const auto id = std::to_string(respondents[0]["id"].get<std::int64_t>());
  ASSERT_EQ(Call("DELETE", scan + "/respondents/" + id).status, 204);
  EXPECT_EQ(client->Request("GET", links[0]).status + client->Request("GET", links[1]).status,
            404 + 200);
  EXPECT_EQ(client->Request("GET", "/s/sBestaatNietMaarLangGenoeg").status, 404);

  // Another workspace sees nothing of it.
  EXPECT_EQ(Call("GET", scan + "/results", {}, &bram, "welzijn-oost").status, 404);
  EXPECT_EQ(Call("GET", scan + "/respondents", {}, &bram).status, 404);
  EXPECT_TRUE(Body(Call("GET", "/scans", {}, &bram, "welzijn-oost"))["items"].empty());
  EXPECT_EQ(
      Call("POST", "/scans", {{"title", "x"}, {"collaboration", "y"}, {"template_id", "z"}}).status,
      422);
}

TEST_P(ScansHttp, ARepeatMeasurementShowsTheChangePerDimension) {
  std::string first;
  auto links = ScanWithLinks({"A", "A", "B"}, first);
  for (const auto& l : links) ASSERT_EQ(Answer(l, 2).status, 200);
  ASSERT_EQ(Call("PATCH", first, {{"status", "closed"}}).status, 200);
  auto repeat = Call("POST", first + "/repeat", {{"title", "Samenwerking 2027"}});
  ASSERT_EQ(repeat.status, 201) << repeat.body;
  const json second = Body(repeat);
  EXPECT_EQ(second["template_id"], "care_cooperative");
  EXPECT_EQ(second["previous_scan_id"], Body(Call("GET", first))["id"]);
  const std::string path = "/scans/" + std::to_string(second["id"].get<std::int64_t>());
  json invitees =
      json::array({{{"organisation", "A"}}, {{"organisation", "A"}}, {{"organisation", "B"}}});
  auto invited = Call("POST", path + "/respondents", {{"invitees", invitees}});
  ASSERT_EQ(invited.status, 201);
  const json links2 = Body(invited);
  for (const auto& item : links2["items"]) {
    const std::string url = item["url"];
    ASSERT_EQ(Answer(url.substr(url.find("/s/")), 4).status, 200);
  }
  const json results = Body(Call("GET", path + "/results"));
  ASSERT_FALSE(results["changes"].empty());
  for (const auto& c : results["changes"]) EXPECT_DOUBLE_EQ(c["change"].get<double>(), 2.0);
  EXPECT_EQ(results["previous"]["title"], "Samenwerking 2026");
}

TEST_P(ScansHttp, AValueCaseCarriesItsArithmeticAndStaysInItsWorkspace) {
  json body = {{"title", "Vroeg eropaf"},
               {"initiative_costs", 120000},
               {"clients_reached", 80},
               {"clients_activated", 20},
               {"avoided_costs",
                {{{"label", "Huisuitzetting"},
                  {"unit_cost", 20000},
                  {"events", 6},
                  {"attribution", 0.5},
                  {"assumption", "Cijfers corporatie"}}}},
               {"return", {{"light", "green"}, {"evidence", "Zie bijlage"}}}};
  auto r = Call("POST", "/value-cases", body);
  ASSERT_EQ(r.status, 201) << r.body;
  const json saved = Body(r);
  EXPECT_DOUBLE_EQ(saved["figures"]["avoided_total"].get<double>(), 60000);
  EXPECT_DOUBLE_EQ(saved["figures"]["net"].get<double>(), -60000);
  EXPECT_DOUBLE_EQ(saved["figures"]["break_even_events"][0].get<double>(), 12);
  EXPECT_EQ(saved["return"]["light"], "green");
  const std::string path = "/value-cases/" + std::to_string(saved["id"].get<std::int64_t>());
  body["avoided_costs"][0]["events"] = 14;
  r = Call("PUT", path, body);
  ASSERT_EQ(r.status, 200);
  EXPECT_DOUBLE_EQ(Body(r)["figures"]["net"].get<double>(), 20000);
  body["avoided_costs"][0]["attribution"] = 2;
  r = Call("PUT", path, body);
  ASSERT_EQ(r.status, 422);
  EXPECT_TRUE(Body(r)["error"]["fields"].contains("avoided_costs[0].attribution"));
  body["avoided_costs"][0]["attribution"] = 1;
  EXPECT_EQ(Call("GET", path, {}, &bram, "welzijn-oost").status, 404);
  EXPECT_EQ(Call("PUT", path, body, &bram, "welzijn-oost").status, 404);
  ASSERT_EQ(Call("DELETE", path).status, 204);
  EXPECT_TRUE(Body(Call("GET", "/value-cases"))["items"].empty());
}

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return testing::Name(info.param);
}
INSTANTIATE_TEST_SUITE_P(Backends, ScansHttp,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace aantafel::testing

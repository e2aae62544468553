// Beleidskalender over HTTP against the real server, on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "support/test_server.hpp"

namespace aantafel::testing {
namespace {

using nlohmann::json;
using Headers = std::map<std::string, std::string>;

json Body(const ClientResponse& r) { return json::parse(r.body, nullptr, false); }

class CalendarHttp : public ::testing::TestWithParam<Backend> {
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
    auto& whoiswho = server->runtime().whoiswho();
    ASSERT_TRUE(whoiswho.UpsertMunicipality({.code = "GM0999", .name = "Denkstad"}).ok());
    ASSERT_TRUE(whoiswho.UpsertMunicipality({.code = "GM0998", .name = "Verzinbeek"}).ok());
    anna = LogIn(*client, "anna@zorg.nl");
    denkstad =
        Create("/organisations", {{"kind", "municipality"}, {"municipality_code", "GM0999"}});
    verzinbeek =
        Create("/organisations", {{"kind", "municipality"}, {"municipality_code", "GM0998"}});
  }
  Headers Auth(const BrowserSession& s) {
    return {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}, {"Content-Type", "application/json"}};
  }
  ClientResponse Call(const std::string& method, const std::string& path, const json& body = {},
                      const BrowserSession* who = nullptr, const std::string& ws = "zorg-west") {
    return client->Request(method, "/api/v1/workspaces/" + ws + path, Auth(who ? *who : anna),
                           body.is_null() ? "" : body.dump());
  }
  std::int64_t Create(const std::string& path, const json& body) {
    auto r = Call("POST", path, body);
    EXPECT_EQ(r.status, 201) << path << " " << r.body;
    return Body(r)["id"].get<std::int64_t>();
  }

  std::unique_ptr<TestServer> server;
  std::unique_ptr<HttpClient> client;
  BrowserSession anna;
  std::int64_t denkstad = 0, verzinbeek = 0;
};

TEST_P(CalendarHttp, APlanGetsWindowsPerMunicipalityThatFollowActualDates) {
  // The test clock says 2026-11-18: a plan for 2028 is on time, for 2027 too late.
  const auto plan = Create("/plans", {{"title", "Valpreventie"},
                                      {"core_message", "Minder vallen, minder opnames"},
                                      {"budget_year", 2028},
                                      {"budget_needed", 80000},
                                      {"organisation_ids", {denkstad, verzinbeek}}});
  auto view = Body(Call("GET", "/plans/" + std::to_string(plan)));
  ASSERT_EQ(view["schedules"].size(), 2U);
  const auto& first = view["schedules"][0];
  EXPECT_EQ(first["timing"], "on_time");
  EXPECT_EQ(first["windows"][0]["id"], "adviser");
  EXPECT_EQ(first["windows"][0]["from"], "2026-10-01");
  EXPECT_EQ(first["windows"][3]["id"], "kadernota_vote");
  EXPECT_EQ(first["windows"][3]["from"], "2027-07-01");
  EXPECT_EQ(first["windows"][0]["label"], "Bespreek je plan met de beleidsadviseur");

  // Denkstad's real kadernota vote is on 12 June 2027.
  auto set = Call("POST", "/organisations/" + std::to_string(denkstad) + "/cycle",
                  {{"event", "kadernota_vote"}, {"year", 2027}, {"date", "2027-06-12"}});
  ASSERT_EQ(set.status, 204) << set.body;
  view = Body(Call("GET", "/plans/" + std::to_string(plan)));
  for (const auto& s : view["schedules"]) {
    const bool is_denkstad = s["organisation"]["id"] == denkstad;
    EXPECT_EQ(s["windows"][3]["from"], is_denkstad ? "2027-06-12" : "2027-07-01");
  }
  auto cycle = Body(Call("GET", "/organisations/" + std::to_string(denkstad) + "/cycle?year=2027"));
  bool found = false;
  for (const auto& e : cycle["events"]) {
    if (e["id"] == "kadernota_vote") {
      found = true;
      EXPECT_EQ(e["date"], "2027-06-12");
      EXPECT_EQ(e["actual"], true);
    }
    if (e["id"] == "begroting_to_province") {
      EXPECT_EQ(e["basis"], "legal");
    }
  }
  EXPECT_TRUE(found);

  // Too late for 2027: the answer names the earliest feasible year.
  ASSERT_EQ(Call("PATCH", "/plans/" + std::to_string(plan), {{"budget_year", 2027}}).status, 200);
  view = Body(Call("GET", "/plans/" + std::to_string(plan)));
  EXPECT_EQ(view["schedules"][0]["timing"], "too_late");
  EXPECT_EQ(view["schedules"][0]["earliest_feasible_year"], 2028);
  EXPECT_EQ(view["schedules"][0]["election_year"], true);

  auto upcoming = Body(Call("GET", "/calendar/upcoming?days=365"));
  ASSERT_FALSE(upcoming["items"].empty());
  EXPECT_LE(upcoming["items"][0]["date"].get<std::string>(),
            upcoming["items"].back()["date"].get<std::string>());
}

TEST_P(CalendarHttp, InputIsValidatedFieldByField) {
  auto bad = Call("POST", "/plans",
                  {{"title", ""},
                   {"budget_year", 1990},
                   {"budget_needed", -5},
                   {"status", "ergens"},
                   {"phase", "?"},
                   {"organisation_ids", {999999}}});
  ASSERT_EQ(bad.status, 422);
  auto fields = Body(bad)["error"]["fields"];
  for (const char* f :
       {"title", "budget_year", "budget_needed", "status", "phase", "organisation_ids"}) {
    EXPECT_TRUE(fields.contains(f)) << f << " " << bad.body;
  }
  const std::string cycle = "/organisations/" + std::to_string(denkstad) + "/cycle";
  EXPECT_EQ(
      Call("POST", cycle, {{"event", "feestdag"}, {"year", 2027}, {"date", "2027-06-12"}}).status,
      422);
  auto wrong_year =
      Call("POST", cycle, {{"event", "kadernota_vote"}, {"year", 2027}, {"date", "2028-06-12"}});
  EXPECT_TRUE(Body(wrong_year)["error"]["fields"].contains("date"));
  EXPECT_EQ(Call("POST", cycle, {{"merged_on", "2028-03-01"}}).status, 422);
  EXPECT_EQ(Call("POST", cycle, {{"merged_on", "2028-01-01"}, {"year", 2027}}).status, 422);
  EXPECT_EQ(Call("POST", cycle, {{"merged_on", "2028-01-01"}}).status, 204);
  EXPECT_EQ(Body(Call("GET", cycle + "?year=2027"))["merged_on"], "2028-01-01");
  EXPECT_EQ(Call("GET", cycle + "?year=abc").status, 422);
  EXPECT_EQ(Call("GET", cycle + "?year=1500").status, 422);
  EXPECT_EQ(Call("GET", "/calendar/upcoming?days=0").status, 422);
  EXPECT_EQ(Call("GET", "/calendar/upcoming?days=9999").status, 422);
  // A provider organisation has no municipal cycle.
  const auto provider = Create("/organisations", {{"kind", "provider"}, {"name", "Zorg BV"}});
  EXPECT_EQ(Call("GET", "/organisations/" + std::to_string(provider) + "/cycle").status, 422);
}

TEST_P(CalendarHttp, OtherWorkspacesCannotSeeOrChangePlansDatesOrFeeds) {
  const auto plan =
      Create("/plans",
             {{"title", "Geheim plan"}, {"budget_year", 2028}, {"organisation_ids", {denkstad}}});
  auto bram = LogIn(*client, "bram@welzijn.nl");
  const std::string id = std::to_string(plan);
  for (const char* ws : {"welzijn-oost", "zorg-west"}) {
    EXPECT_EQ(Call("GET", "/plans/" + id, {}, &bram, ws).status, 404) << ws;
    EXPECT_EQ(Call("PATCH", "/plans/" + id, {{"title", "Van mij"}}, &bram, ws).status, 404) << ws;
    EXPECT_EQ(Call("DELETE", "/plans/" + id, {}, &bram, ws).status, 404) << ws;
    EXPECT_EQ(
        Call("GET", "/organisations/" + std::to_string(denkstad) + "/cycle", {}, &bram, ws).status,
        404)
        << ws;
    EXPECT_EQ(Call("POST", "/organisations/" + std::to_string(denkstad) + "/cycle",
                   {{"event", "kadernota_vote"}, {"year", 2027}, {"date", "2027-05-01"}}, &bram, ws)
                  .status,
              404)
        << ws;
  }
  EXPECT_TRUE(Body(Call("GET", "/plans", {}, &bram, "welzijn-oost"))["items"].empty());
  EXPECT_TRUE(Body(Call("GET", "/calendar/upcoming", {}, &bram, "welzijn-oost"))["items"].empty());
  // Bram cannot link Anna's municipality to his own plan.
  EXPECT_EQ(Call("POST", "/plans",
                 {{"title", "X"}, {"budget_year", 2028}, {"organisation_ids", {denkstad}}}, &bram,
                 "welzijn-oost")
                .status,
            422);
  auto feed = Body(Call("POST", "/calendar/feeds", {{"label", "Outlook"}}));
  EXPECT_EQ(Call("DELETE", "/calendar/feeds/" + std::to_string(feed["id"].get<std::int64_t>()), {},
                 &bram, "welzijn-oost")
                .status,
            404);
  EXPECT_EQ(Body(Call("GET", "/plans/" + id))["plan"]["title"], "Geheim plan");

  // Viewers read but do not write.
  server->AddMember("zorg-west", "bram@welzijn.nl", "viewer");
  EXPECT_EQ(Call("GET", "/plans/" + id, {}, &bram).status, 200);
  EXPECT_EQ(Call("PATCH", "/plans/" + id, {{"title", "Nee"}}, &bram).status, 403);
  EXPECT_EQ(Call("POST", "/plans", {{"title", "Nee"}, {"budget_year", 2028}}, &bram).status, 403);
  EXPECT_EQ(Call("POST", "/organisations/" + std::to_string(denkstad) + "/cycle",
                 {{"merged_on", ""}}, &bram)
                .status,
            403);
  // A calendar feed is the viewer's own: subscribing is reading.
  auto own = Call("POST", "/calendar/feeds", {{"label", "Lezer"}}, &bram);
  ASSERT_EQ(own.status, 201) << own.body;
  EXPECT_EQ(Body(Call("GET", "/calendar/feeds", {}, &bram))["items"].size(), 1U);
  EXPECT_EQ(Call("DELETE", "/calendar/feeds/" + std::to_string(Body(own)["id"].get<std::int64_t>()),
                 {}, &bram)
                .status,
            204);
}

TEST_P(CalendarHttp, AFeedIsValidICalendarUntilItIsRevoked) {
  Create("/plans", {{"title", "Dagbesteding; jong, en oud"},
                    {"budget_year", 2028},
                    {"organisation_ids", {denkstad}}});
  auto created = Call("POST", "/calendar/feeds", {{"label", "Telefoon"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string path = Body(created)["path"];
  const auto feed_id = Body(created)["id"].get<std::int64_t>();
  EXPECT_EQ(Body(Call("GET", "/calendar/feeds"))["items"].size(), 1U);
  EXPECT_FALSE(Body(Call("GET", "/calendar/feeds"))["items"][0].contains("token"));

  auto ical = client->Request("GET", path + ".ics", {});
  ASSERT_EQ(ical.status, 200) << ical.body;
  EXPECT_TRUE(ical.Header("Content-Type").starts_with("text/calendar"));
  const std::string& text = ical.body;
  EXPECT_TRUE(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
  EXPECT_TRUE(text.ends_with("END:VCALENDAR\r\n"));
  // Every line ends in CRLF and is at most 75 octets; events are balanced and complete.
  std::size_t begin = 0, end = 0, start = 0;
  while (start < text.size()) {
    const std::size_t crlf = text.find("\r\n", start);
    ASSERT_NE(crlf, std::string::npos);
    const std::string line = text.substr(start, crlf - start);
    EXPECT_LE(line.size(), 75U) << line;
    EXPECT_EQ(line.find('\n'), std::string::npos);
    if (line == "BEGIN:VEVENT") ++begin;
    if (line == "END:VEVENT") ++end;
    start = crlf + 2;
  }
  EXPECT_EQ(begin, end);
  EXPECT_GT(begin, 10U);
  EXPECT_NE(text.find("SUMMARY:Dagbesteding\\; jong\\, en oud — Denkstad: Bespreek je plan met de"),
            std::string::npos)
      << "TEXT values are escaped";
  EXPECT_NE(text.find("DTSTART;VALUE=DATE:20270701\r\nDTEND;VALUE=DATE:20270702"),
            std::string::npos)
      << "the kadernota vote is one all-day event";
  EXPECT_NE(text.find("DTSTAMP:20261118T"), std::string::npos);
  EXPECT_NE(text.find("URL:https://aantafel.example/w/zorg-west/policy-calendar/plans/"),
            std::string::npos)
      << "events link back to aantafel";

  ASSERT_EQ(Call("DELETE", "/calendar/feeds/" + std::to_string(feed_id)).status, 204);
  EXPECT_EQ(client->Request("GET", path, {}).status, 404);
  EXPECT_EQ(client->Request("GET", "/ical/not-a-token", {}).status, 404);
}

TEST_P(CalendarHttp, OwnEventsShowInTheYearTheFeedAndTheUpcomingList) {
  const std::string events = "/organisations/" + std::to_string(denkstad) + "/cycle/events";
  auto added = Call("POST", events, {{"date", "2026-12-10"}, {"title", "Werkbezoek wethouder"}});
  ASSERT_EQ(added.status, 201) << added.body;
  const auto id = Body(added)["id"].get<std::int64_t>();
  EXPECT_EQ(Call("POST", events, {{"date", "morgen"}, {"title", ""}}).status, 422);
  auto year = Body(Call("GET", "/organisations/" + std::to_string(denkstad) + "/cycle?year=2026"));
  bool seen = false;
  for (const auto& e : year["events"]) {
    if (e["id"] == "custom:" + std::to_string(id)) {
      seen = true;
      EXPECT_EQ(e["basis"], "own");
      EXPECT_EQ(e["label"], "Werkbezoek wethouder");
      EXPECT_EQ(e["custom_id"], id);
    }
  }
  EXPECT_TRUE(seen);
  // Within 30 days of 18 November: both municipalities' najaarsnota (20 Nov), then the visit.
  auto upcoming = Body(Call("GET", "/calendar/upcoming?days=30"))["items"];
  ASSERT_EQ(upcoming.size(), 3U) << upcoming.dump();
  EXPECT_EQ(upcoming[0]["event"]["id"], "najaarsnota");
  EXPECT_EQ(upcoming[2]["event"]["label"], "Werkbezoek wethouder");
  EXPECT_EQ(upcoming[2]["date"], "2026-12-10");
  auto feed = Body(Call("POST", "/calendar/feeds", json::object()));
  auto ical = client->Request("GET", feed["path"].get<std::string>(), {});
  EXPECT_NE(ical.body.find("SUMMARY:Denkstad: Werkbezoek wethouder\r\n"), std::string::npos);

  auto bram = LogIn(*client, "bram@welzijn.nl");
  EXPECT_EQ(Call("DELETE", events + "/" + std::to_string(id), {}, &bram, "welzijn-oost").status,
            404);
  EXPECT_EQ(Call("DELETE", events + "/" + std::to_string(id)).status, 204);
  EXPECT_EQ(Call("DELETE", events + "/" + std::to_string(id)).status, 404);
}

TEST_P(CalendarHttp, GuessingFeedTokensIsRateLimited) {
  int last = 0;
  for (int i = 0; i < 125 && last != 429; ++i) {
    last = client->Request("GET", "/ical/guess-" + std::to_string(i), {}).status;
  }
  EXPECT_EQ(last, 429);
}

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return testing::Name(info.param);
}
INSTANTIATE_TEST_SUITE_P(Backends, CalendarHttp,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace aantafel::testing

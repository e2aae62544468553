// Raadsinformatie (issue #26) end to end on SQLite and PostgreSQL: the sync reads Open
// Besluitvorming's status list and export feed from a local HTTP server serving fixture pages in
// the published format (tests/fixtures/openbesluitvorming/), stores the council's meetings,
// agenda, documents and motions, applies tombstones, resumes from its stored position, honours
// 429 Retry-After and backs off after failures; workspaces read only the councils they follow.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "http/handlers/views.hpp"
#include "security/sodium.hpp"
#include "storage/council_repository.hpp"
#include "support/file_server.hpp"
#include "support/response_contract.hpp"
#include "support/test_server.hpp"

namespace aantafel::testing {
namespace {

using nlohmann::json;
using Headers = std::vector<std::pair<std::string, std::string>>;

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(AANTAFEL_SOURCE_DIR) + "/tests/fixtures/openbesluitvorming/" + name,
                   std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

const std::string kSnapshot1 = "/api/export/snapshot?source=soest&limit=2";
const std::string kSnapshot2 =
    "/api/export/"
    "snapshot?source=soest&limit=2&cursor=document%3Anotubiz%3Agemeente%3Asoest%3A12345";
const std::string kChanges7 = "/api/export/changes?source=soest&limit=2&cursor=7";
const std::string kChanges9 = "/api/export/changes?source=soest&limit=2&cursor=9";
const std::string kChanges10 = "/api/export/changes?source=soest&limit=2&cursor=10";

FileServer::File Page(const std::string& body, const std::string& next, bool more,
                      const std::string& changes = "") {
  Headers headers = {{"x-next-cursor", next},
                     {"x-has-more", more ? "true" : "false"},
                     {"RateLimit-Limit", "60"},
                     {"RateLimit-Remaining", "55"},
                     {"RateLimit-Reset", "5"}};
  if (!changes.empty()) headers.emplace_back("x-changes-cursor", changes);
  return {.body = body,
          .content_type = "application/x-ndjson; charset=utf-8",
          .headers = std::move(headers)};
}

class CouncilSync : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    AANTAFEL_SKIP_WITHOUT_BACKEND(GetParam());
    files.Serve("/api/status", {.body = Fixture("status.json"),
                                .content_type = "application/json",
                                .headers = {{"cache-control", "public, max-age=600"}}});
    ServeSoest();
    server = std::make_unique<TestServer>(GetParam(),
                                          TestServerOptions{.council_url = files.Url(""),
                                                            .council_page_size = 2,
                                                            .webhook_private_addresses = true});
    server->Start();
    client = std::make_unique<HttpClient>(server->port());
    server->AddUser("anna@zorg.nl", "Anna");
    server->AddWorkspace("zorg-west", "anna@zorg.nl");
    server->AddWorkspace("welzijn-oost", "anna@zorg.nl");
    anna = LogIn(*client, "anna@zorg.nl");
    const auto org = Send("POST", "zorg-west", "/organisations",
                          json{{"kind", "municipality"}, {"municipality_code", "GM0342"}}.dump());
    ASSERT_EQ(org.status, 201) << org.body;
    soest_org = json::parse(org.body)["id"].get<std::int64_t>();
  }
  void ServeSoest() {
    files.Serve(kSnapshot1, Page(Fixture("soest-snapshot-1.ndjson"),
                                 "document:notubiz:gemeente:soest:12345", true, "7"));
    files.Serve(kSnapshot2, Page(Fixture("soest-snapshot-2.ndjson"),
                                 "motion:notubiz:gemeente:soest:m-2026-041", false, "7"));
    files.Serve(kChanges7, Page(Fixture("soest-changes-7.ndjson"), "9", true));
    files.Serve(kChanges9, Page(Fixture("soest-changes-9.ndjson"), "10", false));
    files.Serve(kChanges10, Page("", "10", false));
    files.Serve("/api/entities/document%3Anotubiz%3Agemeente%3Asoest%3A12399",
                {.body = Fixture("entity-document-12399.json"),
                 .content_type = "application/json; charset=utf-8"});
  }
  ClientResponse Send(const std::string& method, const std::string& slug, const std::string& path,
                      const std::string& body = "") {
    return client->Request(method, "/api/v1/workspaces/" + slug + path,
                           {{"Cookie", anna.cookie},
                            {"X-CSRF-Token", anna.csrf},
                            {"Content-Type", "application/json"}},
                           body);
  }
  json Get(const std::string& slug, const std::string& path) {
    const auto r = Send("GET", slug, path);
    EXPECT_EQ(r.status, 200) << path << ": " << r.body;
    return json::parse(r.body);
  }
  void Follow() {
    ASSERT_EQ(server->runtime().SyncCouncils(true).status_error, "");
    const auto r = Send("PUT", "zorg-west", "/councils/soest");
    ASSERT_EQ(r.status, 200) << r.body;
  }
  std::size_t Asked(const std::string& path) {
    std::size_t n = 0;
    for (const auto& r : files.requests()) n += r.path == path ? 1 : 0;
    return n;
  }
  json Meeting() {
    const json list = Get("zorg-west", "/council-meetings");
    EXPECT_EQ(list["items"].size(), 1U) << list.dump();
    if (list["items"].empty()) return json{};
    return Get("zorg-west", "/council-meetings/" + list["items"][0]["id"].dump());
  }

  FileServer files;
  std::unique_ptr<TestServer> server;
  std::unique_ptr<HttpClient> client;
  BrowserSession anna;
  std::int64_t soest_org = 0;
};

TEST_P(CouncilSync, AWorkspaceFollowsItsMunicipalitysCouncilAndReadsWhatItDiscusses) {
  ASSERT_EQ(server->runtime().SyncCouncils(true).status_error, "");
  const json before = Get("zorg-west", "/councils");
  ASSERT_EQ(before["available"].size(), 1U) << "only Soest (GM0342) of the status list";
  EXPECT_EQ(before["available"][0]["source_key"], "soest");
  EXPECT_EQ(before["available"][0]["supplier_state"], "ok");
  EXPECT_EQ(before["enabled"], true);
  EXPECT_EQ(before["follows"].size(), 0U);
  ASSERT_EQ(Send("PUT", "zorg-west", "/councils/soest").status, 200);

  // Following wakes the background sync; either it or this call does the round (one at a time).
  const auto done = server->runtime().SyncCouncils(false);
  EXPECT_TRUE(done.enabled);
  EXPECT_EQ(done.round.failed, 0);

  const json councils = Get("zorg-west", "/councils");
  ASSERT_EQ(councils["follows"].size(), 1U);
  const json sync = councils["follows"][0]["sync"];
  EXPECT_EQ(sync["phase"], "changes");
  EXPECT_EQ(sync["records"], 7) << "2 + 2 snapshot records (1 line unreadable), 2 + 1 changes";
  EXPECT_EQ(sync["skipped_lines"], 1);
  EXPECT_EQ(sync["error"], nullptr);
  EXPECT_NE(sync["synced_at"], nullptr);
  EXPECT_EQ(councils["available"].size(), 0U);

  const json meeting = Meeting();
  EXPECT_EQ(meeting["council"], "Soest");
  EXPECT_EQ(meeting["committee"], "Commissie Samenleving");
  EXPECT_EQ(meeting["location"], "Trouwzaal, Raadhuis Soest") << "the change feed's version";
  EXPECT_EQ(meeting["starts_at"], "2026-12-01T18:30:00.000Z");
  EXPECT_EQ(meeting["time_known"], true);
  EXPECT_EQ(meeting["agenda_items"], 3) << "headings are not counted";
  ASSERT_EQ(meeting["agenda"].size(), 4U);
  EXPECT_EQ(meeting["agenda"][2]["title"], "Beleidsplan beschermd wonen 2027-2030");
  EXPECT_EQ(meeting["agenda"][2]["depth"], 1);
  EXPECT_EQ(meeting["agenda"][2]["number"], "2a");
  EXPECT_EQ(meeting["agenda"][1]["heading"], true);
  ASSERT_EQ(meeting["agenda"][2]["documents"].size(), 1U);
  EXPECT_EQ(meeting["agenda"][2]["documents"][0]["url"], "https://api.notubiz.nl/document/12345/1");
  ASSERT_EQ(meeting["documents"].size(), 1U) << "document 12345 was deleted (tombstone)";
  EXPECT_EQ(meeting["documents"][0]["entity_id"], "document:notubiz:gemeente:soest:12399");
  ASSERT_EQ(meeting["motions"].size(), 1U);
  const json motion = meeting["motions"][0];
  EXPECT_EQ(motion["result"], "aangenomen");
  EXPECT_EQ(motion["in_favour"], 14);
  EXPECT_EQ(motion["against"], 9);
  EXPECT_EQ(motion["proposers"], json({"J. de Vries", "A. Bakker"}));
  ASSERT_EQ(motion["votes"].size(), 2U);
  EXPECT_EQ(motion["votes"][1],
            json({{"option", "tegen"}, {"voter", "Jansen, P."}, {"party", "VVD"}}));

  // The snapshot's cursor (an entity id) is sent URL-encoded; the change feed starts at the
  // position the FIRST snapshot page gave.
  EXPECT_EQ(Asked(kSnapshot1), 1U);
  EXPECT_EQ(Asked(kSnapshot2), 1U);
  EXPECT_EQ(Asked(kChanges7), 1U);
  EXPECT_EQ(Asked(kChanges9), 1U);
  EXPECT_NE(files.requests().back().headers.at("user-agent").find("aantafel"), std::string::npos);

  // Caught up: nothing is asked before the poll interval has passed.
  server->runtime().SyncCouncils(false);
  EXPECT_EQ(Asked(kChanges10), 0U);
  server->clock().Advance(std::chrono::minutes(31));
  server->runtime().SyncCouncils(false);
  EXPECT_EQ(Asked(kChanges10), 1U);
}

TEST_P(CouncilSync, AReplayedPageChangesNothing) {
  Follow();
  server->runtime().SyncCouncils(false);
  const json first = Meeting();
  // As after a crash between applying a page and storing the position: the same pages again.
  storage::SqlCouncilRepository repository(server->runtime().database());
  auto state = repository.FindSyncState("soest");
  ASSERT_TRUE(state);
  state->changes_cursor = "7";
  state->synced_at.reset();
  repository.SaveSyncState(*state);
  server->runtime().SyncCouncils(false);
  EXPECT_EQ(Asked(kChanges7), 2U);
  EXPECT_EQ(Meeting(), first) << "the tombstone and the newer meeting are not applied twice";
}

TEST_P(CouncilSync, APageLargerThanOneLookUpIsAppliedInOrderAndAReplayOfItIsStale) {
  Follow();
  server->runtime().SyncCouncils(false);
  storage::SqlCouncilRepository repository(server->runtime().database());
  auto state = repository.FindSyncState("soest");
  ASSERT_TRUE(state);
  auto committee = [](int n, std::int64_t seq, const std::string& name) {
    return core::council::ExportRecord{
        .seq = seq,
        .entity_id = "committee:notubiz:gemeente:soest:c-" + std::to_string(n),
        .entity_type = "Committee",
        .source_key = "soest",
        .payload = core::council::Committee{.name = name}};
  };
  // 250 new entities: more than one batch of the stored-entity look-up (100).
  std::vector<core::council::ExportRecord> page;
  for (int n = 0; n < 250; ++n)
    page.push_back(committee(n, 1000 + n, "Commissie " + std::to_string(n)));
  auto report = repository.ApplyPage(page, *state);
  EXPECT_EQ(report.applied, 250);
  EXPECT_EQ(report.stale, 0);
  // The same page again (a replay after a crash), with one entity changed twice and an older
  // version of it last: the records of one entity in a page see each other, in order.
  page.push_back(committee(7, 2000, "Commissie Sociaal Domein"));
  page.push_back(committee(7, 2001, "Commissie Samenleving"));
  page.push_back(committee(7, 1500, "Oude naam"));
  page.push_back(committee(300, 2002, "Nieuwe commissie"));
  page.push_back(committee(300, 2003, "Nieuwe commissie, hernoemd"));
  report = repository.ApplyPage(page, *state);
  EXPECT_EQ(report.applied, 4) << "two changes of c-7 and two of the new c-300";
  EXPECT_EQ(report.stale, 251) << "the replayed 250 and the older version of c-7";
  // What is stored is the newest: seq 2001 for c-7, 2003 for c-300.
  report = repository.ApplyPage({committee(7, 2001, "x"), committee(300, 2003, "y"),
                                 committee(7, 2004, "Commissie Samenleving en Zorg")},
                                *state);
  EXPECT_EQ(report.applied, 1);
  EXPECT_EQ(report.stale, 2);
}

TEST_P(CouncilSync, ARateLimitIsWaitedOutAndAFailureIsTriedAgainLater) {
  files.Serve(kSnapshot1, {.body = Fixture("rate-limited.json"),
                           .content_type = "application/json",
                           .status = 429,
                           .headers = {{"Retry-After", "7"},
                                       {"RateLimit-Limit", "60"},
                                       {"RateLimit-Remaining", "0"},
                                       {"RateLimit-Reset", "60"}}});
  files.Serve(kSnapshot2,
              {.body = "Service Unavailable", .content_type = "text/plain", .status = 503});
  Follow();
  server->runtime().SyncCouncils(false);
  json sync = Get("zorg-west", "/councils")["follows"][0]["sync"];
  EXPECT_EQ(sync["records"], 0);
  EXPECT_EQ(sync["failures"], 0) << "a 429 asks us to slow down; it is not a failure";
  const auto now_ms = core::ToMillis(server->clock().Now());
  EXPECT_EQ(sync["retry_at"], http::FormatTimestamp(core::FromMillis(now_ms + 7000)));

  server->runtime().SyncCouncils(false);
  EXPECT_EQ(Asked(kSnapshot1), 1U) << "not asked again before Retry-After";

  ServeSoest();
  files.Serve(kSnapshot2,
              {.body = "Service Unavailable", .content_type = "text/plain", .status = 503});
  server->clock().Advance(std::chrono::seconds(8));
  server->runtime().SyncCouncils(false);
  sync = Get("zorg-west", "/councils")["follows"][0]["sync"];
  EXPECT_EQ(sync["records"], 2) << "the first page is stored";
  EXPECT_EQ(sync["failures"], 1);
  EXPECT_EQ(sync["error"], "HTTP 503") << "the owner sees what went wrong";
  EXPECT_EQ(sync["phase"], "snapshot");

  ServeSoest();
  server->clock().Advance(std::chrono::seconds(30));
  server->runtime().SyncCouncils(false);
  EXPECT_EQ(Asked(kSnapshot2), 1U) << "backs off a minute after a failure";
  server->clock().Advance(std::chrono::seconds(31));
  server->runtime().SyncCouncils(false);
  sync = Get("zorg-west", "/councils")["follows"][0]["sync"];
  EXPECT_EQ(sync["failures"], 0);
  EXPECT_EQ(sync["phase"], "changes");
  EXPECT_EQ(Meeting()["motions"].size(), 1U);
}

TEST_P(CouncilSync, ARefusedPositionStartsAgainFromTheSnapshot) {
  Follow();
  server->runtime().SyncCouncils(false);
  files.Serve(
      kChanges10,
      {.body = Fixture("invalid-cursor.json"), .content_type = "application/json", .status = 400});
  server->clock().Advance(std::chrono::minutes(31));
  server->runtime().SyncCouncils(false);
  EXPECT_EQ(Asked(kSnapshot1), 2U);
  EXPECT_EQ(Asked(kChanges9), 2U);
  const json meeting = Meeting();
  EXPECT_EQ(meeting["location"], "Trouwzaal, Raadhuis Soest");
  EXPECT_EQ(meeting["documents"].size(), 1U);
  EXPECT_EQ(Get("zorg-west", "/councils")["follows"][0]["sync"]["phase"], "changes");
}

TEST_P(CouncilSync, OnlyFollowingWorkspacesReadACouncilAndUnfollowedCouncilsAreForgotten) {
  Follow();
  server->runtime().SyncCouncils(false);
  const json list = Get("zorg-west", "/council-meetings");
  ASSERT_EQ(list["items"].size(), 1U);
  const std::string id = list["items"][0]["id"].dump();
  EXPECT_EQ(list["items"][0]["municipality_code"], "GM0342");
  // The municipality page asks for its own councils only.
  EXPECT_EQ(Get("zorg-west", "/council-meetings?municipality=GM0342")["items"].size(), 1U);
  EXPECT_EQ(Get("zorg-west", "/council-meetings?municipality=GM0344")["items"].size(), 0U);
  const auto bad_code = Send("GET", "zorg-west", "/council-meetings?municipality=0342");
  EXPECT_EQ(bad_code.status, 422);
  EXPECT_NE(bad_code.body.find("\"municipality\""), std::string::npos) << bad_code.body;
  EXPECT_EQ(Get("welzijn-oost", "/council-meetings")["items"].size(), 0U);
  EXPECT_EQ(Send("GET", "welzijn-oost", "/council-meetings/" + id).status, 404);
  // Welzijn Oost does not work in Soest, so it cannot follow Soest's council.
  const auto refused = Send("PUT", "welzijn-oost", "/councils/soest");
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_NE(refused.body.find("source_key"), std::string::npos);
  EXPECT_EQ(Send("PUT", "zorg-west", "/councils/Soest%3B").status, 404);

  const auto bad = Send("GET", "zorg-west", "/council-meetings?from=2026-12-01&to=2026-11-01");
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("\"to\""), std::string::npos);
  EXPECT_EQ(Send("GET", "zorg-west", "/council-meetings?from=2026-01-01&to=2027-12-31").status,
            422);
  EXPECT_EQ(Send("GET", "zorg-west", "/council-meetings?limit=501").status, 422);
  EXPECT_EQ(Get("zorg-west", "/council-meetings?from=2026-12-02")["items"].size(), 0U);
  EXPECT_EQ(Get("zorg-west", "/council-meetings?from=2026-12-01&to=2026-12-01")["items"].size(),
            1U);

  EXPECT_EQ(Send("DELETE", "zorg-west", "/councils/soest").status, 204);
  EXPECT_EQ(Send("DELETE", "zorg-west", "/councils/soest").status, 404);
  EXPECT_EQ(server->runtime().SyncCouncils(false).round.forgotten, 1);
  EXPECT_EQ(Get("zorg-west", "/council-meetings")["items"].size(), 0U);
  storage::SqlCouncilRepository repository(server->runtime().database());
  EXPECT_FALSE(repository.FindSyncState("soest"));
}

TEST_P(CouncilSync, TopicsFindWhatTheCouncilDiscussesAndPutItOnTheActNowList) {
  Follow();
  server->runtime().SyncCouncils(false);
  const auto added = Send("POST", "zorg-west", "/council-topics",
                          json{{"name", "Beschermd wonen"},
                               {"terms", {"beschermd wonen", "Wachtlijst"}},
                               {"exclusions", {"geanonimiseerd"}}}
                              .dump());
  ASSERT_EQ(added.status, 201) << added.body;
  const auto youth = Send("POST", "zorg-west", "/council-topics",
                          json{{"name", "Jeugd"}, {"terms", {"jeugdhulp"}}}.dump());
  ASSERT_EQ(youth.status, 201) << youth.body;
  EXPECT_EQ(Send("POST", "zorg-west", "/council-topics",
                 json{{"name", "Jeugd"}, {"terms", {"jongeren"}}}.dump())
                .status,
            422)
      << "a name once per workspace";
  EXPECT_EQ(Send("POST", "zorg-west", "/council-topics",
                 json{{"name", "jeugd"}, {"terms", {"jongeren"}}}.dump())
                .status,
            422)
      << "names differ by more than case";
  const auto bad = Send("POST", "zorg-west", "/council-topics",
                        json{{"name", ""}, {"terms", {"x", "wonen", "Wonen"}}}.dump());
  EXPECT_EQ(bad.status, 422);
  for (const char* field : {"\"name\"", "terms[0]", "terms[2]"}) {
    EXPECT_NE(bad.body.find(field), std::string::npos) << field << " in " << bad.body;
  }

  const json matches = Get("zorg-west", "/council-topic-matches");
  ASSERT_EQ(matches["items"].size(), 2U) << matches.dump();
  const json wonen = matches["items"][0];
  EXPECT_EQ(wonen["topic_name"], "Beschermd wonen");
  EXPECT_EQ(wonen["meeting"]["committee"], "Commissie Samenleving");
  // The agenda item (by its title), the motion (by "Wachtlijst ... beschermd wonen"); the
  // document with "geanonimiseerd" is excluded.
  ASSERT_EQ(wonen["hits"].size(), 2U) << wonen.dump();
  EXPECT_EQ(wonen["hits"][0],
            json({{"kind", "agenda_item"}, {"title", "Beleidsplan beschermd wonen 2027-2030"}}));
  EXPECT_EQ(wonen["hits"][1]["kind"], "motion");
  EXPECT_EQ(matches["items"][1]["hits"][0]["title"], "Evaluatie jeugdhulp in de regio");
  EXPECT_EQ(Get("welzijn-oost", "/council-topic-matches")["items"].size(), 0U);

  // On the act-now list 13 days before the meeting, with its reason.
  const json overview = Get("zorg-west", "/overview");
  json item;
  for (const auto& i : overview["items"]) {
    if (i["module"] == "council" &&
        i["title"].get<std::string>().find("beschermd") != std::string::npos) {
      item = i;
    }
  }
  ASSERT_FALSE(item.is_null()) << overview.dump();
  EXPECT_EQ(item["reason"], "council_topic");
  EXPECT_EQ(item["title"], "Commissie Samenleving (Soest): Beleidsplan beschermd wonen 2027-2030");
  EXPECT_EQ(item["explain"],
            "Jullie onderwerp \"Beschermd wonen\" staat over 13 dagen op de agenda van de raad.");

  // In the calendar feed at its time, with the topic and the link back.
  const auto feed = Send("POST", "zorg-west", "/calendar/feeds", json{{"label", "Outlook"}}.dump());
  ASSERT_EQ(feed.status, 201) << feed.body;
  const auto ical = client->Request("GET", json::parse(feed.body)["path"].get<std::string>(), {});
  ASSERT_EQ(ical.status, 200);
  const std::string unfolded = std::regex_replace(ical.body, std::regex("\r\n "), "");
  EXPECT_NE(unfolded.find("UID:council-meeting-"), std::string::npos) << unfolded;
  EXPECT_NE(unfolded.find("DTSTART:20261201T183000Z\r\nDTEND:20261201T220000Z"), std::string::npos);
  EXPECT_NE(unfolded.find("SUMMARY:Raad Soest: Commissie Samenleving"), std::string::npos);
  EXPECT_NE(unfolded.find("LOCATION:Trouwzaal\\, Raadhuis Soest"), std::string::npos);
  EXPECT_NE(unfolded.find("Onderwerp \"Jeugd\": Evaluatie jeugdhulp in de regio"),
            std::string::npos);
  EXPECT_EQ(unfolded.find("STATUS:CANCELLED"), std::string::npos);

  const auto topic_id = std::to_string(json::parse(added.body)["id"].get<std::int64_t>());
  const auto renamed = Send("PUT", "zorg-west", "/council-topics/" + topic_id,
                            json{{"name", "Wonen"}, {"terms", {"woonvorm"}}}.dump());
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(Send("PUT", "zorg-west", "/council-topics/" + topic_id,
                 json{{"name", "WONEN"}, {"terms", {"woonvorm"}}}.dump())
                .status,
            200)
      << "a topic may change the case of its own name";
  EXPECT_EQ(Send("PUT", "zorg-west", "/council-topics/" + topic_id,
                 json{{"name", "Jeugd"}, {"terms", {"woonvorm"}}}.dump())
                .status,
            422);
  EXPECT_EQ(Get("zorg-west", "/council-topic-matches")["items"].size(), 1U);
  EXPECT_EQ(Send("DELETE", "zorg-west", "/council-topics/" + topic_id).status, 204);
  EXPECT_EQ(Send("DELETE", "welzijn-oost", "/council-topics/" + topic_id).status, 404);
  EXPECT_EQ(Get("zorg-west", "/council-topics")["items"].size(), 1U);
}

TEST_P(CouncilSync, CouncilNamesAreLinkedToPeopleOnlyWhenCertainAndWaitForAPersonOtherwise) {
  Follow();
  server->runtime().SyncCouncils(false);
  // Wie is wie: three council members of Soest. Jan fits "Vries, J. de" (GroenLinks) by surname,
  // initial and party; Piet Jansen sits for another party than the one "Jansen, P." voted for;
  // Anna Bakker has no party recorded.
  auto person = [&](const std::string& name, const std::string& party) {
    const auto p = Send("POST", "zorg-west", "/people", json{{"name", name}}.dump());
    EXPECT_EQ(p.status, 201) << p.body;
    const auto id = json::parse(p.body)["id"].get<std::int64_t>();
    json position = {
        {"organisation_id", soest_org}, {"kind", "council_member"}, {"started_on", "2022-03-30"}};
    if (!party.empty()) position["party"] = party;
    const auto r =
        Send("POST", "zorg-west", "/people/" + std::to_string(id) + "/positions", position.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return id;
  };
  const auto jan = person("Jan de Vries", "GroenLinks");
  const auto piet = person("Piet Jansen", "CDA");
  const auto anna_b = person("Anna Bakker", "");

  auto by_name = [](const json& items, const std::string& key) {
    for (const auto& item : items) {
      if (item["name_key"] == key) return item;
    }
    return json{};
  };
  json all = Get("zorg-west", "/council-people?source_key=soest");
  ASSERT_EQ(all["items"].size(), 3U) << all.dump();
  const json vries = by_name(all["items"], "de vries|j|groenlinks");
  EXPECT_EQ(vries["state"], "certain");
  EXPECT_EQ(vries["person"],
            json({{"id", jan}, {"name", "Jan de Vries"}, {"party", "GroenLinks"}}));
  EXPECT_EQ(vries["motions"], 1) << "the submitter 'J. de Vries' is the voter 'Vries, J. de'";
  EXPECT_EQ(vries["votes"], 1);
  EXPECT_EQ(vries["spellings"], json({"J. de Vries", "Vries, J. de"}));
  const json jansen = by_name(all["items"], "jansen|p|vvd");
  EXPECT_EQ(jansen["state"], "suggested") << "the party differs: never a silent link";
  EXPECT_EQ(jansen["reason"], "initial_or_party_differ");
  EXPECT_EQ(jansen["person"]["id"], piet);
  EXPECT_EQ(jansen["person"]["party"], "CDA") << "the reviewer sees both parties";
  EXPECT_EQ(jansen["options"],
            json::array({{{"id", piet}, {"name", "Piet Jansen"}, {"party", "CDA"}}}));
  const json bakker = by_name(all["items"], "bakker|a|");
  EXPECT_EQ(bakker["state"], "suggested");
  EXPECT_EQ(bakker["reason"], "partly_known");
  EXPECT_EQ(bakker["party"], "");
  EXPECT_EQ(Get("zorg-west", "/council-people?source_key=soest&show=review")["items"].size(), 2U);
  EXPECT_EQ(Get("zorg-west", "/council-people?source_key=soest&show=linked")["items"].size(), 1U);

  // A person decides: Bakker is Anna; Jansen is not Piet.
  auto decide = [&](const std::string& key, std::int64_t id, bool confirmed) {
    return Send(
        "PUT", "zorg-west", "/council-people/decisions",
        json{
            {"source_key", "soest"}, {"name_key", key}, {"person_id", id}, {"confirmed", confirmed}}
            .dump());
  };
  auto confirmed = decide("bakker|a|", anna_b, true);
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_EQ(json::parse(confirmed.body)["state"], "confirmed");
  auto rejected = decide("jansen|p|vvd", piet, false);
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(json::parse(rejected.body)["state"], "unmatched");
  EXPECT_EQ(json::parse(rejected.body)["rejected"], json({piet}));
  EXPECT_EQ(Get("zorg-west", "/council-people?source_key=soest&show=review")["items"].size(), 0U);

  // The person page: Jan's motion and vote, on the workspace's topic.
  ASSERT_EQ(Send("POST", "zorg-west", "/council-topics",
                 json{{"name", "Beschermd wonen"}, {"terms", {"beschermd wonen"}}}.dump())
                .status,
            201);
  const json council = Get("zorg-west", "/people/" + std::to_string(jan) + "/council");
  EXPECT_EQ(council["submitted"], 1);
  EXPECT_EQ(council["voted_for"], 1);
  EXPECT_EQ(council["voted_against"], 0);
  ASSERT_EQ(council["topics"].size(), 1U);
  EXPECT_EQ(council["topics"][0]["topic_name"], "Beschermd wonen");
  EXPECT_EQ(council["topics"][0]["submitted"], 1);
  EXPECT_EQ(council["topics"][0]["voted_for"], 1);
  ASSERT_EQ(council["records"].size(), 2U);
  for (const auto& record : council["records"]) {
    EXPECT_EQ(record["title"], "M41 Wachtlijst beschermd wonen terugdringen");
    EXPECT_EQ(record["result"], "aangenomen");
    EXPECT_TRUE(record["meeting_id"].is_number()) << record.dump();
    EXPECT_EQ(record["topics"], json({"Beschermd wonen"}));
  }
  EXPECT_EQ(Get("zorg-west", "/people/" + std::to_string(piet) + "/council")["names"].size(), 0U);

  // Another workspace sees none of it: it does not follow Soest and does not know these people.
  EXPECT_EQ(Send("GET", "welzijn-oost", "/council-people?source_key=soest").status, 422);
  EXPECT_EQ(Send("GET", "welzijn-oost", "/people/" + std::to_string(jan) + "/council").status, 404);
  EXPECT_EQ(Send("PUT", "welzijn-oost", "/council-people/decisions",
                 json{{"source_key", "soest"},
                      {"name_key", "bakker|a|"},
                      {"person_id", anna_b},
                      {"confirmed", true}}
                     .dump())
                .status,
            404);

  // Bad input names its field.
  const auto bad = Send("PUT", "zorg-west", "/council-people/decisions",
                        json{{"source_key", "Soest!"},
                             {"name_key", std::string(301, 'x')},
                             {"person_id", 0},
                             {"confirmed", true}}
                            .dump());
  EXPECT_EQ(bad.status, 422);
  for (const char* field : {"source_key", "name_key", "person_id"}) {
    EXPECT_NE(bad.body.find(field), std::string::npos) << field << " in " << bad.body;
  }
  EXPECT_EQ(Send("GET", "zorg-west", "/council-people").status, 422) << "source_key is required";
  EXPECT_EQ(Send("GET", "zorg-west", "/council-people?source_key=soest&show=some").status, 422);
  EXPECT_EQ(decide("nobody|x|", jan, true).status, 404) << "not a name of this council";

  // Taking a decision back; erasing a person erases the decisions about them (AVG).
  const std::string undo =
      "/council-people/decisions?source_key=soest&name_key=jansen%7Cp%7Cvvd"
      "&person_id=" +
      std::to_string(piet);
  const auto undone = Send("DELETE", "zorg-west", undo);
  ASSERT_EQ(undone.status, 200) << undone.body;
  EXPECT_EQ(json::parse(undone.body)["state"], "suggested");
  EXPECT_EQ(Send("DELETE", "zorg-west", undo).status, 404);
  // None of these: everyone offered for the name is rejected at once, and taken back at once.
  const json none_body = {
      {"source_key", "soest"}, {"name_key", "jansen|p|vvd"}, {"confirmed", false}};
  const auto none = Send("PUT", "zorg-west", "/council-people/decisions", none_body.dump());
  ASSERT_EQ(none.status, 200) << none.body;
  EXPECT_EQ(json::parse(none.body)["state"], "unmatched");
  EXPECT_EQ(json::parse(none.body)["rejected"], json({piet}));
  json confirm_nobody = none_body;
  confirm_nobody["confirmed"] = true;
  const auto nobody = Send("PUT", "zorg-west", "/council-people/decisions", confirm_nobody.dump());
  EXPECT_EQ(nobody.status, 422);
  EXPECT_NE(nobody.body.find("person_id"), std::string::npos) << nobody.body;
  const std::string undo_all =
      "/council-people/decisions?source_key=soest&name_key=jansen%7Cp%7Cvvd";
  const auto all_back = Send("DELETE", "zorg-west", undo_all);
  ASSERT_EQ(all_back.status, 200) << all_back.body;
  EXPECT_EQ(json::parse(all_back.body)["state"], "suggested");
  EXPECT_EQ(Send("DELETE", "zorg-west", undo_all).status, 404);
  ASSERT_EQ(Send("DELETE", "zorg-west", "/people/" + std::to_string(anna_b)).status, 204);
  EXPECT_EQ(
      by_name(Get("zorg-west", "/council-people?source_key=soest")["items"], "bakker|a|")["state"],
      "unmatched");
}

TEST_P(CouncilSync, SearchFindsTheFollowedCouncilsRecordsByDutchStem) {
  Follow();
  server->runtime().SyncCouncils(false);
  const auto kinds = [](const json& items) {
    std::vector<std::string> out;
    for (const auto& i : items) out.push_back(i["kind"].get<std::string>());
    std::sort(out.begin(), out.end());
    return out;
  };

  // "wachtlijsten" finds the motion "M41 Wachtlijst …" by its stem, with the word marked.
  const json waiting = Get("zorg-west", "/council-search?q=wachtlijsten");
  ASSERT_EQ(waiting["items"].size(), 1U) << waiting.dump();
  const json& motion = waiting["items"][0];
  EXPECT_EQ(motion["kind"], "motion");
  EXPECT_EQ(motion["title"], "M41 Wachtlijst beschermd wonen terugdringen");
  EXPECT_EQ(motion["council"], "Soest");
  EXPECT_EQ(motion["highlights"]["title"], json::parse("[[4, 14]]"));
  EXPECT_FALSE(motion["meeting_id"].is_null()) << "the motion opens on its meeting";
  // Dated as Open Besluitvorming dates it: by its meeting's start, not its own date.
  EXPECT_EQ(motion["date"], Get("zorg-west", "/council-meetings")["items"][0]["starts_at"]);
  EXPECT_EQ(waiting["has_more"], false);

  // All words must occur; a title counts more than a description.
  const json housing = Get("zorg-west", "/council-search?q=beschermd%20wonen");
  EXPECT_EQ(kinds(housing["items"]),
            (std::vector<std::string>{"agenda_item", "document", "motion"}))
      << housing.dump();
  // A description is searched and shown around the word.
  const json regional = Get("zorg-west", "/council-search?q=regionale&kind=agenda_item");
  ASSERT_EQ(regional["items"].size(), 1U) << regional.dump();
  EXPECT_EQ(regional["items"][0]["kind"], "agenda_item");
  EXPECT_EQ(regional["items"][0]["position"], 2);
  EXPECT_NE(regional["items"][0]["excerpt"].get<std::string>().find("regionale"),
            std::string::npos);
  EXPECT_EQ(regional["items"][0]["highlights"]["excerpt"].size(), 1U);

  // A phrase does not run from a title into its description (both databases).
  EXPECT_EQ(Get("zorg-west", "/council-search?q=%222030%20het%22")["items"].size(), 0U);
  EXPECT_EQ(
      Get("zorg-west", "/council-search?q=%22het%20college%22&kind=agenda_item")["items"].size(),
      1U);
  // Quoted words must stand in that order.
  EXPECT_EQ(Get("zorg-west", "/council-search?q=%22wonen%20beschermd%22")["items"].size(), 0U);
  EXPECT_EQ(Get("zorg-west", "/council-search?q=%22beschermd%20wonen%22")["items"].size(), 3U);
  // Filters: kind, council, days.
  EXPECT_EQ(kinds(Get("zorg-west", "/council-search?q=wonen&kind=agenda_item")["items"]),
            (std::vector<std::string>{"agenda_item"}));
  EXPECT_EQ(Get("zorg-west", "/council-search?q=wonen&source_key=houten")["items"].size(), 0U);
  EXPECT_EQ(Get("zorg-west", "/council-search?q=wonen&from=2030-01-01")["items"].size(), 0U);
  const json one = Get("zorg-west", "/council-search?q=wonen&limit=1");
  EXPECT_EQ(one["items"].size(), 1U);
  EXPECT_EQ(one["has_more"], true);
  EXPECT_EQ(Get("zorg-west", "/council-search?q=wonen&limit=1&offset=2")["has_more"], false);

  // The deleted proposal (a tombstone in the change feed) is gone; its successor is found.
  const json proposal = Get("zorg-west", "/council-search?q=raadsvoorstel");
  ASSERT_EQ(proposal["items"].size(), 1U) << proposal.dump();
  EXPECT_EQ(proposal["items"][0]["title"],
            "Raadsvoorstel Beleidsplan beschermd wonen 2027-2030 (geanonimiseerd)");

  // A document's text is fetched after the feed, made plain and searched.
  const json text = Get("zorg-west", "/council-search?q=doordecentralisatie");
  ASSERT_EQ(text["items"].size(), 1U) << text.dump();
  EXPECT_EQ(text["items"][0]["kind"], "document");
  const std::string excerpt = text["items"][0]["excerpt"];
  EXPECT_NE(excerpt.find("de regio de doordecentralisatie uitvoert"), std::string::npos) << excerpt;
  for (const char* markup : {"#", "**", "|", "](", "https://"}) {
    EXPECT_EQ(excerpt.find(markup), std::string::npos) << markup << " in " << excerpt;
  }
  EXPECT_EQ(text["items"][0]["url"], "https://api.notubiz.nl/document/12399/1");
  EXPECT_EQ(Asked("/api/entities/document%3Anotubiz%3Agemeente%3Asoest%3A12399"), 1U);
  server->runtime().SyncCouncils(true);
  EXPECT_EQ(Asked("/api/entities/document%3Anotubiz%3Agemeente%3Asoest%3A12399"), 1U)
      << "a text is asked for once";

  // Global search has the council's records as their own group.
  const json global = Get("zorg-west", "/search?q=wachtlijst");
  bool council = false;
  for (const auto& g : global["groups"]) {
    if (g["kind"] == "council") {
      council = true;
      EXPECT_EQ(g["items"][0]["link"], "council/meetings/" + motion["meeting_id"].dump());
    }
  }
  EXPECT_TRUE(council) << global.dump();
  // Typing: the last word is also the start of a longer one.
  EXPECT_FALSE(Get("zorg-west", "/search?q=wachtl")["groups"].empty());

  // Another workspace that does not follow Soest finds nothing.
  EXPECT_EQ(Get("welzijn-oost", "/council-search?q=wonen")["items"].size(), 0U);
  const json elsewhere = Get("welzijn-oost", "/search?q=wachtlijst");
  for (const auto& g : elsewhere["groups"]) EXPECT_NE(g["kind"], "council");

  // Bad input names every field with its limit.
  const auto bad = Send("GET", "zorg-west",
                        "/council-search?q=x&kind=notulen&limit=101&offset=-1&to=2026-01-01&from="
                        "2026-02-01&source_key=Soest!");
  EXPECT_EQ(bad.status, 422);
  for (const char* field : {"\"q\"", "\"kind\"", "\"limit\"", "\"source_key\""}) {
    EXPECT_NE(bad.body.find(field), std::string::npos) << field << " in " << bad.body;
  }
  const auto range = Send("GET", "zorg-west",
                          "/council-search?q=wonen&limit=101&offset=1001&from=2026-02-01&to="
                          "2026-01-01");
  EXPECT_EQ(range.status, 422);
  for (const char* field : {"\"limit\"", "\"offset\"", "\"to\""}) {
    EXPECT_NE(range.body.find(field), std::string::npos) << field << " in " << range.body;
  }
  EXPECT_EQ(Send("GET", "zorg-west", "/council-search").status, 422);
}

TEST(CouncilOff, AnInstallationWithoutACouncilAddressSaysSoAndFetchesNothing) {
  TestServer server(Backend::kSqlite);
  server.Start();
  HttpClient client(server.port());
  server.AddUser("anna@zorg.nl", "Anna");
  server.AddWorkspace("zorg-west", "anna@zorg.nl");
  const auto anna = LogIn(client, "anna@zorg.nl");
  const auto r =
      client.Request("GET", "/api/v1/workspaces/zorg-west/councils", {{"Cookie", anna.cookie}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json::parse(r.body)["enabled"], false);
  EXPECT_FALSE(server.runtime().SyncCouncils(true).enabled);
}

// ---- the webhook for topic hits ----

/// A council followed and synced, a topic that matches its meeting, and a receiver on loopback
/// (the test server allows private addresses, as an intranet installation would).
class CouncilWebhook : public CouncilSync {
 protected:
  void SetUp() override {
    CouncilSync::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    Follow();
    server->runtime().SyncCouncils(false);
    const auto topic = Send("POST", "zorg-west", "/council-topics",
                            json{{"name", "Beschermd wonen"},
                                 {"terms", {"beschermd wonen"}},
                                 {"exclusions", {"geanonimiseerd"}}}
                                .dump());
    ASSERT_EQ(topic.status, 201) << topic.body;
    topic_id = json::parse(topic.body)["id"].get<std::int64_t>();
    Answer(200);
  }
  /// The receiver answers `status` from now on.
  void Answer(int status) {
    receiver.Serve("/hook", {.body = "ontvangen", .content_type = "text/plain", .status = status});
  }
  json SetWebhook(const std::string& path = "/hook") {
    const auto r =
        Send("PUT", "zorg-west", "/council-webhook", json{{"url", receiver.Url(path)}}.dump());
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body, nullptr, false);
  }
  std::vector<FileServer::Request> Posts() {
    std::vector<FileServer::Request> out;
    for (auto& r : receiver.requests()) {
      if (r.method == "POST") out.push_back(std::move(r));
    }
    return out;
  }
  json Webhook() { return Get("zorg-west", "/council-webhook")["webhook"]; }
  /// The signature a receiver computes with the secret it was shown.
  static std::string Signature(const std::string& secret, const FileServer::Request& r) {
    security::SodiumCrypto crypto(security::PasswordCost::Minimal());
    return "sha256=" +
           crypto.HmacSha256Hex(secret, r.headers.at("x-aantafel-timestamp") + "." + r.body);
  }
  /// Serves a change of the meeting (seq 11): the agenda item's title, as the council edits it.
  void ChangeAgenda() {
    std::string line = Fixture("soest-changes-7.ndjson");
    line = line.substr(0, line.find('\n'));
    line = std::regex_replace(line, std::regex(R"("seq":7)"), R"("seq":11)");
    line = std::regex_replace(line, std::regex("Beleidsplan beschermd wonen 2027-2030\","),
                              "Beleidsplan beschermd wonen 2027-2031 (gewijzigd)\",");
    files.Serve(kChanges10, Page(line + "\n", "11", false));
    files.Serve("/api/export/changes?source=soest&limit=2&cursor=11", Page("", "11", false));
    server->clock().Advance(std::chrono::minutes(31));
    ASSERT_EQ(server->runtime().SyncCouncils(false).round.failed, 0);
  }

  FileServer receiver;
  std::int64_t topic_id = 0;
};

TEST_P(CouncilWebhook, OwnersSetItAndTheSecretIsShownOnlyOnce) {
  EXPECT_EQ(Webhook(), nullptr) << "none yet";
  const json set = SetWebhook();
  const std::string secret = set["secret"];
  EXPECT_EQ(secret.size(), 43U) << "32 random bytes, base64url";
  EXPECT_EQ(set["webhook"]["url"], receiver.Url("/hook"));
  EXPECT_EQ(set["webhook"]["failures"], 0);
  EXPECT_EQ(set["webhook"]["last_attempt_at"], nullptr);
  const auto again = Send("GET", "zorg-west", "/council-webhook");
  EXPECT_EQ(again.body.find(secret), std::string::npos) << "never shown again";
  EXPECT_EQ(json::parse(again.body)["webhook"]["url"], receiver.Url("/hook"));
  // Stored sealed: the secret is not in the database as text.
  {
    auto lease = server->runtime().database().Acquire();
    const auto row = lease->QueryOne("SELECT secret_sealed FROM council_webhooks", {});
    ASSERT_TRUE(row);
    EXPECT_EQ(row->Text(0).find(secret), std::string::npos);
    EXPECT_TRUE(row->Text(0).starts_with("v1.")) << row->Text(0);
  }

  // Editors and viewers see that there is one and how it goes, not the address; they change
  // nothing.
  server->AddUser("eva@zorg.nl", "Eva");
  server->AddMember("zorg-west", "eva@zorg.nl", "editor");
  const auto eva = LogIn(*client, "eva@zorg.nl");
  const std::map<std::string, std::string> as_eva = {
      {"Cookie", eva.cookie}, {"X-CSRF-Token", eva.csrf}, {"Content-Type", "application/json"}};
  const std::string path = "/api/v1/workspaces/zorg-west/council-webhook";
  auto seen = client->Request("GET", path, as_eva);
  ASSERT_EQ(seen.status, 200) << seen.body;
  EXPECT_EQ(json::parse(seen.body)["webhook"]["url"], nullptr);
  EXPECT_EQ(json::parse(seen.body)["webhook"]["failures"], 0);
  EXPECT_EQ(client->Request("PUT", path, as_eva, json{{"url", "https://hooks.example.nl/x"}}.dump())
                .status,
            403);
  EXPECT_EQ(client->Request("DELETE", path, as_eva).status, 403);
  EXPECT_EQ(client->Request("POST", path + "/test", as_eva).status, 403);

  // Wrong addresses are refused, naming the field and the rule.
  for (const std::string& url :
       {std::string("ftp://hooks.example.nl/x"),
        std::string("https://anna:geheim@hooks.example.nl/"), std::string("https:///zonder-host"),
        std::string("geen adres"), "https://hooks.example.nl/" + std::string(2000, 'a'),
        std::string("")}) {
    const auto r = Send("PUT", "zorg-west", "/council-webhook", json{{"url", url}}.dump());
    EXPECT_EQ(r.status, 422) << url;
    const json error = json::parse(r.body)["error"];
    ASSERT_TRUE(error["fields"].contains("url")) << r.body;
    if (url.size() > 2000) {
      EXPECT_NE(error["fields"]["url"].get<std::string>().find("2000"), std::string::npos)
          << r.body;
    }
  }
  const auto bad = Send("PUT", "zorg-west", "/council-webhook",
                        json{{"url", "https://anna:geheim@hooks.example.nl/"}}.dump());
  EXPECT_NE(bad.body.find("https://"), std::string::npos) << "the message says what to use";
  EXPECT_EQ(Webhook()["url"], receiver.Url("/hook")) << "a refused address changes nothing";

  // Another workspace has its own (none), and cannot remove this one.
  EXPECT_EQ(Get("welzijn-oost", "/council-webhook")["webhook"], nullptr);
  EXPECT_EQ(Send("DELETE", "welzijn-oost", "/council-webhook").status, 404);
  EXPECT_EQ(Send("POST", "welzijn-oost", "/council-webhook/test").status, 404);
  EXPECT_NE(Webhook(), nullptr);
}

TEST_P(CouncilWebhook, AMatchIsDeliveredOnceSignedAndAgainWhenTheAgendaChanges) {
  const std::string secret = SetWebhook()["secret"];
  server->runtime().DeliverCouncilWebhooks();
  auto posts = Posts();
  ASSERT_EQ(posts.size(), 1U) << "one topic in one meeting";
  const auto& post = posts[0];
  EXPECT_EQ(post.path, "/hook");
  EXPECT_EQ(post.headers.at("content-type"), "application/json");
  EXPECT_EQ(post.headers.at("user-agent"), "aantafel");
  EXPECT_EQ(post.headers.at("x-aantafel-event"), "council.topic_match");
  const auto seconds =
      std::chrono::duration_cast<std::chrono::seconds>(server->clock().Now().time_since_epoch())
          .count();
  EXPECT_EQ(post.headers.at("x-aantafel-timestamp"), std::to_string(seconds));
  EXPECT_EQ(post.headers.at("x-aantafel-signature"), Signature(secret, post));
  EXPECT_NE(post.headers.at("x-aantafel-signature"), Signature(secret + "x", post));
  const std::string delivery = post.headers.at("x-aantafel-delivery");
  EXPECT_FALSE(delivery.empty());
  EXPECT_EQ(SchemaProblems("CouncilWebhookEvent", post.body), std::vector<std::string>{});
  const json event = json::parse(post.body);
  EXPECT_EQ(event["workspace"], "zorg-west");
  EXPECT_EQ(event["topic"], json({{"id", topic_id}, {"name", "Beschermd wonen"}}));
  EXPECT_EQ(event["meeting"]["committee"], "Commissie Samenleving");
  EXPECT_EQ(event["meeting"]["council"], "Soest");
  EXPECT_EQ(event["meeting"]["municipality"]["code"], "GM0342");
  EXPECT_EQ(event["meeting"]["starts_at"], "2026-12-01T18:30:00.000Z");
  EXPECT_EQ(event["meeting"]["location"], "Trouwzaal, Raadhuis Soest");
  EXPECT_EQ(event["meeting"]["cancelled"], false);
  EXPECT_EQ(event["meeting"]["url"], "https://aantafel.example/w/zorg-west/council/meetings/" +
                                         event["meeting"]["id"].dump());
  EXPECT_EQ(event["meeting"]["source_url"],
            files.Url("/api/entities/meeting%3Anotubiz%3Agemeente%3Asoest%3A830424"));
  ASSERT_EQ(event["hits"].size(), 2U) << event.dump();
  EXPECT_EQ(event["hits"][0],
            json({{"kind", "agenda_item"}, {"title", "Beleidsplan beschermd wonen 2027-2030"}}));
  const json status = Webhook();
  EXPECT_EQ(status["last_status"], 200);
  EXPECT_EQ(status["last_error"], nullptr);
  EXPECT_NE(status["last_success_at"], nullptr);

  // Nothing new: nothing is sent, also not after time passes.
  server->runtime().DeliverCouncilWebhooks();
  server->clock().Advance(std::chrono::minutes(10));
  EXPECT_EQ(server->runtime().DeliverCouncilWebhooks().sent, 0);
  EXPECT_EQ(Posts().size(), 1U);

  // The council changes the agenda item's title: the match is news again, with another id.
  ChangeAgenda();
  server->runtime().DeliverCouncilWebhooks();
  posts = Posts();
  ASSERT_EQ(posts.size(), 2U);
  EXPECT_NE(posts[1].headers.at("x-aantafel-delivery"), delivery);
  EXPECT_EQ(json::parse(posts[1].body)["hits"][0]["title"],
            "Beleidsplan beschermd wonen 2027-2031 (gewijzigd)");
  EXPECT_EQ(posts[1].headers.at("x-aantafel-signature"), Signature(secret, posts[1]));

  // A new address (and secret) hears every current match again.
  const std::string second = SetWebhook("/hook")["secret"];
  EXPECT_NE(second, secret);
  server->runtime().DeliverCouncilWebhooks();
  posts = Posts();
  ASSERT_EQ(posts.size(), 3U);
  EXPECT_EQ(posts[2].headers.at("x-aantafel-signature"), Signature(second, posts[2]));
}

TEST_P(CouncilWebhook, AFailedDeliveryIsTriedAgainAfterTheBackOffAndShownToOwners) {
  Answer(500);
  SetWebhook();
  const auto first = server->clock().Now();
  // (The background thread may have made this attempt already; either way there is one.)
  server->runtime().DeliverCouncilWebhooks();
  ASSERT_EQ(Posts().size(), 1U);
  json status = Webhook();
  EXPECT_EQ(status["last_status"], 500);
  EXPECT_EQ(status["last_error"], "HTTP 500");
  EXPECT_EQ(status["failures"], 1);
  EXPECT_EQ(status["failing"], false);
  EXPECT_EQ(status["retry_at"], http::FormatTimestamp(first + std::chrono::minutes(1)));
  EXPECT_EQ(status["last_success_at"], nullptr);

  // Waiting: nothing is sent before the minute is over.
  server->clock().Advance(std::chrono::seconds(59));
  server->runtime().DeliverCouncilWebhooks();
  EXPECT_EQ(Posts().size(), 1U);
  server->clock().Advance(std::chrono::seconds(1));
  server->runtime().DeliverCouncilWebhooks();
  EXPECT_EQ(Posts().size(), 2U);
  status = Webhook();
  EXPECT_EQ(status["failures"], 2);
  EXPECT_EQ(status["retry_at"],
            http::FormatTimestamp(server->clock().Now() + std::chrono::minutes(5)));
  EXPECT_EQ(status["failing_since"], http::FormatTimestamp(first));
  EXPECT_EQ(Posts()[0].headers.at("x-aantafel-delivery"),
            Posts()[1].headers.at("x-aantafel-delivery"))
      << "a retry is the same delivery";

  // A day of failures: failing, but still tried (hourly from the fourth failure on).
  server->clock().Advance(std::chrono::hours(24));
  anna = LogIn(*client, "anna@zorg.nl");  // the session of a day ago has expired
  server->runtime().DeliverCouncilWebhooks();
  EXPECT_EQ(Posts().size(), 3U);
  status = Webhook();
  EXPECT_EQ(status["failing"], true);
  EXPECT_EQ(status["failures"], 3);

  // The receiver works again; a test shows it and ends the wait.
  Answer(204);
  const auto test = Send("POST", "zorg-west", "/council-webhook/test");
  ASSERT_EQ(test.status, 200) << test.body;
  EXPECT_EQ(json::parse(test.body), json({{"ok", true}, {"status", 204}, {"error", nullptr}}));
  const auto ping = Posts().back();
  EXPECT_EQ(ping.headers.at("x-aantafel-event"), "ping");
  EXPECT_EQ(SchemaProblems("CouncilWebhookPing", ping.body), std::vector<std::string>{});
  EXPECT_EQ(Webhook()["failures"], 0);
  EXPECT_EQ(Webhook()["failing"], false);
  EXPECT_EQ(server->runtime().DeliverCouncilWebhooks().sent, 1);
  status = Webhook();
  EXPECT_EQ(status["last_status"], 204);
  EXPECT_EQ(status["last_error"], nullptr);
  EXPECT_EQ(status["retry_at"], nullptr);
  EXPECT_EQ(status["failing_since"], nullptr);
  EXPECT_NE(status["last_success_at"], nullptr);
  EXPECT_EQ(Posts().size(), 5U) << "three failures, the ping, the delivery";

  // A test that fails reports why and leaves the deliveries alone.
  Answer(503);
  const auto failed = Send("POST", "zorg-west", "/council-webhook/test");
  EXPECT_EQ(json::parse(failed.body),
            json({{"ok", false}, {"status", 503}, {"error", "HTTP 503"}}));
  EXPECT_EQ(Webhook()["failures"], 0);
}

TEST_P(CouncilWebhook, RemovingTheWebhookStopsDeliveries) {
  SetWebhook();
  EXPECT_EQ(Send("DELETE", "zorg-west", "/council-webhook").status, 204);
  EXPECT_EQ(Webhook(), nullptr);
  EXPECT_EQ(server->runtime().DeliverCouncilWebhooks().workspaces, 0);
  EXPECT_EQ(Posts().size(), 0U);
  EXPECT_EQ(Send("DELETE", "zorg-west", "/council-webhook").status, 404);
  EXPECT_EQ(Send("POST", "zorg-west", "/council-webhook/test").status, 404);
}

TEST(CouncilWebhookAddresses, AnInternalAddressIsRefusedUnlessTheInstallationAllowsIt) {
  // A server as installed by default: webhooks go to public https addresses only. (The address
  // check is the HTTP client's, the same for both databases.)
  TestServer strict(Backend::kSqlite);
  strict.Start();
  HttpClient strict_client(strict.port());
  strict.AddUser("anna@zorg.nl", "Anna");
  strict.AddWorkspace("zorg-west", "anna@zorg.nl");
  const auto session = LogIn(strict_client, "anna@zorg.nl");
  FileServer receiver;
  receiver.Serve("/hook", {.body = "", .content_type = "text/plain"});
  auto send = [&](const std::string& method, const std::string& path, const std::string& body) {
    return strict_client.Request(method, "/api/v1/workspaces/zorg-west/council-webhook" + path,
                                 {{"Cookie", session.cookie},
                                  {"X-CSRF-Token", session.csrf},
                                  {"Content-Type", "application/json"}},
                                 body);
  };
  const auto plain = send("PUT", "", json{{"url", receiver.Url("/hook")}}.dump());
  EXPECT_EQ(plain.status, 422) << "plain http only where private addresses are allowed";
  const std::string port_and_path = receiver.Url("/hook").substr(receiver.Url("").rfind(':') + 1);
  // Loopback by number, by a name that resolves to it, and in IPv6: each refused when connecting.
  for (const std::string host : {"127.0.0.1", "localhost", "[::1]"}) {
    const std::string url = "https://" + host + ":" + port_and_path;
    ASSERT_EQ(send("PUT", "", json{{"url", url}}.dump()).status, 200) << url;
    const auto test = send("POST", "/test", "");
    ASSERT_EQ(test.status, 200) << test.body;
    const json answer = json::parse(test.body);
    EXPECT_EQ(answer["ok"], false) << url;
    EXPECT_EQ(answer["status"], nullptr) << url;
    EXPECT_NE(answer["error"].get<std::string>().find("not public"), std::string::npos)
        << url << ": " << answer.dump();
  }
  EXPECT_EQ(receiver.requests().size(), 0U) << "no connection was made";
}

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) { return Name(info.param); }
INSTANTIATE_TEST_SUITE_P(Backends, CouncilSync,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);
INSTANTIATE_TEST_SUITE_P(Backends, CouncilWebhook,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace aantafel::testing

#include "interchange/open_besluitvorming.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace aantafel::interchange {
namespace {

using namespace core::council;

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(AANTAFEL_SOURCE_DIR) + "/tests/fixtures/openbesluitvorming/" + name,
                   std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(OpenBesluitvorming, StatusListNamesEachCouncilWithItsCodeStateAndSuccessor) {
  std::string error;
  const auto status = ParseCouncilStatus(Fixture("status.json"), error);
  ASSERT_TRUE(status) << error;
  ASSERT_EQ(status->sources.size(), 6U);
  const auto& soest = status->sources[0];
  EXPECT_EQ(soest.key, "soest");
  EXPECT_EQ(soest.cbs_code, "GM0342");
  EXPECT_EQ(soest.state, "ok");
  EXPECT_EQ(soest.supplier_state, "ok");
  EXPECT_EQ(status->sources[1].supplier_state, "down") << "Houten is on iBabs, which is down";
  const auto& weesp = status->sources[4];
  EXPECT_EQ(weesp.state, "discontinued");
  EXPECT_EQ(weesp.discontinued_on, "2022-03-24");
  EXPECT_EQ(weesp.successor_key, "amsterdam");
  EXPECT_EQ(weesp.successor_cbs_code, "GM0363");
  EXPECT_FALSE(status->sources[5].cbs_code) << "Dordrecht has no CBS code in the catalog";
  EXPECT_FALSE(ParseCouncilStatus("<html>Bad gateway</html>", error));
  EXPECT_FALSE(ParseCouncilStatus(R"({"suppliers": []})", error));
  EXPECT_NE(error.find("sources"), std::string::npos);
}

TEST(OpenBesluitvorming, ExportLinesBecomeRecordsAndABrokenLineIsSkippedWithItsNumber) {
  const auto page = ParseExportLines(Fixture("soest-snapshot-2.ndjson"));
  ASSERT_EQ(page.records.size(), 2U);
  ASSERT_EQ(page.skipped.size(), 1U);
  EXPECT_EQ(page.skipped[0].line, 2);
  const auto& meeting = std::get<Meeting>(page.records[0].payload);
  EXPECT_EQ(page.records[0].seq, 4);
  EXPECT_EQ(meeting.committee_ref, "committee:notubiz:gemeente:soest:55");
  EXPECT_EQ(meeting.classification, "Commissie") << "the first of a list";
  ASSERT_EQ(meeting.agenda.size(), 3U);
  EXPECT_TRUE(meeting.agenda[1].heading);
  EXPECT_EQ(meeting.agenda[2].depth, 1);
  EXPECT_EQ(meeting.agenda[2].documents.at(0).ref, "document:notubiz:gemeente:soest:12345");
  const auto& motion = std::get<Motion>(page.records[1].payload);
  EXPECT_EQ(motion.votes.size(), 2U);
  EXPECT_TRUE(motion.votes[0].in_favour);
  EXPECT_EQ(motion.votes[1].party_name, "VVD");
  EXPECT_EQ(motion.in_favour, 14);

  const auto changes = ParseExportLines(Fixture("soest-changes-7.ndjson"));
  ASSERT_EQ(changes.records.size(), 2U);
  EXPECT_TRUE(changes.records[1].deleted);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(changes.records[1].payload));
  EXPECT_TRUE(ParseExportLines("").records.empty());
}

TEST(OpenBesluitvorming, OlderAndUnknownShapesAreReadWithoutGuessing) {
  const auto page = ParseExportLines(
      // an agenda of ids only (older records), an unknown entity type, votes other than voor/tegen
      R"({"seq":1,"op":"upsert","entity_id":"meeting:x:gemeente:k:1","entity_type":"Meeting","source_key":"k","payload":{"name":"Raad","start_date":"2025-01-14","agenda":["agenda_item:x:1","agenda_item:x:2"]}})"
      "\r\n"
      R"({"seq":2,"op":"upsert","entity_id":"recording:x:gemeente:k:1","entity_type":"Recording","source_key":"k","payload":{"name":"Video"}})"
      "\n"
      R"({"seq":3,"op":"upsert","entity_id":"motion:x:gemeente:k:1","entity_type":"Motion","source_key":"k","payload":{"name":"M1","votes":[{"option":"onthouden"},{"option":"voor","voter_name":"A"}],"tally":{"in_favour":-1,"against":2}}})"
      "\n"
      R"({"seq":-4,"op":"upsert","entity_id":"a","entity_type":"Meeting","source_key":"k","payload":{}})"
      "\n"
      R"({"seq":5,"op":"replace","entity_id":"a","entity_type":"Meeting","source_key":"k"})"
      "\n"
      R"({"seq":6,"op":"upsert","entity_id":"a","entity_type":"Meeting","source_key":"k"})"
      "\n");
  ASSERT_EQ(page.records.size(), 3U);
  const auto& meeting = std::get<Meeting>(page.records[0].payload);
  EXPECT_TRUE(meeting.agenda.empty());
  EXPECT_FALSE(meeting.time_known) << "a bare date";
  EXPECT_TRUE(std::holds_alternative<std::monostate>(page.records[1].payload));
  const auto& motion = std::get<Motion>(page.records[2].payload);
  EXPECT_EQ(motion.votes.size(), 1U);
  EXPECT_FALSE(motion.in_favour) << "a negative count is not a count";
  EXPECT_EQ(motion.against, 2);
  ASSERT_EQ(page.skipped.size(), 3U);
  EXPECT_EQ(page.skipped[0].line, 4);
  EXPECT_NE(page.skipped[0].reason.find("seq"), std::string::npos);
  EXPECT_NE(page.skipped[1].reason.find("op"), std::string::npos);
  EXPECT_NE(page.skipped[2].reason.find("payload"), std::string::npos);
}

TEST(OpenBesluitvorming, TimesInEveryPublishedForm) {
  const auto rfc = ParseFeedTime("2025-01-14T18:30:00Z");
  ASSERT_TRUE(rfc);
  EXPECT_TRUE(rfc->time_known);
  EXPECT_EQ(ParseFeedTime("2025-01-14T18:30:00.000Z")->at, rfc->at);
  EXPECT_EQ(ParseFeedTime("2025-01-14 18:30:00")->at, rfc->at) << "sortDate's form, UTC";
  EXPECT_EQ(ParseFeedTime("2025-01-14T19:30:00+01:00")->at, rfc->at);
  EXPECT_FALSE(ParseFeedTime("2025-01-14T00:00:00Z")->time_known) << "midnight: time unknown";
  EXPECT_FALSE(ParseFeedTime("2025-01-14T18:30:00"));
  EXPECT_FALSE(ParseFeedTime("7 november 2024"));
  EXPECT_FALSE(ParseFeedTime("2025-02-30"));
  EXPECT_EQ(FeedErrorCode(R"({"code":"invalid_export_cursor","error":"…"})"),
            "invalid_export_cursor");
  EXPECT_EQ(FeedErrorCode("Niet gevonden"), "");
}

}  // namespace
}  // namespace aantafel::interchange

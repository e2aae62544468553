#include <gtest/gtest.h>

#include "core/validation.hpp"
#include "core/whoiswho/import.hpp"
#include "interchange/csv.hpp"
#include "interchange/exports.hpp"
#include "interchange/ical.hpp"
#include "interchange/imports.hpp"

namespace aantafel::interchange {
namespace {

using core::FieldIssue;
using namespace core::whoiswho;

TEST(Csv, ReadsQuotesBomDelimitersAndLineNumbers) {
  auto table =
      std::get<CsvTable>(ReadCsv("\xEF\xBB\xBF"
                                 "a;b\r\n\"x;\"\"y\"\"\";\"two\nlines\"\r\n\r\n  c ; d \n"));
  EXPECT_EQ(table.delimiter, ';');
  ASSERT_EQ(table.records.size(), 3U);
  EXPECT_EQ(table.records[1].fields, (std::vector<std::string>{"x;\"y\"", "two\nlines"}));
  EXPECT_EQ(table.records[1].line, 2);
  EXPECT_EQ(table.records[2].line, 5) << "blank lines are skipped but counted";
  EXPECT_EQ(table.records[2].fields, (std::vector<std::string>{"c", "d"}));
  EXPECT_EQ(std::get<CsvTable>(ReadCsv("a,b;c,d\n")).delimiter, ',');
}

TEST(Csv, NamesTheLineOfAnEncodingOrQuotingProblem) {
  auto latin1 = std::get<CsvProblem>(ReadCsv("naam\nok\nJos\xE9\n"));
  EXPECT_EQ(latin1.kind, CsvProblem::Kind::kNotUtf8);
  EXPECT_EQ(latin1.line, 3);
  auto open = std::get<CsvProblem>(ReadCsv("a;b\n1;\"never closed\n"));
  EXPECT_EQ(open.kind, CsvProblem::Kind::kUnclosedQuote);
  EXPECT_EQ(open.line, 2);
  EXPECT_EQ(std::get<CsvProblem>(ReadCsv(" \n\n")).kind, CsvProblem::Kind::kEmpty);
}

TEST(Csv, WritesQuotesAndDefusesFormulasButNotPhoneNumbers) {
  std::string out;
  WriteCsvRecord(out, {"plain", "a;b", "say \"hi\"", "=HYPERLINK(1)", "+31 6 1234 5678", "-x"},
                 ';');
  EXPECT_EQ(out, "plain;\"a;b\";\"say \"\"hi\"\"\";\"'=HYPERLINK(1)\";+31 6 1234 5678;\"'-x\"\r\n");
}

TEST(PeopleCsv, MapsDutchColumnsListsAndDates) {
  auto parsed = ParsePeopleCsv(
      "Naam;Gemeente;Functie;Partij;Portefeuilles;Begindatum;Fictief\n"
      "Els;GM0344;Wethouder;Lokaal;Zorg | Jeugd |;5-3-2022;ja\n");
  ASSERT_TRUE(parsed.issues.empty());
  ASSERT_EQ(parsed.rows.size(), 1U);
  const ImportRow& row = parsed.rows[0];
  EXPECT_EQ(row.line, 2);
  EXPECT_EQ(row.portfolios, (std::vector<std::string>{"Zorg", "Jeugd"}));
  EXPECT_EQ(NormaliseDate(row.started_on), "2022-03-05");
  EXPECT_EQ(PositionKindFromLabel(row.kind), PositionKind::kAlderman);
  EXPECT_TRUE(row.fictional);
}

TEST(PeopleCsv, RefusesUnknownDuplicateAndMissingColumnsAndShortRows) {
  auto unknown = ParsePeopleCsv("naam;schoenmaat\nA;44\n");
  ASSERT_EQ(unknown.issues.size(), 1U);
  EXPECT_EQ(unknown.issues[0],
            (ImportIssue{.line = 1, .field = "schoenmaat", .issue = FieldIssue::kUnknownField}));
  EXPECT_EQ(ParsePeopleCsv("naam;name\nA;B\n").issues[0].issue, FieldIssue::kDuplicate);
  EXPECT_EQ(ParsePeopleCsv("partij\nX\n").issues[0].issue, FieldIssue::kMissingColumn);
  auto short_row = ParsePeopleCsv("naam;partij\nA\n");
  EXPECT_EQ(short_row.issues[0],
            (ImportIssue{.line = 2, .field = "row", .issue = FieldIssue::kInvalidFormat}));
  EXPECT_EQ(ParsePeopleCsv("naam;fictief\nA;misschien\n").issues[0].field, "fictional");
}

TEST(Labels, KnowDutchNamesAndCodes) {
  EXPECT_EQ(PositionKindFromLabel("  Lid van de  gemeenteraad "), PositionKind::kCouncilMember);
  EXPECT_EQ(PositionKindFromLabel("policy_adviser"), PositionKind::kPolicyAdviser);
  EXPECT_FALSE(PositionKindFromLabel("Voorzitter"));
  EXPECT_EQ(NormaliseDate("2022-06-01T00:00:00"), "2022-06-01");
  EXPECT_EQ(NormaliseDate("01/06/2022"), "2022-06-01");
  EXPECT_EQ(NormaliseDate("juni 2022"), "juni 2022") << "left for the validator to refuse";
  EXPECT_EQ(MunicipalityNameKey("Gemeente  Súdwest-Fryslân"), "súdwest-fryslân");
}

TEST(Almanak, ReadsAnyNamespaceSeatsAndFunctionaries) {
  auto parsed = ParseAlmanakXml(R"(<a:export xmlns:a="urn:v9">
<a:gemeente><a:naam>Gemeente Zeist</a:naam><a:cbsCode>355</a:cbsCode>
 <a:zetel><a:partij>P</a:partij><a:aantal>4</a:aantal></a:zetel>
 <a:functie><a:naam>Raadslid</a:naam>
  <a:medewerker><a:naam>R</a:naam><a:partijLidmaatschap>P</a:partijLidmaatschap>
   <a:startDatum>2022-03-31</a:startDatum></a:medewerker></a:functie>
 <a:functie><a:naam>Voorzitter</a:naam><a:medewerker><a:naam>V</a:naam></a:medewerker></a:functie>
</a:gemeente></a:export>)");
  ASSERT_TRUE(parsed.issues.empty());
  ASSERT_EQ(parsed.rows.size(), 1U);
  EXPECT_EQ(parsed.rows[0].municipality, "GM0355");
  EXPECT_EQ(parsed.rows[0].kind, "council_member");
  EXPECT_EQ(parsed.rows[0].party, "P");
  EXPECT_EQ(parsed.rows[0].line, 5);
  EXPECT_EQ(parsed.skipped, 1);
  ASSERT_EQ(parsed.municipalities.size(), 1U);
  EXPECT_EQ(parsed.municipalities[0].seats, (std::vector<SeatCount>{{.party = "P", .seats = 4}}));
}

TEST(Almanak, RefusesBrokenXmlAndBadSeatCounts) {
  auto broken = ParseAlmanakXml("<gemeenten>\n<gemeente>\n<naam>X</naam>\n");
  ASSERT_EQ(broken.issues.size(), 1U);
  EXPECT_EQ(broken.issues[0].issue, FieldIssue::kUnreadable);
  EXPECT_GE(broken.issues[0].line, 3);
  auto seats = ParseAlmanakXml(
      "<gemeente><naam>X</naam><zetel><partij>P</partij><aantal>veel</aantal></zetel></gemeente>");
  EXPECT_EQ(seats.issues[0].field, "zetel");
  EXPECT_EQ(ParseAlmanakXml("<leeg/>").issues[0].issue, FieldIssue::kMissingColumn);
  // Entities are not expanded beyond XML's own: a "billion laughs" file is just unreadable or
  // empty.
  auto laughs = ParseAlmanakXml(
      "<!DOCTYPE x [<!ENTITY a \"aaaaaaaa\"><!ENTITY b "
      "\"&a;&a;&a;&a;\">]><gemeente><naam>&b;</naam>"
      "</gemeente>");
  for (const auto& row : laughs.rows) EXPECT_LT(row.name.size(), 100U);
}

TEST(Cbs, FindsColumnsByTitleAndSkipsNonMunicipalities) {
  auto parsed = ParseCbsJson(R"({
    "DataProperties": {"value": [
      {"ID": 0, "Type": "GeoDimension", "Key": "RegioS", "Title": "Regio's"},
      {"ID": 1, "Type": "TopicGroup", "Key": "", "Title": "Gemeenten"},
      {"ID": 2, "ParentID": 1, "Type": "Topic", "Key": "Naam_7", "Title": "Naam"},
      {"ID": 3, "Type": "TopicGroup", "Key": "", "Title": "Provincies"},
      {"ID": 4, "ParentID": 3, "Type": "Topic", "Key": "Naam_9", "Title": "Naam"},
      {"ID": 5, "Type": "Topic", "Key": "Inw_1", "Title": "Aantal inwoners"}]},
    "TypedDataSet": [
      {"RegioS": "NL01  ", "Naam_7": "Nederland"},
      {"RegioS": "GM0344  ", "Naam_7": " Utrecht ", "Naam_9": "Utrecht  ", "Inw_1": 367984}]})");
  ASSERT_TRUE(parsed.issues.empty());
  ASSERT_EQ(parsed.rows.size(), 1U);
  EXPECT_EQ(parsed.rows[0].first, 2);
  EXPECT_EQ(parsed.rows[0].second.code, "GM0344");
  EXPECT_EQ(parsed.rows[0].second.name, "Utrecht");
  EXPECT_EQ(parsed.rows[0].second.province, "Utrecht");
  EXPECT_EQ(parsed.rows[0].second.population, 367984);
  EXPECT_EQ(ParseCbsJson("[1,2").issues[0].issue, FieldIssue::kUnreadable);
  EXPECT_EQ(ParseCbsJson(R"({"TypedDataSet": []})").issues[0].field, "DataProperties");
}

TEST(Export, CsvUsesTheImportColumnsInDutchOrEnglish) {
  ExportLine line{.organisation = {.name = "Utrecht", .municipality_code = "GM0344"},
                  .person = {.name = "Els", .phone = "+31 6 1", .fictional = true},
                  .position = {.kind = PositionKind::kAlderman,
                               .portfolios = {"Zorg", "Jeugd"},
                               .started_on = *core::CivilDate::Parse("2022-06-01")}};
  const std::string nl = TableCsv(PeopleTable({line}, ExportLanguage::kDutch));
  EXPECT_NE(nl.find("Utrecht;GM0344;Els;Wethouder;;;Zorg | Jeugd;;;2022-06-01;;+31 6 1;ja\r\n"),
            std::string::npos)
      << nl;
  EXPECT_NE(TableCsv(PeopleTable({line}, ExportLanguage::kEnglish)).find("Alderman"),
            std::string::npos);
  // The export is a valid import.
  auto again = ParsePeopleCsv(nl);
  ASSERT_TRUE(again.issues.empty());
  EXPECT_EQ(again.rows[0].municipality, "GM0344");
  EXPECT_EQ(PositionKindFromLabel(again.rows[0].kind), PositionKind::kAlderman);
  EXPECT_TRUE(TableXlsx(PeopleTable({line}, ExportLanguage::kDutch)).starts_with("PK"));
}

TEST(Export, TimesAreDutchLocalTimeInWinterAndSummer) {
  // 23:10 UTC is 00:10 the next day in winter (UTC+1) and 01:10 in summer (UTC+2).
  EXPECT_EQ(ExportDateTime(*core::ParseDateTime("2026-12-31T23:10:00Z")), "2027-01-01 00:10");
  EXPECT_EQ(ExportDateTime(*core::ParseDateTime("2026-06-30T23:10:00Z")), "2026-07-01 01:10");
  EXPECT_EQ(ExportDateTime(*core::ParseDateTime("2026-03-29T00:59:00Z")), "2026-03-29 01:59");
  EXPECT_EQ(ExportDateTime(*core::ParseDateTime("2026-03-29T01:00:00Z")), "2026-03-29 03:00");
}

}  // namespace
}  // namespace aantafel::interchange

namespace aantafel::interchange {
namespace {

TEST(ICal, FoldsLongLinesWithoutSplittingCharactersAndEscapesText) {
  const std::string summary = "Zorgcoöperatie, wijk; " + std::string(40, 'x') + "ééééééééé";
  const std::string text = WriteICalendar("Test",
                                          {{.uid = "u1@aantafel",
                                            .first_day = *core::CivilDate::Parse("2027-12-31"),
                                            .last_day = *core::CivilDate::Parse("2027-12-31"),
                                            .summary = summary,
                                            .description = "regel 1\nregel 2"}},
                                          core::FromMillis(1'795'000'000'000));
  EXPECT_NE(text.find("DTEND;VALUE=DATE:20280101\r\n"), std::string::npos) << "exclusive end";
  EXPECT_NE(text.find("DESCRIPTION:regel 1\\nregel 2\r\n"), std::string::npos);
  EXPECT_NE(text.find("DTSTAMP:20261118T"), std::string::npos);
  // Unfold (CRLF + space) and the summary comes back whole, escaped.
  std::string unfolded;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    unfolded += text[i];
  }
  EXPECT_NE(unfolded.find("SUMMARY:Zorgcoöperatie\\, wijk\\; " + std::string(40, 'x')),
            std::string::npos);
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find("\r\n", start);
    const std::string line = text.substr(start, end - start);
    EXPECT_LE(line.size(), 75U);
    EXPECT_TRUE(core::IsValidUtf8(line)) << "a fold never cuts a character";
    start = end + 2;
  }
}

}  // namespace
}  // namespace aantafel::interchange

// Samenwerkingsscan: the template file, anonymity thresholds, gap ranking, repeat comparison and
// the value case's arithmetic.
#include <gtest/gtest.h>

#include "core/knowledge.hpp"
#include "core/scans/results.hpp"
#include "core/scans/templates.hpp"
#include "core/scans/value_case.hpp"

namespace aantafel::core::scans {
namespace {

/// Two dimensions, three statements: enough to rank.
Template Small() {
  Template t;
  t.id = "t";
  t.dimensions = {
      {.id = "trust", .from = "", .title = {}, .statements = {{.id = "s1"}, {.id = "s2"}}},
      {.id = "roles", .from = "", .title = {}, .statements = {{.id = "s3"}}},
  };
  return t;
}

/// One respondent's answers to s1, s2, s3 (0 = "weet niet").
void Answer(std::vector<ScoredAnswer>& out, std::int64_t who, const std::string& org,
            std::array<int, 3> scores) {
  for (int i = 0; i < 3; ++i) {
    ScoredAnswer a{.respondent_id = who,
                   .organisation = org,
                   .statement_id = "s" + std::to_string(i + 1),
                   .score = std::nullopt};
    if (scores[static_cast<std::size_t>(i)] > 0) a.score = scores[static_cast<std::size_t>(i)];
    out.push_back(a);
  }
}

TEST(ScanTemplates, TheKnowledgeFileParsesWithThreeTemplatesAndAStepForEveryStatement) {
  auto parsed = ParseScanKnowledge(knowledge::Text("scan_templates"));
  ASSERT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().fields.begin()->first);
  ASSERT_EQ(parsed->templates.size(), 3U);
  for (const char* id : {"care_cooperative", "municipality_relationship", "chain_priorities"}) {
    const Template* t = parsed->Find(id);
    ASSERT_NE(t, nullptr) << id;
    EXPECT_GE(t->dimensions.size(), 8U) << id;
    for (const auto& d : t->dimensions) {
      for (const auto& s : d.statements) {
        EXPECT_FALSE(s.action.nl.empty()) << s.id;
        EXPECT_FALSE(s.text.en.empty()) << s.id;
      }
    }
  }
  EXPECT_EQ(parsed->scale_nl.size(), 5U);
  EXPECT_EQ(parsed->Find("chain_priorities")->dimensions.size(), 9U);
}

TEST(ScanTemplates, ABrokenFileSaysWhere) {
  const std::string base = R"({"schema": 1, "about": {"nl": "a", "en": "a"},
    "sources": {"kcwz": {"title": "T", "publisher": "P", "year": 2015}},
    "scale": {"labels": {"nl": ["1","2","3","4","5"], "en": ["1","2","3","4","5"]},
              "dont_know": {"nl": "Weet niet", "en": "Don't know"}},
    "templates": [{"id": "x", "source": "SOURCE", "title": {"nl": "X", "en": "X"},
      "intro": {"nl": "i", "en": "i"},
      "dimensions": [{"id": "d", "from": "c/i", "title": {"nl": "D", "en": "D"},
        "statements": [{"id": "s", "text": {"nl": "S", "en": "S"}, "action": {"nl": "A", "en": "A"}},
                       {"id": "SECOND", "text": {"nl": "S", "en": "EN"}, "action": {"nl": "A", "en": "A"}}]}]}]})";
  auto with = [&](const std::string& source, const std::string& second, const std::string& en) {
    std::string text = base;
    text.replace(text.find("SOURCE"), 6, source);
    text.replace(text.find("SECOND"), 6, second);
    text.replace(text.find("\"EN\""), 4, en);
    return ParseScanKnowledge(text);
  };
  EXPECT_TRUE(with("kcwz", "s2", "\"S\"").ok());
  auto unknown_source = with("nope", "s2", "\"S\"");
  ASSERT_FALSE(unknown_source.ok());
  EXPECT_TRUE(unknown_source.error().fields.contains("scan_templates.templates[0].source"));
  auto duplicate = with("kcwz", "s", "\"S\"");
  ASSERT_FALSE(duplicate.ok());
  EXPECT_TRUE(duplicate.error().fields.contains(
      "scan_templates.templates[0].dimensions[0].statements[1].id"));
  auto no_english = with("kcwz", "s2", "\"\"");
  ASSERT_FALSE(no_english.ok());
  EXPECT_TRUE(no_english.error().fields.contains(
      "scan_templates.templates[0].dimensions[0].statements[1].text.en"));
}

TEST(ScanResults, NothingIsShownBelowThreeRespondents) {
  std::vector<ScoredAnswer> answers;
  Answer(answers, 1, "Zorg West", {5, 5, 5});
  Answer(answers, 2, "Coöperatie", {1, 1, 1});
  const ScanResults r = ComputeResults(Small(), answers);
  EXPECT_EQ(r.respondents, 2);
  EXPECT_FALSE(r.shown);
  EXPECT_TRUE(r.statements.empty());
  EXPECT_TRUE(r.gaps.empty());
  ASSERT_EQ(r.organisations.size(), 2U);
  EXPECT_FALSE(r.organisations[0].shown);
}

TEST(ScanResults, ThreeRespondentsOfTwoOrganisationsShowTheWholeButNoOrganisation) {
  std::vector<ScoredAnswer> answers;
  Answer(answers, 1, "Zorg West", {4, 2, 3});
  Answer(answers, 2, "Zorg West", {4, 5, 3});
  Answer(answers, 3, "Coöperatie", {4, 1, 0});
  const ScanResults r = ComputeResults(Small(), answers);
  ASSERT_TRUE(r.shown);
  for (const auto& s : r.statements) EXPECT_TRUE(s.organisations.empty()) << s.statement_id;
  for (const auto& o : r.organisations) EXPECT_FALSE(o.shown);
  // By spread: s2 (2,5,1) disagrees most; s3 (3,3) and s1 (4,4,4) not at all.
  EXPECT_EQ(r.gaps, std::vector<std::string>{"s2"});
  EXPECT_EQ(r.statements[2].overall.dont_know, 1);
  EXPECT_DOUBLE_EQ(*r.statements[2].overall.mean, 3.0);
  EXPECT_DOUBLE_EQ(*r.dimensions[0].overall, (4.0 + 8.0 / 3.0) / 2.0);
  EXPECT_EQ(r.weakest.front(), "s2");
}

TEST(ScanResults, WithTwoOrganisationsShownGapsRankByTheirDifferenceThenSpread) {
  std::vector<ScoredAnswer> answers;
  // Zorg West is positive about s1 and s3, the cooperative is not; s2 they agree on.
  Answer(answers, 1, "Zorg West", {5, 3, 4});
  Answer(answers, 2, "Zorg West", {5, 3, 4});
  Answer(answers, 3, "Zorg West", {4, 1, 4});
  Answer(answers, 4, "Coöperatie", {2, 3, 2});
  Answer(answers, 5, "Coöperatie", {2, 1, 2});
  Answer(answers, 6, "Coöperatie", {1, 3, 2});
  Answer(answers, 7, "Huisarts", {3, 3, 3});  // one person: counted in the whole, never alone
  const ScanResults r = ComputeResults(Small(), answers);
  ASSERT_TRUE(r.shown);
  ASSERT_EQ(r.statements[0].organisations.size(), 2U) << "Huisarts is not shown separately";
  EXPECT_EQ(r.statements[0].organisations[0].organisation, "Coöperatie");
  EXPECT_DOUBLE_EQ(*r.statements[0].organisation_difference, 14.0 / 3.0 - 5.0 / 3.0);
  EXPECT_DOUBLE_EQ(*r.statements[2].organisation_difference, 2.0);
  // s1 differs by 3.0 between organisations, s3 by 2.0; s2 by 0 but with spread: last.
  EXPECT_EQ(r.gaps, (std::vector<std::string>{"s1", "s3", "s2"}));
  ASSERT_EQ(r.dimensions[1].organisations.size(), 2U);
  EXPECT_DOUBLE_EQ(*r.dimensions[1].organisations[1].second, 4.0);
}

TEST(ScanResults, ARepeatShowsTheChangePerDimension) {
  std::vector<ScoredAnswer> before;
  std::vector<ScoredAnswer> now;
  for (int i = 1; i <= 3; ++i) {
    Answer(before, i, "A", {2, 2, 3});
    Answer(now, 10 + i, "A", {4, 3, 3});
  }
  const auto changes =
      CompareResults(Small(), ComputeResults(Small(), before), ComputeResults(Small(), now));
  ASSERT_EQ(changes.size(), 2U);
  EXPECT_DOUBLE_EQ(*changes[0].change, 1.5);
  EXPECT_DOUBLE_EQ(*changes[1].change, 0.0);
  std::vector<ScoredAnswer> too_few;
  Answer(too_few, 1, "A", {5, 5, 5});
  const auto hidden =
      CompareResults(Small(), ComputeResults(Small(), too_few), ComputeResults(Small(), now));
  EXPECT_FALSE(hidden[0].before.has_value());
  EXPECT_FALSE(hidden[0].change.has_value());
}

TEST(ValueCase, AvoidedCostsBreakEvenAndReturnPerEuro) {
  ValueCase v;
  v.initiative_costs = 120'000;
  v.clients_reached = 80;
  v.clients_activated = 20;
  // Early debt help: 6 evictions avoided at € 20,000, half owed to us; 10 crisis placements
  // at € 9,000, all ours; a line with no cost per event.
  v.avoided_costs = {
      {.label = "Huisuitzetting", .unit_cost = 20'000, .events = 6, .attribution = 0.5},
      {.label = "Crisisopvang", .unit_cost = 9'000, .events = 10, .attribution = 1},
      {.label = "Onbekend", .unit_cost = 0, .events = 3, .attribution = 1}};
  const ReturnFigures f = ComputeReturn(v);
  EXPECT_DOUBLE_EQ(f.line_totals[0], 60'000);
  EXPECT_DOUBLE_EQ(f.line_totals[1], 90'000);
  EXPECT_DOUBLE_EQ(f.avoided_total, 150'000);
  EXPECT_DOUBLE_EQ(f.net, 30'000);
  EXPECT_DOUBLE_EQ(*f.return_per_euro, 1.25);
  EXPECT_DOUBLE_EQ(*f.break_even_events[0], 12.0);  // 120,000 / (20,000 × 0.5)
  EXPECT_NEAR(*f.break_even_events[1], 13.333, 0.001);
  EXPECT_FALSE(f.break_even_events[2].has_value());
  EXPECT_DOUBLE_EQ(*f.activation_share, 0.25);
  EXPECT_FALSE(ComputeReturn(ValueCase{}).return_per_euro.has_value());
}

TEST(ValueCase, ItsJsonIsCheckedFieldByFieldAndRoundTrips) {
  const auto good = nlohmann::json::parse(R"({
    "title": "Vroeg eropaf", "period": "2027", "clients_reached": 80, "clients_activated": 20,
    "initiative_costs": 120000,
    "avoided_costs": [{"label": "Huisuitzetting", "unit_cost": 20000, "events": 6,
                       "attribution": 0.5, "assumption": "Cijfers corporatie 2025"}],
    "participation": {"light": "green", "evidence": "20 mensen doen weer mee"},
    "return": {"light": "amber"}, "legitimacy": {"light": "none"}})");
  auto parsed = ParseValueCase(good);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->participation.light, Light::kGreen);
  EXPECT_EQ(parsed->avoided_costs[0].attribution, 0.5);
  auto again = ParseValueCase(ValueCaseJson(*parsed));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(ValueCaseJson(*again), ValueCaseJson(*parsed));

  auto bad = good;
  bad["title"] = "";
  bad["clients_activated"] = 90;
  bad["avoided_costs"][0]["attribution"] = 1.5;
  bad["avoided_costs"][0]["unit_cost"] = -1;
  bad["return"]["light"] = "blue";
  bad["colour"] = "x";
  auto refused = ParseValueCase(bad);
  ASSERT_FALSE(refused.ok());
  for (const char* f : {"title", "clients_activated", "avoided_costs[0].attribution",
                        "avoided_costs[0].unit_cost", "return.light", "colour"}) {
    EXPECT_TRUE(refused.error().fields.contains(f)) << f;
  }
}

}  // namespace
}  // namespace aantafel::core::scans

#include "core/advisor/advisor.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "core/knowledge.hpp"

namespace aantafel::core::advisor {
namespace {

const KnowledgeBase& Knowledge() {
  static const KnowledgeBase kb = [] {
    auto parsed = ParseKnowledge(knowledge::Text("strategies"), knowledge::Text("collections"),
                                 knowledge::Text("advisor_rules"));
    if (!parsed) {
      std::ostringstream problems;
      for (const auto& [field, problem] : parsed.error().fields) problems << field << " ";
      ADD_FAILURE() << "knowledge is invalid: " << problems.str();
      return KnowledgeBase{};
    }
    return std::move(*parsed);
  }();
  return kb;
}

Situation Make(const char* size, const char* phase, const char* level, const char* goal,
               const std::string& assets) {
  Situation s{.size = size, .phase = phase, .level = level, .goal = goal};
  std::stringstream list(assets);
  for (std::string a; std::getline(list, a, ',');) {
    if (!a.empty()) s.assets.insert(a);
  }
  return s;
}

bool HasReason(const RankedStrategy& r, std::string_view rule) {
  return std::any_of(r.reasons.begin(), r.reasons.end(),
                     [&](const Rule* x) { return x->id == rule; });
}

struct Case {
  const char* size;
  const char* phase;
  const char* level;
  const char* goal;
  const char* assets;
  const char* top;
  const char* second;
  const char* top_reason;
};

// 32 situations: the source's own phase examples (vision → expert role, change → show
// innovation, execution → focus and visibility), small, medium and large providers, every level,
// goal and asset. Ties are broken by the strategy's number.
const Case kCases[] = {
    {"medium", "vision", "policy_officer", "get_contracted", "", "trusted_adviser", "focus",
     "vision_expert"},
    {"medium", "change", "policy_officer", "get_contracted", "", "do_something_different", "focus",
     "change_innovate"},
    {"medium", "execution", "policy_officer", "get_contracted", "", "focus",
     "show_in_neighbourhood", "execution_focus"},
    {"medium", "vision", "alderman", "get_known", "", "trusted_adviser", "do_something_different",
     "vision_expert"},
    {"medium", "change", "alderman", "get_known", "", "do_something_different", "trusted_adviser",
     "change_innovate"},
    {"medium", "execution", "alderman", "keep_contract", "", "show_in_neighbourhood", "focus",
     "execution_visible"},
    {"small", "change", "alderman", "get_known", "", "do_something_different", "client_ambassadors",
     "change_innovate"},
    {"small", "vision", "alderman", "get_contracted", "", "trusted_adviser", "consortium",
     "vision_expert"},
    {"small", "execution", "council_member", "keep_contract", "", "show_in_neighbourhood",
     "client_ambassadors", "execution_visible"},
    {"small", "change", "policy_officer", "get_contracted", "consortium_partners", "consortium",
     "do_something_different", "small_niche"},
    {"small", "vision", "policy_officer", "get_contracted", "consortium_partners", "consortium",
     "trusted_adviser", "small_niche"},
    {"small", "execution", "alderman", "get_contracted", "consortium_partners,clear_focus", "focus",
     "consortium", "execution_focus"},
    {"small", "change", "council_member", "get_known", "client_ambassadors", "client_ambassadors",
     "do_something_different", "small_ambassadors"},
    {"small", "execution", "policy_officer", "keep_contract",
     "client_ambassadors,neighbourhood_presence", "show_in_neighbourhood", "client_ambassadors",
     "execution_visible"},
    {"small", "vision", "council_member", "innovate", "expertise", "trusted_adviser",
     "do_something_different", "vision_expert"},
    {"small", "change", "alderman", "innovate", "", "do_something_different", "trusted_adviser",
     "change_innovate"},
    {"large", "vision", "council_member", "get_known", "", "trusted_adviser", "mobilise_employees",
     "vision_expert"},
    {"large", "change", "council_member", "get_known", "", "do_something_different",
     "mobilise_employees", "change_innovate"},
    {"large", "execution", "council_member", "keep_contract", "", "show_in_neighbourhood", "focus",
     "execution_visible"},
    {"large", "execution", "policy_officer", "keep_contract", "neighbourhood_presence",
     "show_in_neighbourhood", "focus", "execution_visible"},
    {"large", "vision", "policy_officer", "innovate", "expertise", "trusted_adviser",
     "do_something_different", "vision_expert"},
    {"large", "change", "alderman", "get_contracted", "consortium_partners", "consortium",
     "do_something_different", "contract_consortium"},
    {"medium", "vision", "policy_officer", "get_known", "adviser_relation", "trusted_adviser",
     "connect_to_adviser", "vision_expert"},
    {"medium", "change", "policy_officer", "get_contracted", "adviser_relation",
     "connect_to_adviser", "do_something_different", "officer_adviser"},
    {"medium", "execution", "alderman", "get_contracted", "clear_focus", "focus",
     "show_in_neighbourhood", "execution_focus"},
    {"medium", "execution", "alderman", "get_known", "neighbourhood_presence",
     "show_in_neighbourhood", "focus", "execution_visible"},
    {"medium", "change", "council_member", "keep_contract", "client_ambassadors",
     "client_ambassadors", "do_something_different", "council_voice_clients"},
    {"medium", "vision", "alderman", "innovate", "expertise,adviser_relation", "trusted_adviser",
     "connect_to_adviser", "vision_expert"},
    {"medium", "execution", "council_member", "get_known",
     "client_ambassadors,neighbourhood_presence", "show_in_neighbourhood", "client_ambassadors",
     "execution_visible"},
    {"medium", "change", "policy_officer", "innovate", "expertise", "do_something_different",
     "trusted_adviser", "change_innovate"},
    {"large", "execution", "alderman", "get_contracted", "clear_focus,consortium_partners", "focus",
     "consortium", "execution_focus"},
    {"small", "execution", "alderman", "get_known", "neighbourhood_presence",
     "show_in_neighbourhood", "focus", "execution_visible"},
};

TEST(Advisor, RanksStrategiesForThirtyTwoSituationsWithTheirReasons) {
  ASSERT_EQ(Knowledge().strategies.size(), 8U);
  for (const Case& c : kCases) {
    SCOPED_TRACE(std::string(c.size) + " " + c.phase + " " + c.level + " " + c.goal + " [" +
                 c.assets + "]");
    const Situation s = Make(c.size, c.phase, c.level, c.goal, c.assets);
    ASSERT_TRUE(CheckSituation(s));
    const Advice advice = Advise(Knowledge(), s);
    ASSERT_EQ(advice.ranked.size(), 8U);
    EXPECT_EQ(advice.ranked[0].strategy->id, c.top);
    EXPECT_EQ(advice.ranked[1].strategy->id, c.second);
    EXPECT_TRUE(HasReason(advice.ranked[0], c.top_reason)) << c.top_reason;
    // Scores are exactly the sum of the weights of the reasons shown.
    for (const RankedStrategy& r : advice.ranked) {
      int sum = 0;
      for (const Rule* rule : r.reasons) sum += rule->weight;
      EXPECT_EQ(sum, r.score) << r.strategy->id;
    }
  }
}

TEST(Advisor, SmallProvidersGetTheSourcesSmallProviderAdvice) {
  const Advice advice = Advise(Knowledge(), Make("small", "change", "alderman", "get_known", ""));
  // Client ambassadors are favoured, mobilising employees is the least fitting.
  EXPECT_EQ(advice.ranked[1].strategy->id, "client_ambassadors");
  EXPECT_TRUE(HasReason(advice.ranked[1], "small_ambassadors"));
  EXPECT_EQ(advice.ranked.back().strategy->id, "mobilise_employees");
  EXPECT_TRUE(HasReason(advice.ranked.back(), "small_employees"));
  auto consortium = std::find_if(advice.ranked.begin(), advice.ranked.end(),
                                 [](const auto& r) { return r.strategy->id == "consortium"; });
  EXPECT_TRUE(HasReason(*consortium, "small_niche"));
  EXPECT_TRUE(std::any_of(advice.extra.begin(), advice.extra.end(),
                          [](const ExtraAdvice* e) { return e->id == "keep_knocking"; }));
  const Advice large = Advise(Knowledge(), Make("large", "change", "alderman", "get_known", ""));
  EXPECT_TRUE(std::none_of(large.extra.begin(), large.extra.end(),
                           [](const ExtraAdvice* e) { return e->id == "keep_knocking"; }));
}

TEST(Advisor, ThePhasePlanFollowsTheSource) {
  const Advice advice = Advise(Knowledge(), Make("medium", "vision", "alderman", "get_known", ""));
  ASSERT_EQ(advice.phase_plan.size(), 3U);
  EXPECT_EQ(advice.phase_plan[0].first, "vision");
  EXPECT_EQ(advice.phase_plan[0].second[0]->id, "trusted_adviser");
  EXPECT_EQ(advice.phase_plan[1].second[0]->id, "do_something_different");
  EXPECT_EQ(advice.phase_plan[2].second.size(), 2U);
  EXPECT_EQ(advice.phase_plan[2].second[0]->id, "focus");
  EXPECT_EQ(advice.phase_plan[2].second[1]->id, "show_in_neighbourhood");
}

TEST(Advisor, ChangingARuleInTheKnowledgeFileChangesTheAdvice) {
  // Make "small_employees" favour employees strongly instead of lowering them: no code changes.
  auto rules = nlohmann::json::parse(knowledge::Text("advisor_rules"));
  for (auto& rule : rules["rules"]) {
    if (rule["id"] == "small_employees") rule["weight"] = 9;
  }
  auto changed =
      ParseKnowledge(knowledge::Text("strategies"), knowledge::Text("collections"), rules.dump());
  ASSERT_TRUE(changed);
  const Situation s = Make("small", "change", "alderman", "get_known", "");
  EXPECT_EQ(Advise(Knowledge(), s).ranked[0].strategy->id, "do_something_different");
  EXPECT_EQ(Advise(*changed, s).ranked[0].strategy->id, "mobilise_employees");
}

TEST(Advisor, SituationsAreCheckedFieldByField) {
  Situation s{.size = "tiny", .phase = "", .level = "mayor", .goal = "win", .assets = {"cash"}};
  auto checked = CheckSituation(s);
  ASSERT_FALSE(checked);
  for (const char* f : {"size", "phase", "level", "goal", "assets"}) {
    EXPECT_TRUE(checked.error().fields.contains(f)) << f;
  }
  EXPECT_EQ(SizeFromEmployees(12), "small");
  EXPECT_EQ(SizeFromEmployees(49), "small");
  EXPECT_EQ(SizeFromEmployees(50), "medium");
  EXPECT_EQ(SizeFromEmployees(250), "large");
}

TEST(Knowledge, EveryItemHasDutchEnglishAndAKnownSource) {
  const KnowledgeBase& kb = Knowledge();
  for (const Strategy& s : kb.strategies) {
    EXPECT_TRUE(kb.sources.contains(s.source)) << s.id;
    EXPECT_FALSE(s.name.nl.empty() || s.name.en.empty()) << s.id;
    EXPECT_FALSE(s.tips.empty()) << s.id;
  }
  EXPECT_GE(kb.collections.size(), 6U);
  for (const Collection& c : kb.collections) {
    EXPECT_TRUE(kb.sources.contains(c.source)) << c.id;
    for (const Item& item : c.items) {
      EXPECT_FALSE(item.title.nl.empty() || item.title.en.empty()) << c.id << "/" << item.id;
      EXPECT_FALSE(item.text.nl.empty() || item.text.en.empty()) << c.id << "/" << item.id;
    }
  }
}

TEST(Knowledge, AMissingTranslationOrSourceIsRefusedWithItsPath) {
  auto strategies = nlohmann::json::parse(knowledge::Text("strategies"));
  strategies["strategies"][2]["advantage"].erase("en");
  strategies["strategies"][3]["source"] = "a-blog";
  auto rules = nlohmann::json::parse(knowledge::Text("advisor_rules"));
  rules["rules"][0]["strategy"] = "bribe";
  rules["rules"][1]["when"]["goal"] = {"win"};
  auto parsed = ParseKnowledge(strategies.dump(), knowledge::Text("collections"), rules.dump());
  ASSERT_FALSE(parsed);
  const auto& fields = parsed.error().fields;
  EXPECT_TRUE(fields.contains("strategies[2].advantage.en"));
  EXPECT_TRUE(fields.contains("strategies[3].source"));
  EXPECT_TRUE(fields.contains("rules[0].strategy"));
  EXPECT_TRUE(fields.contains("rules[1].when.goal"));
}

}  // namespace
}  // namespace aantafel::core::advisor

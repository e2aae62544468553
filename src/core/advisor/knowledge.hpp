#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar/rules.hpp"
#include "core/result.hpp"

namespace aantafel::core::advisor {

using calendar::Source;
using calendar::Text;

/// One of the engagement strategies (knowledge/strategies.json).
struct Strategy {
  std::string id;
  int number = 0;
  std::string source;
  Text name;
  Text meaning;
  Text advantage;
  Text disadvantage;
  Text fits_when;
  std::vector<Text> tips;
  std::optional<Text> small_provider;
  std::vector<Text> examples;
};

/// A titled piece of general advice or a collection item.
struct Item {
  std::string id;
  std::string source;
  Text title;
  Text text;
};

/// A group of items (relationship tips, chain priorities, …; knowledge/collections.json).
struct Collection {
  std::string id;
  std::string source;
  Text title;
  Text intro;
  std::vector<Item> items;
};

/// The situation a rule applies to: every listed dimension must match (empty = any).
struct Condition {
  std::vector<std::string> size;
  std::vector<std::string> phase;
  std::vector<std::string> level;
  std::vector<std::string> goal;
  std::vector<std::string> has;    ///< assets that must be present
  std::vector<std::string> lacks;  ///< assets that must be absent
};

/// Raises (weight > 0) or lowers one strategy when its condition holds.
struct Rule {
  std::string id;
  std::string strategy;
  int weight = 0;
  Condition when;
  std::string source;
  Text reason;
};

/// Advice shown whenever its condition holds.
struct ExtraAdvice {
  std::string id;
  Condition when;
  std::string source;
  Text text;
};

/// Everything the advisor and the knowledge browser use.
struct KnowledgeBase {
  std::map<std::string, Source> sources;
  std::vector<Strategy> strategies;  ///< by number
  std::vector<Item> general;
  std::vector<Collection> collections;
  std::vector<Rule> rules;
  std::vector<ExtraAdvice> extra_advice;
  std::map<std::string, std::vector<std::string>> phase_plan;  ///< phase → strategy ids
  std::string phase_plan_source;

  [[nodiscard]] const Strategy* FindStrategy(std::string_view id) const;
};

/// The allowed values of each input dimension (one place for the parser, the advisor and the API).
const std::vector<std::string>& Sizes();
const std::vector<std::string>& Phases();
const std::vector<std::string>& Levels();
const std::vector<std::string>& Goals();
const std::vector<std::string>& Assets();

/// Reads and cross-checks the three files: every text in Dutch and English, every source known,
/// every rule's strategy and condition values known. Errors name the path ("rules[3].when.goal").
Result<KnowledgeBase> ParseKnowledge(std::string_view strategies_json,
                                     std::string_view collections_json,
                                     std::string_view rules_json);

}  // namespace aantafel::core::advisor

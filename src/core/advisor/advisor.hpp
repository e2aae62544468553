#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/advisor/knowledge.hpp"
#include "core/result.hpp"

namespace aantafel::core::advisor {

/// The situation the user describes (values from Sizes(), Phases(), Levels(), Goals(), Assets()).
struct Situation {
  std::string size;   ///< small, medium, large
  std::string phase;  ///< vision, change, execution (of the municipality's process)
  std::string level;  ///< alderman, council_member, policy_officer
  std::string goal;   ///< get_known, get_contracted, innovate, keep_contract
  std::set<std::string> assets;
};

/// Organisation size from the number of employees (EU thresholds: < 50 small, < 250 medium).
std::string SizeFromEmployees(std::int64_t employees);

/// Checks every value; field errors name the input ("size", "assets").
Status CheckSituation(const Situation& situation);

/// One strategy in the advice, with its score and the rules behind it.
struct RankedStrategy {
  const Strategy* strategy = nullptr;
  int score = 0;
  std::vector<const Rule*> reasons;  ///< strongest first
};

/// The advice: ranked strategies, a plan across the phases, and extra advice.
struct Advice {
  std::vector<RankedStrategy> ranked;  ///< best first; ties by strategy number
  std::vector<std::pair<std::string, std::vector<const Strategy*>>> phase_plan;
  std::vector<const ExtraAdvice*> extra;
};

/// Deterministic: the same knowledge and situation always give the same advice. Every score is
/// the sum of the weights of the rules whose condition holds; the rules are the explanation.
Advice Advise(const KnowledgeBase& knowledge, const Situation& situation);

}  // namespace aantafel::core::advisor

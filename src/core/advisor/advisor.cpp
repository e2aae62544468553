#include "core/advisor/advisor.hpp"

#include <algorithm>

namespace aantafel::core::advisor {

namespace {

bool OneOf(const std::vector<std::string>& allowed, const std::string& value) {
  return allowed.empty() || std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

bool Holds(const Condition& when, const Situation& s) {
  if (!OneOf(when.size, s.size) || !OneOf(when.phase, s.phase) || !OneOf(when.level, s.level) ||
      !OneOf(when.goal, s.goal)) {
    return false;
  }
  for (const auto& asset : when.has) {
    if (!s.assets.contains(asset)) return false;
  }
  for (const auto& asset : when.lacks) {
    if (s.assets.contains(asset)) return false;
  }
  return true;
}

void CheckOne(const char* field, const std::string& value, const std::vector<std::string>& allowed,
              FieldErrors& errors) {
  if (value.empty()) {
    errors.Add(field, FieldIssue::kRequired);
  } else if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
    errors.Add(field, FieldIssue::kInvalidChoice);
  }
}

}  // namespace

std::string SizeFromEmployees(std::int64_t employees) {
  if (employees < 50) return "small";
  if (employees < 250) return "medium";
  return "large";
}

Status CheckSituation(const Situation& s) {
  FieldErrors errors;
  CheckOne("size", s.size, Sizes(), errors);
  CheckOne("phase", s.phase, Phases(), errors);
  CheckOne("level", s.level, Levels(), errors);
  CheckOne("goal", s.goal, Goals(), errors);
  for (const auto& asset : s.assets) {
    if (std::find(Assets().begin(), Assets().end(), asset) == Assets().end()) {
      errors.Add("assets", FieldIssue::kInvalidChoice);
    }
  }
  if (!errors.empty()) return std::move(errors).ToError();
  return Ok{};
}

Advice Advise(const KnowledgeBase& kb, const Situation& situation) {
  Advice advice;
  for (const Strategy& s : kb.strategies) advice.ranked.push_back({.strategy = &s});
  for (const Rule& rule : kb.rules) {
    if (!Holds(rule.when, situation)) continue;
    for (RankedStrategy& r : advice.ranked) {
      if (r.strategy->id == rule.strategy) {
        r.score += rule.weight;
        r.reasons.push_back(&rule);
      }
    }
  }
  for (RankedStrategy& r : advice.ranked) {
    std::stable_sort(r.reasons.begin(), r.reasons.end(), [](const Rule* a, const Rule* b) {
      return std::abs(a->weight) > std::abs(b->weight);
    });
  }
  // Strategies are sorted by number, so a stable sort breaks ties by number.
  std::stable_sort(
      advice.ranked.begin(), advice.ranked.end(),
      [](const RankedStrategy& a, const RankedStrategy& b) { return a.score > b.score; });
  for (const std::string& phase : Phases()) {
    std::vector<const Strategy*> strategies;
    if (auto it = kb.phase_plan.find(phase); it != kb.phase_plan.end()) {
      for (const auto& id : it->second) strategies.push_back(kb.FindStrategy(id));
    }
    advice.phase_plan.emplace_back(phase, std::move(strategies));
  }
  for (const ExtraAdvice& extra : kb.extra_advice) {
    if (Holds(extra.when, situation)) advice.extra.push_back(&extra);
  }
  return advice;
}

}  // namespace aantafel::core::advisor

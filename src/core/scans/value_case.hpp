#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace aantafel::core::scans {

// Waardecasus (glossary: value case): an initiative shows its value on the triangle of trust —
// participation, return (rendement) and legitimacy — each with evidence and a traffic light.

enum class Light { kNone, kGreen, kAmber, kRed };
std::string_view ToString(Light light);  ///< "none", "green", "amber", "red"
std::optional<Light> ParseLight(std::string_view text);

/// The partners' judgement of one side of the triangle.
struct Judgement {
  Light light = Light::kNone;
  std::string evidence;
};

/// A cost the initiative helps avoid, with its assumptions written out: `events` times it is
/// expected to be avoided in the period, of which `attribution` (0–1) is owed to the initiative.
struct AvoidedCost {
  std::string label;  ///< e.g. "Huisuitzetting"
  double unit_cost = 0.0;
  double events = 0.0;
  double attribution = 1.0;
  std::string assumption;  ///< where the numbers come from
};

struct ValueCase {
  std::int64_t id = 0;
  std::string title;
  std::string initiative;  ///< what the initiative does
  std::string period;      ///< e.g. "2027"
  // participation
  std::int64_t clients_reached = 0;
  std::int64_t clients_activated = 0;  ///< of whom took part again (work, volunteering, …)
  std::string participation_notes;
  Judgement participation;
  // return (rendement)
  double initiative_costs = 0.0;
  std::vector<AvoidedCost> avoided_costs;
  std::string social_value;
  Judgement return_judgement;
  // legitimacy
  std::string beneficiaries;
  std::string equal_access;
  std::string fairness;
  Judgement legitimacy;
  std::optional<std::int64_t> created_by;
  Instant created_at{};
  Instant updated_at{};
};

/// The arithmetic of the return side.
struct ReturnFigures {
  std::vector<double> line_totals;  ///< unit_cost × events × attribution per avoided cost
  double avoided_total = 0.0;
  double net = 0.0;                       ///< avoided_total − initiative_costs
  std::optional<double> return_per_euro;  ///< avoided_total / initiative_costs (costs > 0)
  /// Per line: how many events that line alone must avoid to pay for the initiative (nullopt
  /// when the line avoids nothing per event).
  std::vector<std::optional<double>> break_even_events;
  std::optional<double> activation_share;  ///< clients_activated / clients_reached
};

ReturnFigures ComputeReturn(const ValueCase& value_case);

inline constexpr std::size_t kMaxAvoidedCosts = 20;

/// Reads and checks a value case from its JSON form (see docs/scans.md); every
/// problem is named by its path ("avoided_costs[1].attribution"); unknown keys are refused.
Result<ValueCase> ParseValueCase(const nlohmann::json& body);
/// The JSON form (without id and times), as stored and as ParseValueCase reads it.
nlohmann::json ValueCaseJson(const ValueCase& value_case);

}  // namespace aantafel::core::scans

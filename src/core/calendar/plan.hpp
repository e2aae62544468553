#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar/cycle.hpp"
#include "core/clock.hpp"

namespace aantafel::core::calendar {

/// Where a plan stands (glossary: plan).
enum class PlanStatus { kIdea, kPreparing, kProposed, kFunded, kNotFunded, kDone };
std::string_view ToString(PlanStatus status);
std::optional<PlanStatus> ParsePlanStatus(std::string_view text);

/// The phase of the policy cycle the plan is in.
enum class PolicyPhase { kAgendaSetting, kPreparation, kDecision, kExecution, kEvaluation };
std::string_view ToString(PolicyPhase phase);
std::optional<PolicyPhase> ParsePolicyPhase(std::string_view text);

/// A plan or initiative that needs a place in municipal budgets.
struct Plan {
  std::int64_t id = 0;
  std::string title;
  std::string description;
  std::string core_message;                   ///< the "why", in one or two sentences
  std::string domain;                         ///< e.g. Wmo, Jeugd
  int budget_year = 0;                        ///< the year the money is needed
  std::optional<std::int64_t> budget_needed;  ///< euros per year
  PlanStatus status = PlanStatus::kIdea;
  PolicyPhase phase = PolicyPhase::kAgendaSetting;
  std::optional<std::int64_t> owner_id;
  std::vector<std::int64_t> organisation_ids;  ///< municipalities (Wie is wie organisations)
  Instant created_at{};
  Instant updated_at{};
};

/// A secret calendar feed of one user in one workspace (only its hash is stored).
struct CalendarFeed {
  std::int64_t id = 0;
  std::int64_t workspace_id = 0;
  std::int64_t user_id = 0;
  std::string workspace_slug;  ///< filled when a feed is looked up by its token
  std::string label;
  Instant created_at{};
};

}  // namespace aantafel::core::calendar

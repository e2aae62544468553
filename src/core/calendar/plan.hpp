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

/// Port: plans, actual cycle dates and calendar feeds. Every call names the workspace.
class PlanRepository {
 public:
  virtual ~PlanRepository() = default;

  virtual Plan AddPlan(std::int64_t ws, const Plan& plan) = 0;
  /// Replaces the plan's fields and municipalities; false when there is no such plan.
  virtual bool UpdatePlan(std::int64_t ws, const Plan& plan) = 0;
  virtual std::optional<Plan> FindPlan(std::int64_t ws, std::int64_t id) = 0;
  /// All plans, by budget year then title.
  virtual std::vector<Plan> ListPlans(std::int64_t ws) = 0;
  virtual bool DeletePlan(std::int64_t ws, std::int64_t id) = 0;

  /// The merger date, actual dates and own events a workspace entered for a municipality.
  virtual MunicipalityCycle CycleOf(std::int64_t ws, std::int64_t organisation_id) = 0;
  /// Sets (or, with nullopt, removes) the actual date of one event in one year.
  virtual void SetCycleDate(std::int64_t ws, std::int64_t organisation_id, std::string_view event,
                            int year, std::optional<CivilDate> date, Instant now) = 0;
  virtual void SetMergedOn(std::int64_t ws, std::int64_t organisation_id,
                           std::optional<CivilDate> merged_on, Instant now) = 0;
  virtual CustomEvent AddCustomEvent(std::int64_t ws, std::int64_t organisation_id,
                                     const CustomEvent& event, Instant now) = 0;
  virtual bool DeleteCustomEvent(std::int64_t ws, std::int64_t organisation_id,
                                 std::int64_t id) = 0;

  virtual CalendarFeed AddFeed(const CalendarFeed& feed, std::string_view token_hash) = 0;
  virtual std::vector<CalendarFeed> ListFeeds(std::int64_t ws, std::int64_t user_id) = 0;
  virtual bool DeleteFeed(std::int64_t ws, std::int64_t user_id, std::int64_t id) = 0;
  virtual std::optional<CalendarFeed> FindFeed(std::string_view token_hash) = 0;
};

}  // namespace aantafel::core::calendar

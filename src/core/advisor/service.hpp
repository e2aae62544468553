#pragma once

#include <optional>

#include "core/accounts/model.hpp"
#include "core/advisor/advisor.hpp"
#include "core/calendar/plan.hpp"

namespace aantafel::core::advisor {

/// What the questionnaire sends: the situation, optionally an organisation size in employees
/// instead of a size class, and optionally a plan whose policy phase sets the phase.
struct AdviceRequest {
  Situation situation;
  std::optional<std::int64_t> employees;
  std::optional<std::int64_t> plan_id;
};

/// The advice with the plan it was given for, if any.
struct AdviceResult {
  Advice advice;
  Situation situation;  ///< as used (size and phase filled in)
  std::optional<calendar::Plan> plan;
};

/// The municipality's process phase that fits a plan's policy phase.
std::string PhaseOfPlan(calendar::PolicyPhase phase);

/// Use cases of the Strategiewijzer.
class AdvisorService {
 public:
  AdvisorService(const KnowledgeBase& knowledge, calendar::PlanRepository& plans)
      : knowledge_(knowledge), plans_(plans) {}

  Result<AdviceResult> Advise(const accounts::WorkspaceAccess& access,
                              const AdviceRequest& request);
  [[nodiscard]] const KnowledgeBase& knowledge() const { return knowledge_; }

 private:
  const KnowledgeBase& knowledge_;
  calendar::PlanRepository& plans_;
};

}  // namespace aantafel::core::advisor

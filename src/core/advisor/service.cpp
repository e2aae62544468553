#include "core/advisor/service.hpp"

namespace aantafel::core::advisor {

std::string PhaseOfPlan(calendar::PolicyPhase phase) {
  switch (phase) {
    // Agenda setting and preparation are where the municipality forms its view.
    case calendar::PolicyPhase::kAgendaSetting:
    case calendar::PolicyPhase::kPreparation: return "vision";
    case calendar::PolicyPhase::kDecision: return "change";
    case calendar::PolicyPhase::kExecution:
    case calendar::PolicyPhase::kEvaluation: return "execution";
  }
  return "vision";
}

Result<AdviceResult> AdvisorService::Advise(const accounts::WorkspaceAccess& access,
                                            const AdviceRequest& request) {
  AdviceResult result{.situation = request.situation};
  FieldErrors errors;
  if (request.employees) {
    if (*request.employees < 1 || *request.employees > 1'000'000) {
      errors.Add("employees", FieldIssue::kInvalidChoice);
    } else if (result.situation.size.empty()) {
      result.situation.size = SizeFromEmployees(*request.employees);
    }
  }
  if (request.plan_id) {
    auto plan = plans_.FindPlan(access.workspace.id, *request.plan_id);
    if (!plan) {
      errors.Add("plan_id", FieldIssue::kInvalidChoice);
    } else {
      if (result.situation.phase.empty()) result.situation.phase = PhaseOfPlan(plan->phase);
      result.plan = std::move(*plan);
    }
  }
  if (!errors.empty()) return std::move(errors).ToError();
  if (auto checked = CheckSituation(result.situation); !checked) return checked.error();
  result.advice = advisor::Advise(knowledge_, result.situation);
  return result;
}

}  // namespace aantafel::core::advisor

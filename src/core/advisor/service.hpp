#pragma once

#include <optional>

#include "core/accounts/model.hpp"
#include "core/advisor/advisor.hpp"
#include "core/advisor/ports.hpp"
#include "core/calendar/ports.hpp"
#include "core/whoiswho/ports.hpp"

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

/// A workspace's view of the knowledge base.
struct WorkspaceKnowledge {
  std::vector<KnowledgeSetting> settings;
  std::vector<OwnItem> own_items;
};

/// Whether `key` names a built-in item ("strategy:<id>", "general:<id>", "collection:<id>/<item>").
bool IsKnowledgeKey(const KnowledgeBase& knowledge, std::string_view key);

/// Use cases of the Strategiewijzer.
class AdvisorService {
 public:
  AdvisorService(const KnowledgeBase& knowledge, calendar::PlanRepository& plans,
                 AdvisorRepository& repository, whoiswho::WhoIsWhoRepository& whoiswho,
                 const Clock& clock)
      : knowledge_(knowledge),
        plans_(plans),
        repository_(repository),
        whoiswho_(whoiswho),
        clock_(clock) {}

  Result<AdviceResult> Advise(const accounts::WorkspaceAccess& access,
                              const AdviceRequest& request);
  [[nodiscard]] const KnowledgeBase& knowledge() const { return knowledge_; }

  WorkspaceKnowledge Knowledge(const accounts::WorkspaceAccess& access);
  Status SetSetting(const accounts::WorkspaceAccess& access, const KnowledgeSetting& setting);
  Result<OwnItem> AddOwnItem(const accounts::WorkspaceAccess& access, const OwnItem& item);
  Status DeleteOwnItem(const accounts::WorkspaceAccess& access, std::int64_t id);

  /// Computes the advice and keeps it with a plan (from the request) and/or a municipality.
  Result<SavedAdvice> SaveAdvice(const accounts::WorkspaceAccess& access,
                                 const AdviceRequest& request,
                                 std::optional<std::int64_t> organisation_id,
                                 std::string_view note);
  std::vector<SavedAdvice> SavedAdviceList(const accounts::WorkspaceAccess& access,
                                           std::optional<std::int64_t> plan_id,
                                           std::optional<std::int64_t> organisation_id);
  Status DeleteSavedAdvice(const accounts::WorkspaceAccess& access, std::int64_t id);

 private:
  const KnowledgeBase& knowledge_;
  calendar::PlanRepository& plans_;
  AdvisorRepository& repository_;
  whoiswho::WhoIsWhoRepository& whoiswho_;
  const Clock& clock_;
};

}  // namespace aantafel::core::advisor

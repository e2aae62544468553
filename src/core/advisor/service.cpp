#include "core/advisor/service.hpp"

#include <algorithm>

#include "core/validation.hpp"

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

bool IsKnowledgeKey(const KnowledgeBase& kb, std::string_view key) {
  auto rest = [&](std::string_view prefix) -> std::optional<std::string_view> {
    if (!key.starts_with(prefix)) return std::nullopt;
    return key.substr(prefix.size());
  };
  if (auto id = rest("strategy:")) return kb.FindStrategy(*id) != nullptr;
  if (auto id = rest("general:")) {
    return std::any_of(kb.general.begin(), kb.general.end(),
                       [&](const Item& i) { return i.id == *id; });
  }
  if (auto path = rest("collection:")) {
    const auto slash = path->find('/');
    if (slash == std::string_view::npos) return false;
    const auto collection = path->substr(0, slash);
    const auto item = path->substr(slash + 1);
    for (const Collection& c : kb.collections) {
      if (c.id != collection) continue;
      return std::any_of(c.items.begin(), c.items.end(),
                         [&](const Item& i) { return i.id == item; });
    }
  }
  return false;
}

WorkspaceKnowledge AdvisorService::Knowledge(const accounts::WorkspaceAccess& access) {
  return {.settings = repository_.Settings(access.workspace.id),
          .own_items = repository_.OwnItems(access.workspace.id)};
}

Status AdvisorService::SetSetting(const accounts::WorkspaceAccess& access,
                                  const KnowledgeSetting& setting) {
  if (!accounts::CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  FieldErrors errors;
  if (!IsKnowledgeKey(knowledge_, setting.item_key)) {
    errors.Add("item_key", FieldIssue::kUnknownValue);
  }
  auto note = CheckText("note", setting.note,
                        {.min_chars = 0, .max_chars = 4000, .allow_newlines = true}, errors);
  if (!errors.empty()) return std::move(errors).ToError();
  repository_.SetSetting(access.workspace.id,
                         {.item_key = setting.item_key, .hidden = setting.hidden, .note = *note},
                         clock_.Now());
  return Ok{};
}

Result<OwnItem> AdvisorService::AddOwnItem(const accounts::WorkspaceAccess& access,
                                           const OwnItem& item) {
  if (!accounts::CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  FieldErrors errors;
  auto title = CheckText("title", item.title, {.min_chars = 1, .max_chars = 200}, errors);
  auto text = CheckText("text", item.text,
                        {.min_chars = 1, .max_chars = 10000, .allow_newlines = true}, errors);
  auto source = CheckText("source", item.source, {.min_chars = 0, .max_chars = 500}, errors);
  if (!errors.empty()) return std::move(errors).ToError();
  return repository_.AddOwnItem(
      access.workspace.id,
      {.title = *title, .text = *text, .source = *source, .created_at = clock_.Now()});
}

Status AdvisorService::DeleteOwnItem(const accounts::WorkspaceAccess& access, std::int64_t id) {
  if (!accounts::CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  if (!repository_.DeleteOwnItem(access.workspace.id, id)) return Error::Of(ErrorCode::kNotFound);
  return Ok{};
}

Result<SavedAdvice> AdvisorService::SaveAdvice(const accounts::WorkspaceAccess& access,
                                               const AdviceRequest& request,
                                               std::optional<std::int64_t> organisation_id,
                                               std::string_view note) {
  if (!accounts::CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  FieldErrors errors;
  if (organisation_id && !whoiswho_.FindOrganisation(access.workspace.id, *organisation_id)) {
    errors.Add("organisation_id", FieldIssue::kInvalidChoice);
  }
  if (!request.plan_id && !organisation_id) errors.Add("plan_id", FieldIssue::kRequired);
  auto checked_note =
      CheckText("note", note, {.min_chars = 0, .max_chars = 4000, .allow_newlines = true}, errors);
  if (!errors.empty()) return std::move(errors).ToError();
  auto result = Advise(access, request);
  if (!result) return result.error();
  SavedAdvice saved{.plan_id = request.plan_id,
                    .organisation_id = organisation_id,
                    .situation = result->situation,
                    .note = *checked_note,
                    .created_at = clock_.Now()};
  if (access.user_id > 0) saved.created_by = access.user_id;
  for (const RankedStrategy& r : result->advice.ranked) saved.ranking.push_back(r.strategy->id);
  return repository_.SaveAdvice(access.workspace.id, saved);
}

std::vector<SavedAdvice> AdvisorService::SavedAdviceList(
    const accounts::WorkspaceAccess& access, std::optional<std::int64_t> plan_id,
    std::optional<std::int64_t> organisation_id) {
  return repository_.SavedAdviceList(access.workspace.id, plan_id, organisation_id);
}

Status AdvisorService::DeleteSavedAdvice(const accounts::WorkspaceAccess& access, std::int64_t id) {
  if (!accounts::CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  if (!repository_.DeleteSavedAdvice(access.workspace.id, id)) {
    return Error::Of(ErrorCode::kNotFound);
  }
  return Ok{};
}

}  // namespace aantafel::core::advisor

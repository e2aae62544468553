#include "core/financing/scenarios.hpp"

#include "core/validation.hpp"
#include "core/whoiswho/model.hpp"

namespace aantafel::core::financing {

namespace {

constexpr TextRule kNameRule{.min_chars = 1, .max_chars = 200};
constexpr TextRule kDescriptionRule{.min_chars = 0, .max_chars = 4000, .allow_newlines = true};

}  // namespace

Result<SavedScenario> ScenarioService::Check(std::int64_t ws, const SavedScenarioInput& input) {
  FieldErrors errors;
  SavedScenario s;
  s.name = CheckText("name", input.name, kNameRule, errors).value_or("");
  s.description =
      CheckText("description", input.description, kDescriptionRule, errors).value_or("");
  if (input.municipality_code) {
    if (!whoiswho::IsMunicipalityCode(*input.municipality_code)) {
      errors.Add("municipality_code", FieldIssue::kInvalidFormat);
    } else if (!repository_.MunicipalityExists(*input.municipality_code)) {
      errors.Add("municipality_code", FieldIssue::kUnknownValue);
    } else {
      s.municipality_code = input.municipality_code;
    }
  }
  if (input.plan_id) {
    if (*input.plan_id <= 0 || !repository_.PlanExists(ws, *input.plan_id)) {
      errors.Add("plan_id", FieldIssue::kUnknownValue);
    } else {
      s.plan_id = input.plan_id;
    }
  }
  if (auto parsed = ParseScenarioObject(input.scenario); !parsed) {
    for (const auto& [field, problem] : parsed.error().fields) {
      errors.Add("scenario." + field, problem.issue, problem.limit);
    }
    if (parsed.error().fields.empty()) errors.Add("scenario", FieldIssue::kInvalidFormat);
  }
  if (!errors.empty()) return std::move(errors).ToError();
  s.scenario_json = input.scenario.dump();
  return s;
}

Result<SavedScenario> ScenarioService::Save(const accounts::WorkspaceAccess& access,
                                            const SavedScenarioInput& input) {
  auto checked = Check(access.workspace.id, input);
  if (!checked) return checked.error();
  checked->created_by = access.user_id;
  checked->created_at = checked->updated_at = clock_.Now();
  const SavedScenario added = repository_.Add(access.workspace.id, *checked);
  return Get(access, added.id);
}

Result<SavedScenario> ScenarioService::Replace(const accounts::WorkspaceAccess& access,
                                               std::int64_t id, const SavedScenarioInput& input) {
  auto existing = repository_.Find(access.workspace.id, id);
  if (!existing) return Error::Of(ErrorCode::kNotFound);
  auto checked = Check(access.workspace.id, input);
  if (!checked) return checked.error();
  checked->id = id;
  checked->created_by = existing->created_by;
  checked->created_at = existing->created_at;
  checked->updated_at = clock_.Now();
  if (!repository_.Update(access.workspace.id, *checked)) return Error::Of(ErrorCode::kNotFound);
  return Get(access, id);
}

Result<SavedScenario> ScenarioService::Get(const accounts::WorkspaceAccess& access,
                                           std::int64_t id) {
  auto found = repository_.Find(access.workspace.id, id);
  if (!found) return Error::Of(ErrorCode::kNotFound);
  return *found;
}

std::vector<SavedScenario> ScenarioService::List(const accounts::WorkspaceAccess& access,
                                                 const ScenarioQuery& query) {
  return repository_.List(access.workspace.id, query);
}

Status ScenarioService::Delete(const accounts::WorkspaceAccess& access, std::int64_t id) {
  if (!repository_.Delete(access.workspace.id, id)) return Error::Of(ErrorCode::kNotFound);
  return Ok{};
}

Result<ScenarioRequest> RequestOf(const SavedScenario& saved) {
  return ParseScenario(saved.scenario_json);
}

}  // namespace aantafel::core::financing

#include "storage/financing_repository.hpp"

namespace aantafel::storage {

using core::FromMillis;
using core::ToMillis;
using core::financing::SavedScenario;

namespace {

namespace sql {

constexpr std::string_view kInsert =
    "INSERT INTO financing_scenarios (workspace_id, name, description, municipality_code, "
    "plan_id, scenario, created_by, created_at, updated_at) VALUES "
    "($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";
constexpr std::string_view kUpdate =
    "UPDATE financing_scenarios SET name = $3, description = $4, municipality_code = $5, "
    "plan_id = $6, scenario = $7, updated_at = $8 WHERE workspace_id = $1 AND id = $2";
// The plan's title only when the plan is in the same workspace (the key alone is not scoped).
#define SCENARIO_SELECT                                                                   \
  "SELECT s.id, s.name, s.description, s.municipality_code, m.name, s.plan_id, p.title, " \
  "s.scenario, s.created_by, s.created_at, s.updated_at FROM financing_scenarios s "      \
  "LEFT JOIN municipalities m ON m.code = s.municipality_code "                           \
  "LEFT JOIN plans p ON p.id = s.plan_id AND p.workspace_id = s.workspace_id "
constexpr std::string_view kFind = SCENARIO_SELECT "WHERE s.workspace_id = $1 AND s.id = $2";
constexpr std::string_view kList = SCENARIO_SELECT
    "WHERE s.workspace_id = $1 AND (CAST($2 AS TEXT) IS NULL OR s.municipality_code = $2) AND "
    "(CAST($3 AS BIGINT) IS NULL OR s.plan_id = $3) ORDER BY s.updated_at DESC, s.id DESC "
    "LIMIT 1000";
#undef SCENARIO_SELECT
constexpr std::string_view kDelete =
    "DELETE FROM financing_scenarios WHERE workspace_id = $1 AND id = $2";
constexpr std::string_view kPlan = "SELECT 1 FROM plans WHERE workspace_id = $1 AND id = $2";
constexpr std::string_view kMunicipality = "SELECT 1 FROM municipalities WHERE code = $1";

}  // namespace sql

SavedScenario ScenarioFrom(const Row& r) {
  SavedScenario s;
  s.id = r.Int(0);
  s.name = r.Text(1);
  s.description = r.Text(2);
  s.municipality_code = r.OptionalText(3);
  s.municipality_name = r.OptionalText(4);
  if (!r.IsNull(5) && !r.IsNull(6)) {
    s.plan_id = r.Int(5);
    s.plan_title = r.Text(6);
  }
  s.scenario_json = r.Text(7);
  if (!r.IsNull(8)) s.created_by = r.Int(8);
  s.created_at = FromMillis(r.Int(9));
  s.updated_at = FromMillis(r.Int(10));
  return s;
}

}  // namespace

SavedScenario SqlScenarioRepository::Add(std::int64_t ws, const SavedScenario& s) {
  auto lease = db_.Acquire();
  SavedScenario stored = s;
  stored.id = lease
                  ->QueryOne(sql::kInsert,
                             {ws, s.name, s.description, OptionalText(s.municipality_code),
                              OptionalInt(s.plan_id), s.scenario_json, OptionalInt(s.created_by),
                              ToMillis(s.created_at), ToMillis(s.updated_at)})
                  ->Int(0);
  return stored;
}

bool SqlScenarioRepository::Update(std::int64_t ws, const SavedScenario& s) {
  auto lease = db_.Acquire();
  return lease->Execute(sql::kUpdate,
                        {ws, s.id, s.name, s.description, OptionalText(s.municipality_code),
                         OptionalInt(s.plan_id), s.scenario_json, ToMillis(s.updated_at)}) > 0;
}

std::optional<SavedScenario> SqlScenarioRepository::Find(std::int64_t ws, std::int64_t id) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(sql::kFind, {ws, id});
  if (!row) return std::nullopt;
  return ScenarioFrom(*row);
}

std::vector<SavedScenario> SqlScenarioRepository::List(
    std::int64_t ws, const core::financing::ScenarioQuery& query) {
  auto lease = db_.Acquire();
  std::vector<SavedScenario> out;
  for (const Row& r : lease->Query(
           sql::kList, {ws, OptionalText(query.municipality_code), OptionalInt(query.plan_id)})) {
    out.push_back(ScenarioFrom(r));
  }
  return out;
}

bool SqlScenarioRepository::Delete(std::int64_t ws, std::int64_t id) {
  auto lease = db_.Acquire();
  return lease->Execute(sql::kDelete, {ws, id}) > 0;
}

bool SqlScenarioRepository::PlanExists(std::int64_t ws, std::int64_t plan_id) {
  auto lease = db_.Acquire();
  return lease->QueryOne(sql::kPlan, {ws, plan_id}).has_value();
}

bool SqlScenarioRepository::MunicipalityExists(const std::string& code) {
  auto lease = db_.Acquire();
  return lease->QueryOne(sql::kMunicipality, {code}).has_value();
}

}  // namespace aantafel::storage

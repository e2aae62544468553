#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/financing/scenario_json.hpp"

namespace aantafel::core::financing {

/// A scenario a workspace keeps, optionally linked to a municipality and one of its plans, so the
/// figures for a conversation with that municipality can be found and reproduced (runs and seed
/// are part of the scenario).
struct SavedScenario {
  std::int64_t id = 0;
  std::string name;
  std::string description;
  std::optional<std::string> municipality_code;
  std::optional<std::string> municipality_name;  ///< filled in when read
  std::optional<std::int64_t> plan_id;
  std::optional<std::string> plan_title;  ///< filled in when read
  std::string scenario_json;              ///< the scenario as accepted (compact JSON text)
  std::optional<std::int64_t> created_by;
  Instant created_at{};
  Instant updated_at{};
};

struct ScenarioQuery {
  std::optional<std::string> municipality_code;
  std::optional<std::int64_t> plan_id;
};

/// Port: saved scenarios. Every call names the workspace.
class ScenarioRepository {
 public:
  virtual ~ScenarioRepository() = default;
  virtual SavedScenario Add(std::int64_t ws, const SavedScenario& scenario) = 0;
  virtual bool Update(std::int64_t ws, const SavedScenario& scenario) = 0;
  virtual std::optional<SavedScenario> Find(std::int64_t ws, std::int64_t id) = 0;
  /// Newest change first.
  virtual std::vector<SavedScenario> List(std::int64_t ws, const ScenarioQuery& query) = 0;
  virtual bool Delete(std::int64_t ws, std::int64_t id) = 0;
  virtual bool PlanExists(std::int64_t ws, std::int64_t plan_id) = 0;
  virtual bool MunicipalityExists(const std::string& code) = 0;
};

}  // namespace aantafel::core::financing

#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/accounts/model.hpp"
#include "core/clock.hpp"
#include "core/financing/ports.hpp"
#include "core/financing/scenario_json.hpp"
#include "core/result.hpp"

namespace aantafel::core::financing {

/// What a user sends to save or replace a scenario. (clang-tidy 14 counts the invariant check in
/// nlohmann::json's noexcept move constructor as a throw.)
struct SavedScenarioInput {  // NOLINT(bugprone-exception-escape)
  std::string name;
  std::string description;
  std::optional<std::string> municipality_code;
  std::optional<std::int64_t> plan_id;
  nlohmann::json scenario;  ///< the JSON object of docs/financing.md
};

/// Use cases of saved Bekostiging scenarios. Who may write is the router's decision (editors);
/// this checks content and links.
class ScenarioService {
 public:
  ScenarioService(ScenarioRepository& repository, const Clock& clock)
      : repository_(repository), clock_(clock) {}

  /// Errors: kInvalidInput naming "name", "description", "municipality_code", "plan_id" or
  /// "scenario.<path>" (the scenario's own checks, see ParseScenarioObject).
  Result<SavedScenario> Save(const accounts::WorkspaceAccess& access,
                             const SavedScenarioInput& input);
  Result<SavedScenario> Replace(const accounts::WorkspaceAccess& access, std::int64_t id,
                                const SavedScenarioInput& input);
  Result<SavedScenario> Get(const accounts::WorkspaceAccess& access, std::int64_t id);
  std::vector<SavedScenario> List(const accounts::WorkspaceAccess& access,
                                  const ScenarioQuery& query);
  Status Delete(const accounts::WorkspaceAccess& access, std::int64_t id);

 private:
  Result<SavedScenario> Check(std::int64_t ws, const SavedScenarioInput& input);

  ScenarioRepository& repository_;
  const Clock& clock_;
};

/// The stored scenario as a request again (it was valid when saved; a later, stricter model may
/// refuse it, which is reported like any invalid scenario).
Result<ScenarioRequest> RequestOf(const SavedScenario& saved);

}  // namespace aantafel::core::financing

#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>

#include "core/financing/model.hpp"
#include "core/financing/simulate.hpp"
#include "core/result.hpp"

namespace aantafel::core::financing {

/// A scenario file or request body: the scenario plus how to simulate it.
struct ScenarioRequest {
  Scenario scenario;
  std::int64_t runs = 10'000;
  std::uint64_t seed = 1;
};

/// Reads the JSON form shared by the API and `aantafel simulate --scenario` (see
/// docs/financing.md). Every problem is named by its path ("variants[1].price_per_unit"); unknown
/// keys are refused. The scenario is validated too.
Result<ScenarioRequest> ParseScenario(std::string_view json_text);
/// The same, from an already parsed JSON object.
Result<ScenarioRequest> ParseScenarioObject(const nlohmann::json& body);

/// The summary as JSON (numbers rounded to cents, probabilities to 4 decimals).
nlohmann::json SummaryJson(const Summary& summary);

}  // namespace aantafel::core::financing

#pragma once

#include "core/financing/ports.hpp"
#include "core/financing/scenarios.hpp"
#include "storage/database.hpp"

namespace aantafel::storage {

/// Saved Bekostiging scenarios on SQL (both dialects).
class SqlScenarioRepository final : public core::financing::ScenarioRepository {
 public:
  explicit SqlScenarioRepository(Database& db) : db_(db) {}

  core::financing::SavedScenario Add(std::int64_t ws,
                                     const core::financing::SavedScenario& s) override;
  bool Update(std::int64_t ws, const core::financing::SavedScenario& s) override;
  std::optional<core::financing::SavedScenario> Find(std::int64_t ws, std::int64_t id) override;
  std::vector<core::financing::SavedScenario> List(
      std::int64_t ws, const core::financing::ScenarioQuery& query) override;
  bool Delete(std::int64_t ws, std::int64_t id) override;
  bool PlanExists(std::int64_t ws, std::int64_t plan_id) override;
  bool MunicipalityExists(const std::string& code) override;

 private:
  Database& db_;
};

}  // namespace aantafel::storage

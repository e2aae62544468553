#pragma once

#include "core/calendar/ports.hpp"
#include "storage/database.hpp"

namespace aantafel::storage {

/// PlanRepository on SQL (both dialects).
class SqlPlanRepository final : public core::calendar::PlanRepository {
 public:
  explicit SqlPlanRepository(Database& db) : db_(db) {}

  core::calendar::Plan AddPlan(std::int64_t ws, const core::calendar::Plan& plan) override;
  bool UpdatePlan(std::int64_t ws, const core::calendar::Plan& plan) override;
  std::optional<core::calendar::Plan> FindPlan(std::int64_t ws, std::int64_t id) override;
  std::vector<core::calendar::Plan> ListPlans(std::int64_t ws) override;
  bool DeletePlan(std::int64_t ws, std::int64_t id) override;

  core::calendar::MunicipalityCycle CycleOf(std::int64_t ws, std::int64_t organisation_id) override;
  void SetCycleDate(std::int64_t ws, std::int64_t organisation_id, std::string_view event, int year,
                    std::optional<core::CivilDate> date, core::Instant now) override;
  void SetMergedOn(std::int64_t ws, std::int64_t organisation_id,
                   std::optional<core::CivilDate> merged_on, core::Instant now) override;
  core::calendar::CustomEvent AddCustomEvent(std::int64_t ws, std::int64_t organisation_id,
                                             const core::calendar::CustomEvent& event,
                                             core::Instant now) override;
  bool DeleteCustomEvent(std::int64_t ws, std::int64_t organisation_id, std::int64_t id) override;

  core::calendar::CalendarFeed AddFeed(const core::calendar::CalendarFeed& feed,
                                       std::string_view token_hash) override;
  std::vector<core::calendar::CalendarFeed> ListFeeds(std::int64_t ws,
                                                      std::int64_t user_id) override;
  bool DeleteFeed(std::int64_t ws, std::int64_t user_id, std::int64_t id) override;
  std::optional<core::calendar::CalendarFeed> FindFeed(std::string_view token_hash) override;

 private:
  std::vector<core::calendar::Plan> PlansWhere(std::string_view where,
                                               std::initializer_list<Value> params);
  Database& db_;
};

}  // namespace aantafel::storage

#pragma once
// An in-memory Beleidskalender repository for unit tests of core services (see
// memory_whoiswho.hpp): plans, actual cycle dates, own events and feeds per workspace.

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/calendar/ports.hpp"
#include "memory_rows.hpp"

namespace aantafel::testing {

class MemoryPlans final : public core::calendar::PlanRepository {
 public:
  using Plan = core::calendar::Plan;
  using CalendarFeed = core::calendar::CalendarFeed;

  /// The slug FindFeed reports for a workspace (the real store joins the workspaces table).
  std::map<std::int64_t, std::string> slugs;

  Plan AddPlan(std::int64_t ws, const Plan& plan) override {
    return plans_.Add(ws, plan, next_id_);
  }
  bool UpdatePlan(std::int64_t ws, const Plan& plan) override { return plans_.Replace(ws, plan); }
  std::optional<Plan> FindPlan(std::int64_t ws, std::int64_t id) override {
    return plans_.Find(ws, id);
  }
  std::vector<Plan> ListPlans(std::int64_t ws) override {
    auto out = plans_.All(ws);
    std::stable_sort(out.begin(), out.end(), [](const Plan& a, const Plan& b) {
      return std::pair(a.budget_year, a.title) < std::pair(b.budget_year, b.title);
    });
    return out;
  }
  bool DeletePlan(std::int64_t ws, std::int64_t id) override { return plans_.Erase(ws, id); }

  core::calendar::MunicipalityCycle CycleOf(std::int64_t ws,
                                            std::int64_t organisation_id) override {
    return cycles_[{ws, organisation_id}];
  }
  void SetCycleDate(std::int64_t ws, std::int64_t organisation_id, std::string_view event, int year,
                    std::optional<core::CivilDate> date, core::Instant /*now*/) override {
    auto& actual = cycles_[{ws, organisation_id}].actual;
    if (date) {
      actual[{std::string(event), year}] = *date;
    } else {
      actual.erase({std::string(event), year});
    }
  }
  void SetMergedOn(std::int64_t ws, std::int64_t organisation_id,
                   std::optional<core::CivilDate> merged_on, core::Instant /*now*/) override {
    cycles_[{ws, organisation_id}].merged_on = merged_on;
  }
  core::calendar::CustomEvent AddCustomEvent(std::int64_t ws, std::int64_t organisation_id,
                                             const core::calendar::CustomEvent& event,
                                             core::Instant /*now*/) override {
    auto& custom = cycles_[{ws, organisation_id}].custom;
    core::calendar::CustomEvent stored = event;
    stored.id = ++next_id_;
    custom.push_back(stored);
    std::stable_sort(custom.begin(), custom.end(),
                     [](const auto& a, const auto& b) { return a.date < b.date; });
    return stored;
  }
  bool DeleteCustomEvent(std::int64_t ws, std::int64_t organisation_id, std::int64_t id) override {
    auto& custom = cycles_[{ws, organisation_id}].custom;
    return std::erase_if(custom, [&](const auto& e) { return e.id == id; }) > 0;
  }

  CalendarFeed AddFeed(const CalendarFeed& feed, std::string_view token_hash) override {
    CalendarFeed stored = feed;
    stored.id = ++next_id_;
    feeds_[std::string(token_hash)] = stored;
    return stored;
  }
  std::vector<CalendarFeed> ListFeeds(std::int64_t ws, std::int64_t user_id) override {
    std::vector<CalendarFeed> out;
    for (const auto& [hash, feed] : feeds_) {
      if (feed.workspace_id == ws && feed.user_id == user_id) out.push_back(feed);
    }
    return out;
  }
  bool DeleteFeed(std::int64_t ws, std::int64_t user_id, std::int64_t id) override {
    return std::erase_if(feeds_, [&](const auto& row) {
             return row.second.workspace_id == ws && row.second.user_id == user_id &&
                    row.second.id == id;
           }) > 0;
  }
  std::optional<CalendarFeed> FindFeed(std::string_view token_hash) override {
    auto it = feeds_.find(std::string(token_hash));
    if (it == feeds_.end()) return std::nullopt;
    CalendarFeed found = it->second;
    found.workspace_slug = slugs[found.workspace_id];
    return found;
  }

 private:
  std::int64_t next_id_ = 0;
  WorkspaceRows<Plan> plans_;
  std::map<std::pair<std::int64_t, std::int64_t>, core::calendar::MunicipalityCycle> cycles_;
  std::map<std::string, CalendarFeed> feeds_;  // token hash → feed
};

}  // namespace aantafel::testing

#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/accounts/model.hpp"
#include "core/calendar/plan.hpp"
#include "core/civil_date.hpp"
#include "core/clock.hpp"

namespace aantafel::core::calendar {

/// Port: plans, actual cycle dates and calendar feeds. Every call names the workspace.
class PlanRepository {
 public:
  virtual ~PlanRepository() = default;

  virtual Plan AddPlan(std::int64_t ws, const Plan& plan) = 0;
  /// Replaces the plan's fields and municipalities; false when there is no such plan.
  virtual bool UpdatePlan(std::int64_t ws, const Plan& plan) = 0;
  virtual std::optional<Plan> FindPlan(std::int64_t ws, std::int64_t id) = 0;
  /// All plans, by budget year then title.
  virtual std::vector<Plan> ListPlans(std::int64_t ws) = 0;
  virtual bool DeletePlan(std::int64_t ws, std::int64_t id) = 0;

  /// The merger date, actual dates and own events a workspace entered for a municipality.
  virtual MunicipalityCycle CycleOf(std::int64_t ws, std::int64_t organisation_id) = 0;
  /// Sets (or, with nullopt, removes) the actual date of one event in one year.
  virtual void SetCycleDate(std::int64_t ws, std::int64_t organisation_id, std::string_view event,
                            int year, std::optional<CivilDate> date, Instant now) = 0;
  virtual void SetMergedOn(std::int64_t ws, std::int64_t organisation_id,
                           std::optional<CivilDate> merged_on, Instant now) = 0;
  virtual CustomEvent AddCustomEvent(std::int64_t ws, std::int64_t organisation_id,
                                     const CustomEvent& event, Instant now) = 0;
  virtual bool DeleteCustomEvent(std::int64_t ws, std::int64_t organisation_id,
                                 std::int64_t id) = 0;

  virtual CalendarFeed AddFeed(const CalendarFeed& feed, std::string_view token_hash) = 0;
  virtual std::vector<CalendarFeed> ListFeeds(std::int64_t ws, std::int64_t user_id) = 0;
  virtual bool DeleteFeed(std::int64_t ws, std::int64_t user_id, std::int64_t id) = 0;
  virtual std::optional<CalendarFeed> FindFeed(std::string_view token_hash) = 0;
};

/// One event in a feed: whole days, or at a time when `starts_at` is set.
struct FeedEvent {
  std::string uid;  ///< stable across refreshes, so calendars update instead of duplicating
  CivilDate first_day;
  CivilDate last_day;  ///< inclusive
  std::string summary;
  std::string description;
  /// Where the event is handled in the app, inside the workspace ("/relations/agreements/7");
  /// the feed writer puts the server's public address and the workspace before it. May be empty.
  std::string page;
  std::optional<Instant> starts_at;  ///< a timed event (UTC) instead of whole days
  std::optional<Instant> ends_at;    ///< default: two hours after the start
  std::string location;
  bool cancelled = false;  ///< STATUS:CANCELLED, so subscribed calendars strike it through
};

/// Whose feed is being read: the owner as a reader of the feed's workspace, and today's date.
struct FeedOwner {
  accounts::WorkspaceAccess reader;
  CivilDate today;
};

/// Port: one module's events in a member's feed.
class FeedEventSource {
 public:
  virtual ~FeedEventSource() = default;
  virtual void Gather(const FeedOwner& owner, std::vector<FeedEvent>& out) = 0;
};

}  // namespace aantafel::core::calendar

#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/accounts/model.hpp"
#include "core/accounts/ports.hpp"
#include "core/calendar/feed.hpp"
#include "core/calendar/plan.hpp"
#include "core/calendar/ports.hpp"
#include "core/calendar/rules.hpp"
#include "core/random.hpp"
#include "core/rate_limiter.hpp"
#include "core/result.hpp"
#include "core/whoiswho/ports.hpp"

namespace aantafel::core::calendar {

/// A plan as typed by a user.
struct PlanInput {
  std::string title;
  std::string description;
  std::string core_message;
  std::string domain;
  std::int64_t budget_year = 0;
  std::optional<std::int64_t> budget_needed;
  std::string status = "idea";
  std::string phase = "agenda_setting";
  std::vector<std::int64_t> organisation_ids;
};

/// A partial change of a plan: absent fields keep their value.
struct PlanPatch {
  std::optional<std::string> title;
  std::optional<std::string> description;
  std::optional<std::string> core_message;
  std::optional<std::string> domain;
  std::optional<std::int64_t> budget_year;
  std::optional<std::optional<std::int64_t>> budget_needed;
  std::optional<std::string> status;
  std::optional<std::string> phase;
  std::optional<std::vector<std::int64_t>> organisation_ids;
};

/// A plan's schedule in one municipality.
struct MunicipalitySchedule {
  whoiswho::Organisation organisation;
  PlanSchedule schedule;
};

/// One municipality's cycle in one year.
struct MunicipalityYear {
  whoiswho::Organisation organisation;
  std::optional<CivilDate> merged_on;
  std::vector<CycleEvent> events;
};

/// Something coming up: a cycle event of a municipality, or a plan window opening or closing.
struct UpcomingItem {
  CivilDate date;
  whoiswho::Organisation organisation;
  std::optional<CycleEvent> event;  ///< a cycle event
  std::optional<Plan> plan;         ///< or a plan window
  std::optional<Window> window;
};

/// A feed just created: the URL token is shown once.
struct IssuedFeed {
  CalendarFeed feed;
  std::string token;
};

/// Use cases of the Beleidskalender.
class PolicyCalendarService {
 public:
  PolicyCalendarService(PlanRepository& plans, whoiswho::WhoIsWhoRepository& whoiswho,
                        accounts::Crypto& crypto, Random& random, const Clock& clock,
                        const CycleRules& rules);

  std::vector<Plan> ListPlans(const accounts::WorkspaceAccess& access);
  Result<Plan> AddPlan(const accounts::WorkspaceAccess& access, const PlanInput& input);
  Result<Plan> UpdatePlan(const accounts::WorkspaceAccess& access, std::int64_t id,
                          const PlanPatch& patch);
  Result<Plan> GetPlan(const accounts::WorkspaceAccess& access, std::int64_t id);
  Status DeletePlan(const accounts::WorkspaceAccess& access, std::int64_t id);
  /// The plan's windows in each of its municipalities.
  Result<std::vector<MunicipalitySchedule>> Schedule(const accounts::WorkspaceAccess& access,
                                                     std::int64_t plan_id);

  Result<MunicipalityYear> Cycle(const accounts::WorkspaceAccess& access,
                                 std::int64_t organisation_id, std::int64_t year);
  /// Sets the actual date of an event (empty `date` returns to the rule's default).
  Status SetCycleDate(const accounts::WorkspaceAccess& access, std::int64_t organisation_id,
                      std::string_view event, std::int64_t year, std::string_view date);
  Status SetMergedOn(const accounts::WorkspaceAccess& access, std::int64_t organisation_id,
                     std::string_view merged_on);
  /// Adds an event of the workspace's own to a municipality's calendar.
  Result<CustomEvent> AddCustomEvent(const accounts::WorkspaceAccess& access,
                                     std::int64_t organisation_id, std::string_view date,
                                     std::string_view title, std::string_view note);
  Status DeleteCustomEvent(const accounts::WorkspaceAccess& access, std::int64_t organisation_id,
                           std::int64_t id);
  /// Cycle events and plan windows of all the workspace's municipalities in the next `days`.
  Result<std::vector<UpcomingItem>> Upcoming(const accounts::WorkspaceAccess& access,
                                             std::int64_t days);

  Result<IssuedFeed> CreateFeed(const accounts::WorkspaceAccess& access, std::string_view label);
  std::vector<CalendarFeed> ListFeeds(const accounts::WorkspaceAccess& access);
  Status RevokeFeed(const accounts::WorkspaceAccess& access, std::int64_t id);
  /// Adds a module's events to every member's feed. The source must outlive the service.
  void AddFeedSource(FeedEventSource& source) { feed_sources_.push_back(&source); }
  /// The feed behind a secret token: the municipalities' cycle events this year and next, the
  /// plans' windows, then every registered module's events. kNotFound for unknown or revoked
  /// tokens, kRateLimited when `client` (an IP address) asks too often.
  Result<MemberFeed> Feed(std::string_view token, const std::string& client);

  [[nodiscard]] CivilDate Today() const;
  [[nodiscard]] Instant Now() const { return clock_.Now(); }
  [[nodiscard]] const CycleRules& rules() const { return rules_; }

 private:
  Result<whoiswho::Organisation> Municipality(std::int64_t ws, std::int64_t organisation_id);
  std::vector<MunicipalitySchedule> SchedulesOf(std::int64_t ws, const Plan& plan);
  /// A municipality's cycle event as a feed event (Dutch text, how sure the date is).
  FeedEvent CycleFeedEvent(const whoiswho::Organisation& org, const CycleEvent& e) const;
  Result<Plan> Checked(std::int64_t ws, const PlanInput& input);

  PlanRepository& plans_;
  whoiswho::WhoIsWhoRepository& whoiswho_;
  accounts::Crypto& crypto_;
  Random& random_;
  const Clock& clock_;
  const CycleRules& rules_;
  RateLimiter feed_limiter_;
  std::vector<FeedEventSource*> feed_sources_;
};

}  // namespace aantafel::core::calendar

#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/calendar/rules.hpp"
#include "core/civil_date.hpp"

namespace aantafel::core::calendar {

/// An event a workspace added to a municipality's calendar.
struct CustomEvent {
  std::int64_t id = 0;
  CivilDate date;
  std::string title;
  std::string note;
};

/// What a workspace knows about one municipality's actual cycle.
struct MunicipalityCycle {
  /// The day the municipality is formed by a merger (1 January); its council is elected in the
  /// November before.
  std::optional<CivilDate> merged_on;
  /// Actual dates that replace the rule's default: (event id, year) → date.
  std::map<std::pair<std::string, int>, CivilDate> actual;
  std::vector<CustomEvent> custom;  ///< by date
};

/// One event in one municipality's year.
struct CycleEvent {
  std::string id;
  CivilDate date;
  std::optional<CivilDate> until;  ///< for periods (coalition agreement, kadernota drafting)
  Basis basis = Basis::kTypical;
  bool actual = false;                ///< the workspace entered the real date
  std::optional<CustomEvent> custom;  ///< set for events the workspace added (id "custom:N")
};

/// The events of `year`, by date: defaults from the rules, replaced by actual dates where known,
/// and the workspace's own events.
std::vector<CycleEvent> CycleForYear(const CycleRules& rules, const MunicipalityCycle& cycle,
                                     int year);

/// The election in `year` (regular in March, or a merger election in November), if any.
std::optional<CycleEvent> ElectionIn(const CycleRules& rules, const MunicipalityCycle& cycle,
                                     int year);

/// A moment to act for a plan, with why.
struct Window {
  std::string id;  ///< party_programmes, adviser, alderman, coalition_agreement, council_parties,
                   ///< kadernota_vote, begroting (fallback)
  CivilDate from;
  CivilDate to;
  std::string rule;  ///< the cycle event it is derived from
};

/// Where a plan stands today against its target budget year.
enum class Timing {
  kOnTime,        ///< the first window (the beleidsadviseur) is still open or ahead
  kLate,          ///< the adviser window has passed, the kadernota can still be reached
  kFallbackOnly,  ///< only the budget debate (amendments, motions) is left
  kTooLate,       ///< the budget for that year is decided
};

std::string_view ToString(Timing timing);

/// The windows of a plan that needs money in `budget_year`, in one municipality.
struct PlanSchedule {
  int budget_year = 0;
  bool election_year = false;  ///< the kadernota falls in an election year: it is thin
  std::vector<Window> windows;
  Timing timing = Timing::kOnTime;
  std::optional<int> earliest_feasible_year;  ///< set when kTooLate
};

/// New policy with money must be in the kadernota of the year before the budget year; ideas
/// reach the beleidsadviseur in Q4 and the wethouder in Q1 before it; council parties before
/// the kadernota vote; the budget debate is the fallback. In an election year the coalition
/// agreement (and, before it, the party programmes) matter more than the kadernota.
PlanSchedule ScheduleFor(const CycleRules& rules, const MunicipalityCycle& cycle, int budget_year,
                         CivilDate today);

}  // namespace aantafel::core::calendar

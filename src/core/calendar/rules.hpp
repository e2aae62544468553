#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/result.hpp"

namespace aantafel::core::calendar {

/// Whether a date is set by law, is what municipalities usually do, or was added by a workspace.
enum class Basis { kLegal, kTypical, kOwn };

std::string_view ToString(Basis basis);

/// Dutch and English text of one knowledge item.
struct Text {
  std::string nl;
  std::string en;

  [[nodiscard]] const std::string& In(bool english) const { return english ? en : nl; }
};

/// Where a rule comes from.
struct Source {
  std::string title;
  std::string publisher;
  int year = 0;
};

/// A day in a year: a fixed month/day, or the first `weekday` (1 = Monday … 7 = Sunday) between
/// `from_day` and `to_day` of the month.
struct DayRule {
  int month = 1;
  int day = 1;
  std::optional<int> weekday;
  int from_day = 1;
  int to_day = 31;
};

/// The day `rule` gives in `year`.
CivilDate DayIn(const DayRule& rule, int year);

/// One event of the municipal cycle (knowledge/policy_cycle.json).
struct EventRule {
  std::string id;
  Basis basis = Basis::kTypical;
  std::string source;
  std::optional<DayRule> date;  ///< the day in each year it happens
  int every_years = 1;          ///< e.g. 4 for council elections
  int reference_year = 0;       ///< a year it happens, when every_years > 1
  std::string after_event;      ///< or: relative to another event of the same year
  int days_after = 0;
  std::optional<DayRule> window_until;  ///< the event is a period ending on this day
  int window_days = 0;                  ///< or: a period of this many days
  Text label;
  Text explain;
};

/// The text of a kind of plan window (adviser, alderman, …).
struct WindowText {
  Text label;
  Text explain;
};

/// The whole rule set.
struct CycleRules {
  std::map<std::string, Source> sources;
  std::vector<EventRule> events;
  EventRule merger_election;
  std::map<std::string, WindowText> windows;

  /// The rule of an event id, the merger election's included; null when unknown.
  [[nodiscard]] const EventRule* Find(std::string_view id) const;
};

/// Reads and checks knowledge/policy_cycle.json: every field typed, every source and referenced
/// event known, dates real. Errors name the item ("events[3].date.month").
Result<CycleRules> ParseCycleRules(std::string_view json);

/// The rules built into the binary (parsed once; a broken file fails the build's tests).
const CycleRules& BuiltInCycleRules();

}  // namespace aantafel::core::calendar

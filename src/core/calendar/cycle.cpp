#include "core/calendar/cycle.hpp"

#include <algorithm>

namespace aantafel::core::calendar {

namespace {

CivilDate FirstOfMonth(CivilDate d) { return {.year = d.year, .month = d.month, .day = 1}; }

CivilDate AddMonths(CivilDate d, int months) {
  int index = d.year * 12 + (d.month - 1) + months;
  const int year = index / 12;
  const int month = index % 12 + 1;
  return {.year = year, .month = month, .day = std::min(d.day, DaysInMonth(year, month))};
}

CivilDate LastOfMonth(CivilDate d) {
  return {.year = d.year, .month = d.month, .day = DaysInMonth(d.year, d.month)};
}

bool HappensIn(const EventRule& rule, int year) {
  if (rule.every_years <= 1) return true;
  return ((year - rule.reference_year) % rule.every_years + rule.every_years) % rule.every_years ==
         0;
}

/// The default of one event, given the events of the year computed so far.
std::optional<CycleEvent> Default(const EventRule& rule, int year,
                                  const std::vector<CycleEvent>& so_far) {
  CycleEvent event{.id = rule.id, .basis = rule.basis};
  if (!rule.after_event.empty()) {
    auto base = std::find_if(so_far.begin(), so_far.end(),
                             [&](const CycleEvent& e) { return e.id == rule.after_event; });
    if (base == so_far.end()) return std::nullopt;
    event.date = base->date.AddDays(rule.days_after);
  } else {
    if (!HappensIn(rule, year)) return std::nullopt;
    event.date = DayIn(*rule.date, year);
  }
  if (rule.window_until) event.until = DayIn(*rule.window_until, event.date.year);
  if (rule.window_days > 0) event.until = event.date.AddDays(rule.window_days);
  return event;
}

void ApplyActual(CycleEvent& event, const MunicipalityCycle& cycle, int year) {
  if (auto it = cycle.actual.find({event.id, year}); it != cycle.actual.end()) {
    if (event.until)
      event.until = it->second.AddDays(event.until->DaysSinceEpoch() - event.date.DaysSinceEpoch());
    event.date = it->second;
    event.actual = true;
  }
}

/// A merger municipality formed on 1 January of `year` + 1 votes in November of `year`.
bool MergerElectionIn(const MunicipalityCycle& cycle, int year) {
  return cycle.merged_on && cycle.merged_on->year == year + 1;
}

const CycleEvent* Find(const std::vector<CycleEvent>& events, std::string_view id) {
  for (const CycleEvent& e : events) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

}  // namespace

std::string_view ToString(Timing timing) {
  switch (timing) {
    case Timing::kOnTime: return "on_time";
    case Timing::kLate: return "late";
    case Timing::kFallbackOnly: return "fallback_only";
    case Timing::kTooLate: return "too_late";
  }
  return "on_time";
}

std::vector<CycleEvent> CycleForYear(const CycleRules& rules, const MunicipalityCycle& cycle,
                                     int year) {
  std::vector<CycleEvent> events;
  for (const EventRule& rule : rules.events) {
    auto event = Default(rule, year, events);
    if (!event) continue;
    ApplyActual(*event, cycle, year);
    events.push_back(std::move(*event));
  }
  if (MergerElectionIn(cycle, year)) {
    auto event = Default(rules.merger_election, year, events);
    if (event) {
      ApplyActual(*event, cycle, year);
      events.push_back(std::move(*event));
    }
  }
  for (const CustomEvent& c : cycle.custom) {
    if (c.date.year != year) continue;
    events.push_back({.id = "custom:" + std::to_string(c.id),
                      .date = c.date,
                      .basis = Basis::kOwn,
                      .actual = true,
                      .custom = c});
  }
  std::stable_sort(events.begin(), events.end(),
                   [](const CycleEvent& a, const CycleEvent& b) { return a.date < b.date; });
  return events;
}

std::optional<CycleEvent> ElectionIn(const CycleRules& rules, const MunicipalityCycle& cycle,
                                     int year) {
  const auto events = CycleForYear(rules, cycle, year);
  for (const char* id : {"council_election", "merger_election"}) {
    if (const CycleEvent* e = Find(events, id)) return *e;
  }
  return std::nullopt;
}

PlanSchedule ScheduleFor(const CycleRules& rules, const MunicipalityCycle& cycle, int budget_year,
                         CivilDate today) {
  PlanSchedule schedule{.budget_year = budget_year};
  // The budget for year Y is decided in year Y − 1: kadernota in spring, begroting in autumn.
  const int year = budget_year - 1;
  const auto events = CycleForYear(rules, cycle, year);
  const CycleEvent& drafting = *Find(events, "kadernota_drafting");
  const CycleEvent& publication = *Find(events, "kadernota_publication");
  const CycleEvent& vote = *Find(events, "kadernota_vote");
  const CycleEvent& budget_publication = *Find(events, "begroting_publication");
  const CycleEvent& budget_vote = *Find(events, "begroting_vote");

  // An election in March of that year, or a merger election in the November before, means a
  // new council writes a coalition agreement in that year.
  std::optional<CycleEvent> election = ElectionIn(rules, cycle, year);
  if (election && election->id != "council_election") election.reset();
  if (!election) {
    if (auto merger = ElectionIn(rules, cycle, year - 1); merger && merger->id == "merger_election")
      election = merger;
  }
  schedule.election_year = election.has_value();
  auto add = [&](std::string id, CivilDate from, CivilDate to, std::string rule) {
    schedule.windows.push_back(
        {.id = std::move(id), .from = from, .to = std::max(from, to), .rule = std::move(rule)});
  };
  if (election) {
    // Parties write their programmes in the months before the election.
    add("party_programmes", FirstOfMonth(AddMonths(election->date, -9)),
        LastOfMonth(AddMonths(election->date, -3)), election->id);
  }
  add("adviser", CivilDate{.year = year - 1, .month = 10, .day = 1},
      CivilDate{.year = year - 1, .month = 12, .day = 31}, drafting.id);
  add("alderman", CivilDate{.year = year, .month = 1, .day = 1},
      std::min(drafting.until.value_or(drafting.date), publication.date.AddDays(-1)), drafting.id);
  if (election) {
    // A merger council is installed on the merger day; a March council two weeks after voting.
    CivilDate installed = election->date.AddDays(14);
    if (election->id == "merger_election") installed = *cycle.merged_on;
    if (const CycleEvent* i = Find(events, "council_installation");
        i && election->id != "merger_election") {
      installed = i->date;
    }
    const EventRule* coalition = rules.Find("coalition_agreement");
    add("coalition_agreement", installed,
        installed.AddDays(coalition ? coalition->window_days : 120), "coalition_agreement");
  }
  add("council_parties", publication.date.AddDays(-28), vote.date.AddDays(-1), publication.id);
  add("kadernota_vote", vote.date, vote.date, vote.id);
  add("begroting", budget_publication.date, budget_vote.date, budget_vote.id);
  std::stable_sort(schedule.windows.begin(), schedule.windows.end(),
                   [](const Window& a, const Window& b) { return a.from < b.from; });

  const CivilDate adviser_end{.year = year - 1, .month = 12, .day = 31};
  if (today <= adviser_end) {
    schedule.timing = Timing::kOnTime;
  } else if (today < vote.date) {
    schedule.timing = Timing::kLate;
  } else if (today <= budget_vote.date) {
    schedule.timing = Timing::kFallbackOnly;
  } else {
    schedule.timing = Timing::kTooLate;
    // The first later budget year whose kadernota can still be reached.
    for (int candidate = budget_year + 1; candidate <= budget_year + 5; ++candidate) {
      const auto later = CycleForYear(rules, cycle, candidate - 1);
      if (today < Find(later, "kadernota_vote")->date) {
        schedule.earliest_feasible_year = candidate;
        break;
      }
    }
  }
  return schedule;
}

}  // namespace aantafel::core::calendar

#include "core/calendar/rules.hpp"

#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

#include "core/knowledge.hpp"
#include "core/knowledge_reader.hpp"

namespace aantafel::core::calendar {

namespace {

using nlohmann::json;

using Reader = KnowledgeReader;

Text ReadText(Reader& parent, const char* key, FieldErrors& /*errors*/) { return parent.Text(key); }

std::optional<DayRule> ReadDay(Reader& parent, const char* key, FieldErrors& errors) {
  const json* v = parent.Get(key, false);
  if (v == nullptr) return std::nullopt;
  Reader r(*v, parent.Path(key), errors);
  DayRule day;
  day.month = r.Int("month", 1, 12, 1, true);
  if (r.Get("weekday", false) != nullptr) {
    day.weekday = r.Int("weekday", 1, 7, 1);
    day.from_day = r.Int("from_day", 1, 28, 1, true);
    day.to_day = r.Int("to_day", day.from_day + 6, 31, 31, true);
  } else {
    // Days that exist in every year (no 29 February).
    day.day = r.Int("day", 1, DaysInMonth(2001, day.month), 1, true);
  }
  return day;
}

EventRule ReadEvent(const json& item, const std::string& path, FieldErrors& errors) {
  Reader r(item, path, errors);
  EventRule e;
  e.id = r.String("id", false);
  const std::string basis = r.String("basis");
  if (basis == "legal") {
    e.basis = Basis::kLegal;
  } else if (basis != "typical") {
    errors.Add(r.Path("basis"), FieldIssue::kInvalidChoice);
  }
  e.source = r.String("source");
  e.date = ReadDay(r, "date", errors);
  e.every_years = r.Int("every_years", 1, 10, 1);
  e.reference_year = r.Int("reference_year", 1900, 2200, 0, e.every_years > 1);
  e.after_event = r.String("after_event", false);
  e.days_after = r.Int("days_after", 0, 366, 0);
  e.window_until = ReadDay(r, "window_until", errors);
  e.window_days = r.Int("window_days", 0, 366, 0);
  if (!e.date && e.after_event.empty()) errors.Add(r.Path("date"), FieldIssue::kRequired);
  e.label = ReadText(r, "label", errors);
  e.explain = ReadText(r, "explain", errors);
  return e;
}

}  // namespace

std::string_view ToString(Basis basis) {
  switch (basis) {
    case Basis::kLegal: return "legal";
    case Basis::kTypical: return "typical";
    case Basis::kOwn: return "own";
  }
  return "typical";
}

CivilDate DayIn(const DayRule& rule, int year) {
  if (!rule.weekday) return {.year = year, .month = rule.month, .day = rule.day};
  CivilDate first{.year = year, .month = rule.month, .day = rule.from_day};
  // 1970-01-01 was a Thursday (weekday 4).
  const long weekday = ((first.DaysSinceEpoch() % 7) + 7 + 3) % 7 + 1;
  const long shift = (*rule.weekday - weekday + 7) % 7;
  return first.AddDays(shift);
}

const EventRule* CycleRules::Find(std::string_view id) const {
  if (!merger_election.id.empty() && id == merger_election.id) return &merger_election;
  for (const EventRule& e : events) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

Result<CycleRules> ParseCycleRules(std::string_view text) {
  FieldErrors errors;
  const json document = json::parse(text, nullptr, false);
  if (document.is_discarded() || !document.is_object()) {
    return Error::Field("policy_cycle", FieldIssue::kInvalidFormat);
  }
  Reader root(document, "policy_cycle", errors);
  if (root.Int("schema", 1, 1, 0, true) != 1) return std::move(errors).ToError();
  CycleRules rules;
  rules.sources = ReadSources(root);
  std::set<std::string> ids;
  if (const json* events = root.Get("events", true); events && events->is_array()) {
    for (std::size_t i = 0; i < events->size(); ++i) {
      const std::string path = "events[" + std::to_string(i) + "]";
      EventRule e = ReadEvent((*events)[i], path, errors);
      if (e.id.empty()) errors.Add(path + ".id", FieldIssue::kRequired);
      if (!ids.insert(e.id).second) errors.Add(path + ".id", FieldIssue::kDuplicate);
      // An event may only refer to one defined before it, so there are no cycles.
      if (!e.after_event.empty() && !ids.contains(e.after_event)) {
        errors.Add(path + ".after_event", FieldIssue::kUnknownValue);
      }
      if (!rules.sources.contains(e.source))
        errors.Add(path + ".source", FieldIssue::kUnknownValue);
      rules.events.push_back(std::move(e));
    }
  }
  if (const json* merger = root.Get("merger_election", true)) {
    rules.merger_election = ReadEvent(*merger, "merger_election", errors);
    rules.merger_election.id = "merger_election";
  }
  if (const json* windows = root.Get("windows", true); windows && windows->is_object()) {
    for (const auto& [id, item] : windows->items()) {
      Reader r(item, "windows." + id, errors);
      rules.windows[id] = {.label = ReadText(r, "label", errors),
                           .explain = ReadText(r, "explain", errors)};
    }
  }
  for (const char* needed : {"party_programmes", "adviser", "alderman", "coalition_agreement",
                             "council_parties", "kadernota_vote", "begroting"}) {
    if (!rules.windows.contains(needed)) {
      errors.Add(std::string("windows.") + needed, FieldIssue::kRequired);
    }
  }
  for (const char* needed :
       {"council_election", "council_installation", "coalition_agreement", "kadernota_drafting",
        "kadernota_publication", "kadernota_vote", "begroting_publication", "begroting_vote"}) {
    if (!ids.contains(needed)) errors.Add(std::string("events.") + needed, FieldIssue::kRequired);
  }
  if (!errors.empty()) return std::move(errors).ToError();
  return rules;
}

const CycleRules& BuiltInCycleRules() {
  static const CycleRules kRules = [] {
    auto parsed = ParseCycleRules(knowledge::Text("policy_cycle"));
    if (!parsed) throw std::logic_error("knowledge/policy_cycle.json is not valid");
    return std::move(*parsed);
  }();
  return kRules;
}

}  // namespace aantafel::core::calendar

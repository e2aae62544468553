#include "interchange/calendar_invitation.hpp"

#include <libical/ical.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>
#include <unordered_set>
#include <utility>

#include "core/civil_date.hpp"
#include "core/validation.hpp"

namespace aantafel::interchange {

using core::Instant;
using core::mail_intake::Invitation;
using core::mail_intake::InvitationLimits;
using core::mail_intake::InvitationMethod;
using core::mail_intake::MailAddress;

namespace {

// VCALENDAR > VEVENT > VALARM and VCALENDAR > VTIMEZONE > STANDARD are three deep. libical frees
// a component tree recursively, so a file nested thousands deep would exhaust the stack.
constexpr std::size_t kMaxDepth = 8;
// libical's parser looks for each parameter of a line by searching the rest of the line again,
// so a line of many parameters costs their number times its length (120,000 parameters in
// 480 KB take half a minute). The same searches are counted before libical runs, up to this
// much work per byte of the file.
constexpr std::size_t kWorkPerByte = 32;
constexpr std::size_t kMinWork = 1'000'000;
// A time outside these years is read as absent: a typing error or hostile input, not a meeting.
constexpr int kFirstYear = 1900;
constexpr int kLastYear = 2200;
// libical expands each STANDARD and DAYLIGHT rule of a VTIMEZONE year by year (about 12 µs a
// year) from its DTSTART (Outlook's from 1601) to five years past the time it converts; these
// keep that work small. Outlook's zone is 2 × 600 rule-years, a full-history zone from
// Evolution about 600.
constexpr std::size_t kMaxTimeZones = 20;
constexpr std::size_t kMaxZoneParts = 1000;       ///< STANDARD and DAYLIGHT parts, in all zones
constexpr std::size_t kMaxZoneRuleYears = 10000;  ///< years of RRULEs, in all zones
constexpr int kFirstRuleYear = 1583;  ///< the first whole year of the Gregorian calendar
constexpr int kLastRuleYear = kLastYear + 5;
constexpr std::uint64_t kMaxDurationDays = 3660;
constexpr std::size_t kMaxNameChars = 200;
constexpr std::size_t kMaxUidBytes = 1000;
constexpr std::size_t kMaxZoneNameLength = 64;

/// Windows time zone names (Outlook's TZID) as IANA names, for the rare file that leaves out its
/// VTIMEZONE; the zones of the Netherlands and its neighbours.
constexpr std::array<std::pair<std::string_view, const char*>, 8> kWindowsZones{{
    {"W. Europe Standard Time", "Europe/Amsterdam"},
    {"Romance Standard Time", "Europe/Brussels"},
    {"Central Europe Standard Time", "Europe/Budapest"},
    {"Central European Standard Time", "Europe/Warsaw"},
    {"GMT Standard Time", "Europe/London"},
    {"Greenwich Standard Time", "Atlantic/Reykjavik"},
    {"FLE Standard Time", "Europe/Helsinki"},
    {"GTB Standard Time", "Europe/Athens"},
}};

struct ComponentFree {
  void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};
using ComponentPtr = std::unique_ptr<icalcomponent, ComponentFree>;

void InitCalendarReading() {
  static std::once_flag once;
  // With fatal errors libical would abort() on malformed data; Debian builds it without, and
  // this makes sure.
  std::call_once(once, [] { icalerror_set_errors_are_fatal(0); });
}

// ---- before libical: size, nesting and the parser's slow path ----

/// Counts the steps of libical's scanning while it stays within a budget.
struct Work {
  std::size_t done = 0;
  std::size_t budget = 0;
  [[nodiscard]] bool Exceeded() const { return done > budget; }
};

/// libical's parser_get_next_char: the first character is never a match; a quote toggles
/// quoting (when `quotes`) unless a backslash precedes it; a match never follows a backslash.
std::size_t NextChar(std::string_view line, std::size_t from, char wanted, bool quotes,
                     Work& work) {
  bool quoted = false;
  char previous = 0;
  for (std::size_t i = from; i < line.size(); ++i) {
    if (++work.done > work.budget) return std::string_view::npos;
    const char c = line[i];
    if (previous != 0 && previous != '\\') {
      if (quotes && c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == wanted) {
        return i;
      }
    }
    previous = c;
  }
  return std::string_view::npos;
}

/// The nesting and the parser's work as libical will see one unfolded line.
class Shape {
 public:
  explicit Shape(std::size_t bytes) { work_.budget = std::max(kMinWork, bytes * kWorkPerByte); }

  void Line(std::string_view line) {
    if (bad_) return;
    while (!line.empty() && IsSpace(line.back())) line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) return;  // libical skips it
    const std::size_t semicolon = NextChar(line, 0, ';', true, work_);
    const std::size_t colon = NextChar(line, 0, ':', true, work_);
    if (work_.Exceeded()) {
      bad_ = true;
      return;
    }
    if (semicolon == std::string_view::npos && colon == std::string_view::npos) return;
    const bool by_colon = colon != std::string_view::npos &&
                          (semicolon == std::string_view::npos || semicolon > colon);
    const std::size_t name_end = by_colon ? colon : semicolon;
    // Leading white space is trimmed too (libical keeps it): rather a BEGIN too many than one
    // too few.
    const std::string_view name = core::TrimAscii(line.substr(0, name_end));
    if (core::EqualsIgnoreAsciiCase(name, "BEGIN")) {
      const std::string kind = core::LowerAscii(core::TrimAscii(line.substr(name_end + 1)));
      if (depth_ == 1 && kind == "vevent") ++events_;
      // libical frees a calendar's time zones in time quadratic in their number (20,000 take a
      // second), so they are counted here, generously: "vtimezone" anywhere in the line.
      if (kind.find("vtimezone") != std::string::npos) ++zones_;
      if (++depth_ > kMaxDepth) bad_ = true;
      return;
    }
    if (core::EqualsIgnoreAsciiCase(name, "END")) {
      if (depth_ == 0) {
        bad_ = true;
      } else {
        --depth_;
      }
      return;
    }
    // Each parameter: libical searches from its start for the next ':' and the next ';'.
    std::size_t end = name_end + 1;
    while (line[end - 1] != ':') {
      const std::size_t value = NextChar(line, end, ':', true, work_);
      std::size_t next = NextChar(line, end, ';', true, work_);
      if (work_.Exceeded()) {
        bad_ = true;
        return;
      }
      if (next == std::string_view::npos || value == std::string_view::npos || next > value) {
        next = value;
      }
      if (next == std::string_view::npos) break;
      end = next + 1;
    }
  }

  /// Whether libical may read the file: nesting within the limit and closed, work bounded.
  [[nodiscard]] bool Fine() const { return !bad_ && depth_ == 0; }
  /// VEVENTs directly in a VCALENDAR, as far as the lines tell.
  [[nodiscard]] std::size_t Events() const { return events_; }
  /// VTIMEZONEs, or more.
  [[nodiscard]] std::size_t Zones() const { return zones_; }

 private:
  static bool IsSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
  }

  Work work_;
  std::size_t depth_ = 0;
  std::size_t events_ = 0;
  std::size_t zones_ = 0;
  bool bad_ = false;
};

/// Reads the file's lines as libical does (lines end at "\n"; a line that starts with a space
/// or tab continues the one before unless that one was empty) and takes their shape.
Shape ShapeOf(std::string_view text) {
  Shape shape(text.size());
  std::string line;
  bool started = false;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t newline = text.find('\n', at);
    const std::string_view physical =
        text.substr(at, newline == std::string_view::npos ? std::string_view::npos : newline - at);
    at = newline == std::string_view::npos ? text.size() : newline + 1;
    if (started && !line.empty() && !physical.empty() &&
        (physical.front() == ' ' || physical.front() == '\t')) {
      if (line.back() == '\r') line.pop_back();
      line.append(physical.substr(1));
      continue;
    }
    if (started) shape.Line(line);
    line.assign(physical);
    started = true;
  }
  if (started) shape.Line(line);
  return shape;
}

void AppendUtf8(std::string& out, char32_t code_point) {
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

/// Windows-1252 (what an old Outlook export is when it is not UTF-8) as UTF-8; the five bytes
/// it leaves undefined are dropped.
std::string FromWindows1252(std::string_view bytes) {
  static constexpr std::array<char16_t, 32> kHigh{
      0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 4);
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    char32_t code_point = byte;
    if (byte >= 0x80 && byte < 0xA0) {
      code_point = kHigh[byte - 0x80];
      if (code_point == 0) continue;
    }
    AppendUtf8(out, code_point);
  }
  return out;
}

// ---- libical's tree ----

/// The properties of one kind, collected first: libical's own getters (icalcomponent_get_uid
/// and the like) restart the component's single property iterator.
std::vector<icalproperty*> Properties(icalcomponent* component, icalproperty_kind kind) {
  std::vector<icalproperty*> out;
  for (icalproperty* p = icalcomponent_get_first_property(component, kind); p != nullptr;
       p = icalcomponent_get_next_property(component, kind)) {
    out.push_back(p);
  }
  return out;
}

std::vector<icalcomponent*> Children(icalcomponent* component,
                                     icalcomponent_kind kind = ICAL_ANY_COMPONENT) {
  std::vector<icalcomponent*> out;
  for (icalcomponent* c = icalcomponent_get_first_component(component, kind); c != nullptr;
       c = icalcomponent_get_next_component(component, kind)) {
    out.push_back(c);
  }
  return out;
}

icalproperty* First(icalcomponent* component, icalproperty_kind kind) {
  return icalcomponent_get_first_property(component, kind);
}

/// Whether an error libical noted while parsing makes the file unreadable: a broken structure
/// or a value it could not read. An empty value ("LOCATION:", as Google writes) and parameters
/// it did not know are no reason.
bool Damaging(icalproperty* error) {
  icalparameter* type = icalproperty_get_first_parameter(error, ICAL_XLICERRORTYPE_PARAMETER);
  if (type == nullptr) return true;
  switch (icalparameter_get_xlicerrortype(type)) {
    case ICAL_XLICERRORTYPE_COMPONENTPARSEERROR: return true;
    case ICAL_XLICERRORTYPE_VALUEPARSEERROR: {
      const char* text = icalproperty_get_xlicerror(error);
      return text == nullptr || !std::string_view(text).starts_with("No value for ");
    }
    default: return false;
  }
}

/// What the file holds, counted before anything is read from it.
struct Census {
  std::vector<std::pair<icalcomponent*, icalcomponent*>> events;  ///< calendar, VEVENT
  std::size_t zones = 0;
  std::size_t zone_parts = 0;
  std::size_t zone_rule_years = 0;
};

/// The years libical may expand the RRULEs of a STANDARD or DAYLIGHT part over, at most.
std::size_t RuleYears(icalcomponent* part) {
  icalproperty* start = First(part, ICAL_DTSTART_PROPERTY);
  if (start == nullptr) return 0;
  const int from = std::max(icalproperty_get_dtstart(start).year, kFirstRuleYear);
  std::size_t years = 0;
  for (icalproperty* rrule : Properties(part, ICAL_RRULE_PROPERTY)) {
    const icalrecurrencetype rule = icalproperty_get_rrule(rrule);
    const int to = icaltime_is_null_time(rule.until) != 0
                       ? kLastRuleYear
                       : std::min(rule.until.year, kLastRuleYear);
    if (to > from) years += static_cast<std::size_t>(to - from);
  }
  return years;
}

/// Walks a calendar's tree for damage and counts events and time zone rules.
bool Inspect(icalcomponent* calendar, icalcomponent* component, std::size_t depth, Census& census) {
  if (depth > kMaxDepth) return false;
  for (icalproperty* error : Properties(component, ICAL_XLICERROR_PROPERTY)) {
    if (Damaging(error)) return false;
  }
  switch (icalcomponent_isa(component)) {
    case ICAL_VTIMEZONE_COMPONENT: ++census.zones; break;
    case ICAL_XSTANDARD_COMPONENT:
    case ICAL_XDAYLIGHT_COMPONENT:
      ++census.zone_parts;
      census.zone_rule_years += RuleYears(component);
      break;
    default: break;
  }
  for (icalcomponent* child : Children(component)) {
    if (depth == 0 && icalcomponent_isa(child) == ICAL_VEVENT_COMPONENT) {
      census.events.emplace_back(calendar, child);
    }
    if (!Inspect(calendar, child, depth + 1, census)) return false;
  }
  return true;
}

// ---- time zones ----

template <std::size_t N>
std::size_t CountOf(const short (&values)[N]) {  // libical's BY* arrays
  std::size_t n = 0;
  while (n < N && values[n] != ICAL_RECURRENCE_ARRAY_MAX) ++n;
  return n;
}

/// Whether a VTIMEZONE rule has the shape of a real zone's: yearly, in one month, on the n-th
/// or last weekday, on a weekday in a run of seven days, or on a fixed day, so that it changes
/// once every year. libical expands any rule from its DTSTART on; FREQ=SECONDLY from 1601, or a
/// day that never comes (30 February), would keep it busy for minutes.
bool ChangesOnceAYear(const icalrecurrencetype& rule, const icaltimetype& dtstart) {
  if (rule.freq != ICAL_YEARLY_RECURRENCE || rule.interval > 1 || rule.rscale != nullptr) {
    return false;
  }
  if (CountOf(rule.by_second) + CountOf(rule.by_minute) + CountOf(rule.by_hour) +
          CountOf(rule.by_year_day) + CountOf(rule.by_week_no) + CountOf(rule.by_set_pos) !=
      0) {
    return false;
  }
  int month = dtstart.month;
  const std::size_t months = CountOf(rule.by_month);
  if (months > 1) return false;
  if (months == 1) {
    if (icalrecurrencetype_month_is_leap(rule.by_month[0]) != 0) return false;
    month = icalrecurrencetype_month_month(rule.by_month[0]);
  }
  if (month < 1 || month > 12) return false;
  const int shortest = core::DaysInMonth(2001, month);  // February without its leap day
  const auto in_month = [&](int day) { return day >= 1 && day <= shortest; };
  const std::size_t weekdays = CountOf(rule.by_day);
  const std::size_t days = CountOf(rule.by_month_day);
  if (weekdays == 1 && days == 0) {
    const int position = icalrecurrencetype_day_position(rule.by_day[0]);
    return position != 0 && position >= -4 && position <= 4;
  }
  if (weekdays == 1 && days == 7) {
    if (icalrecurrencetype_day_position(rule.by_day[0]) != 0) return false;
    for (std::size_t i = 0; i < days; ++i) {
      if (!in_month(rule.by_month_day[i]) ||
          (i > 0 && rule.by_month_day[i] != rule.by_month_day[i - 1] + 1)) {
        return false;
      }
    }
    return true;
  }
  if (weekdays == 0 && days == 1) return in_month(rule.by_month_day[0]);
  if (weekdays == 0 && days == 0) return in_month(dtstart.day);
  return false;
}

/// Whether libical may convert times with a VTIMEZONE from the file (see ChangesOnceAYear).
bool UsableZone(icaltimezone* zone) {
  icalcomponent* vtimezone = icaltimezone_get_component(zone);
  if (vtimezone == nullptr) return false;
  for (icalcomponent* part : Children(vtimezone)) {
    const icalcomponent_kind kind = icalcomponent_isa(part);
    if (kind != ICAL_XSTANDARD_COMPONENT && kind != ICAL_XDAYLIGHT_COMPONENT) continue;
    const auto rules = Properties(part, ICAL_RRULE_PROPERTY);
    if (rules.empty()) continue;
    icalproperty* start = First(part, ICAL_DTSTART_PROPERTY);
    if (start == nullptr) continue;  // libical skips a part without DTSTART
    const icaltimetype dtstart = icalproperty_get_dtstart(start);
    if (rules.size() > 1 || dtstart.year < kFirstRuleYear ||
        !ChangesOnceAYear(icalproperty_get_rrule(rules.front()), dtstart)) {
      return false;
    }
  }
  return true;
}

/// Whether `name` may be looked up in the system's zone database: libical 3.0 opens
/// /usr/share/zoneinfo/<name> for a name it does not list, "../" included.
bool SafeZoneName(std::string_view name) {
  if (name.empty() || name.size() > kMaxZoneNameLength) return false;
  const auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  if (!letter(name.front()) || name.back() == '/' || name.find("//") != std::string_view::npos) {
    return false;
  }
  return std::ranges::all_of(name, [&](char c) {
    return letter(c) || (c >= '0' && c <= '9') || c == '_' || c == '+' || c == '-' || c == '/';
  });
}

/// An IANA zone from the system's zone database (tzdata), or null.
icaltimezone* SystemZone(std::string_view name) {
  if (!SafeZoneName(name)) return nullptr;
  return icaltimezone_get_builtin_timezone(std::string(name).c_str());
}

/// A DATE or DATE-TIME value as written, and the zone its wall-clock time is in.
struct When {
  icaltimetype time{};
  bool date = false;
  bool utc = false;
  icaltimezone* zone = nullptr;  ///< null: Dutch time (a floating time, an unknown TZID)
};

/// Reads the events of one VCALENDAR.
class Reader {
 public:
  Reader(icalcomponent* calendar, const InvitationLimits& limits)
      : calendar_(calendar), limits_(limits), method_(MethodOf(calendar)) {}

  /// The event, and whether it changes one occurrence of a series (it has a RECURRENCE-ID).
  std::pair<Invitation, bool> Read(icalcomponent* event) {
    Invitation invitation;
    invitation.method = method_;
    if (const char* uid = icalcomponent_get_uid(event); uid != nullptr) {
      invitation.uid = core::TruncateUtf8(OneLine(uid), kMaxUidBytes);
    }
    invitation.sequence = std::max(0, icalcomponent_get_sequence(event));
    invitation.cancelled = method_ == InvitationMethod::kCancel ||
                           icalcomponent_get_status(event) == ICAL_STATUS_CANCELLED;

    const std::optional<When> start = WhenOf(First(event, ICAL_DTSTART_PROPERTY));
    if (start) {
      invitation.all_day = start->date;
      invitation.starts_at = InstantOf(*start);
    }
    if (icalproperty* end = First(event, ICAL_DTEND_PROPERTY); end != nullptr) {
      if (const auto until = WhenOf(end)) invitation.ends_at = InstantOf(*until);
    } else if (icalproperty* duration = First(event, ICAL_DURATION_PROPERTY); duration != nullptr) {
      if (start) invitation.ends_at = After(*start, duration);
    } else if (start) {
      // RFC 5545 3.6.1: a date lasts the day; a date and time alone has no length.
      invitation.ends_at = start->date ? InstantOf(*start, 1) : invitation.starts_at;
    }

    icalproperty* recurrence_id = First(event, ICAL_RECURRENCEID_PROPERTY);
    if (recurrence_id != nullptr) {
      if (const auto occurrence = WhenOf(recurrence_id)) {
        invitation.recurrence_id = InstantOf(*occurrence);
      }
    }
    invitation.recurring = recurrence_id != nullptr ||
                           First(event, ICAL_RRULE_PROPERTY) != nullptr ||
                           First(event, ICAL_RDATE_PROPERTY) != nullptr;

    invitation.summary = Text(icalcomponent_get_summary(event), limits_.max_summary_chars, true);
    invitation.location = Text(icalcomponent_get_location(event), limits_.max_location_chars, true);
    invitation.description =
        Text(icalcomponent_get_description(event), limits_.max_description_chars, false);

    if (icalproperty* organizer = First(event, ICAL_ORGANIZER_PROPERTY); organizer != nullptr) {
      invitation.organizer = AddressOf(organizer, icalproperty_get_organizer(organizer));
    }
    std::unordered_set<std::string> seen;
    if (invitation.organizer) seen.insert(invitation.organizer->address);
    for (icalproperty* attendee : Properties(event, ICAL_ATTENDEE_PROPERTY)) {
      if (invitation.attendees.size() >= limits_.max_attendees) break;
      if (IsResource(attendee)) continue;
      auto who = AddressOf(attendee, icalproperty_get_attendee(attendee));
      if (!who || !seen.insert(who->address).second) continue;
      invitation.attendees.push_back(std::move(*who));
    }
    return {std::move(invitation), recurrence_id != nullptr};
  }

 private:
  static InvitationMethod MethodOf(icalcomponent* calendar) {
    switch (icalcomponent_get_method(calendar)) {
      case ICAL_METHOD_REQUEST: return InvitationMethod::kRequest;
      case ICAL_METHOD_CANCEL: return InvitationMethod::kCancel;
      case ICAL_METHOD_REPLY: return InvitationMethod::kReply;
      case ICAL_METHOD_PUBLISH:
      case ICAL_METHOD_NONE: return InvitationMethod::kPublish;
      default: return InvitationMethod::kOther;
    }
  }

  /// Text as aantafel keeps it: line ends as "\n", no control characters but newline and tab;
  /// on one line (newlines and tabs as spaces) when `one_line`; trimmed, at most `max_chars`
  /// characters.
  static std::string Text(const char* value, std::size_t max_chars, bool one_line) {
    if (value == nullptr) return {};
    const std::string_view text(value);
    std::string out;
    out.reserve(std::min(text.size(), max_chars * 4));
    for (std::size_t i = 0; i < text.size(); ++i) {
      char c = text[i];
      if (c == '\r') {
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        c = '\n';
      }
      const auto byte = static_cast<unsigned char>(c);
      if ((byte < 0x20 && c != '\n' && c != '\t') || byte == 0x7F) continue;
      out.push_back(one_line && (c == '\n' || c == '\t') ? ' ' : c);
    }
    return std::string(core::TrimAscii(CutChars(core::TrimAscii(out), max_chars)));
  }

  static std::string OneLine(const char* value) {
    return Text(value, std::string_view(value).size(), true);
  }

  /// At most `max_chars` characters of UTF-8 `text`, cut between two characters.
  static std::string CutChars(std::string_view text, std::size_t max_chars) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
      if (chars == max_chars) return std::string(text.substr(0, i));
      ++chars;
    }
    return std::string(text);
  }

  /// A room or other resource that Outlook books as an attendee; not a person to match.
  static bool IsResource(icalproperty* attendee) {
    icalparameter* type = icalproperty_get_first_parameter(attendee, ICAL_CUTYPE_PARAMETER);
    if (type == nullptr) return false;
    const icalparameter_cutype cutype = icalparameter_get_cutype(type);
    return cutype == ICAL_CUTYPE_ROOM || cutype == ICAL_CUTYPE_RESOURCE;
  }

  /// The address of an ORGANIZER or ATTENDEE ("mailto:…" in any case) in lower case, with the
  /// name from its CN; none when it is not an e-mail address (Outlook's "invalid:nomail").
  static std::optional<MailAddress> AddressOf(icalproperty* property, const char* value) {
    if (value == nullptr) return std::nullopt;
    std::string_view text = core::TrimAscii(value);
    if (text.size() >= 7 && core::EqualsIgnoreAsciiCase(text.substr(0, 7), "mailto:")) {
      text.remove_prefix(7);
    }
    core::FieldErrors ignored;
    auto address = core::CheckEmail("address", text, ignored);
    if (!address) return std::nullopt;
    MailAddress out{.address = std::move(*address)};
    if (icalparameter* cn = icalproperty_get_first_parameter(property, ICAL_CN_PARAMETER);
        cn != nullptr) {
      std::string name = Text(icalparameter_get_cn(cn), kMaxNameChars, true);
      // libical takes the quotes off CN="Jansen, Els"; a name quoted twice keeps one pair.
      if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
        name = std::string(core::TrimAscii(std::string_view(name).substr(1, name.size() - 2)));
      }
      out.name = std::move(name);
    }
    return out;
  }

  /// The value of a DTSTART, DTEND or RECURRENCE-ID as written. Its TZID is resolved here,
  /// not by libical's icalcomponent_get_dtstart, which looks a TZID it does not know up as a
  /// file name under /usr/share/zoneinfo ("../../etc/…" included).
  std::optional<When> WhenOf(icalproperty* property) {
    if (property == nullptr) return std::nullopt;
    icalvalue* value = icalproperty_get_value(property);
    if (value == nullptr) return std::nullopt;
    When when;
    switch (icalvalue_isa(value)) {
      case ICAL_DATETIME_VALUE: when.time = icalvalue_get_datetime(value); break;
      case ICAL_DATE_VALUE: when.time = icalvalue_get_date(value); break;
      default: return std::nullopt;
    }
    when.date = when.time.is_date != 0;
    when.utc = !when.date && icaltime_is_utc(when.time) != 0;
    if (!when.date && !when.utc) {
      if (icalparameter* tzid = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER);
          tzid != nullptr && icalparameter_get_tzid(tzid) != nullptr) {
        when.zone = ZoneFor(icalparameter_get_tzid(tzid));
      }
    }
    return when;
  }

  /// The zone of a TZID: the file's own VTIMEZONE; else an IANA name from the system's zone
  /// database (also behind a prefix such as "/freeassociation.sourceforge.net/"); else a
  /// Windows name; else null, Dutch time.
  icaltimezone* ZoneFor(const std::string& tzid) {
    if (const auto known = zones_.find(tzid); known != zones_.end()) return known->second;
    icaltimezone* zone = icalcomponent_get_timezone(calendar_, tzid.c_str());
    if (zone != nullptr && !UsableZone(zone)) zone = nullptr;
    std::string_view name = tzid;
    for (int prefixes = 0; zone == nullptr && prefixes < 4; ++prefixes) {
      zone = SystemZone(name);
      const std::size_t slash = name.find('/');
      if (!tzid.starts_with('/') || slash == std::string_view::npos) break;
      name.remove_prefix(slash + 1);
    }
    for (const auto& [windows, iana] : kWindowsZones) {
      if (zone == nullptr && core::EqualsIgnoreAsciiCase(tzid, windows)) zone = SystemZone(iana);
    }
    zones_.emplace(tzid, zone);
    return zone;
  }

  /// The moment of `when`, `add_days` days later on the wall clock; none outside 1900–2200 or
  /// when the date or time does not exist. A date is the start of that day in the Netherlands.
  static std::optional<Instant> InstantOf(const When& when, long add_days = 0) {
    const icaltimetype& t = when.time;
    if (t.year < kFirstYear || t.year > kLastYear || t.month < 1 || t.month > 12 || t.day < 1 ||
        t.day > core::DaysInMonth(t.year, t.month)) {
      return std::nullopt;
    }
    const core::CivilDate date = core::CivilDate{t.year, t.month, t.day}.AddDays(add_days);
    if (when.date) return core::StartOfDutchDay(date);
    if (t.hour < 0 || t.hour > 23 || t.minute < 0 || t.minute > 59 || t.second < 0 ||
        t.second > 60) {
      return std::nullopt;
    }
    const auto wall = Instant(std::chrono::days(date.DaysSinceEpoch())) +
                      std::chrono::hours(t.hour) + std::chrono::minutes(t.minute) +
                      std::chrono::seconds(std::min(t.second, 59));  // a leap second
    if (when.utc) return wall;
    if (when.zone == nullptr) return core::FromDutchLocalTime(wall);
    icaltimetype local = icaltime_null_time();
    local.year = date.year;
    local.month = date.month;
    local.day = date.day;
    local.hour = t.hour;
    local.minute = t.minute;
    local.second = std::min(t.second, 59);
    icaltimezone_convert_time(&local, when.zone, icaltimezone_get_utc_timezone());
    if (local.year < kFirstYear - 1 || local.year > kLastYear + 1 || local.month < 1 ||
        local.month > 12 || local.day < 1 ||
        local.day > core::DaysInMonth(local.year, local.month)) {
      return std::nullopt;
    }
    return Instant(std::chrono::days(
               core::CivilDate{local.year, local.month, local.day}.DaysSinceEpoch())) +
           std::chrono::hours(local.hour) + std::chrono::minutes(local.minute) +
           std::chrono::seconds(local.second);
  }

  /// The end of an event that gives a DURATION: its days on the wall clock (a day is 23 hours
  /// when summer time starts), its hours, minutes and seconds exactly (RFC 5545 3.3.6).
  static std::optional<Instant> After(const When& start, icalproperty* property) {
    icalvalue* value = icalproperty_get_value(property);
    if (value == nullptr || icalvalue_isa(value) != ICAL_DURATION_VALUE) return std::nullopt;
    const icaldurationtype duration = icalvalue_get_duration(value);
    if (duration.is_neg != 0) return std::nullopt;
    const std::uint64_t days = std::uint64_t{duration.weeks} * 7 + duration.days;
    const std::uint64_t seconds = std::uint64_t{duration.hours} * 3600 +
                                  std::uint64_t{duration.minutes} * 60 + duration.seconds;
    if (days > kMaxDurationDays || seconds > kMaxDurationDays * 86400) return std::nullopt;
    const auto base = InstantOf(start, static_cast<long>(days));
    if (!base) return std::nullopt;
    return *base + std::chrono::seconds(seconds);
  }

  icalcomponent* calendar_;
  const InvitationLimits& limits_;
  InvitationMethod method_;
  std::map<std::string, icaltimezone*, std::less<>> zones_;
};

/// A series first, then its changed occurrences in the order of the occurrence they change;
/// events of different UIDs in the order the file has them. Every event of a series with more
/// than one event, or with a recurring one, is marked recurring.
std::vector<Invitation> SeriesFirst(std::vector<std::pair<Invitation, bool>> events) {
  std::map<std::string, std::size_t, std::less<>> groups;
  std::vector<std::size_t> group(events.size());
  std::size_t next = 0;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const std::string& uid = events[i].first.uid;
    if (uid.empty()) {
      group[i] = next++;  // an event without a UID stands alone
      continue;
    }
    const auto [found, added] = groups.try_emplace(uid, next);
    group[i] = found->second;
    if (added) ++next;
  }
  std::vector<std::size_t> size(next, 0);
  std::vector<bool> recurring(next, false);
  for (std::size_t i = 0; i < events.size(); ++i) {
    ++size[group[i]];
    if (events[i].first.recurring) recurring[group[i]] = true;
  }
  std::vector<std::size_t> order(events.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  const auto key = [&](std::size_t i) {
    const auto& occurrence = events[i].first.recurrence_id;
    return std::make_tuple(group[i], events[i].second, occurrence.has_value() ? 0 : 1,
                           occurrence.has_value() ? core::ToMillis(*occurrence) : 0);
  };
  std::ranges::stable_sort(order, [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
  std::vector<Invitation> out;
  out.reserve(events.size());
  for (const std::size_t i : order) {
    Invitation& invitation = events[i].first;
    if (size[group[i]] > 1 || recurring[group[i]]) invitation.recurring = true;
    out.push_back(std::move(invitation));
  }
  return out;
}

}  // namespace

core::Result<std::vector<Invitation>> ReadInvitations(std::string_view ics,
                                                      const InvitationLimits& limits) {
  InitCalendarReading();
  const auto unreadable = core::Error::Field("file", core::FieldIssue::kUnreadable);
  if (ics.size() > limits.max_bytes) {
    constexpr std::size_t kMegabyte = 1024 * 1024;
    return core::Error::Field(
        "file", core::FieldIssue::kFileTooLarge,
        static_cast<int>(std::max<std::size_t>(1, limits.max_bytes / kMegabyte)));
  }
  if (ics.starts_with("\xEF\xBB\xBF")) ics.remove_prefix(3);  // a byte order mark
  // libical reads a C string: a NUL (a UTF-16 file) would end it early.
  if (ics.empty() || ics.find('\0') != std::string_view::npos) return unreadable;
  const std::string text = core::IsValidUtf8(ics) ? std::string(ics) : FromWindows1252(ics);
  const Shape shape = ShapeOf(text);
  if (!shape.Fine() || shape.Zones() > kMaxTimeZones) return unreadable;
  if (shape.Events() > limits.max_events) {
    return core::Error::Field("file", core::FieldIssue::kTooMany,
                              static_cast<int>(limits.max_events));
  }

  const ComponentPtr root(icalparser_parse_string(text.c_str()));
  if (!root) return unreadable;
  std::vector<icalcomponent*> calendars;
  if (icalcomponent_isa(root.get()) == ICAL_VCALENDAR_COMPONENT) {
    calendars.push_back(root.get());
  } else if (icalcomponent_isa(root.get()) == ICAL_XROOT_COMPONENT) {
    calendars = Children(root.get(), ICAL_VCALENDAR_COMPONENT);  // calendars one after another
  }
  if (calendars.empty()) return unreadable;
  Census census;
  for (icalcomponent* calendar : calendars) {
    if (!Inspect(calendar, calendar, 0, census)) return unreadable;
  }
  if (census.events.empty() || census.zones > kMaxTimeZones || census.zone_parts > kMaxZoneParts ||
      census.zone_rule_years > kMaxZoneRuleYears) {
    return unreadable;
  }
  if (census.events.size() > limits.max_events) {
    return core::Error::Field("file", core::FieldIssue::kTooMany,
                              static_cast<int>(limits.max_events));
  }

  std::vector<std::pair<Invitation, bool>> events;
  events.reserve(census.events.size());
  std::map<icalcomponent*, Reader> readers;
  for (const auto& [calendar, event] : census.events) {
    auto reader = readers.try_emplace(calendar, calendar, limits).first;
    events.push_back(reader->second.Read(event));
  }
  return SeriesFirst(std::move(events));
}

}  // namespace aantafel::interchange

#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/clock.hpp"

namespace aantafel::interchange {

/// An event in a calendar feed: all-day (or a span of days), or at a time when `starts_at` is set.
struct ICalEvent {
  std::string uid;  ///< stable across refreshes, so calendars update instead of duplicating
  core::CivilDate first_day;
  core::CivilDate last_day;  ///< inclusive
  std::string summary;
  std::string description;
  std::string url;                         ///< may be empty
  std::optional<core::Instant> starts_at;  ///< a timed event (UTC) instead of whole days
  std::optional<core::Instant> ends_at;    ///< default: two hours after the start
  std::string location;
  bool cancelled = false;  ///< STATUS:CANCELLED, so subscribed calendars strike it through
};

/// An RFC 5545 VCALENDAR: CRLF line ends, lines folded at 75 octets (never inside a UTF-8
/// sequence), TEXT values escaped, DTSTAMP on every event.
std::string WriteICalendar(std::string_view calendar_name, const std::vector<ICalEvent>& events,
                           core::Instant stamp);

}  // namespace aantafel::interchange

#include "interchange/ical.hpp"

#include <cstdio>
#include <ctime>

namespace aantafel::interchange {

namespace {

/// TEXT escaping (RFC 5545 3.3.11).
std::string Escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      default: out += c;
    }
  }
  return out;
}

/// Appends one content line, folded so no line exceeds 75 octets (RFC 5545 3.1).
void Line(std::string& out, std::string_view line) {
  std::size_t limit = 75;
  while (line.size() > limit) {
    std::size_t cut = limit;
    // Never split a UTF-8 sequence: back up to a lead byte.
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = 74;  // the continuation's leading space counts
  }
  out.append(line);
  out += "\r\n";
}

std::string Date(core::CivilDate d) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d%02d%02d", d.year, d.month, d.day);
  return buffer;
}

std::string Stamp(core::Instant instant) {
  const std::time_t seconds = static_cast<std::time_t>(core::ToMillis(instant) / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y%m%dT%H%M%SZ", &utc);
  return buffer;
}

}  // namespace

std::string WriteICalendar(std::string_view calendar_name,
                           const std::vector<core::calendar::FeedEvent>& events,
                           core::Instant stamp, std::string_view link_base) {
  std::string out;
  Line(out, "BEGIN:VCALENDAR");
  Line(out, "VERSION:2.0");
  Line(out, "PRODID:-//aantafel//Beleidskalender//NL");
  Line(out, "CALSCALE:GREGORIAN");
  Line(out, "METHOD:PUBLISH");
  Line(out, "X-WR-CALNAME:" + Escape(calendar_name));
  const std::string dtstamp = Stamp(stamp);
  for (const core::calendar::FeedEvent& e : events) {
    Line(out, "BEGIN:VEVENT");
    Line(out, "UID:" + Escape(e.uid));
    Line(out, "DTSTAMP:" + dtstamp);
    if (e.starts_at) {
      Line(out, "DTSTART:" + Stamp(*e.starts_at));
      Line(out, "DTEND:" + Stamp(e.ends_at.value_or(*e.starts_at + std::chrono::hours(2))));
    } else {
      Line(out, "DTSTART;VALUE=DATE:" + Date(e.first_day));
      // DTEND of an all-day event is the day after the last day (exclusive).
      Line(out, "DTEND;VALUE=DATE:" + Date(e.last_day.AddDays(1)));
    }
    Line(out, "SUMMARY:" + Escape(e.summary));
    if (!e.location.empty()) Line(out, "LOCATION:" + Escape(e.location));
    if (e.cancelled) Line(out, "STATUS:CANCELLED");
    if (!e.description.empty()) Line(out, "DESCRIPTION:" + Escape(e.description));
    if (!link_base.empty() && !e.page.empty()) {
      Line(out, "URL:" + std::string(link_base) + e.page);
    }
    Line(out, "TRANSP:TRANSPARENT");
    Line(out, "END:VEVENT");
  }
  Line(out, "END:VCALENDAR");
  return out;
}

}  // namespace aantafel::interchange

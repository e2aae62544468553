#pragma once

#include <string_view>
#include <vector>

#include "core/mail_intake/invitation.hpp"
#include "core/result.hpp"

namespace aantafel::interchange {

/// Reads the events of a calendar invitation (an .ics file, or a text/calendar part of a message
/// as Outlook/Exchange and Google Calendar send it) with libical: one Invitation per VEVENT; of
/// a series, the series itself first and then its changed occurrences (RECURRENCE-ID).
///
/// Times are UTC. A time with a TZID is converted with the file's own VTIMEZONE (Outlook's
/// "W. Europe Standard Time", Google's "Europe/Amsterdam"), else with the system's time zone
/// database for an IANA name or a known Windows name; a floating time, a TZID nobody knows and
/// an all-day date are Dutch time (core/civil_date.hpp). DURATION counts days on the wall clock
/// and hours exactly; without DTEND and DURATION a date lasts one day and a time has no length
/// (RFC 5545 3.6.1). Text is unescaped, its line ends are "\n" and its other control characters
/// are left out; a file that is not UTF-8 is read as Windows-1252.
///
/// Refused with an error under "file": kFileTooLarge (the limit in MB) over `limits.max_bytes`;
/// kTooMany (the limit) over `limits.max_events` events; kUnreadable when it is not iCalendar,
/// holds no VEVENT, is cut off, nests components too deep, or libical found a damaged structure
/// or value (an empty value, as Google writes, is fine). Never throws or crashes on hostile input;
/// work is bounded (libical's slow paths on long parameter lists and odd VTIMEZONE rules are
/// refused or avoided before libical runs).
core::Result<std::vector<core::mail_intake::Invitation>> ReadInvitations(
    std::string_view ics, const core::mail_intake::InvitationLimits& limits = {});

}  // namespace aantafel::interchange

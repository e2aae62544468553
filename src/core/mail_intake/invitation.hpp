#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/enum_names.hpp"
#include "core/mail_intake/model.hpp"

namespace aantafel::core::mail_intake {

/// What a calendar invitation asks of its reader: the iCalendar METHOD (iTIP, RFC 5546).
enum class InvitationMethod {
  kRequest,  ///< an invitation, or an update of one (a higher sequence)
  kCancel,   ///< the organiser called the meeting off
  kReply,    ///< an attendee's answer to the organiser
  kPublish,  ///< an entry without a request to answer; also a file without METHOD
  kOther,    ///< ADD, REFRESH, COUNTER, DECLINECOUNTER or an unknown method
};

/// The code names of InvitationMethod.
inline constexpr EnumNames<InvitationMethod, 5> kInvitationMethodNames{{
    {InvitationMethod::kRequest, "request"},
    {InvitationMethod::kCancel, "cancel"},
    {InvitationMethod::kReply, "reply"},
    {InvitationMethod::kPublish, "publish"},
    {InvitationMethod::kOther, "other"},
}};

/// One event of a calendar invitation (an .ics file, or the text/calendar part Outlook and
/// Google put in the message): enough to plan a contact with its people. Addresses are in lower
/// case without "mailto:"; names are the CN as written.
struct Invitation {
  InvitationMethod method = InvitationMethod::kPublish;
  std::string uid;                   ///< the same for every update and cancellation of one meeting
  int sequence = 0;                  ///< the revision; a higher one replaces a lower one
  std::optional<Instant> starts_at;  ///< an all-day event starts at midnight in the Netherlands
  std::optional<Instant> ends_at;    ///< exclusive: an all-day event ends at the next midnight
  bool all_day = false;              ///< DTSTART is a date without a time
  std::string summary;               ///< one line
  std::string location;              ///< one line
  std::string description;           ///< newlines and tabs kept
  std::optional<MailAddress> organizer;
  /// Once each, in the file's order, without the organizer (Google lists the organizer as an
  /// attendee too) and without rooms and other resources.
  std::vector<MailAddress> attendees;
  bool cancelled = false;  ///< METHOD:CANCEL, or STATUS:CANCELLED
  bool recurring = false;  ///< part of a series: RRULE, RDATE or RECURRENCE-ID
  /// Set when this event changes one occurrence of a series (RECURRENCE-ID): the time that
  /// occurrence had.
  std::optional<Instant> recurrence_id;
};

/// Limits for reading an iCalendar file from outside.
struct InvitationLimits {
  std::size_t max_bytes = 1024 * 1024;  ///< of the file; a larger one is refused
  std::size_t max_events = 50;          ///< VEVENTs in the file; more are refused
  std::size_t max_attendees = 500;      ///< per event; the rest are left out
  std::size_t max_summary_chars = 200;
  std::size_t max_location_chars = 200;
  std::size_t max_description_chars = 20000;
};

}  // namespace aantafel::core::mail_intake

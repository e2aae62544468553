#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar/feed.hpp"
#include "core/clock.hpp"

namespace aantafel::interchange {

/// An RFC 5545 VCALENDAR: CRLF line ends, lines folded at 75 octets (never inside a UTF-8
/// sequence), TEXT values escaped, DTSTAMP on every event. An event's URL is `link_base` (the
/// public address of the workspace in the app, "https://…/w/slug") followed by its page; no URL
/// when `link_base` is empty.
std::string WriteICalendar(std::string_view calendar_name,
                           const std::vector<core::calendar::FeedEvent>& events,
                           core::Instant stamp, std::string_view link_base = {});

}  // namespace aantafel::interchange

#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"

namespace aantafel::core {

/// A calendar date without time or zone (a position's start, an election day).
struct CivilDate {
  int year = 1970;
  int month = 1;  ///< 1–12
  int day = 1;    ///< 1–31

  auto operator<=>(const CivilDate&) const = default;

  /// Parses "YYYY-MM-DD" (a real date between 1800 and 2200); nullopt otherwise.
  static std::optional<CivilDate> Parse(std::string_view text);
  /// "YYYY-MM-DD".
  [[nodiscard]] std::string ToString() const;
  /// Days since 1970-01-01.
  [[nodiscard]] long DaysSinceEpoch() const;
  static CivilDate FromDaysSinceEpoch(long days);
  [[nodiscard]] CivilDate AddDays(long days) const {
    return FromDaysSinceEpoch(DaysSinceEpoch() + days);
  }
};

/// Whether `year` has 29 February.
bool IsLeapYear(int year);
/// Days in `month` of `year`.
int DaysInMonth(int year, int month);

/// The date in the Netherlands (Europe/Amsterdam: CET, CEST from the last Sunday of March to the
/// last Sunday of October, switching at 01:00 UTC) at `instant`.
CivilDate DutchDate(Instant instant);

/// UTC offset of Europe/Amsterdam at `instant`, in hours (1 or 2).
int DutchUtcOffsetHours(Instant instant);

/// The instant of a Dutch wall-clock time given as if it were UTC (days and time since 1970).
Instant FromDutchLocalTime(Instant wall_clock);

/// The moment a Dutch day begins: midnight in Europe/Amsterdam (22:00 or 23:00 UTC the day
/// before). A range of days "from A to B" is [StartOfDutchDay(A), StartOfDutchDay(B + 1)).
Instant StartOfDutchDay(const CivilDate& date);

/// A moment written as "YYYY-MM-DDTHH:MM[:SS]" in Dutch local time, or with "Z" or "±HH:MM" as
/// in RFC 3339; nullopt when it is not one.
std::optional<Instant> ParseDateTime(std::string_view text);

/// `instant` as RFC 3339 UTC with milliseconds ("2026-12-01T18:30:00.000Z"), as the API writes it.
std::string FormatTimestamp(Instant instant);

}  // namespace aantafel::core

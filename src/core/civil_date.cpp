#include "core/civil_date.hpp"

#include <cstdio>
#include <ctime>

namespace aantafel::core {

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDays[month - 1];
}

std::optional<CivilDate> CivilDate::Parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto number = [&](std::size_t from, std::size_t count) {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return -1;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  const int y = number(0, 4);
  const int m = number(5, 2);
  const int d = number(8, 2);
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) {
    return std::nullopt;
  }
  return CivilDate{y, m, d};
}

std::string CivilDate::ToString() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year % 10000, month % 100, day % 100);
  return buffer;
}

// Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms).
long CivilDate::DaysSinceEpoch() const {
  const int y = year - (month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned mp = static_cast<unsigned>(month > 2 ? month - 3 : month + 9);
  const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(day) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<long>(era) * 146097 + static_cast<long>(doe) - 719468;
}

CivilDate CivilDate::FromDaysSinceEpoch(long days) {
  days += 719468;
  const long era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(static_cast<long>(yoe) + era * 400 + (m <= 2 ? 1 : 0));
  return CivilDate{y, m, d};
}

namespace {

// The last Sunday of `month` in `year` (1970-01-01 was a Thursday).
CivilDate LastSunday(int year, int month) {
  CivilDate last{year, month, DaysInMonth(year, month)};
  const long days = last.DaysSinceEpoch();
  const long weekday = ((days % 7) + 7 + 4) % 7;  // 0 = Sunday
  return CivilDate::FromDaysSinceEpoch(days - weekday);
}

long long MillisAt(const CivilDate& date, int hour_utc) {
  return (static_cast<long long>(date.DaysSinceEpoch()) * 86400 + hour_utc * 3600LL) * 1000;
}

}  // namespace

int DutchUtcOffsetHours(Instant instant) {
  const long long ms = ToMillis(instant);
  const long long day = ms >= 0 ? ms / 86400000 : (ms - 86399999) / 86400000;
  const int year = CivilDate::FromDaysSinceEpoch(static_cast<long>(day)).year;
  const long long summer_starts = MillisAt(LastSunday(year, 3), 1);
  const long long summer_ends = MillisAt(LastSunday(year, 10), 1);
  return (ms >= summer_starts && ms < summer_ends) ? 2 : 1;
}

Instant FromDutchLocalTime(Instant wall_clock) {
  // The offset in force two hours before the wall-clock time, read as UTC, is the offset at that
  // time, except in the hour the clocks skip or repeat (02:00–03:00 on the last Sunday of March
  // and of October), where it gives the offset from before the switch.
  return wall_clock - std::chrono::hours(DutchUtcOffsetHours(wall_clock - std::chrono::hours(2)));
}

Instant StartOfDutchDay(const CivilDate& date) {
  // Midnight is never inside a switch (those happen at 02:00 and 03:00 local time).
  return FromDutchLocalTime(Instant(std::chrono::days(date.DaysSinceEpoch())));
}

CivilDate DutchDate(Instant instant) {
  const long long local = ToMillis(instant) + DutchUtcOffsetHours(instant) * 3600000LL;
  const long long day = local >= 0 ? local / 86400000 : (local - 86399999) / 86400000;
  return CivilDate::FromDaysSinceEpoch(static_cast<long>(day));
}

std::optional<Instant> ParseDateTime(std::string_view text) {
  if (text.size() < 16 || text[10] != 'T') return std::nullopt;
  const auto date = CivilDate::Parse(text.substr(0, 10));
  if (!date) return std::nullopt;
  auto two = [&](std::size_t at, int max) -> std::optional<int> {
    if (at + 2 > text.size() || text[at] < '0' || text[at] > '9' || text[at + 1] < '0' ||
        text[at + 1] > '9') {
      return std::nullopt;
    }
    const int v = (text[at] - '0') * 10 + (text[at + 1] - '0');
    return v <= max ? std::optional(v) : std::nullopt;
  };
  const auto hour = two(11, 23);
  const auto minute = two(14, 59);
  if (!hour || !minute || text[13] != ':') return std::nullopt;
  std::size_t at = 16;
  int second = 0;
  if (at < text.size() && text[at] == ':') {
    const auto s = two(at + 1, 59);
    if (!s) return std::nullopt;
    second = *s;
    at += 3;
  }
  const auto local = Instant(std::chrono::days(date->DaysSinceEpoch())) +
                     std::chrono::hours(*hour) + std::chrono::minutes(*minute) +
                     std::chrono::seconds(second);
  const std::string_view zone = text.substr(at);
  if (zone.empty()) {
    return FromDutchLocalTime(local);
  }
  if (zone == "Z") return local;
  if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':') {
    return std::nullopt;
  }
  const auto oh = two(at + 1, 14);
  const auto om = two(at + 4, 59);
  if (!oh || !om) return std::nullopt;
  const auto offset = std::chrono::hours(*oh) + std::chrono::minutes(*om);
  return zone[0] == '+' ? local - offset : local + offset;
}

std::string FormatTimestamp(Instant instant) {
  const std::int64_t ms = ToMillis(instant);
  const std::time_t seconds = static_cast<std::time_t>(ms >= 0 ? ms / 1000 : (ms - 999) / 1000);
  const int millis = static_cast<int>(ms - static_cast<std::int64_t>(seconds) * 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[96];  // room for any int the compiler cannot rule out
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, millis);
  return buffer;
}

}  // namespace aantafel::core

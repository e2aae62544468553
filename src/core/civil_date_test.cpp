#include "core/civil_date.hpp"

#include <gtest/gtest.h>

namespace aantafel::core {
namespace {

Instant Utc(const char* date, int hour, int minute = 0) {
  const long days = CivilDate::Parse(date)->DaysSinceEpoch();
  return FromMillis((static_cast<std::int64_t>(days) * 86400 + hour * 3600 + minute * 60) * 1000);
}

TEST(CivilDate, ParsesOnlyRealDates) {
  EXPECT_EQ(CivilDate::Parse("2026-03-18"), (CivilDate{2026, 3, 18}));
  EXPECT_TRUE(CivilDate::Parse("2024-02-29"));
  for (const char* bad : {"2025-02-29", "2026-13-01", "2026-04-31", "2026-3-18", "18-03-2026",
                          "2026-03-18T00:00", "abcd-ef-gh", "1700-01-01", ""}) {
    EXPECT_FALSE(CivilDate::Parse(bad)) << bad;
  }
}

TEST(CivilDate, RoundTripsThroughDayNumbers) {
  EXPECT_EQ((CivilDate{1970, 1, 1}).DaysSinceEpoch(), 0);
  EXPECT_EQ((CivilDate{2000, 3, 1}).DaysSinceEpoch(), 11017);
  for (long d = -1000; d < 30000; d += 37) {
    EXPECT_EQ(CivilDate::FromDaysSinceEpoch(d).DaysSinceEpoch(), d);
  }
  EXPECT_EQ((CivilDate{2026, 3, 1}).AddDays(-1), (CivilDate{2026, 2, 28}));
  EXPECT_EQ((CivilDate{2026, 3, 18}).ToString(), "2026-03-18");
}

TEST(DutchDate, FollowsCetAndCestWithTheEuropeanSwitchAt0100Utc) {
  // 2026: summer time from Sunday 29 March 01:00 UTC to Sunday 25 October 01:00 UTC.
  EXPECT_EQ(DutchUtcOffsetHours(Utc("2026-03-29", 0, 59)), 1);
  EXPECT_EQ(DutchUtcOffsetHours(Utc("2026-03-29", 1, 0)), 2);
  EXPECT_EQ(DutchUtcOffsetHours(Utc("2026-10-25", 0, 59)), 2);
  EXPECT_EQ(DutchUtcOffsetHours(Utc("2026-10-25", 1, 0)), 1);
  // Late evening UTC is already the next day in Amsterdam.
  EXPECT_EQ(DutchDate(Utc("2026-07-01", 22, 30)), (CivilDate{2026, 7, 2}));
  EXPECT_EQ(DutchDate(Utc("2026-12-31", 22, 59)), (CivilDate{2026, 12, 31}));
  EXPECT_EQ(DutchDate(Utc("2026-12-31", 23, 0)), (CivilDate{2027, 1, 1}));
}

TEST(StartOfDutchDay, IsLocalMidnightOnBothSidesOfBothSwitches) {
  // 2026: summer time from Sunday 29 March, winter time from Sunday 25 October.
  EXPECT_EQ(StartOfDutchDay({2026, 1, 15}), Utc("2026-01-14", 23));
  EXPECT_EQ(StartOfDutchDay({2026, 3, 28}), Utc("2026-03-27", 23));
  EXPECT_EQ(StartOfDutchDay({2026, 3, 29}), Utc("2026-03-28", 23)) << "the switch is at 02:00";
  EXPECT_EQ(StartOfDutchDay({2026, 3, 30}), Utc("2026-03-29", 22));
  EXPECT_EQ(StartOfDutchDay({2026, 7, 1}), Utc("2026-06-30", 22));
  EXPECT_EQ(StartOfDutchDay({2026, 10, 25}), Utc("2026-10-24", 22)) << "the switch is at 03:00";
  EXPECT_EQ(StartOfDutchDay({2026, 10, 26}), Utc("2026-10-25", 23));
  EXPECT_EQ(StartOfDutchDay({2027, 1, 1}), Utc("2026-12-31", 23));
  // Every day from its first to its last millisecond is that day in the Netherlands.
  for (CivilDate d{2026, 3, 25}; d.DaysSinceEpoch() <= CivilDate{2026, 11, 1}.DaysSinceEpoch();
       d = d.AddDays(1)) {
    EXPECT_EQ(DutchDate(StartOfDutchDay(d)), d) << d.ToString();
    EXPECT_EQ(DutchDate(StartOfDutchDay(d.AddDays(1)) - std::chrono::milliseconds(1)), d)
        << d.ToString();
  }
}

TEST(ParseDateTime, DutchLocalTimeAndRfc3339) {
  EXPECT_EQ(ParseDateTime("2026-11-23T10:00"), Utc("2026-11-23", 9));  // CET
  EXPECT_EQ(ParseDateTime("2026-07-01T10:00"), Utc("2026-07-01", 8));  // CEST
  EXPECT_EQ(ParseDateTime("2026-07-01T10:00:30Z"),
            Utc("2026-07-01", 10) + std::chrono::seconds(30));
  EXPECT_EQ(ParseDateTime("2026-07-01T10:00+02:00"), Utc("2026-07-01", 8));
  EXPECT_EQ(ParseDateTime("2026-07-01T10:00-01:30"), Utc("2026-07-01", 11, 30));
  for (const char* bad : {"", "2026-07-01", "2026-07-01 10:00", "2026-07-01T25:00",
                          "2026-02-30T10:00", "2026-07-01T10:00+2", "2026-07-01T10:00X"}) {
    EXPECT_FALSE(ParseDateTime(bad)) << bad;
  }
}

}  // namespace
}  // namespace aantafel::core

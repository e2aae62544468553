#include "core/feedback/model.hpp"

#include <gtest/gtest.h>

namespace aantafel::core::feedback {
namespace {

TEST(NpsCategory, ZeroToSixDetractSevenEightArePassiveNineTenPromote) {
  for (int s = 0; s <= 6; ++s) EXPECT_EQ(CategoryOf(s), Category::kDetractor) << s;
  EXPECT_EQ(CategoryOf(7), Category::kPassive);
  EXPECT_EQ(CategoryOf(8), Category::kPassive);
  EXPECT_EQ(CategoryOf(9), Category::kPromoter);
  EXPECT_EQ(CategoryOf(10), Category::kPromoter);
}

TEST(NpsEstimate, NoAnswersGiveNoNumberAndNoInterval) {
  const auto e = EstimateNps({});
  EXPECT_FALSE(e.nps);
  EXPECT_FALSE(e.ci_low);
  EXPECT_FALSE(e.ci_high);
}

TEST(NpsEstimate, MatchesAHandComputedAdjustedWaldInterval) {
  // n = 10: 5 promoters, 3 passives, 2 detractors → NPS 30.
  // Adjusted: p+ = 5.75/13, p- = 2.75/13, d = 0.230769, var = (0.653846 − 0.053254)/13,
  // margin = 1.96 · 0.214941 = 0.421283 → [−19.05, 65.21].
  const auto e = EstimateNps({.promoters = 5, .passives = 3, .detractors = 2});
  ASSERT_TRUE(e.nps && e.ci_low && e.ci_high);
  EXPECT_NEAR(*e.nps, 30.0, 1e-9);
  EXPECT_NEAR(*e.ci_low, -19.05, 0.01);
  EXPECT_NEAR(*e.ci_high, 65.21, 0.01);
}

TEST(NpsEstimate, AllPromotersIsOneHundredWithAnIntervalClippedAtTheTop) {
  // n = 5: p+ = 5.75/8, p- = 0.75/8, d = 0.625, var = (0.8125 − 0.390625)/8, margin 0.450094.
  const auto e = EstimateNps({.promoters = 5});
  EXPECT_NEAR(*e.nps, 100.0, 1e-9);
  EXPECT_NEAR(*e.ci_low, 17.49, 0.01);
  EXPECT_DOUBLE_EQ(*e.ci_high, 100.0);
}

TEST(NpsEstimate, AllDetractorsMirrorsAllPromoters) {
  const auto e = EstimateNps({.detractors = 5});
  EXPECT_NEAR(*e.nps, -100.0, 1e-9);
  EXPECT_DOUBLE_EQ(*e.ci_low, -100.0);
  EXPECT_NEAR(*e.ci_high, -17.49, 0.01);
}

TEST(NpsEstimate, OneAnswerStillGetsAWideHonestInterval) {
  const auto e = EstimateNps({.passives = 1});
  EXPECT_NEAR(*e.nps, 0.0, 1e-9);
  // p+ = p- = 0.75/4, d = 0, var = 0.375/4, margin = 1.96 · 0.306186 = 0.600118.
  EXPECT_NEAR(*e.ci_low, -60.01, 0.01);
  EXPECT_NEAR(*e.ci_high, 60.01, 0.01);
}

TEST(NpsEstimate, TheIntervalNarrowsAsAnswersGrow) {
  const auto small = EstimateNps({.promoters = 20, .passives = 10, .detractors = 10});
  const auto large = EstimateNps({.promoters = 2000, .passives = 1000, .detractors = 1000});
  EXPECT_NEAR(*small.nps, *large.nps, 1e-9);
  EXPECT_LT(*large.ci_high - *large.ci_low, (*small.ci_high - *small.ci_low) / 5);
  EXPECT_LT(*large.ci_low, 25.0);
  EXPECT_GT(*large.ci_high, 25.0);
}

TEST(LocalDay, FollowsAmsterdamTimeAcrossMidnight) {
  // 2026-11-23 23:30 UTC is 2026-11-24 00:30 in Amsterdam (CET).
  const auto late = FromMillis(1795476600000);  // 2026-11-23T23:30:00Z
  EXPECT_EQ(CivilDate::FromDaysSinceEpoch(LocalDay(late)).ToString(), "2026-11-24");
}

TEST(Weeks, IsoWeeksStartOnMondayAndBelongToTheYearOfTheirThursday) {
  const long d = CivilDate{2026, 11, 26}.DaysSinceEpoch();  // a Thursday
  EXPECT_EQ(CivilDate::FromDaysSinceEpoch(WeekStart(d)).ToString(), "2026-11-23");
  EXPECT_EQ(IsoWeekLabel(d), "2026-W48");
  EXPECT_EQ(IsoWeekLabel(CivilDate{2027, 1, 1}.DaysSinceEpoch()), "2026-W53");
  EXPECT_EQ(IsoWeekLabel(CivilDate{2024, 12, 30}.DaysSinceEpoch()), "2025-W01");
  EXPECT_EQ(CivilDate::FromDaysSinceEpoch(MonthStart(d)).ToString(), "2026-11-01");
}

TEST(Phone, DutchAndInternationalFormsAreNormalised) {
  EXPECT_EQ(NormalisePhone("06-12345678"), "+31612345678");
  EXPECT_EQ(NormalisePhone(" 06 1234 5678 "), "+31612345678");
  EXPECT_EQ(NormalisePhone("020-1234567"), "+31201234567");
  EXPECT_EQ(NormalisePhone("(020) 123 45 67"), "+31201234567");
  EXPECT_EQ(NormalisePhone("+31 6 1234 5678"), "+31612345678");
  EXPECT_EQ(NormalisePhone("+31 (0)6 12345678"), "+31612345678");
  EXPECT_EQ(NormalisePhone("0031612345678"), "+31612345678");
  EXPECT_EQ(NormalisePhone("+32 470 12 34 56"), "+32470123456");
}

TEST(Phone, WrongNumbersAreRefused) {
  for (const char* bad : {"", "abc", "0612345", "061234567890", "+31 6 123", "00", "+",
                          "06-1234567a", "+0123456789", "0012", "6123456789"}) {
    EXPECT_FALSE(NormalisePhone(bad)) << bad;
  }
}

TEST(ClientKey, PhoneAndEmailMeetTheSameClientInDifferentSpellings) {
  EXPECT_EQ(ClientKey("06 12345678"), ClientKey("+31612345678"));
  EXPECT_EQ(ClientKey("Jan@Example.NL"), ClientKey("jan@example.nl"));
  EXPECT_NE(ClientKey("06 12345678"), ClientKey("06 12345679"));
  EXPECT_FALSE(ClientKey("iemand"));
}

TEST(Questions, RoundTripThroughStorageAndRefuseBrokenText) {
  Questions q = StandardQuestions();
  q.why_nl = "Waarom? \"echt\"";
  EXPECT_EQ(DecodeQuestions(EncodeQuestions(q)), q);
  EXPECT_FALSE(DecodeQuestions("{}"));
  EXPECT_FALSE(DecodeQuestions("not json"));
  EXPECT_NE(q.recommend_nl.find("{service}"), std::string::npos);
}

}  // namespace
}  // namespace aantafel::core::feedback

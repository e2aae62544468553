// Overzicht: urgency, ranking and hiding.
#include <gtest/gtest.h>

#include "core/overview/act_now.hpp"
#include "core/overview/digest.hpp"
#include "core/overview/model.hpp"

namespace aantafel::core::overview {
namespace {

const CivilDate kToday{2026, 11, 23};

ActItem Item(std::string key, Reason reason, std::optional<int> due_in, bool mine = false) {
  ActItem item;
  item.key = std::move(key);
  item.reason = reason;
  if (due_in) item.due = kToday.AddDays(*due_in);
  item.mine = mine;
  return item;
}

std::vector<std::string> Keys(const std::vector<ActItem>& items) {
  std::vector<std::string> out;
  for (const auto& i : items) out.push_back(i.key);
  return out;
}

TEST(Overview, OverdueCallbacksComeFirstThenOverdueAgreementsThenWhatIsDueSoon) {
  const auto ranked = Rank(
      {Item("scan:1", Reason::kScanWaiting, std::nullopt), Item("agreement:1", Reason::kDueSoon, 6),
       Item("agreement:2", Reason::kDueSoon, 1), Item("agreement:3", Reason::kOverdue, -2),
       Item("agreement:4", Reason::kOverdue, -9), Item("callback:1", Reason::kCallbackOverdue, -1),
       Item("window:1", Reason::kWindowOpensSoon, 10), Item("window:2", Reason::kWindowOpen, 30),
       Item("callback:2", Reason::kCallbackOpen, 1)},
      {}, kToday, 50);
  EXPECT_EQ(Keys(ranked), (std::vector<std::string>{"callback:1", "agreement:4", "agreement:3",
                                                    "callback:2", "agreement:2", "agreement:1",
                                                    "window:2", "window:1", "scan:1"}));
  EXPECT_GT(ranked.front().urgency, ranked.back().urgency);
}

TEST(Overview, OwnItemsGoAheadOfEqualOnesAndTiesKeepDateThenKeyOrder) {
  const auto ranked = Rank({Item("b", Reason::kDueSoon, 3), Item("a", Reason::kDueSoon, 3),
                            Item("c", Reason::kDueSoon, 3, /*mine=*/true)},
                           {}, kToday, 10);
  EXPECT_EQ(Keys(ranked), (std::vector<std::string>{"c", "a", "b"}));
  EXPECT_EQ(
      Rank({Item("a", Reason::kDueSoon, 3), Item("b", Reason::kDueSoon, 4)}, {}, kToday, 1).size(),
      1U);
}

TEST(Overview, ACouncilTopicInsideAnOpenWindowOfThatMunicipalityRanksWithTheWindows) {
  auto window = Item("window:1", Reason::kWindowOpen, 30);
  window.municipality_code = "GM0342";
  window.about = "Beschermd wonen in Soest";
  auto soest = Item("council:1", Reason::kCouncilTopic, 5);
  soest.municipality_code = "GM0342";
  soest.about = "Beschermd wonen";
  auto utrecht = Item("council:2", Reason::kCouncilTopic, 5);
  utrecht.municipality_code = "GM0344";
  utrecht.about = "Jeugd";
  const auto ranked =
      Rank({utrecht, window, soest, Item("deadline", Reason::kDeadlineSoon, 5)}, {}, kToday, 10);
  EXPECT_EQ(Keys(ranked),
            (std::vector<std::string>{"council:1", "window:1", "deadline", "council:2"}));
  EXPECT_EQ(ranked[0].open_window, "Beschermd wonen in Soest");
  EXPECT_EQ(ranked[3].open_window, "");
  EXPECT_EQ(Explain(ranked[0], kToday, false),
            "Jullie onderwerp \"Beschermd wonen\" staat over 5 dagen op de agenda van de raad. "
            "Het venster van jullie plan \"Beschermd wonen in Soest\" is nu open: een goed moment "
            "om het in te brengen.");
  EXPECT_EQ(Explain(ranked[3], kToday, true),
            "Your topic \"Jeugd\" is on the council's agenda in 5 days.");
  // A window that closes before the meeting does not count.
  auto closing = window;
  closing.due = kToday.AddDays(2);
  EXPECT_EQ(Rank({soest, closing}, {}, kToday, 10).back().open_window, "");
}

TEST(Overview, DismissedItemsStayAwayAndSnoozedOnesReturnOnTheirDay) {
  const std::vector<ActItem> items{
      Item("gone", Reason::kOverdue, -1), Item("later", Reason::kOverdue, -1),
      Item("back", Reason::kOverdue, -1), Item("shown", Reason::kOverdue, -1)};
  const std::map<std::string, Hidden> hidden{
      {"gone", {}}, {"later", {kToday.AddDays(1)}}, {"back", {kToday}}, {"other", {}}};
  EXPECT_EQ(Keys(Rank(items, hidden, kToday, 10)), (std::vector<std::string>{"back", "shown"}));
  EXPECT_EQ(Keys(Rank(items, hidden, kToday.AddDays(1), 10)),
            (std::vector<std::string>{"back", "later", "shown"}));
}

TEST(OverviewDigest, DailyOnceADayWeeklyOnMondayOrAfterAMissedOne) {
  DigestSubscriber s{.frequency = DigestFrequency::kDaily};
  const CivilDate monday{2026, 11, 23};  // a Monday
  EXPECT_TRUE(DigestDue(s, monday, false));
  s.last_sent_on = monday;
  EXPECT_FALSE(DigestDue(s, monday, false));
  EXPECT_TRUE(DigestDue(s, monday, true)) << "the operator may force one";
  EXPECT_TRUE(DigestDue(s, monday.AddDays(1), false));
  s.frequency = DigestFrequency::kWeekly;
  s.last_sent_on = monday;
  for (int d = 1; d < 7; ++d) EXPECT_FALSE(DigestDue(s, monday.AddDays(d), false)) << d;
  EXPECT_TRUE(DigestDue(s, monday.AddDays(7), false));
  s.last_sent_on = monday.AddDays(-8);  // last week's was missed
  EXPECT_TRUE(DigestDue(s, monday.AddDays(2), false));
  s.frequency = DigestFrequency::kNone;
  EXPECT_FALSE(DigestDue(s, monday, true));
}

TEST(OverviewDigest, TheMailListsEachItemWithItsReasonAndLink) {
  const DigestSubscriber s{.workspace_slug = "zorg-west",
                           .workspace_name = "Zorg West",
                           .email = "anna@zorg.nl",
                           .name = "Anna",
                           .frequency = DigestFrequency::kWeekly};
  ActItem item = Item("agreement:7", Reason::kOverdue, -2);
  item.title = "Afspraak: cijfers delen";
  item.link = "interactions/agreements/7";
  const Mail mail =
      ComposeDigest(s, {item}, {"2 dagen over de datum."}, "https://aantafel.example", kToday);
  EXPECT_EQ(mail.to, "anna@zorg.nl");
  EXPECT_EQ(mail.subject, "aantafel: 1 punt voor deze week (Zorg West)");
  EXPECT_NE(mail.text.find("- Afspraak: cijfers delen\n  2 dagen over de datum.\n  "
                           "https://aantafel.example/w/zorg-west/interactions/agreements/7\n"),
            std::string::npos)
      << mail.text;
  EXPECT_NE(mail.text.find("wekelijkse"), std::string::npos);
  EXPECT_NE(ComposeDigest(s, {}, {}, "https://x", kToday).subject.find("niets dringends"),
            std::string::npos);
  EXPECT_NE(mail.html.find("<a href=\"https://aantafel.example/w/zorg-west/interactions/"
                           "agreements/7\">Afspraak: cijfers delen</a>"),
            std::string::npos)
      << mail.html;
  EXPECT_NE(mail.text.find("https://aantafel.example/account"), std::string::npos)
      << "where to turn it off";
}

TEST(OverviewDigest, CouncilTopicsHaveTheirOwnSectionAfterTheRest) {
  DigestSubscriber s{.workspace_slug = "zorg-west",
                     .workspace_name = "Zorg West",
                     .email = "anna@zorg.nl",
                     .name = "Anna",
                     .frequency = DigestFrequency::kDaily};
  ActItem council = Item("council:5:1", Reason::kCouncilTopic, 3);
  council.title = "Commissie Samenleving (Soest): Beleidsplan beschermd wonen";
  council.link = "council/meetings/5";
  ActItem agreement = Item("agreement:7", Reason::kOverdue, -2);
  agreement.title = "Afspraak: cijfers delen";
  agreement.link = "interactions/agreements/7";
  const Mail mail =
      ComposeDigest(s, {council, agreement}, {"Over 3 dagen.", "Te laat."}, "https://x", kToday);
  EXPECT_EQ(mail.subject, "aantafel: 2 punten voor vandaag (Zorg West)");
  const auto own = mail.text.find("- Afspraak: cijfers delen\n  Te laat.");
  const auto section = mail.text.find(
      "\nIn de raad:\n- Commissie Samenleving (Soest): "
      "Beleidsplan beschermd wonen\n  Over 3 dagen.\n  "
      "https://x/w/zorg-west/council/meetings/5\n");
  ASSERT_NE(own, std::string::npos) << mail.text;
  ASSERT_NE(section, std::string::npos) << mail.text;
  EXPECT_LT(own, section);
  EXPECT_NE(mail.html.find("<h2 style=\"font-size:18px\">In de raad</h2>\n<ul>\n<li><a "
                           "href=\"https://x/w/zorg-west/council/meetings/5\">"),
            std::string::npos)
      << mail.html;
}

TEST(OverviewDigest, ThePersonsOwnLanguageAndNoUnescapedHtml) {
  DigestSubscriber s{.workspace_slug = "zorg-west",
                     .workspace_name = "Zorg <West>",
                     .email = "anna@zorg.nl",
                     .name = "Anna",
                     .frequency = DigestFrequency::kDaily,
                     .language = Language::kEnglish};
  ActItem item = Item("agreement:7", Reason::kOverdue, -2);
  item.title = "Agreement: <b>share</b> figures";
  item.link = "interactions/agreements/7";
  const Mail mail = ComposeDigest(s, {item}, {"2 days overdue."}, "https://x", kToday);
  EXPECT_EQ(mail.subject, "aantafel: 1 item for today (Zorg <West>)");
  EXPECT_NE(mail.text.find("daily summary"), std::string::npos);
  EXPECT_NE(mail.html.find("lang=\"en\""), std::string::npos);
  EXPECT_EQ(mail.html.find("<b>share"), std::string::npos);
  EXPECT_NE(mail.html.find("&lt;b&gt;share"), std::string::npos);
}

}  // namespace
}  // namespace aantafel::core::overview

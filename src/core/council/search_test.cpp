#include "core/council/search.hpp"

#include <gtest/gtest.h>

namespace aantafel::core::council {
namespace {

TEST(CouncilTopics, ATextIsOnATopicWhenATermOccursAndNoExclusionDoes) {
  const std::vector<Topic> topics = {
      {.id = 1, .name = "Beschermd wonen", .terms = {"beschermd wonen", "maatschappelijke opvang"}},
      {.id = 2, .name = "Jeugd", .terms = {"jeugdhulp"}, .exclusions = {"jeugdhulp sport"}},
  };
  const auto compiled = CompileTopics(topics);
  ASSERT_EQ(compiled.size(), 2U);
  EXPECT_EQ(compiled[0].topic().name, "Beschermd wonen");
  EXPECT_EQ(compiled[1].topic().id, 2);

  // Inflected words and other case still match; a phrase needs its words in a row.
  EXPECT_TRUE(compiled[0].Matches(TopicStems("Motie over BESCHERMDE wonen-plekken")));
  EXPECT_TRUE(compiled[0].Matches(TopicStems("Kosten van de maatschappelijke opvang 2027")));
  EXPECT_FALSE(compiled[0].Matches(TopicStems("Wonen en beschermd groen")));

  EXPECT_TRUE(compiled[1].Matches(TopicStems("Wachtlijsten in de jeugdhulp")));
  EXPECT_FALSE(compiled[1].Matches(TopicStems("Subsidie jeugdhulp sport en bewegen")))
      << "an exclusion wins over a term";
  EXPECT_FALSE(compiled[1].Matches(TopicStems("")));
}

TEST(CouncilTopics, TopicsFollowTheSearchWordRuleAccentsFoldedNumbersKept) {
  const std::vector<Topic> topics = {
      {.id = 4, .name = "Cliëntondersteuning", .terms = {"cliëntondersteuning"}},
      {.id = 5, .name = "Wmo 2015", .terms = {"wmo 2015"}},
  };
  const auto compiled = CompileTopics(topics);
  EXPECT_TRUE(compiled[0].Matches(TopicStems("Offerte clientondersteuning 2027")))
      << "accents do not count, as in council search";
  EXPECT_TRUE(compiled[0].Matches(TopicStems("CLIËNTONDERSTEUNING")));
  EXPECT_TRUE(compiled[1].Matches(TopicStems("Verordening Wmo 2015, wijziging")));
  EXPECT_FALSE(compiled[1].Matches(TopicStems("Verordening Wmo 2007")))
      << "a number in a term is a word of its own";
  EXPECT_EQ(TopicStems("Wachtlijsten jeugdhulp"), TopicStems("wachtlijst Jeugdhulp"));
}

TEST(CouncilTopics, ATopicWithoutTermsMatchesNothing) {
  const std::vector<Topic> topics = {{.id = 3, .name = "Leeg"}};
  const auto compiled = CompileTopics(topics);
  EXPECT_FALSE(compiled.front().Matches(TopicStems("wat dan ook")));
}

}  // namespace
}  // namespace aantafel::core::council

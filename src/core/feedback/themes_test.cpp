#include "core/feedback/themes.hpp"

#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "core/knowledge.hpp"

namespace aantafel::core::feedback {
namespace {

using Ids = std::vector<std::string>;

const ThemeDetector& Detector() {
  static const ThemeDetector detector(BuiltInThemeLexicon());
  return detector;
}

TEST(ThemeLexicon, TheBuiltInKnowledgeFileIsValid) {
  ASSERT_FALSE(knowledge::Text("feedback_themes").empty());
  auto parsed = ParseThemeLexicon(knowledge::Text("feedback_themes"));
  ASSERT_TRUE(parsed);
  const Ids expected{"wachttijd",     "bereikbaarheid", "bejegening",
                     "communicatie",  "deskundigheid",  "wisselende_medewerkers",
                     "planning_tijd", "kosten",         "regels_bureaucratie"};
  Ids ids;
  for (const Theme& t : parsed->themes) {
    ids.push_back(t.id);
    EXPECT_FALSE(t.label.nl.empty()) << t.id;
    EXPECT_FALSE(t.label.en.empty()) << t.id;
    EXPECT_GE(t.terms.size(), 10U) << t.id;
    EXPECT_LE(t.terms.size(), 25U) << t.id;
    EXPECT_TRUE(parsed->sources.contains(t.source)) << t.id;
  }
  EXPECT_EQ(ids, expected);
  EXPECT_EQ(parsed->question.nl, "Wat kan er beter?");
  EXPECT_TRUE(parsed->sources.contains(parsed->question_source));
  EXPECT_NE(parsed->Find("kosten"), nullptr);
  EXPECT_EQ(parsed->Find("weer"), nullptr);
}

constexpr const char* kValidTheme =
    R"({"id":"x","label":{"nl":"X","en":"X"},"source":"s","terms":["woord"]})";

std::string File(const std::string& theme, const std::string& extra = "") {
  return R"({"schema":1,"about":{"nl":"a","en":"a"},"sources":{"s":{"title":"t","publisher":"p","year":2026}},)"
         R"("question":{"nl":"q","en":"q"},"question_source":"s",)" +
         extra + R"("themes":[)" + theme + "]}";
}

TEST(ThemeLexicon, AMinimalFileParses) {
  auto parsed = ParseThemeLexicon(File(kValidTheme));
  ASSERT_TRUE(parsed) << parsed.error().fields.begin()->first;
  ASSERT_EQ(parsed->themes.size(), 1U);
  EXPECT_EQ(parsed->themes[0].terms, Ids{"woord"});
}

TEST(ThemeLexicon, BrokenFilesAreRefusedWithThePath) {
  EXPECT_FALSE(ParseThemeLexicon("{"));
  EXPECT_FALSE(ParseThemeLexicon("[]"));

  auto unknown_key = ParseThemeLexicon(File(
      R"({"id":"x","label":{"nl":"X","en":"X"},"source":"s","terms":["woord"],"colour":"red"})"));
  ASSERT_FALSE(unknown_key);
  EXPECT_EQ(unknown_key.error().fields.count("themes[0].colour"), 1U);
  EXPECT_EQ(unknown_key.error().fields.at("themes[0].colour").issue, FieldIssue::kUnknownField);

  auto missing_en =
      ParseThemeLexicon(File(R"({"id":"x","label":{"nl":"X"},"source":"s","terms":["woord"]})"));
  ASSERT_FALSE(missing_en);
  EXPECT_EQ(missing_en.error().fields.at("themes[0].label.en").issue, FieldIssue::kRequired);

  auto many = ParseThemeLexicon(File(
      std::string(kValidTheme) +
          R"(,{"id":"x","label":{"nl":"Y","en":"Y","de":"Y"},"source":"elders","terms":["a","A","12"]})",
      R"("extra":1,)"));
  ASSERT_FALSE(many);
  const auto& fields = many.error().fields;
  EXPECT_TRUE(fields.contains("feedback_themes.extra"));
  EXPECT_TRUE(fields.contains("themes[1].id"));  // duplicate
  EXPECT_TRUE(fields.contains("themes[1].label.de"));
  EXPECT_TRUE(fields.contains("themes[1].source"));
  EXPECT_TRUE(fields.contains("themes[1].terms[1]"));  // same word as terms[0]
  EXPECT_TRUE(fields.contains("themes[1].terms[2]"));  // no word at all
  EXPECT_FALSE(fields.contains("themes[0].id"));

  auto no_terms = ParseThemeLexicon(File(R"({"id":"x","label":{"nl":"X","en":"X"},"source":"s"})"));
  ASSERT_FALSE(no_terms);
  EXPECT_TRUE(no_terms.error().fields.contains("themes[0].terms"));
}

struct DetectCase {
  const char* text;
  Ids themes;
};

TEST(ThemeDetector, FindsThemesByStem) {
  const std::vector<DetectCase> cases{
      {"De wachttijd was veel te lang", {"wachttijd"}},
      {"ik moest wachten op een wachtlijst", {"wachttijd"}},
      {"Wachttijden!", {"wachttijd"}},
      {"steeds andere gezichten, elke keer een nieuwe hulp", {"wisselende_medewerkers"}},
      {"onvriendelijk behandeld", {"bejegening"}},
      {"ONVRIENDELIJK", {"bejegening"}},
      {"telefonisch slecht bereikbaar", {"bereikbaarheid"}},
      {"Ik werd niet goed geïnformeerd", {"communicatie"}},
      {"IK WERD NIET GOED GEÏNFORMEERD", {"communicatie"}},
      {"de eigen bijdrage is te hoog", {"kosten"}},
      {"van het kastje naar de muur gestuurd", {"regels_bureaucratie"}},
      {"", {}},
      {"Alles was prima, dank jullie wel!", {}},
      {"12345 !!! ...", {}},
      // A phrase needs its words in a row.
      {"de eigen auto en de bijdrage", {}},
  };
  for (const DetectCase& c : cases) {
    EXPECT_EQ(Detector().Detect(c.text), c.themes) << c.text;
  }
}

TEST(ThemeDetector, SeveralThemesComeOutInLexiconOrder) {
  EXPECT_EQ(Detector().Detect("Te duur, en ze kwamen steeds te laat. De wachtlijst is lang en "
                              "de hulp was onbeleefd."),
            (Ids{"wachttijd", "bejegening", "planning_tijd", "kosten"}));
}

TEST(ThemeDetector, IsSafeToUseFromSeveralThreads) {
  const std::vector<DetectCase> cases{
      {"De wachttijd was veel te lang", {"wachttijd"}},
      {"telefonisch slecht bereikbaar", {"bereikbaarheid"}},
      {"onvriendelijk behandeld en te duur", {"bejegening", "kosten"}},
  };
  std::vector<std::thread> threads;
  std::vector<int> wrong(8, 0);
  for (std::size_t t = 0; t < wrong.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        const DetectCase& c = cases[(t + static_cast<std::size_t>(i)) % cases.size()];
        if (Detector().Detect(c.text) != c.themes) ++wrong[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(wrong, std::vector<int>(8, 0));
}

struct MaskCase {
  const char* text;
  const char* masked;
};

TEST(MaskPersonalData, MasksPhoneNumbersAndEmailAddresses) {
  const std::vector<MaskCase> cases{
      {"bel me op 06-12345678 of 0612345678", "bel me op [telefoon] of [telefoon]"},
      {"+31 6 1234 5678", "[telefoon]"},
      {"nummer: +31 (0)6 12345678.", "nummer: [telefoon]."},
      {"020-1234567", "[telefoon]"},
      {"(020) 123 45 67", "[telefoon]"},
      {"(bel 06 12 34 56 78)", "(bel [telefoon])"},
      {"(06 12345678)", "([telefoon])"},
      {"0031 6 12345678", "[telefoon]"},
      {"+44 20 7946 0958", "[telefoon]"},
      {"mail jan@example.nl", "mail [e-mail]"},
      {"Mail naar j.de.vries+zorg@mail.example.com.", "Mail naar [e-mail]."},
      {"<josé@voorbeeld.nl>", "<[e-mail]>"},
      {"0612345678@example.nl", "[e-mail]"},
  };
  for (const MaskCase& c : cases) EXPECT_EQ(MaskPersonalData(c.text), c.masked) << c.text;
}

TEST(MaskPersonalData, KeepsEverythingElseByteIdentical) {
  for (const char* text :
       {"3512 AB 12", "Postcode 3512AB 12, Utrecht", "ik ben 85 jaar", "op 12-03-2024 om 14:30",
        "€ 1.250 per maand", "", "jan@", "@home", "a@b", "jan@example.c", "café — “prima” 😀",
        "abc0612345678", "versie 12345678"}) {
    EXPECT_EQ(MaskPersonalData(text), text) << text;
  }
}

}  // namespace
}  // namespace aantafel::core::feedback

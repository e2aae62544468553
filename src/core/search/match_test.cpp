#include "core/search/match.hpp"

#include <gtest/gtest.h>

#include "core/search/service.hpp"

namespace aantafel::core::search {
namespace {

Query Q(std::string_view text) {
  auto q = ParseQuery(text);
  EXPECT_TRUE(q) << text;
  return q ? *q : Query{};
}

bool Matches(std::string_view query, std::string_view text) {
  return MatchFields(Q(query), {text}).has_value();
}

TEST(SearchMatch, QueriesAreTrimmedFoldedAndLimited) {
  EXPECT_EQ(Q("  Coöperatie   Wijkteam ").words,
            (std::vector<std::string>{"cooperatie", "wijkteam"}));
  EXPECT_EQ(ParseQuery("a").error().fields.at("q").issue, FieldIssue::kTooShort);
  EXPECT_EQ(ParseQuery(std::string(101, 'a')).error().fields.at("q").limit, 100);
  EXPECT_EQ(ParseQuery("\xff\xfe").error().fields.at("q").issue, FieldIssue::kInvalidUtf8);
  EXPECT_EQ(ParseQuery("– …").error().fields.at("q").issue, FieldIssue::kInvalidFormat);
  EXPECT_EQ(Q("a b c d e f g h i j").words.size(), kMaxWords);
}

TEST(SearchMatch, WordsAreSplitOnSpacesAndPunctuationButKeepAccents) {
  const auto words = SplitWords("Zorg–welzijn: “café” € 5,- één");
  std::vector<std::string> folded;
  for (const auto& w : words) folded.push_back(w.folded);
  EXPECT_EQ(folded, (std::vector<std::string>{"zorg", "welzijn", "cafe", "5", "een"}));
  EXPECT_EQ(words[2].begin, std::string_view("Zorg–welzijn: “").size());
}

TEST(SearchMatch, OneTypingMistakeIsForgivenInWordsOfFourLettersOrMore) {
  EXPECT_TRUE(WithinEdits("valpreventie", "valpreventie", 0));
  EXPECT_TRUE(WithinEdits("valpreventei", "valpreventie", 1)) << "two letters swapped";
  EXPECT_TRUE(WithinEdits("valprevntie", "valpreventie", 1)) << "a letter left out";
  EXPECT_FALSE(WithinEdits("valprvntie", "valpreventie", 1));
  EXPECT_TRUE(WithinEdits("valprvntie", "valpreventie", 2));

  EXPECT_TRUE(Matches("wethoudre", "gesprek met de wethouder over jeugd"));
  EXPECT_TRUE(Matches("Wethouder", "gesprek met de wethouder"));
  EXPECT_TRUE(Matches("jeugdhulp", "Jeugdhulp"));
  EXPECT_TRUE(Matches("jeugdhlup", "over jeugdhulp"));
  EXPECT_TRUE(Matches("valprev", "Valpreventie in Noord")) << "the start of a word";
  EXPECT_TRUE(Matches("valprvent", "Valpreventie in Noord")) << "the start, with a mistake";
  EXPECT_TRUE(Matches("preventie", "Valpreventie")) << "inside a word";
  EXPECT_FALSE(Matches("zoh", "zorgverzekeraar")) << "three letters: no mistakes…";
  EXPECT_TRUE(Matches("zorh", "zorgverzekeraar")) << "…four letters may have one";
  EXPECT_FALSE(Matches("zrhg", "zorgverzekeraar")) << "but not two";
  EXPECT_FALSE(Matches("wmo", "womo")) << "three letters: exact, start or inside only";
  EXPECT_FALSE(Matches("kadernota beschermd", "kadernota 2027")) << "every word must match";
  EXPECT_TRUE(Matches("beschermd kadernota", "Kadernota: beschermd wonen"));
}

TEST(SearchMatch, BetterMatchesScoreLowerAndSpansMarkTheWords) {
  const auto exact = MatchFields(Q("wijkteam"), {"Wijkteam Noord"});
  const auto prefix = MatchFields(Q("wijk"), {"Wijkteam Noord"});
  const auto typo = MatchFields(Q("wijktaem"), {"Wijkteam Noord"});
  const auto in_body = MatchFields(Q("wijkteam"), {"Overleg", "", "met het wijkteam"});
  ASSERT_TRUE(exact && prefix && typo && in_body);
  EXPECT_LT(exact->score, prefix->score);
  EXPECT_LT(prefix->score, typo->score);
  EXPECT_LT(exact->score, in_body->score);
  EXPECT_EQ(exact->spans[0], (std::vector<Span>{{0, 8}}));
  EXPECT_EQ(in_body->spans[2], (std::vector<Span>{{8, 16}}));
}

TEST(SearchMatch, ASnippetShowsTheMatchInALongTextAndMovesItsSpans) {
  std::string notes(300, 'x');
  for (std::size_t i = 0; i < notes.size(); i += 10) notes[i] = ' ';
  notes += " de wethouder twijfelt over het budget " + std::string(200, 'y');
  const auto match = MatchFields(Q("twijfelt"), {"Overleg", "", notes});
  ASSERT_TRUE(match);
  const Hit hit = HitOf("interactions", "1", "interactions/1", {"Overleg", "", notes}, *match);
  ASSERT_EQ(hit.snippet_spans.size(), 1U);
  const auto& span = hit.snippet_spans[0];
  EXPECT_EQ(hit.snippet.substr(span.begin, span.end - span.begin), "twijfelt");
  EXPECT_LE(hit.snippet.size(), 170U);
  EXPECT_TRUE(hit.snippet.starts_with("… "));
}

TEST(SearchMatch, OffsetsAreCountedAsJavaScriptCounts) {
  const std::string text = "é😀a";  // 2 + 4 + 1 bytes; 1 + 2 + 1 UTF-16 units
  EXPECT_EQ(Utf16Offset(text, 2), 1U);
  EXPECT_EQ(Utf16Offset(text, 6), 3U);
  EXPECT_EQ(Utf16Offset(text, 7), 4U);
}

}  // namespace
}  // namespace aantafel::core::search

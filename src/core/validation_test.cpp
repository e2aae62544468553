#include "core/validation.hpp"

#include <gtest/gtest.h>

namespace aantafel::core {
namespace {

TEST(Utf8, AcceptsWellFormedText) {
  for (const char* text : {"", "abc", "coöperatie", "€ 12", "😀", "\xF4\x8F\xBF\xBF"}) {
    EXPECT_TRUE(IsValidUtf8(text)) << text;
  }
}

TEST(Utf8, RefusesMalformedText) {
  struct Case {
    const char* name;
    std::string bytes;
  };
  const Case cases[] = {
      {"lone continuation", "\x80"},  {"truncated 2-byte", "\xC3"},
      {"overlong slash", "\xC0\xAF"}, {"overlong 3-byte", "\xE0\x80\xAF"},
      {"surrogate", "\xED\xA0\x80"},  {"above U+10FFFF", "\xF4\x90\x80\x80"},
      {"invalid lead", "\xFF"},       {"truncated 4-byte", "\xF0\x9F\x98"},
  };
  for (const auto& c : cases) EXPECT_FALSE(IsValidUtf8(c.bytes)) << c.name;
}

TEST(TruncateUtf8, NeverSplitsACodePoint) {
  EXPECT_EQ(TruncateUtf8("abc", 10), "abc");
  EXPECT_EQ(TruncateUtf8("aö", 2), "a");  // ö is two bytes
  EXPECT_EQ(TruncateUtf8("😀😀", 5), "😀");
  EXPECT_EQ(TruncateUtf8("", 0), "");
}

TEST(CheckText, TrimsAndCountsCodePointsNotBytes) {
  FieldErrors errors;
  auto name = CheckText("name", "  Zorgcoöperatie  ", {.min_chars = 1, .max_chars = 15}, errors);
  ASSERT_TRUE(name);
  EXPECT_EQ(*name, "Zorgcoöperatie");  // 14 code points, 15 bytes
  EXPECT_TRUE(errors.empty());
}

TEST(CheckText, ReportsEachProblemUnderTheFieldName) {
  struct Case {
    std::string value;
    FieldIssue issue;
  };
  const Case cases[] = {
      {"   ", FieldIssue::kRequired},
      {std::string(11, 'a'), FieldIssue::kTooLong},
      {"a\x01"
       "b",
       FieldIssue::kInvalidFormat},
      {"\xC3", FieldIssue::kInvalidUtf8},
  };
  for (const auto& c : cases) {
    FieldErrors errors;
    EXPECT_FALSE(CheckText("title", c.value, {.min_chars = 1, .max_chars = 10}, errors));
    Error e = std::move(errors).ToError();
    ASSERT_EQ(e.fields.count("title"), 1U) << c.value;
    EXPECT_EQ(e.fields["title"].issue, c.issue) << c.value;
  }
}

TEST(CheckEmail, NormalisesCaseAndWhitespace) {
  FieldErrors errors;
  EXPECT_EQ(CheckEmail("email", " Anna@Gemeente.NL ", errors), "anna@gemeente.nl");
  EXPECT_TRUE(errors.empty());
}

TEST(CheckEmail, RefusesMalformedAddresses) {
  for (const char* bad : {"anna", "anna@", "@gemeente.nl", "anna@gemeente", "a@b@c.nl",
                          "anna @gemeente.nl", "anna@gemeente.nl.", "<a>@b.nl"}) {
    FieldErrors errors;
    EXPECT_FALSE(CheckEmail("email", bad, errors)) << bad;
    EXPECT_TRUE(errors.Has("email")) << bad;
  }
}

TEST(CheckSlug, AcceptsLowercaseWithInnerHyphens) {
  FieldErrors errors;
  EXPECT_EQ(CheckSlug("slug", "zorg-west-2", errors), "zorg-west-2");
  for (const char* bad : {"a", "Zorg", "-zorg", "zorg-", "zo--rg", "zorg_west", "zörg"}) {
    FieldErrors e;
    EXPECT_FALSE(CheckSlug("slug", bad, e)) << bad;
  }
}

TEST(CheckPassword, EnforcesLengthBounds) {
  FieldErrors short_errors;
  EXPECT_FALSE(CheckPassword("password", "kort", short_errors));
  FieldErrors long_errors;
  EXPECT_FALSE(CheckPassword("password", std::string(kMaxPasswordLength + 1, 'x'), long_errors));
  FieldErrors ok;
  EXPECT_TRUE(CheckPassword("password", "lang genoeg wachtwoord", ok));
  // Characters count, not bytes: five é's are ten bytes but five characters.
  FieldErrors accents;
  EXPECT_FALSE(CheckPassword("password", "ééééé", accents));
  EXPECT_EQ(std::move(accents).ToError().fields.at("password").issue, FieldIssue::kTooShort);
  FieldErrors ten;
  EXPECT_TRUE(CheckPassword("password", "éééééééééé", ten));
}

}  // namespace
}  // namespace aantafel::core

namespace aantafel::core {
namespace {

TEST(SearchFold, LowerCasesAndDropsDutchAccents) {
  EXPECT_EQ(SearchFold("Zorgcoöperatie Één"), "zorgcooperatie een");
  EXPECT_EQ(SearchFold("CRÈCHE À LA CARTE ÇA"), "creche a la carte ca");
  EXPECT_EQ(SearchFold("ß und ×"), "s und ×") << "× is no letter and stays";
  EXPECT_EQ(SearchFold("€ 10"), "€ 10");
}

}  // namespace
}  // namespace aantafel::core

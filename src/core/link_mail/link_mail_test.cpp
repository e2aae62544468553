#include <gtest/gtest.h>

#include "core/link_mail/mails.hpp"
#include "core/link_mail/service.hpp"

namespace aantafel::core::link_mail {
namespace {

FieldError CheckOf(std::optional<int> remind, int link_days) {
  FieldErrors errors;
  LinkMailService::Check({.language = Language::kDutch, .remind_after_days = remind}, link_days,
                         errors);
  if (errors.empty()) return {FieldIssue::kRequired, -1};
  return std::move(errors).ToError().fields.at("remind_after_days");
}

TEST(LinkMail, AReminderComesAtLeastADayAfterTheMailAndBeforeTheLinkExpires) {
  EXPECT_EQ(CheckOf(std::nullopt, 1).limit, -1) << "no reminder: always fine";
  EXPECT_EQ(CheckOf(13, 14).limit, -1);
  EXPECT_EQ(CheckOf(1, 2).limit, -1);
  EXPECT_EQ(CheckOf(14, 14), (FieldError{FieldIssue::kTooLarge, 13}));
  EXPECT_EQ(CheckOf(1, 1), (FieldError{FieldIssue::kTooLarge, 0})) << "a one-day link: none";
  EXPECT_EQ(CheckOf(61, 90), (FieldError{FieldIssue::kTooLarge, kMaxRemindDays}));
  EXPECT_EQ(CheckOf(0, 30), (FieldError{FieldIssue::kTooSmall, kMinRemindDays}));
  EXPECT_EQ(CheckOf(-5, 30), (FieldError{FieldIssue::kTooSmall, kMinRemindDays}));
}

TEST(LinkMail, TheMailCarriesTheLinkAndEscapesWhatTheWorkspaceTyped) {
  const LinkSubject subject{.kind = LinkKind::kScan,
                            .organisation = "Zorg & Welzijn <West>",
                            .title = "Samen \"sterk\"",
                            .about = "Hoogland"};
  const std::string link = "https://aantafel.example/s/sABC";
  const Mail mail = ComposeLinkMail(subject, "piet@hoogland.nl", link, Instant{}, Language::kDutch,
                                    /*reminder=*/false);
  EXPECT_EQ(mail.to, "piet@hoogland.nl");
  EXPECT_EQ(mail.subject, "Samenwerkingsscan \"Samen \"sterk\"\"");
  EXPECT_NE(mail.text.find("Zorg & Welzijn <West> vraagt u"), std::string::npos);
  EXPECT_NE(mail.text.find(link + "\n"), std::string::npos);
  EXPECT_NE(mail.html.find("Zorg &amp; Welzijn &lt;West&gt;"), std::string::npos);
  EXPECT_EQ(mail.html.find("<West>"), std::string::npos);
  EXPECT_NE(mail.html.find("href=\"" + link + "\""), std::string::npos);
  EXPECT_NE(mail.text.find("English: "), std::string::npos);

  const Mail reminder = ComposeLinkMail({.kind = LinkKind::kSurvey,
                                         .organisation = "Zorg West",
                                         .title = "Cliënten",
                                         .about = SurveyAbout("", "Dagbesteding", "Cliënten")},
                                        "kees@client.nl", "https://aantafel.example/f/pX",
                                        Instant{}, Language::kEnglish, /*reminder=*/true);
  EXPECT_EQ(reminder.subject, "Reminder: how was your experience with Dagbesteding?");
  EXPECT_NE(reminder.html.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_EQ(LinkUrl("https://zorg.example/", LinkKind::kSurvey, "pX"), "https://zorg.example/f/pX");
}

}  // namespace
}  // namespace aantafel::core::link_mail

// One voice per audience (decision 42): what aantafel says to professionals (API messages, the
// digest, invitations and reset mails) uses "je"; what it says to clients and partners (the
// survey, scan and social map pages, the questions and the link mails) uses "u". A text in the
// other form fails here with the text shown.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "core/accounts/mails.hpp"
#include "core/feedback/model.hpp"
#include "core/link_mail/mails.hpp"
#include "core/overview/digest.hpp"
#include "http/errors.hpp"
#include "http/handlers/scan_page.hpp"
#include "http/handlers/social_map_page.hpp"
#include "http/handlers/survey_page.hpp"

namespace aantafel::http {
namespace {

/// The words of `text` outside HTML tags that address the reader in the form `words` matches.
std::string Offending(const std::string& text, const std::regex& words) {
  const std::string plain = std::regex_replace(text, std::regex("<[^>]*>"), " ");
  std::smatch match;
  if (!std::regex_search(plain, match, words)) return "";
  const auto at = static_cast<std::size_t>(match.position(0));
  return "\"" + match.str(2) + "\" in: …" + plain.substr(at > 60 ? at - 60 : 0, 140) + "…";
}

// Whole words only: a letter (ASCII or a UTF-8 byte) on either side means another word.
const std::regex kFormal(R"((^|[^A-Za-z\x80-\xff])(u|uw|U|Uw)(?=$|[^A-Za-z\x80-\xff]))");
const std::regex kInformal(
    R"((^|[^A-Za-z\x80-\xff])(je|jouw|jij|Je|Jouw|Jij)(?=$|[^A-Za-z\x80-\xff]))");

#define EXPECT_VOICE(text, words) EXPECT_EQ(Offending((text), (words)), "")

TEST(Voice, TheRegexesFindTheOtherFormAndNothingElse) {
  EXPECT_NE(Offending("Kies uw naam.", kFormal), "");
  EXPECT_NE(Offending("U bent niet ingelogd.", kFormal), "");
  EXPECT_EQ(Offending("Kies je naam, tot uur 12. <ul><li>Uitleg</li></ul>", kFormal), "");
  EXPECT_NE(Offending("Geef je antwoord.", kInformal), "");
  EXPECT_EQ(Offending("Geef uw antwoord; jeugdhulp en bijeenkomst.", kInformal), "");
}

TEST(Voice, ProfessionalsAreAddressedWithJe) {
  for (int code = 0; code <= static_cast<int>(core::ErrorCode::kSsoRequired); ++code) {
    const auto error = core::Error::Of(static_cast<core::ErrorCode>(code));
    EXPECT_VOICE(ErrorMessage(error, Language::kDutch), kFormal) << "error " << code;
  }
  for (int issue = 0; issue <= static_cast<int>(core::FieldIssue::kFileContentMismatch); ++issue) {
    const core::FieldError field{.issue = static_cast<core::FieldIssue>(issue), .limit = 5};
    EXPECT_VOICE(FieldMessage(field, Language::kDutch), kFormal) << "field issue " << issue;
  }
  const auto invitation = core::accounts::ComposeInvitation({.to = "vera@zorg.nl",
                                                             .workspace_name = "Zorg West",
                                                             .inviter_name = "Anna",
                                                             .language = core::Language::kDutch,
                                                             .link = "https://a.example/i#x"});
  EXPECT_VOICE(invitation.text, kFormal);
  EXPECT_VOICE(invitation.html, kFormal);
  const auto reset = core::accounts::ComposePasswordReset({.to = "vera@zorg.nl",
                                                           .name = "Vera",
                                                           .language = core::Language::kDutch,
                                                           .link = "https://a.example/r#x"});
  EXPECT_VOICE(reset.text, kFormal);
  for (const bool empty : {true, false}) {
    std::vector<core::overview::ActItem> items;
    if (!empty)
      items.push_back({.key = "scan:1", .module = "scans", .title = "Scan", .link = "scan/1"});
    const auto digest =
        core::overview::ComposeDigest({.workspace_slug = "zorg-west",
                                       .workspace_name = "Zorg West",
                                       .email = "a@zorg.nl",
                                       .name = "Anna",
                                       .frequency = core::overview::DigestFrequency::kDaily},
                                      items, {"Nog niet iedereen heeft geantwoord."},
                                      "https://a.example", *core::CivilDate::Parse("2026-12-07"));
    EXPECT_VOICE(digest.text, kFormal);
    EXPECT_VOICE(digest.html, kFormal);
  }
}

TEST(Voice, ClientsAndPartnersAreAddressedWithU) {
  core::feedback::Survey survey{.name = "Wijkteam", .service = "Thuiszorg"};
  survey.questions = core::feedback::StandardQuestions();
  EXPECT_VOICE(SurveyFormPage(survey, "tok", false, {}, {}), kInformal);
  for (const bool callback : {true, false}) {
    EXPECT_VOICE(SurveyThanksPage(false, callback), kInformal);
  }
  for (int n = 0; n <= static_cast<int>(SurveyNotice::kStoreFailed); ++n) {
    EXPECT_VOICE(SurveyNoticePage(static_cast<SurveyNotice>(n), false), kInformal);
  }
  EXPECT_VOICE(ScanThanksPage("tok", false), kInformal);
  for (int n = 0; n <= static_cast<int>(ScanNotice::kStoreFailed); ++n) {
    EXPECT_VOICE(ScanNoticePage(static_cast<ScanNotice>(n), false), kInformal);
  }
  EXPECT_VOICE(SharedOfferMissingPage(false), kInformal);
  for (const auto kind : {core::link_mail::LinkKind::kScan, core::link_mail::LinkKind::kSurvey}) {
    for (const bool reminder : {false, true}) {
      const auto mail = core::link_mail::ComposeLinkMail(
          {.kind = kind, .organisation = "Zorg West", .title = "Samenwerking", .about = "Noord"},
          "a@b.nl", "https://a.example/s/x", core::Instant{}, core::Language::kDutch, reminder);
      EXPECT_VOICE(mail.text, kInformal);
      EXPECT_VOICE(mail.html, kInformal);
    }
  }
  // The scan page shows the templates' own introductions and statements.
  std::ifstream in(std::string(AANTAFEL_SOURCE_DIR) + "/knowledge/scan_templates.json");
  std::stringstream templates;
  templates << in.rdbuf();
  ASSERT_FALSE(templates.str().empty());
  EXPECT_VOICE(templates.str(), kInformal);
}

}  // namespace
}  // namespace aantafel::http

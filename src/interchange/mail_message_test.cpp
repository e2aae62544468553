// ParseMail on messages in the shapes Outlook, Gmail and Apple Mail really send
// (tests/fixtures/mail, made by make.py there; invented people): decoded headers and charsets,
// the body as text, files, forwards, invitations, winmail.dat, damaged input.
#include "interchange/mail_message.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace aantafel::interchange {
namespace {

using core::mail_intake::MailAddress;
using core::mail_intake::MailLimits;
using core::mail_intake::ParsedMail;

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(AANTAFEL_SOURCE_DIR) + "/tests/fixtures/" + name, std::ios::binary);
  EXPECT_TRUE(in) << name;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

ParsedMail Parse(const std::string& fixture, const MailLimits& limits = {}) {
  auto mail = ParseMail(Fixture("mail/" + fixture), limits);
  EXPECT_TRUE(mail.ok()) << fixture;
  return mail.ok() ? *mail : ParsedMail{};
}

TEST(ParseMail, AnOutlookMessageGivesItsPeopleItsTextAndItsFile) {
  const auto mail = Parse("outlook-kadernota.eml");
  EXPECT_EQ(mail.subject, "Verslag overleg kadernota – wachttijden");
  EXPECT_EQ(mail.message_id,
            "AM0PR09MB1234A1B2C3D4E5F6A7B8C9D0E1F2@AM0PR09MB1234.eurprd09.prod.outlook.com");
  ASSERT_TRUE(mail.date);
  EXPECT_EQ(core::ToMillis(*mail.date), 1804583550000);  // 2027-03-09 09:12:30 UTC
  ASSERT_TRUE(mail.from);
  EXPECT_EQ(*mail.from, (MailAddress{"Bo Beleid", "b.beleid@denkstad.example"}));
  EXPECT_EQ(mail.to, (std::vector<MailAddress>{
                         {"dossier+zorg-west@zorg.example", "dossier+zorg-west@zorg.example"}}));
  EXPECT_EQ(mail.cc, (std::vector<MailAddress>{{"Jansen, Els", "e.jansen@denkstad.example"},
                                               {"Anna de Vries", "anna@zorg.example"}}));
  // The plain alternative, from Windows-1252 quoted-printable.
  EXPECT_NE(mail.text.find("kadernota – zoals besproken"), std::string::npos) << mail.text;
  EXPECT_NE(mail.text.find("8 weken “binnen dit jaar”."), std::string::npos) << mail.text;
  EXPECT_EQ(mail.text.substr(0, 12), "Beste Anna,\n");
  EXPECT_EQ(mail.text.find("MsoNormal"), std::string::npos) << "the HTML form is not added too";
  ASSERT_EQ(mail.attachments.size(), 1U);
  EXPECT_EQ(mail.attachments[0].name, "Verslag overleg kadernota.pdf");
  EXPECT_EQ(mail.attachments[0].content_type, "application/pdf");
  EXPECT_EQ(mail.attachments[0].bytes, Fixture("documents/verslag-overleg-wethouder.pdf"));
  EXPECT_FALSE(mail.attachments[0].inline_part);
  // winmail.dat is left out, and says so.
  ASSERT_EQ(mail.skipped.size(), 1U);
  EXPECT_NE(mail.skipped[0].find("winmail.dat"), std::string::npos);
}

TEST(ParseMail, ABccFromGmailKeepsTheDossierAddressFromDeliveredTo) {
  const auto mail = Parse("gmail-bcc.eml");
  EXPECT_EQ(mail.subject, "Werkgroep jeugd – 2 april");
  EXPECT_EQ(mail.delivered_to, (std::vector<std::string>{"dossier+zorg-west@zorg.example"}));
  EXPECT_EQ(mail.to, (std::vector<MailAddress>{{"Anna de Vries", "anna@zorg.example"}}));
  EXPECT_EQ(mail.text,
            "Hoi Anna,\n\nDe werkgroep jeugd komt op 2 april bij elkaar. Kun je erbij zijn?\n\n"
            "Groet,\nSam");
  EXPECT_TRUE(mail.attachments.empty());
}

TEST(ParseMail, AForwardAsAttachmentGivesTheOriginalSenderAndItsFiles) {
  const auto mail = Parse("apple-mail-forward.eml");
  ASSERT_EQ(mail.forwarded.size(), 1U);
  ASSERT_TRUE(mail.forwarded[0].from);
  EXPECT_EQ(mail.forwarded[0].from->address, "e.jansen@denkstad.example");
  EXPECT_EQ(mail.forwarded[0].subject, "Concept subsidieregeling 2028");
  ASSERT_TRUE(mail.forwarded[0].date);
  // The HTML body as text (the logo's alt text is not needed), then the forward's text.
  EXPECT_EQ(mail.text, "Voor het dossier.\n\nHierbij het concept. Reacties graag vóór 20 maart.");
  ASSERT_EQ(mail.attachments.size(), 2U);
  EXPECT_EQ(mail.attachments[0].name, "logo.png");
  EXPECT_TRUE(mail.attachments[0].inline_part);
  EXPECT_EQ(mail.attachments[1].name, "Concept subsidieregeling 2028 – versie 2.pdf");
  EXPECT_EQ(mail.attachments[1].bytes, Fixture("documents/verslag-overleg-wethouder.pdf"));
}

TEST(ParseMail, EightBitTextWithoutACharsetIsReadAsWindows1252) {
  const auto mail = Parse("windows-1252-zonder-charset.eml");
  EXPECT_EQ(mail.text,
            "Uw afspraak met de wethouder is bevestigd: “donderdag” om 10:00 – café Het Plein. "
            "Kosten €5.");
}

TEST(ParseMail, AnOutlookInvitationKeepsItsCalendarPart) {
  const auto mail = Parse("outlook-uitnodiging.eml");
  EXPECT_EQ(mail.text, "We bespreken de kadernota 2028.");
  ASSERT_EQ(mail.invitations.size(), 1U);
  EXPECT_NE(mail.invitations[0].find("METHOD:REQUEST"), std::string::npos);
  EXPECT_NE(mail.invitations[0].find("SUMMARY;LANGUAGE=nl-NL:Overleg kadernota 2028"),
            std::string::npos);
  EXPECT_TRUE(mail.attachments.empty());
}

TEST(ParseMail, BytesThatAreNoMessageAreUnreadable) {
  for (const std::string& bad : {std::string(), Fixture("mail/kapot.eml")}) {
    auto mail = ParseMail(bad, {});
    ASSERT_FALSE(mail.ok());
    EXPECT_EQ(mail.error().fields.at("file").issue, core::FieldIssue::kUnreadable);
  }
}

TEST(ParseMail, LimitsHoldForDeepNestingManyPartsAndLongText) {
  // 40 nested multiparts.
  std::string deep = "From: a@b.example\r\nSubject: diep\r\nMIME-Version: 1.0\r\n";
  std::string tail;
  for (int i = 0; i < 40; ++i) {
    deep += "Content-Type: multipart/mixed; boundary=\"b" + std::to_string(i) + "\"\r\n\r\n--b" +
            std::to_string(i) + "\r\n";
    tail = "\r\n--b" + std::to_string(i) + "--\r\n" + tail;
  }
  deep += "Content-Type: text/plain\r\n\r\nonderin\r\n" + tail;
  auto nested = ParseMail(deep, {.max_depth = 16});
  ASSERT_TRUE(nested.ok());
  EXPECT_EQ(nested->text, "");
  ASSERT_FALSE(nested->skipped.empty());
  EXPECT_NE(nested->skipped[0].find("nesting deeper than 16"), std::string::npos);

  std::string long_text = "From: a@b.example\r\nSubject: lang\r\n\r\n" + std::string(5000, 'x');
  auto cut = ParseMail(long_text, {.max_text_bytes = 1000});
  ASSERT_TRUE(cut.ok());
  EXPECT_EQ(cut->text.size(), 1000U);
  EXPECT_NE(cut->skipped.at(0).find("text cut"), std::string::npos);
}

TEST(HtmlToText, BlocksListsEntitiesAndNothingThatRuns) {
  EXPECT_EQ(HtmlToText("<html><head><title>t</title><style>p{}</style><script>alert(1)</script>"
                       "</head><body><p>Hallo&nbsp;<b>wereld</b> &amp; caf&eacute; &#8364;</p>"
                       "<ul><li>een</li><li>twee</li></ul><p>open <i>tag<div>x</body>"),
            "Hallo wereld & café €\n- een\n- twee\nopen tag\nx");
  EXPECT_EQ(HtmlToText(""), "");
}

}  // namespace
}  // namespace aantafel::interchange

// The rules of filing a message that do not need a database: its key, which addresses count,
// which organisation the contact was with, and how subject and text fit a contact.

#include "core/mail_intake/model.hpp"

#include <gtest/gtest.h>

#include "core/relations/model.hpp"
#include "core/validation.hpp"

namespace aantafel::core::mail_intake {
namespace {

TEST(MailIntakeModel, TheKeyIsTheMessageIdInLowerCaseOrTheBytesWhenThereIsNone) {
  ParsedMail mail{.message_id = "CAHk3x9Q@Mail.Gmail.example"};
  EXPECT_EQ(MessageKey(mail, "ab12"), "message-id:cahk3x9q@mail.gmail.example");
  mail.message_id.clear();
  EXPECT_EQ(MessageKey(mail, "ab12"), "sha256:ab12");
}

TEST(MailIntakeModel, TheDossierAddressAndItsPlusAddressesAreNotPeople) {
  EXPECT_TRUE(IsDossierAddress("dossier@zorg.example", "dossier@zorg.example"));
  EXPECT_TRUE(IsDossierAddress("dossier+zorg-west@zorg.example", "dossier@zorg.example"));
  EXPECT_FALSE(IsDossierAddress("dossierteam@zorg.example", "dossier@zorg.example"));
  EXPECT_FALSE(IsDossierAddress("dossier+x@zorg.example.evil", "dossier@zorg.example"));
  EXPECT_FALSE(IsDossierAddress("anna@zorg.example", ""));

  const ParsedMail mail{
      .from = MailAddress{"Bo Beleid", "b.beleid@denkstad.example"},
      .to = {{"", "dossier+zorg-west@zorg.example"}, {"Anna", "anna@zorg.example"}},
      .cc = {{"Bo", "b.beleid@denkstad.example"}, {"Els", "e.jansen@denkstad.example"}},
      .forwarded = {ForwardedMail{.from = MailAddress{"Kees", "k@gemeente.example"}}}};
  const auto addresses = AddressesOf(mail, {"dossier@zorg.example"});
  std::vector<std::string> plain;
  for (const auto& a : addresses) plain.push_back(a.address);
  EXPECT_EQ(plain, (std::vector<std::string>{"b.beleid@denkstad.example", "anna@zorg.example",
                                             "e.jansen@denkstad.example", "k@gemeente.example"}));
}

TEST(MailIntakeModel, TheOrganisationIsWhereMostMatchedPeopleWorkAndNoneOnATie) {
  EXPECT_EQ(ChooseOrganisation({}), std::nullopt);
  EXPECT_EQ(ChooseOrganisation({{.person_id = 1, .organisation_ids = {7, 7, 8}},
                                {.person_id = 2, .organisation_ids = {7}},
                                {.person_id = 3, .organisation_ids = {}}}),
            7);
  EXPECT_EQ(ChooseOrganisation({{.person_id = 1, .organisation_ids = {7}},
                                {.person_id = 2, .organisation_ids = {8}}}),
            std::nullopt);
}

TEST(MailIntakeModel, NotesSayWhoWroteToWhomAndAreCutWithALineThatTheMessageIsAttached) {
  ParsedMail mail{.from = MailAddress{"Bo Beleid", "b.beleid@denkstad.example"},
                  .to = {{"", "anna@zorg.example"}},
                  .text = "Beste Anna,\r\n\r\nZie bijlage.\x07\tGroet"};
  EXPECT_EQ(NotesOf(mail, 1000),
            "Van: Bo Beleid <b.beleid@denkstad.example>\nAan: anna@zorg.example\n\n"
            "Beste Anna,\n\nZie bijlage.\tGroet");

  mail.text = std::string(30000, 'x') + "é";
  const std::string notes = NotesOf(mail, relations::kInteractionNotes.max_chars);
  EXPECT_LE(CodePointCount(notes), relations::kInteractionNotes.max_chars);
  EXPECT_TRUE(IsValidUtf8(notes));
  EXPECT_TRUE(notes.ends_with("staat als bijlage bij dit contact.]"));
  // What a contact's notes must be: the same rule as the form.
  FieldErrors errors;
  EXPECT_TRUE(CheckText("notes", notes, relations::kInteractionNotes, errors).has_value());
}

TEST(MailIntakeModel, ASubjectFitsAContactAndAnEmptyOneIsNamed) {
  EXPECT_EQ(SubjectOf(ParsedMail{.subject = "  \t "}, 200), "(geen onderwerp)");
  EXPECT_EQ(SubjectOf(ParsedMail{.subject = "Re:\r\n kadernota"}, 200), "Re:  kadernota");
  const std::string long_subject = SubjectOf(ParsedMail{.subject = std::string(300, 'a')}, 200);
  EXPECT_EQ(CodePointCount(long_subject), 200U);
  EXPECT_TRUE(long_subject.ends_with("…"));
  FieldErrors errors;
  EXPECT_TRUE(
      CheckText("subject", long_subject, relations::kInteractionSubject, errors).has_value());
  EXPECT_EQ(MessageFileName(ParsedMail{.subject = "Re: wachttijden 2027/2028?"}),
            "Re- wachttijden 2027-2028-.eml");
}

TEST(MailIntakeModel, TheWorkspaceIsThePlusPartOfTheDossierAddress) {
  const ParsedMail mail{
      .to = {{"", "dossier+zorg-west@zorg.example"}, {"", "dossier@zorg.example"}},
      .cc = {{"", "dossier+zorg-west@zorg.example"},
             {"", "dossier+ander@elders.example"},
             {"", "dossier+@zorg.example"},
             {"", "dossierx+nee@zorg.example"}},
      .delivered_to = {"dossier+bcc@zorg.example"}};
  // Delivered-To first (a BCC shows only there), once each, other domains and names left out.
  EXPECT_EQ(WorkspacesAddressed(mail, "dossier@zorg.example"),
            (std::vector<std::string>{"bcc", "zorg-west"}));
  EXPECT_TRUE(WorkspacesAddressed(mail, "").empty());
  EXPECT_EQ(WorkspaceAddress("dossier@zorg.example", "zorg-west"),
            "dossier+zorg-west@zorg.example");
  EXPECT_EQ(WorkspaceAddress("", "zorg-west"), "");
}

TEST(MailIntakeModel, APreviewIsTheStartOfTheTextOnOneLine) {
  EXPECT_EQ(PreviewOf(ParsedMail{.text = "Beste Anna,\r\n\r\n\tdank je.\n"}, 300),
            "Beste Anna, dank je.");
  const std::string preview = PreviewOf(ParsedMail{.text = std::string(400, 'a')}, 300);
  EXPECT_EQ(CodePointCount(preview), 300U);
  EXPECT_TRUE(preview.ends_with("…"));
}

}  // namespace
}  // namespace aantafel::core::mail_intake

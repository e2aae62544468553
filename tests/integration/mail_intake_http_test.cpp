// Dossiermail over HTTP against the real server, on SQLite and PostgreSQL: real messages from
// Outlook, Gmail and Apple Mail (tests/fixtures/mail, invented people) uploaded as .eml become
// contacts of kind e-mail with their people, colleagues and organisation matched by address and
// their files as documents; once per workspace; only for editors; never seen by another
// workspace; broken files refused with the reason.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/validation.hpp"
#include "support/test_server.hpp"

namespace aantafel::testing {
namespace {

using nlohmann::json;
using Headers = std::map<std::string, std::string>;

json Body(const ClientResponse& r) { return json::parse(r.body, nullptr, false); }

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(AANTAFEL_SOURCE_DIR) + "/tests/fixtures/" + name, std::ios::binary);
  EXPECT_TRUE(in) << name;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

class MailIntakeHttp : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    AANTAFEL_SKIP_WITHOUT_BACKEND(GetParam());
    server = std::make_unique<TestServer>(GetParam());
    server->Start();
    client = std::make_unique<HttpClient>(server->port());
    server->AddUser("anna@zorg.example", "Anna de Vries");
    server->AddUser("bram@welzijn.nl", "Bram");
    server->AddUser("vera@zorg.nl", "Vera");
    server->AddWorkspace("zorg-west", "anna@zorg.example");
    server->AddWorkspace("welzijn-oost", "bram@welzijn.nl");
    server->AddMember("zorg-west", "vera@zorg.nl", "viewer");
    ASSERT_TRUE(server->runtime()
                    .whoiswho()
                    .UpsertMunicipality({.code = "GM0999", .name = "Denkstad", .province = "x"})
                    .ok());
    anna = LogIn(*client, "anna@zorg.example");
    bram = LogIn(*client, "bram@welzijn.nl");
    vera = LogIn(*client, "vera@zorg.nl");
    denkstad =
        Create("/organisations", {{"kind", "municipality"}, {"municipality_code", "GM0999"}});
    // Addresses as people type them: the match ignores case.
    bo = Create("/people", {{"name", "Bo Beleid"}, {"email", "b.beleid@denkstad.example"}});
    els = Create("/people", {{"name", "Els Jansen"}, {"email", "E.Jansen@Denkstad.example"}});
    for (const auto person : {bo, els}) {
      Create("/people/" + std::to_string(person) + "/positions", {{"organisation_id", denkstad},
                                                                  {"kind", "policy_adviser"},
                                                                  {"started_on", "2020-01-01"}});
    }
  }

  Headers Auth(const BrowserSession& s, const std::string& type = "application/json") {
    return {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}, {"Content-Type", type}};
  }
  std::int64_t Create(const std::string& path, const json& body) {
    auto r =
        client->Request("POST", "/api/v1/workspaces/zorg-west" + path, Auth(anna), body.dump());
    EXPECT_EQ(r.status, 201) << path << " " << r.body;
    return Body(r)["id"].get<std::int64_t>();
  }
  ClientResponse File(const std::string& name, const std::string& bytes,
                      const BrowserSession* who = nullptr, const std::string& slug = "zorg-west") {
    return client->Request(
        "POST", "/api/v1/workspaces/" + slug + "/mail-intake?name=" + core::UrlEscape(name),
        Auth(who ? *who : anna, "message/rfc822"), bytes);
  }
  ClientResponse Get(const std::string& path, const BrowserSession* who = nullptr,
                     const std::string& slug = "zorg-west") {
    return client->Request("GET", "/api/v1/workspaces/" + slug + path, Auth(who ? *who : anna));
  }
  json DocumentsOf(std::int64_t contact) {
    auto r = Get("/documents?record_kind=interaction&record_id=" + std::to_string(contact));
    EXPECT_EQ(r.status, 200) << r.body;
    return Body(r)["items"];
  }

  std::unique_ptr<TestServer> server;
  std::unique_ptr<HttpClient> client;
  BrowserSession anna, bram, vera;
  std::int64_t denkstad = 0, bo = 0, els = 0;
};

TEST_P(MailIntakeHttp, AnOutlookMessageBecomesAContactWithItsPeopleOrganisationAndFiles) {
  const std::string raw = Fixture("mail/outlook-kadernota.eml");
  auto filed = File("outlook-kadernota.eml", raw);
  ASSERT_EQ(filed.status, 201) << filed.body;
  const json filing = Body(filed);
  EXPECT_EQ(filing["already_filed"], false);
  ASSERT_EQ(filing["people"].size(), 2U) << filing.dump();
  EXPECT_EQ(filing["people"][0]["id"], bo);
  EXPECT_EQ(filing["people"][0]["address"], "b.beleid@denkstad.example");
  EXPECT_EQ(filing["people"][1]["id"], els);
  ASSERT_EQ(filing["staff"].size(), 1U);
  EXPECT_EQ(filing["staff"][0]["address"], "anna@zorg.example");
  // The dossier address (dossier+zorg-west@…) is nobody to match.
  EXPECT_EQ(filing["unmatched"], json::array());
  EXPECT_EQ(filing["files"], (json{"outlook-kadernota.eml", "Verslag overleg kadernota.pdf"}));
  EXPECT_EQ(filing["skipped_files"], json::array());

  const auto id = filing["interaction_id"].get<std::int64_t>();
  auto contact = Get("/interactions/" + std::to_string(id));
  ASSERT_EQ(contact.status, 200) << contact.body;
  const json c = Body(contact);
  EXPECT_EQ(c["kind"], "email");
  EXPECT_EQ(c["subject"], "Verslag overleg kadernota – wachttijden");
  // Dated 9 March 2027, after the server's (fake) today: a sender's clock cannot be ahead, so the
  // contact is dated when it was filed.
  EXPECT_TRUE(c["occurred_at"].get<std::string>().starts_with("2026-11-18")) << c["occurred_at"];
  EXPECT_EQ(c["organisation_id"], denkstad);
  EXPECT_EQ(c["person_ids"], (json{bo, els}));
  EXPECT_EQ(c["staff_ids"].size(), 1U);
  const std::string notes = c["notes"];
  EXPECT_TRUE(notes.starts_with("Van: Bo Beleid <b.beleid@denkstad.example>\n")) << notes;
  EXPECT_NE(notes.find("De wachttijd voor begeleiding is nu 14 weken"), std::string::npos);

  // The message and its file are documents of the contact, the same bytes.
  const json documents = DocumentsOf(id);
  ASSERT_EQ(documents.size(), 2U);
  std::map<std::string, std::int64_t> by_name;
  for (const auto& d : documents) by_name[d["name"]] = d["id"].get<std::int64_t>();
  auto original =
      Get("/documents/" + std::to_string(by_name["outlook-kadernota.eml"]) + "/content");
  ASSERT_EQ(original.status, 200);
  EXPECT_EQ(original.body, raw);
  EXPECT_EQ(original.Header("Content-Type"), "message/rfc822");
  auto pdf =
      Get("/documents/" + std::to_string(by_name["Verslag overleg kadernota.pdf"]) + "/content");
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.body, Fixture("documents/verslag-overleg-wethouder.pdf"));
}

TEST_P(MailIntakeHttp, AMessageIsFiledOnceUntilItsContactIsDeleted) {
  const std::string raw = Fixture("mail/gmail-bcc.eml");
  auto first = File("werkgroep.eml", raw);
  ASSERT_EQ(first.status, 201) << first.body;
  const auto id = Body(first)["interaction_id"].get<std::int64_t>();
  // Uploaded again (under another name): the contact it already is, nothing new.
  auto again = File("werkgroep (1).eml", raw);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(Body(again)["already_filed"], true);
  EXPECT_EQ(Body(again)["interaction_id"], id);
  EXPECT_EQ(Body(again)["files"], json::array());
  EXPECT_EQ(DocumentsOf(id).size(), 1U);
  {
    auto lease = server->runtime().database().Acquire();
    EXPECT_EQ(lease->QueryOne("SELECT COUNT(*) FROM interactions", {})->Int(0), 1);
    // The key is a hash: the Message-ID is not stored as it is.
    const auto key = lease->QueryOne("SELECT message_key FROM mail_filings", {});
    ASSERT_TRUE(key);
    EXPECT_EQ(key->Text(0).find("gmail"), std::string::npos);
    EXPECT_EQ(key->Text(0).size(), 64U);
  }
  // A deleted contact takes its filing with it: the message can be filed again.
  ASSERT_EQ(
      client
          ->Request("DELETE", "/api/v1/workspaces/zorg-west/interactions/" + std::to_string(id),
                    Auth(anna))
          .status,
      204);
  auto refiled = File("werkgroep.eml", raw);
  ASSERT_EQ(refiled.status, 201) << refiled.body;
  EXPECT_EQ(Body(refiled)["already_filed"], false);
  EXPECT_EQ(DocumentsOf(Body(refiled)["interaction_id"].get<std::int64_t>()).size(), 1U);
  // Filed in another workspace it is that workspace's own contact.
  auto elsewhere = File("werkgroep.eml", raw, &bram, "welzijn-oost");
  ASSERT_EQ(elsewhere.status, 201) << elsewhere.body;
  EXPECT_EQ(Body(elsewhere)["people"], json::array());
}

TEST_P(MailIntakeHttp, AForwardKeepsTheOriginalSenderAndItsFilesAndOldCharsetsReadRight) {
  auto forward = File("doorgestuurd.eml", Fixture("mail/apple-mail-forward.eml"));
  ASSERT_EQ(forward.status, 201) << forward.body;
  const json f = Body(forward);
  // Els wrote the forwarded message; Anna forwarded it.
  ASSERT_EQ(f["people"].size(), 1U);
  EXPECT_EQ(f["people"][0]["id"], els);
  EXPECT_EQ(f["files"], (json{"doorgestuurd.eml", "Concept subsidieregeling 2028 – versie 2.pdf"}))
      << "the logo in the signature is not a file of the message";

  auto old = File("bevestiging.eml", Fixture("mail/windows-1252-zonder-charset.eml"));
  ASSERT_EQ(old.status, 201) << old.body;
  EXPECT_EQ(Body(old)["unmatched"][0]["address"], "receptie@denkstad.example");
  auto contact = Get("/interactions/" + std::to_string(Body(old)["interaction_id"].get<int>()));
  EXPECT_NE(Body(contact)["notes"].get<std::string>().find(
                "“donderdag” om 10:00 – café Het Plein. Kosten €5."),
            std::string::npos)
      << contact.body;
}

TEST_P(MailIntakeHttp, AnInvitationKeepsItsCalendarAsAFile) {
  auto invite = File("uitnodiging.eml", Fixture("mail/outlook-uitnodiging.eml"));
  ASSERT_EQ(invite.status, 201) << invite.body;
  const json files = Body(invite)["files"];
  ASSERT_EQ(files.size(), 2U) << invite.body;
  EXPECT_TRUE(files[1].get<std::string>().ends_with(".ics")) << files;
}

TEST_P(MailIntakeHttp, WhatIsNotAMessageOrNotAllowedIsRefusedWithTheReason) {
  // Binary bytes behind an .eml name: not what the name says, as for any upload.
  auto broken = File("kapot.eml", Fixture("mail/kapot.eml"));
  ASSERT_EQ(broken.status, 422) << broken.body;
  EXPECT_TRUE(Body(broken)["error"]["fields"]["file"].get<std::string>().starts_with(
      "De inhoud van dit bestand past niet bij de naam."))
      << broken.body;

  auto pdf = File("verslag.pdf", Fixture("documents/verslag-overleg-wethouder.pdf"));
  ASSERT_EQ(pdf.status, 422) << pdf.body;
  EXPECT_TRUE(Body(pdf)["error"]["fields"]["name"].get<std::string>().starts_with(
      "Kies een e-mail die als .eml-bestand is bewaard."))
      << pdf.body;

  auto msg = File("bericht.msg", Fixture("mail/gmail-bcc.eml"));
  ASSERT_EQ(msg.status, 422) << msg.body;
  EXPECT_TRUE(Body(msg)["error"]["fields"].contains("name"));

  const std::string raw = Fixture("mail/outlook-kadernota.eml");
  EXPECT_EQ(File("a.eml", raw, &vera).status, 403);
  EXPECT_EQ(File("a.eml", raw, &bram).status, 404);  // not a member: no such workspace
  auto lease = server->runtime().database().Acquire();
  EXPECT_EQ(lease->QueryOne("SELECT COUNT(*) FROM interactions", {})->Int(0), 0);
  EXPECT_EQ(lease->QueryOne("SELECT COUNT(*) FROM documents", {})->Int(0), 0);
}

// Messages read from the dossier mailbox (the IMAP side is tested in imap_tests and
// durability_tests): what the mail system delivered goes through FileFromMailbox.
using Kind = core::mail_intake::MailboxOutcome::Kind;

TEST_P(MailIntakeHttp, FromTheMailboxAReplyToAllIsFiledAndAMessageOfStrangersIsNot) {
  auto& mail_intake = server->runtime().mail_intake();
  // Bo answered to all; Anna (an owner of zorg-west) is in Cc.
  const auto reply = mail_intake.FileFromMailbox(Fixture("mail/outlook-kadernota.eml"));
  ASSERT_EQ(reply.size(), 1U);
  EXPECT_EQ(reply[0].kind, Kind::kFiled) << reply[0].reason;
  EXPECT_EQ(reply[0].workspace, "zorg-west");
  auto contact = Get("/interactions/" + std::to_string(reply[0].id));
  ASSERT_EQ(contact.status, 200);
  EXPECT_EQ(Body(contact)["person_ids"], (json{bo, els}));
  EXPECT_EQ(DocumentsOf(reply[0].id).size(), 2U);
  EXPECT_EQ(mail_intake.FileFromMailbox(Fixture("mail/outlook-kadernota.eml"))[0].kind,
            Kind::kAlreadyFiled);

  // The reception wrote to the dossier address alone: no colleague took part, nothing stored.
  const auto stranger =
      mail_intake.FileFromMailbox(Fixture("mail/windows-1252-zonder-charset.eml"));
  ASSERT_EQ(stranger.size(), 1U);
  EXPECT_EQ(stranger[0].kind, Kind::kNotPlaced);
  auto lease = server->runtime().database().Acquire();
  EXPECT_EQ(lease->QueryOne("SELECT COUNT(*) FROM interactions", {})->Int(0), 1);
  EXPECT_EQ(lease->QueryOne("SELECT COUNT(*) FROM mail_reviews", {})->Int(0), 0);
}

TEST_P(MailIntakeHttp, AMessageWithNobodyKnownWaitsUntilAnEditorFilesIt) {
  auto& mail_intake = server->runtime().mail_intake();
  // Sam wrote to Anna, who had the dossier address in BCC (Delivered-To): Sam is nobody yet.
  const std::string raw = Fixture("mail/gmail-bcc.eml");
  const auto waits = mail_intake.FileFromMailbox(raw);
  ASSERT_EQ(waits.size(), 1U);
  ASSERT_EQ(waits[0].kind, Kind::kInReview) << waits[0].reason;
  EXPECT_EQ(mail_intake.FileFromMailbox(raw)[0].kind, Kind::kAlreadyInReview);

  // Every member sees it; another workspace does not.
  auto listed = Get("/mail-intake/reviews", &vera);
  ASSERT_EQ(listed.status, 200) << listed.body;
  json inbox = Body(listed);
  EXPECT_EQ(inbox["address"], nullptr) << "this server reads no mailbox";
  EXPECT_EQ(inbox["total"], 1);
  ASSERT_EQ(inbox["items"].size(), 1U);
  const json item = inbox["items"][0];
  EXPECT_EQ(item["id"], waits[0].id);
  EXPECT_EQ(item["subject"], "Werkgroep jeugd – 2 april");
  EXPECT_EQ(item["from"]["address"], "sam.sociaal@gmail.example");
  EXPECT_EQ(item["forwarded_by"]["name"], "Anna de Vries");
  EXPECT_FALSE(item["preview"].get<std::string>().empty());
  ASSERT_EQ(item["addresses"].size(), 2U) << item.dump();
  EXPECT_EQ(item["addresses"][0]["address"], "sam.sociaal@gmail.example");
  EXPECT_EQ(item["addresses"][0]["person_id"], nullptr);
  EXPECT_EQ(item["addresses"][1]["address"], "anna@zorg.example");
  EXPECT_TRUE(item["addresses"][1]["user_id"].is_number());
  auto other = Get("/mail-intake/reviews", &bram, "welzijn-oost");
  ASSERT_EQ(other.status, 200);
  EXPECT_EQ(Body(other)["total"], 0);
  const std::string path =
      "/api/v1/workspaces/zorg-west/mail-intake/reviews/" + std::to_string(waits[0].id);
  EXPECT_EQ(client->Request("POST", path + "/file", Auth(vera)).status, 403);
  EXPECT_EQ(client->Request("DELETE", path, Auth(vera)).status, 403);
  EXPECT_EQ(client
                ->Request("POST",
                          "/api/v1/workspaces/welzijn-oost/mail-intake/reviews/" +
                              std::to_string(waits[0].id) + "/file",
                          Auth(bram))
                .status,
            404);
  {
    // Sealed at rest: neither the subject nor the sender can be read from the row.
    auto lease = server->runtime().database().Acquire();
    const auto row =
        lease->QueryOne("SELECT summary_sealed, message_sealed, message_key FROM mail_reviews", {});
    ASSERT_TRUE(row);
    for (int column = 0; column < 2; ++column) {
      EXPECT_EQ(row->Text(column).find("Werkgroep"), std::string::npos);
      EXPECT_EQ(row->Text(column).find("sam.sociaal"), std::string::npos);
    }
    EXPECT_EQ(row->Text(2).size(), 64U);
  }

  // Sam is added to Wie is wie: the inbox says so, and filing matches him.
  const auto sam =
      Create("/people", {{"name", "Sam Sociaal"}, {"email", "sam.sociaal@gmail.example"}});
  EXPECT_EQ(Body(Get("/mail-intake/reviews"))["items"][0]["addresses"][0]["person_id"], sam);
  auto filed = client->Request("POST", path + "/file", Auth(anna));
  ASSERT_EQ(filed.status, 201) << filed.body;
  EXPECT_EQ(Body(filed)["people"][0]["id"], sam);
  const auto id = Body(filed)["interaction_id"].get<std::int64_t>();
  EXPECT_EQ(DocumentsOf(id).size(), 1U);
  EXPECT_EQ(Body(Get("/mail-intake/reviews"))["total"], 0);
  EXPECT_EQ(client->Request("POST", path + "/file", Auth(anna)).status, 404);
  // Read from the mailbox once more (a crash before it was marked): filed, not back in review.
  const auto again = mail_intake.FileFromMailbox(raw);
  EXPECT_EQ(again[0].kind, Kind::kAlreadyFiled);
  EXPECT_EQ(again[0].id, id);
}

TEST_P(MailIntakeHttp, AWaitingMessageThrownAwayIsGone) {
  const auto waits = server->runtime().mail_intake().FileFromMailbox(Fixture("mail/gmail-bcc.eml"));
  ASSERT_EQ(waits.at(0).kind, Kind::kInReview);
  const std::string path =
      "/api/v1/workspaces/zorg-west/mail-intake/reviews/" + std::to_string(waits[0].id);
  EXPECT_EQ(client
                ->Request("DELETE",
                          "/api/v1/workspaces/welzijn-oost/mail-intake/reviews/" +
                              std::to_string(waits[0].id),
                          Auth(bram))
                .status,
            404);
  EXPECT_EQ(client->Request("DELETE", path, Auth(anna)).status, 204);
  EXPECT_EQ(client->Request("DELETE", path, Auth(anna)).status, 404);
  EXPECT_EQ(Body(Get("/mail-intake/reviews"))["total"], 0);
  auto lease = server->runtime().database().Acquire();
  EXPECT_EQ(lease->QueryOne("SELECT COUNT(*) FROM interactions", {})->Int(0), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, MailIntakeHttp,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const ::testing::TestParamInfo<Backend>& backend) {
                           return Name(backend.param);
                         });

}  // namespace
}  // namespace aantafel::testing

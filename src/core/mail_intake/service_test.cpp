// MailIntakeService against in-memory parts: a message becomes one contact of kind e-mail with
// its people, colleagues and organisation matched by address, the message and its files as
// documents (files an upload would refuse are left out with the reason), once per workspace,
// and only for editors and owners.

#include "core/mail_intake/service.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "security/sodium.hpp"
#include "support/fakes.hpp"
#include "support/memory_documents.hpp"

namespace aantafel::core::mail_intake {
namespace {

using testing::FakeClock;
using testing::MemoryDocuments;

constexpr std::int64_t kWs = 1;

/// Reads what libmagic would from the first bytes.
class PrefixSniffer final : public documents::ContentSniffer {
 public:
  std::string Sniff(std::string_view bytes) override {
    if (bytes.starts_with("%PDF")) return "application/pdf";
    if (bytes.starts_with("From:")) return "message/rfc822";
    if (bytes.starts_with("BEGIN:VCALENDAR")) return "text/calendar";
    if (bytes.starts_with("PK")) return "application/zip";
    return "text/plain";
  }
};

/// Messages by their bytes.
class TableParser final : public MailParser {
 public:
  std::map<std::string, ParsedMail, std::less<>> messages;
  Result<ParsedMail> Parse(std::string_view raw) override {
    const auto it = messages.find(raw);
    if (it == messages.end()) return Error::Field("file", FieldIssue::kUnreadable);
    return it->second;
  }
};

class MemoryMailIntake final : public MailIntakeRepository {
 public:
  std::vector<PersonMatch> people;  ///< everyone with an address
  std::vector<MemberMatch> members;
  std::map<std::string, std::int64_t, std::less<>> filed;
  std::vector<Filing> filings;
  CivilDate asked_on;

  std::optional<std::int64_t> FiledAs(std::int64_t /*ws*/, std::string_view key) override {
    const auto it = filed.find(key);
    if (it == filed.end()) return std::nullopt;
    return it->second;
  }
  std::vector<PersonMatch> MatchPeople(std::int64_t /*ws*/,
                                       const std::vector<std::string>& addresses,
                                       CivilDate today) override {
    asked_on = today;
    std::vector<PersonMatch> out;
    for (const auto& a : addresses) {
      for (const auto& p : people) {
        if (p.address == a) out.push_back(p);
      }
    }
    return out;
  }
  std::vector<MemberMatch> MatchMembers(std::int64_t /*ws*/,
                                        const std::vector<std::string>& addresses) override {
    std::vector<MemberMatch> out;
    for (const auto& m : members) {
      if (std::ranges::find(addresses, m.address) != addresses.end()) out.push_back(m);
    }
    return out;
  }
  Stored File(std::int64_t /*ws*/, const Filing& filing) override {
    if (const auto it = filed.find(filing.key); it != filed.end()) {
      return {.interaction_id = it->second, .first = false};
    }
    filings.push_back(filing);
    const auto id = static_cast<std::int64_t>(100 + filings.size());
    filed.emplace(filing.key, id);
    return {.interaction_id = id, .first = true};
  }
};

constexpr std::string_view kRaw = "From: Bo Beleid <b.beleid@denkstad.example>\r\n...";

class MailIntakeServiceTest : public ::testing::Test {
 protected:
  MailIntakeServiceTest() {
    repository_.people = {{.address = "b.beleid@denkstad.example",
                           .person_id = 3,
                           .name = "Bo Beleid",
                           .organisation_ids = {40}},
                          {.address = "e.jansen@denkstad.example",
                           .person_id = 4,
                           .name = "Els Jansen",
                           .organisation_ids = {40, 41}}};
    repository_.members = {{.address = "anna@zorg.example", .user_id = 10}};
    parser_.messages.emplace(
        std::string(kRaw),
        ParsedMail{.message_id = "AM0PR09@outlook.example",
                   .date = clock_.Now() - std::chrono::hours(48),
                   .subject = "Verslag overleg kadernota",
                   .from = MailAddress{"Bo Beleid", "b.beleid@denkstad.example"},
                   .to = {{"", "dossier+zorg-west@zorg.example"}},
                   .cc = {{"Els", "e.jansen@denkstad.example"},
                          {"Anna", "anna@zorg.example"},
                          {"Kees", "kees@onbekend.example"}},
                   .text = "Beste Anna,\n\nhet verslag.",
                   .attachments = {{.name = "verslag.pdf", .bytes = "%PDF-1.7 verslag"},
                                   {.name = "logo.png", .bytes = "png", .inline_part = true},
                                   {.name = "bom.pdf", .bytes = "PK zip"},
                                   {.name = "script.svg", .bytes = "<svg/>"}},
                   .invitations = {"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"}});
  }

  static accounts::WorkspaceAccess Access(accounts::Role role = accounts::Role::kEditor) {
    return {.workspace = {.id = kWs, .slug = "zorg-west"}, .role = role, .user_id = 10};
  }

  FakeClock clock_;
  MemoryDocuments documents_repository_;
  PrefixSniffer sniffer_;
  documents::DocumentService documents_{
      documents_repository_, sniffer_, clock_, {.max_file_bytes = 1024 * 1024}};
  security::SodiumCrypto crypto_{security::PasswordCost::Minimal()};
  TableParser parser_;
  MemoryMailIntake repository_;
  MailIntakeService service_{repository_, parser_, documents_,
                             crypto_,     clock_,  {.dossier_address = "dossier@zorg.example"}};
};

TEST_F(MailIntakeServiceTest, AMessageBecomesAnEmailContactWithItsPeopleColleaguesAndFiles) {
  auto filing = service_.Import(Access(), "kadernota.eml", kRaw);
  ASSERT_TRUE(filing.ok()) << ToString(filing.error().code);
  EXPECT_FALSE(filing->already_filed);
  EXPECT_EQ(filing->interaction_id, 101);
  ASSERT_EQ(repository_.filings.size(), 1U);
  const Filing& stored = repository_.filings.front();
  const auto& contact = stored.interaction;
  EXPECT_EQ(contact.kind, relations::InteractionKind::kEmail);
  EXPECT_EQ(contact.occurred_at, clock_.Now() - std::chrono::hours(48));
  EXPECT_EQ(contact.subject, "Verslag overleg kadernota");
  EXPECT_EQ(contact.person_ids, (std::vector<std::int64_t>{3, 4}));
  EXPECT_EQ(contact.staff_ids, (std::vector<std::int64_t>{10}));
  EXPECT_EQ(contact.organisation_id, 40);  // both people work there
  EXPECT_EQ(contact.created_by, 10);
  EXPECT_TRUE(contact.notes.starts_with("Van: Bo Beleid <b.beleid@denkstad.example>\n"));
  EXPECT_TRUE(contact.notes.ends_with("het verslag."));
  EXPECT_EQ(repository_.asked_on, DutchDate(clock_.Now()));

  // The message itself first, then its files; an inline logo is not a file of the message.
  std::vector<std::string> names;
  for (const auto& f : stored.files) names.push_back(f.name);
  EXPECT_EQ(names, (std::vector<std::string>{"kadernota.eml", "verslag.pdf", "uitnodiging.ics"}));
  EXPECT_EQ(stored.files[0].content_type, "message/rfc822");
  EXPECT_EQ(stored.files[0].bytes, kRaw);
  EXPECT_EQ(filing->files, names);

  // What an upload would refuse is left out, with the same reason.
  ASSERT_EQ(filing->skipped_files.size(), 2U);
  EXPECT_EQ(filing->skipped_files[0].name, "bom.pdf");
  EXPECT_EQ(filing->skipped_files[0].reason.issue, FieldIssue::kFileContentMismatch);
  EXPECT_EQ(filing->skipped_files[1].name, "script.svg");
  EXPECT_EQ(filing->skipped_files[1].reason.issue, FieldIssue::kFileTypeNotAccepted);

  // Who is who: matched people and colleagues; the dossier address is nobody.
  ASSERT_EQ(filing->unmatched.size(), 1U);
  EXPECT_EQ(filing->unmatched[0].address, "kees@onbekend.example");
}

TEST_F(MailIntakeServiceTest, TheSameMessageIsFiledOnceAndTheSecondTimeSaysWhere) {
  ASSERT_TRUE(service_.Import(Access(), "kadernota.eml", kRaw).ok());
  auto again = service_.Import(Access(), "kopie.eml", kRaw);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->already_filed);
  EXPECT_EQ(again->interaction_id, 101);
  EXPECT_TRUE(again->files.empty());
  EXPECT_EQ(repository_.filings.size(), 1U);
  // The key is a hash: a Message-ID is not stored as it is.
  EXPECT_EQ(repository_.filings.front().key,
            crypto_.Sha256Hex("message-id:am0pr09@outlook.example"));
}

TEST_F(MailIntakeServiceTest, WithoutAMessageIdTheBytesAreTheKey) {
  const std::string other = "From: iemand\r\n\r\nzonder id";
  parser_.messages.emplace(other, ParsedMail{.subject = "", .text = "zonder id"});
  auto filing = service_.Import(Access(), "a.eml", other);
  ASSERT_TRUE(filing.ok());
  EXPECT_EQ(repository_.filings.back().key,
            crypto_.Sha256Hex("sha256:" + crypto_.Sha256Hex(other)));
  EXPECT_EQ(repository_.filings.back().interaction.subject, "(geen onderwerp)");
  EXPECT_EQ(repository_.filings.back().interaction.occurred_at, clock_.Now());
  EXPECT_EQ(repository_.filings.back().interaction.organisation_id, std::nullopt);
}

TEST_F(MailIntakeServiceTest, ADateFromTheFutureIsTheMomentOfFiling) {
  const std::string ahead = "From: iemand met een verkeerde klok";
  parser_.messages.emplace(ahead, ParsedMail{.message_id = "toekomst@x.example",
                                             .date = clock_.Now() + std::chrono::hours(30)});
  const std::string close = "From: iemand een uur vooruit";
  parser_.messages.emplace(close, ParsedMail{.message_id = "bijna@x.example",
                                             .date = clock_.Now() + std::chrono::hours(1)});
  ASSERT_TRUE(service_.Import(Access(), "a.eml", ahead).ok());
  ASSERT_TRUE(service_.Import(Access(), "b.eml", close).ok());
  EXPECT_EQ(repository_.filings[0].interaction.occurred_at, clock_.Now());
  EXPECT_EQ(repository_.filings[1].interaction.occurred_at, clock_.Now() + std::chrono::hours(1));
}

TEST_F(MailIntakeServiceTest, OnlyEditorsFileAndOnlyMessagesAreRead) {
  auto viewer = service_.Import(Access(accounts::Role::kViewer), "kadernota.eml", kRaw);
  ASSERT_FALSE(viewer.ok());
  EXPECT_EQ(viewer.error().code, ErrorCode::kForbidden);

  auto pdf = service_.Import(Access(), "verslag.pdf", "%PDF-1.7");
  ASSERT_FALSE(pdf.ok());
  EXPECT_EQ(pdf.error().fields.at("name").issue, FieldIssue::kNotAnEmail);

  auto broken = service_.Import(Access(), "kapot.eml", "From: maar verder niets");
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().fields.at("file").issue, FieldIssue::kUnreadable);

  auto empty = service_.Import(Access(), "leeg.eml", "");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().fields.at("file").issue, FieldIssue::kRequired);

  auto large = service_.Import(Access(), "groot.eml", "From: " + std::string(2 * 1024 * 1024, 'x'));
  ASSERT_FALSE(large.ok());
  EXPECT_EQ(large.error().fields.at("file"), (FieldError{FieldIssue::kFileTooLarge, 1}));
  EXPECT_TRUE(repository_.filings.empty());
}

}  // namespace
}  // namespace aantafel::core::mail_intake

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
      return {.id = it->second, .first = false};
    }
    filings.push_back(filing);
    const auto id = static_cast<std::int64_t>(100 + filings.size());
    filed.emplace(filing.key, id);
    if (filing.review_id) reviews.erase(*filing.review_id);
    return {.id = id, .first = true};
  }

  std::vector<accounts::WorkspaceAccess> senders;  ///< memberships of every account
  std::map<std::int64_t, MailReview> reviews;
  std::vector<accounts::WorkspaceAccess> SenderAccess(std::string_view address) override {
    std::vector<accounts::WorkspaceAccess> out;
    for (const auto& m : members) {
      if (m.address != address) continue;
      for (const auto& s : senders) {
        if (s.user_id == m.user_id) out.push_back(s);
      }
    }
    return out;
  }
  Stored AddReview(std::int64_t /*ws*/, const MailReview& review) override {
    if (auto id = InReview(0, review.key)) return {.id = *id, .first = false};
    const auto id = static_cast<std::int64_t>(500 + reviews.size());
    auto stored = review;
    stored.id = id;
    reviews.emplace(id, stored);
    return {.id = id, .first = true};
  }
  std::optional<std::int64_t> InReview(std::int64_t /*ws*/, std::string_view key) override {
    for (const auto& [id, r] : reviews) {
      if (r.key == key) return id;
    }
    return std::nullopt;
  }
  std::vector<MailReview> Reviews(std::int64_t /*ws*/, std::size_t limit) override {
    std::vector<MailReview> out;
    for (const auto& [id, r] : reviews) {
      if (out.size() < limit) out.push_back(r);
    }
    return out;
  }
  std::size_t CountReviews(std::int64_t /*ws*/) override { return reviews.size(); }
  std::optional<MailReview> Review(std::int64_t /*ws*/, std::int64_t id) override {
    const auto it = reviews.find(id);
    if (it == reviews.end()) return std::nullopt;
    return it->second;
  }
  bool DeleteReview(std::int64_t /*ws*/, std::int64_t id) override { return reviews.erase(id) > 0; }
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
  MailIntakeService service_{
      repository_, parser_, documents_,
      crypto_,     clock_,  {.dossier_address = "dossier@zorg.example", .mailbox = true}};
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

/// A message that Anna (user 10) sent with `to` as its addressees.
ParsedMail FromAnna(std::string id, std::vector<MailAddress> to) {
  return ParsedMail{.message_id = std::move(id),
                    .subject = "Afspraak wethouder",
                    .from = MailAddress{"Anna", "anna@zorg.example"},
                    .to = std::move(to),
                    .text = "Beste Kees,\n\n  zullen we\nafspreken?",
                    .attachments = {{.name = "agenda.pdf", .bytes = "%PDF-1.7 agenda"}}};
}

TEST_F(MailIntakeServiceTest, MailboxMessagesGoToTheWorkspaceOfTheirPlusAddressForWritersOnly) {
  repository_.senders = {
      Access(),
      {.workspace = {.id = 2, .slug = "lezen"}, .role = accounts::Role::kViewer, .user_id = 10}};
  // Anyone can send mail to the address: a message no colleague took part in is not filed.
  const std::string spam = "From: onbekende";
  parser_.messages.emplace(spam, ParsedMail{.message_id = "spam@x.example",
                                            .from = MailAddress{"", "actie@x.example"},
                                            .to = {{"", "dossier+zorg-west@zorg.example"}}});
  const auto stranger = service_.FileFromMailbox(spam);
  ASSERT_EQ(stranger.size(), 1U);
  EXPECT_EQ(stranger[0].kind, MailboxOutcome::Kind::kNotPlaced);
  EXPECT_TRUE(repository_.filings.empty());
  EXPECT_TRUE(repository_.reviews.empty());
  // Bo answered to all, Anna in Cc: filed, by Anna.
  const auto reply = service_.FileFromMailbox(kRaw);
  ASSERT_EQ(reply.size(), 1U);
  EXPECT_EQ(reply[0].kind, MailboxOutcome::Kind::kFiled);
  ASSERT_EQ(repository_.filings.size(), 1U);
  EXPECT_EQ(repository_.filings[0].interaction.created_by, 10);
  repository_.filings.clear();

  const std::string raw = "From: Anna (1)";
  parser_.messages.emplace(raw,
                           FromAnna("1@zorg.example", {{"Bo", "b.beleid@denkstad.example"},
                                                       {"", "dossier+zorg-west@zorg.example"},
                                                       {"", "dossier+lezen@zorg.example"},
                                                       {"", "dossier+bestaat-niet@zorg.example"}}));
  const auto outcomes = service_.FileFromMailbox(raw);
  ASSERT_EQ(outcomes.size(), 3U);
  EXPECT_EQ(outcomes[0].kind, MailboxOutcome::Kind::kFiled);
  EXPECT_EQ(outcomes[0].workspace, "zorg-west");
  EXPECT_EQ(outcomes[0].id, 101);
  // A viewer's workspace, and one Anna is no member of: nothing.
  EXPECT_EQ(outcomes[1].kind, MailboxOutcome::Kind::kNotPlaced);
  EXPECT_EQ(outcomes[1].workspace, "lezen");
  EXPECT_EQ(outcomes[2].kind, MailboxOutcome::Kind::kNotPlaced);
  ASSERT_EQ(repository_.filings.size(), 1U);
  const auto& contact = repository_.filings[0].interaction;
  EXPECT_EQ(contact.person_ids, (std::vector<std::int64_t>{3}));
  EXPECT_EQ(contact.staff_ids, (std::vector<std::int64_t>{10}));
  EXPECT_EQ(contact.created_by, 10);
  EXPECT_EQ(repository_.filings[0].files[0].name, "Afspraak wethouder.eml");

  // Read again (after a crash before marking): nothing new.
  const auto again = service_.FileFromMailbox(raw);
  EXPECT_EQ(again[0].kind, MailboxOutcome::Kind::kAlreadyFiled);
  EXPECT_EQ(again[0].id, 101);
  EXPECT_EQ(repository_.filings.size(), 1U);

  // The bare address goes to the one workspace where the sender may write.
  const std::string bare = "From: Anna (2)";
  parser_.messages.emplace(bare, FromAnna("2@zorg.example", {{"Bo", "b.beleid@denkstad.example"},
                                                             {"", "dossier@zorg.example"}}));
  const auto one = service_.FileFromMailbox(bare);
  ASSERT_EQ(one.size(), 1U);
  EXPECT_EQ(one[0].kind, MailboxOutcome::Kind::kFiled);
  EXPECT_EQ(one[0].workspace, "zorg-west");
  repository_.senders.push_back(
      {.workspace = {.id = 3, .slug = "ander"}, .role = accounts::Role::kOwner, .user_id = 10});
  const std::string two = "From: Anna (3)";
  parser_.messages.emplace(two, FromAnna("3@zorg.example", {{"", "dossier@zorg.example"}}));
  EXPECT_EQ(service_.FileFromMailbox(two)[0].kind, MailboxOutcome::Kind::kNotPlaced);
}

TEST_F(MailIntakeServiceTest, AMessageWithNobodyFromWieIsWieWaitsUntilAMemberFilesIt) {
  repository_.senders = {Access()};
  const std::string raw = "From: Anna (4)";
  parser_.messages.emplace(
      raw, FromAnna("4@zorg.example",
                    {{"Kees", "kees@onbekend.example"}, {"", "dossier+zorg-west@zorg.example"}}));
  const auto waits = service_.FileFromMailbox(raw);
  ASSERT_EQ(waits.size(), 1U);
  EXPECT_EQ(waits[0].kind, MailboxOutcome::Kind::kInReview);
  EXPECT_TRUE(repository_.filings.empty());
  EXPECT_EQ(service_.FileFromMailbox(raw)[0].kind, MailboxOutcome::Kind::kAlreadyInReview);

  auto inbox = service_.Reviews(Access(accounts::Role::kViewer));
  ASSERT_TRUE(inbox.ok());
  EXPECT_EQ(inbox->address, "dossier+zorg-west@zorg.example");
  EXPECT_EQ(inbox->total, 1U);
  ASSERT_EQ(inbox->items.size(), 1U);
  const auto& item = inbox->items[0];
  EXPECT_EQ(item.review.subject, "Afspraak wethouder");
  EXPECT_EQ(item.review.preview, "Beste Kees, zullen we afspreken?");
  EXPECT_EQ(item.review.forwarded_by, 10);
  EXPECT_EQ(item.review.files, (std::vector<std::string>{"agenda.pdf"}));
  EXPECT_EQ(item.review.raw, raw);
  // Anna is a colleague, Kees nobody yet, and the dossier address is left out.
  ASSERT_EQ(item.addresses.size(), 2U);
  EXPECT_EQ(item.addresses[0].user_id, 10);
  EXPECT_EQ(item.addresses[1].address.address, "kees@onbekend.example");
  EXPECT_EQ(item.addresses[1].person_id, std::nullopt);

  // Kees is added to Wie is wie: the inbox says so, and filing it now matches him.
  repository_.people.push_back(
      {.address = "kees@onbekend.example", .person_id = 7, .name = "Kees", .organisation_ids = {}});
  EXPECT_EQ(service_.Reviews(Access())->items[0].addresses[1].person_id, 7);
  const std::int64_t id = waits[0].id;
  EXPECT_EQ(service_.FileReview(Access(accounts::Role::kViewer), id).error().code,
            ErrorCode::kForbidden);
  auto filed = service_.FileReview(Access(), id);
  ASSERT_TRUE(filed.ok());
  EXPECT_FALSE(filed->already_filed);
  ASSERT_EQ(repository_.filings.size(), 1U);
  EXPECT_EQ(repository_.filings[0].review_id, id);
  EXPECT_EQ(repository_.filings[0].interaction.person_ids, (std::vector<std::int64_t>{7}));
  EXPECT_EQ(service_.Reviews(Access())->total, 0U);
  EXPECT_EQ(service_.FileReview(Access(), id).error().code, ErrorCode::kNotFound);

  // Read from the mailbox once more: it is filed, so it does not come back.
  EXPECT_EQ(service_.FileFromMailbox(raw)[0].kind, MailboxOutcome::Kind::kAlreadyFiled);
}

TEST_F(MailIntakeServiceTest, AWaitingMessageCanBeThrownAwayByAnEditor) {
  repository_.senders = {Access()};
  const std::string raw = "From: Anna (5)";
  parser_.messages.emplace(raw,
                           FromAnna("5@zorg.example", {{"", "dossier+zorg-west@zorg.example"}}));
  const auto id = service_.FileFromMailbox(raw)[0].id;
  EXPECT_EQ(service_.DiscardReview(Access(accounts::Role::kViewer), id).error().code,
            ErrorCode::kForbidden);
  EXPECT_TRUE(service_.DiscardReview(Access(), id).ok());
  EXPECT_EQ(service_.DiscardReview(Access(), id).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(repository_.reviews.empty());
  EXPECT_TRUE(repository_.filings.empty());
}

}  // namespace
}  // namespace aantafel::core::mail_intake

#include "core/mail_intake/service.hpp"

#include <algorithm>
#include <set>

#include "core/validation.hpp"

namespace aantafel::core::mail_intake {

using accounts::CanWrite;
using accounts::WorkspaceAccess;

namespace {

/// How far a message's Date may be ahead of the filing time (time zones, clocks a little off).
constexpr auto kClockSkew = std::chrono::hours(24);

/// What a message saved as a file is (documents::TypeForName of an .eml name).
constexpr std::string_view kMessageType = "message/rfc822";

/// Characters of a waiting message's text shown in the review inbox.
constexpr std::size_t kPreviewChars = 300;

/// Files of one message filed at most; the rest is reported as skipped.
constexpr std::size_t kMaxFilesPerMessage = 100;

/// The first problem of a refused file, as the reason it was left out.
FieldError ReasonOf(const Error& error) {
  if (!error.fields.empty()) {
    const auto file = error.fields.find("file");
    return file != error.fields.end() ? file->second : error.fields.begin()->second;
  }
  return FieldError{FieldIssue::kUnreadable};
}

}  // namespace

std::string MailIntakeService::Key(const ParsedMail& mail, std::string_view raw) {
  // Stored as a hash: a Message-ID can hold an address, and the key only needs to be equal.
  return crypto_.Sha256Hex(MessageKey(mail, crypto_.Sha256Hex(raw)));
}

MailFiling MailIntakeService::Match(std::int64_t ws, const ParsedMail& mail) {
  MailFiling filing;
  const auto addresses = AddressesOf(mail, {settings_.dossier_address});
  std::vector<std::string> plain;
  plain.reserve(addresses.size());
  for (const auto& a : addresses) plain.push_back(a.address);
  filing.people = repository_.MatchPeople(ws, plain, DutchDate(clock_.Now()));
  filing.staff = repository_.MatchMembers(ws, plain);
  std::set<std::string> known;
  for (const auto& p : filing.people) known.insert(p.address);
  for (const auto& m : filing.staff) known.insert(m.address);
  for (const auto& a : addresses) {
    if (!known.contains(a.address)) filing.unmatched.push_back(a);
  }
  return filing;
}

Result<MailFiling> MailIntakeService::Import(const WorkspaceAccess& access, std::string_view name,
                                             std::string_view raw) {
  if (!CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  // The message itself is kept as a document on the contact, so it keeps to the rules of an
  // upload: an accepted name, the size limit, bytes that are what the name says.
  // An Outlook .msg is a document, but no well-kept library reads it (decision 51).
  if (const auto* type = documents::TypeForName(name);
      type == nullptr || type->content_type != kMessageType) {
    return Error::Field("name", FieldIssue::kNotAnEmail);
  }
  auto original = documents_.Prepare(access, {.name = name, .bytes = raw});
  if (!original) return original.error();
  auto mail = parser_.Parse(raw);
  if (!mail) return mail.error();

  const std::int64_t ws = access.workspace.id;
  MailFiling filing = Match(ws, *mail);
  const std::string key = Key(*mail, raw);
  if (auto filed = repository_.FiledAs(ws, key)) {
    filing.interaction_id = *filed;
    filing.already_filed = true;
    return filing;
  }
  return FileMatched(access, *mail, key, std::move(*original), std::move(filing), std::nullopt);
}

MailFiling MailIntakeService::FileMatched(const WorkspaceAccess& access, const ParsedMail& mail,
                                          const std::string& key, documents::NewVersion original,
                                          MailFiling filing,
                                          std::optional<std::int64_t> review_id) {
  const Instant now = clock_.Now();
  Filing record{.key = key, .review_id = review_id};
  relations::Interaction& contact = record.interaction;
  contact.kind = relations::InteractionKind::kEmail;
  // A message cannot have been written after it was filed: a Date more than a day ahead (a wrong
  // clock at the sender) would read as a contact still to come.
  contact.occurred_at = mail.date && *mail.date <= now + kClockSkew ? *mail.date : now;
  contact.subject = SubjectOf(mail, relations::kInteractionSubject.max_chars);
  contact.notes = NotesOf(mail, relations::kInteractionNotes.max_chars);
  contact.organisation_id = ChooseOrganisation(filing.people);
  std::set<std::int64_t> people;
  for (const auto& p : filing.people) {
    if (people.insert(p.person_id).second) contact.person_ids.push_back(p.person_id);
  }
  std::set<std::int64_t> staff;
  for (const auto& m : filing.staff) {
    if (staff.insert(m.user_id).second) contact.staff_ids.push_back(m.user_id);
  }
  contact.created_by = access.user_id;
  contact.created_at = contact.updated_at = now;

  filing.files.push_back(original.name);
  record.files.push_back(std::move(original));
  const auto add_file = [&](std::string_view file_name, std::string_view bytes) {
    const std::string shown =
        file_name.empty() ? std::string("(zonder naam)") : std::string(file_name);
    if (record.files.size() > kMaxFilesPerMessage) {
      filing.skipped_files.push_back(
          {shown, FieldError{FieldIssue::kTooMany, static_cast<int>(kMaxFilesPerMessage)}});
      return;
    }
    auto version = documents_.Prepare(access, {.name = file_name, .bytes = bytes});
    if (!version) {
      filing.skipped_files.push_back({shown, ReasonOf(version.error())});
      return;
    }
    filing.files.push_back(version->name);
    record.files.push_back(std::move(*version));
  };
  for (const auto& file : mail.attachments) {
    if (!file.inline_part) add_file(file.name, file.bytes);
  }
  // An invitation attached as a file is already there; one sent as a part of the text (as
  // Outlook does) is kept as a file of its own.
  const bool calendar_attached = std::ranges::any_of(mail.attachments, [](const auto& file) {
    return !file.inline_part && file.content_type == "text/calendar";
  });
  if (!calendar_attached) {
    for (std::size_t n = 0; n < mail.invitations.size(); ++n) {
      add_file(n == 0 ? "uitnodiging.ics" : "uitnodiging-" + std::to_string(n + 1) + ".ics",
               mail.invitations[n]);
    }
  }

  const auto stored = repository_.File(access.workspace.id, record);
  filing.interaction_id = stored.id;
  if (!stored.first) {
    filing.already_filed = true;
    filing.files.clear();
    filing.skipped_files.clear();
  }
  return filing;
}

std::vector<MailboxOutcome> MailIntakeService::FileFromMailbox(std::string_view raw) {
  using Kind = MailboxOutcome::Kind;
  const auto nowhere = [](std::string reason, std::string workspace = {}) {
    return MailboxOutcome{
        .kind = Kind::kNotPlaced, .workspace = std::move(workspace), .reason = std::move(reason)};
  };
  if (settings_.dossier_address.empty()) {
    return {nowhere("no dossier address is set ([mail_intake] address)")};
  }
  auto mail = parser_.Parse(raw);
  if (!mail) return {nowhere("not a message aantafel can read")};
  // Who may have it filed: the colleague who sent it (with the dossier address in BCC, or as a
  // forward), or else a colleague it was sent to (an outsider who answered to all). Anyone can
  // send mail to the address, so a message nobody of the workspace took part in is not filed.
  std::vector<WorkspaceAccess> writers;  // one per workspace, the sender's first
  std::size_t sender_writes = 0;         // how many of them are the sender's
  const auto consider = [&](const MailAddress& a) {
    if (IsDossierAddress(a.address, settings_.dossier_address)) return;
    for (auto& m : repository_.SenderAccess(a.address)) {
      if (!CanWrite(m.role)) continue;
      if (std::ranges::none_of(writers,
                               [&](const auto& w) { return w.workspace.id == m.workspace.id; })) {
        writers.push_back(std::move(m));
      }
    }
  };
  if (mail->from) consider(*mail->from);
  sender_writes = writers.size();
  for (const auto& a : mail->to) consider(a);
  for (const auto& a : mail->cc) consider(a);
  if (writers.empty()) {
    return {nowhere("neither the sender nor a recipient may write in a workspace")};
  }

  std::vector<MailboxOutcome> out;
  const auto slugs = WorkspacesAddressed(*mail, settings_.dossier_address);
  if (slugs.empty()) {
    // The bare dossier address (or a BCC the mail system does not show): the one workspace
    // where the sender may write, or else the one where the colleagues in it may.
    if (sender_writes != 1 && writers.size() != 1) {
      return {
          nowhere("sent to the bare dossier address, which fits more than one workspace; "
                  "use dossier+<workspace>@…")};
    }
    out.push_back(FileInWorkspace(writers.front(), *mail, raw));
    return out;
  }
  for (const auto& slug : slugs) {
    const auto w = std::ranges::find_if(
        writers, [&](const auto& writer) { return writer.workspace.slug == slug; });
    if (w == writers.end()) {
      out.push_back(nowhere("nobody in the message may write in this workspace", slug));
      continue;
    }
    out.push_back(FileInWorkspace(*w, *mail, raw));
  }
  return out;
}

MailboxOutcome MailIntakeService::FileInWorkspace(const WorkspaceAccess& access,
                                                  const ParsedMail& mail, std::string_view raw) {
  using Kind = MailboxOutcome::Kind;
  const std::int64_t ws = access.workspace.id;
  const std::string& slug = access.workspace.slug;
  const std::string key = Key(mail, raw);
  if (auto filed = repository_.FiledAs(ws, key)) {
    return {.kind = Kind::kAlreadyFiled, .workspace = slug, .id = *filed};
  }
  MailFiling filing = Match(ws, mail);
  if (filing.people.empty()) {
    if (auto waiting = repository_.InReview(ws, key)) {
      return {.kind = Kind::kAlreadyInReview, .workspace = slug, .id = *waiting};
    }
    MailReview review{.key = key,
                      .forwarded_by = access.user_id,
                      .received_at = clock_.Now(),
                      .sent_at = mail.date,
                      .subject = SubjectOf(mail, relations::kInteractionSubject.max_chars),
                      .from = mail.from,
                      .preview = PreviewOf(mail, kPreviewChars),
                      .addresses = AddressesOf(mail, {settings_.dossier_address}),
                      .raw = std::string(raw)};
    for (const auto& file : mail.attachments) {
      if (!file.inline_part) review.files.push_back(file.name);
    }
    const auto stored = repository_.AddReview(ws, review);
    return {.kind = stored.first ? Kind::kInReview : Kind::kAlreadyInReview,
            .workspace = slug,
            .id = stored.id};
  }
  auto original = documents_.Prepare(access, {.name = MessageFileName(mail), .bytes = raw});
  if (!original) {
    return {.kind = Kind::kNotPlaced,
            .workspace = slug,
            .reason = original.error().code == ErrorCode::kPayloadTooLarge
                          ? "the message is larger than [documents] max_file_bytes"
                          : "the message is not accepted as a document"};
  }
  const auto done =
      FileMatched(access, mail, key, std::move(*original), std::move(filing), std::nullopt);
  return {.kind = done.already_filed ? Kind::kAlreadyFiled : Kind::kFiled,
          .workspace = slug,
          .id = done.interaction_id};
}

Result<ReviewInbox> MailIntakeService::Reviews(const WorkspaceAccess& access) {
  const std::int64_t ws = access.workspace.id;
  ReviewInbox inbox;
  if (settings_.mailbox) {
    inbox.address = WorkspaceAddress(settings_.dossier_address, access.workspace.slug);
  }
  inbox.total = repository_.CountReviews(ws);
  for (auto& review : repository_.Reviews(ws, kReviewsShown)) {
    ReviewItem item;
    std::vector<std::string> plain;
    for (const auto& a : review.addresses) plain.push_back(a.address);
    const auto people = repository_.MatchPeople(ws, plain, DutchDate(clock_.Now()));
    const auto staff = repository_.MatchMembers(ws, plain);
    for (const auto& a : review.addresses) {
      ReviewAddress shown{.address = a};
      const auto person =
          std::ranges::find_if(people, [&](const auto& p) { return p.address == a.address; });
      if (person != people.end()) {
        shown.person_id = person->person_id;
        shown.person_name = person->name;
      }
      const auto member =
          std::ranges::find_if(staff, [&](const auto& m) { return m.address == a.address; });
      if (member != staff.end()) shown.user_id = member->user_id;
      item.addresses.push_back(std::move(shown));
    }
    item.review = std::move(review);
    inbox.items.push_back(std::move(item));
  }
  return inbox;
}

Result<MailFiling> MailIntakeService::FileReview(const WorkspaceAccess& access,
                                                 std::int64_t review_id) {
  if (!CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  const std::int64_t ws = access.workspace.id;
  auto review = repository_.Review(ws, review_id);
  if (!review) return Error::Of(ErrorCode::kNotFound);
  auto mail = parser_.Parse(review->raw);
  if (!mail) return mail.error();
  MailFiling filing = Match(ws, *mail);
  if (auto filed = repository_.FiledAs(ws, review->key)) {
    // Filed meanwhile (uploaded as a file): the waiting copy goes.
    repository_.DeleteReview(ws, review_id);
    filing.interaction_id = *filed;
    filing.already_filed = true;
    return filing;
  }
  auto original =
      documents_.Prepare(access, {.name = MessageFileName(*mail), .bytes = review->raw});
  if (!original) return original.error();
  return FileMatched(access, *mail, review->key, std::move(*original), std::move(filing),
                     review_id);
}

Status MailIntakeService::DiscardReview(const WorkspaceAccess& access, std::int64_t review_id) {
  if (!CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  if (!repository_.DeleteReview(access.workspace.id, review_id)) {
    return Error::Of(ErrorCode::kNotFound);
  }
  return Ok{};
}

}  // namespace aantafel::core::mail_intake

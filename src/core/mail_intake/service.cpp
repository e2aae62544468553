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

Result<MailFiling> MailIntakeService::Import(const WorkspaceAccess& access, std::string_view name,
                                             std::string_view raw) {
  if (!CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  // The message itself is kept as a document on the contact, so it keeps to the rules of an
  // upload: an accepted name, the size limit, bytes that are what the name says.
  // An Outlook .msg is a document, but no well-kept library reads it (decision 51).
  const std::string lower = LowerAscii(name);
  if (!lower.ends_with(".eml")) return Error::Field("name", FieldIssue::kNotAnEmail);
  auto original = documents_.Prepare(access, {.name = name, .bytes = raw});
  if (!original) return original.error();
  auto mail = parser_.Parse(raw);
  if (!mail) return mail.error();

  const std::int64_t ws = access.workspace.id;
  const Instant now = clock_.Now();
  MailFiling filing;
  const auto addresses = AddressesOf(*mail, {settings_.dossier_address});
  std::vector<std::string> plain;
  plain.reserve(addresses.size());
  for (const auto& a : addresses) plain.push_back(a.address);
  filing.people = repository_.MatchPeople(ws, plain, DutchDate(now));
  filing.staff = repository_.MatchMembers(ws, plain);
  std::set<std::string> known;
  for (const auto& p : filing.people) known.insert(p.address);
  for (const auto& m : filing.staff) known.insert(m.address);
  for (const auto& a : addresses) {
    if (!known.contains(a.address)) filing.unmatched.push_back(a);
  }

  // Stored as a hash: a Message-ID can hold an address, and the key only needs to be equal.
  const std::string key = crypto_.Sha256Hex(MessageKey(*mail, crypto_.Sha256Hex(raw)));
  if (auto filed = repository_.FiledAs(ws, key)) {
    filing.interaction_id = *filed;
    filing.already_filed = true;
    return filing;
  }

  Filing record{.key = key};
  relations::Interaction& contact = record.interaction;
  contact.kind = relations::InteractionKind::kEmail;
  // A message cannot have been written after it was filed: a Date more than a day ahead (a wrong
  // clock at the sender) would read as a contact still to come.
  contact.occurred_at = mail->date && *mail->date <= now + kClockSkew ? *mail->date : now;
  contact.subject = SubjectOf(*mail, relations::kInteractionSubject.max_chars);
  contact.notes = NotesOf(*mail, relations::kInteractionNotes.max_chars);
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

  record.files.push_back(*original);
  filing.files.push_back(original->name);
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
  for (const auto& file : mail->attachments) {
    if (!file.inline_part) add_file(file.name, file.bytes);
  }
  // An invitation attached as a file is already there; one sent as a part of the text (as
  // Outlook does) is kept as a file of its own.
  const bool calendar_attached = std::ranges::any_of(mail->attachments, [](const auto& file) {
    return !file.inline_part && file.content_type == "text/calendar";
  });
  if (!calendar_attached) {
    for (std::size_t n = 0; n < mail->invitations.size(); ++n) {
      add_file(n == 0 ? "uitnodiging.ics" : "uitnodiging-" + std::to_string(n + 1) + ".ics",
               mail->invitations[n]);
    }
  }

  const auto stored = repository_.File(ws, record);
  filing.interaction_id = stored.interaction_id;
  if (!stored.first) {
    filing.already_filed = true;
    filing.files.clear();
    filing.skipped_files.clear();
  }
  return filing;
}

}  // namespace aantafel::core::mail_intake

#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"

namespace aantafel::core::mail_intake {

/// One address of a message: the display name as written and the address in lower case.
struct MailAddress {
  std::string name;
  std::string address;
  bool operator==(const MailAddress&) const = default;
};

/// A file that came with a message (a forwarded message's files included).
struct MailAttachment {
  std::string name;          ///< as the sender's program named it; may be empty
  std::string content_type;  ///< as the message declares it (lower case), e.g. "application/pdf"
  std::string bytes;         ///< decoded
  bool inline_part = false;  ///< shown inside the text (a logo in a signature), not attached
};

/// A message from the dossier mailbox that waits until a member checks it: a colleague sent it
/// to the workspace's dossier address, but nobody from Wie is wie was found in it.
struct MailReview {
  std::int64_t id = 0;
  std::string key;                           ///< as MailFiling's key: SHA-256 of MessageKey
  std::optional<std::int64_t> forwarded_by;  ///< the member who sent it to the dossier address
  std::string forwarded_by_name;             ///< when read; empty when no longer a user
  Instant received_at{};                     ///< when aantafel read it
  std::optional<Instant> sent_at;            ///< the message's Date
  std::string subject;
  std::optional<MailAddress> from;
  std::string preview;                 ///< the start of the text, on one line
  std::vector<MailAddress> addresses;  ///< AddressesOf the message
  std::vector<std::string> files;      ///< names of the files that came with it
  std::string raw;                     ///< the message; only read to file it
};

/// A message forwarded inside this one: who wrote it, when, about what.
struct ForwardedMail {
  std::optional<MailAddress> from;
  std::optional<Instant> date;
  std::string subject;
};

/// What aantafel reads from one e-mail message: enough to file it as a contact with its people,
/// its text and its files.
struct ParsedMail {
  std::string message_id;  ///< without < >; empty when the message has none
  std::optional<Instant> date;
  std::string subject;
  std::optional<MailAddress> from;
  std::vector<MailAddress> to;
  std::vector<MailAddress> cc;
  /// Where the mail system delivered it (Delivered-To, X-Original-To): the dossier address with
  /// its +workspace part, also for a BCC.
  std::vector<std::string> delivered_to;
  std::string text;  ///< the body as plain UTF-8 text (HTML converted), forwards included
  std::vector<MailAttachment> attachments;
  std::vector<ForwardedMail> forwarded;
  std::vector<std::string> invitations;  ///< text/calendar parts (iCalendar text)
  /// Parts left out and why (a winmail.dat, nesting too deep, text cut at the limit), for the
  /// review inbox.
  std::vector<std::string> skipped;
};

/// Limits for reading a message from outside.
struct MailLimits {
  std::size_t max_depth = 16;               ///< nested multiparts and forwards
  std::size_t max_parts = 500;              ///< parts in all
  std::size_t max_text_bytes = 256 * 1024;  ///< of the body text kept
};

/// A person from Wie is wie whose address is in a message, with the organisations where they
/// hold a position today.
struct PersonMatch {
  std::string address;
  std::int64_t person_id = 0;
  std::string name;
  std::vector<std::int64_t> organisation_ids;
};

/// A colleague (a member of the workspace) whose account address is in a message.
struct MemberMatch {
  std::string address;
  std::int64_t user_id = 0;
};

/// A file of a message that was not filed, and why (the same reasons as for an upload).
struct SkippedFile {
  std::string name;
  FieldError reason;
};

/// What filing one message did.
struct MailFiling {
  std::int64_t interaction_id = 0;
  bool already_filed = false;  ///< the message was filed before; nothing new was stored
  std::vector<PersonMatch> people;
  std::vector<MemberMatch> staff;
  std::vector<MailAddress> unmatched;  ///< addresses of neither a person nor a colleague
  std::vector<std::string> files;      ///< names of the files stored on the contact
  std::vector<SkippedFile> skipped_files;
};

/// The key under which a message is filed once per workspace: its Message-ID (lower case), or
/// the SHA-256 of its bytes (`sha256_hex`) when it has none.
std::string MessageKey(const ParsedMail& mail, std::string_view sha256_hex);

/// Every address of a message (from, to, cc, and the senders of forwarded messages), once each,
/// in that order; without the addresses in `leave_out` (the dossier address itself).
std::vector<MailAddress> AddressesOf(const ParsedMail& mail,
                                     const std::vector<std::string>& leave_out);

/// Whether `address` is the dossier address `dossier` or a plus-address of it
/// (dossier+zorg-west@… for dossier@…). Both lower case.
bool IsDossierAddress(std::string_view address, std::string_view dossier);

/// The organisation the contact was with: the one where most matched people hold a position;
/// none when there is a tie or nobody matched.
std::optional<std::int64_t> ChooseOrganisation(const std::vector<PersonMatch>& people);

/// The contact's notes: who wrote to whom and when, then the text; cut at `max_bytes` (whole
/// characters, with a line that says the full message is attached). Only newlines and tabs of
/// the control characters are kept.
std::string NotesOf(const ParsedMail& mail, std::size_t max_bytes);

/// A subject fit for a contact: control characters as spaces, cut at `max_chars` characters,
/// "(geen onderwerp)" when empty.
std::string SubjectOf(const ParsedMail& mail, std::size_t max_chars);

/// The start of the text on one line (white space runs as one space), at most `max_chars`
/// characters.
std::string PreviewOf(const ParsedMail& mail, std::size_t max_chars);

/// The workspaces (slugs) a message from the dossier mailbox was sent to: the +part of each
/// plus-address of `dossier` in Delivered-To/X-Original-To, To and Cc, once each, in that order.
std::vector<std::string> WorkspacesAddressed(const ParsedMail& mail, std::string_view dossier);

/// A workspace's own dossier address: dossier+zorg-west@zorg.example. Empty without `dossier`.
std::string WorkspaceAddress(std::string_view dossier, std::string_view slug);

/// A file name for the original message: the subject, without characters file systems refuse,
/// with ".eml".
std::string MessageFileName(const ParsedMail& mail);

}  // namespace aantafel::core::mail_intake

#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/accounts/model.hpp"
#include "core/accounts/ports.hpp"
#include "core/clock.hpp"
#include "core/documents/service.hpp"
#include "core/mail_intake/model.hpp"
#include "core/mail_intake/ports.hpp"
#include "core/result.hpp"

namespace aantafel::core::mail_intake {

/// What became of a message read from the dossier mailbox in one workspace it was sent to.
struct MailboxOutcome {
  enum class Kind {
    kFiled,            ///< filed as a new contact
    kAlreadyFiled,     ///< filed before (read again after a crash, or sent twice)
    kInReview,         ///< nobody from Wie is wie found: waits in the review inbox
    kAlreadyInReview,  ///< waited already
    kNotPlaced,        ///< filed nowhere; `reason` says why (for the log)
  };
  Kind kind = Kind::kNotPlaced;
  std::string workspace;  ///< slug; empty when no workspace was found
  std::int64_t id = 0;    ///< the contact or the waiting message
  std::string reason;
};

/// The review inbox of a workspace as a member sees it.
struct ReviewAddress {
  MailAddress address;
  std::optional<std::int64_t> person_id;  ///< a person of Wie is wie with this address now
  std::string person_name;
  std::optional<std::int64_t> user_id;  ///< a colleague with this address
};
struct ReviewItem {
  MailReview review;
  std::vector<ReviewAddress> addresses;
};
struct ReviewInbox {
  std::string address;  ///< the workspace's dossier address; empty when no mailbox is read
  std::vector<ReviewItem> items;
  std::size_t total = 0;
};

/// The installation's settings for mail into the dossier.
struct MailIntakeSettings {
  /// The dossier address (lower case, e.g. "dossier@zorg.example"); it and its plus-addresses
  /// are never matched as people. Empty when none is set up.
  std::string dossier_address;
  /// Whether the dossier mailbox is read (only then does the workspace's address lead anywhere).
  bool mailbox = false;
};

/// Dossiermail: an e-mail message filed into the dossier as a contact (kind e-mail) with its
/// people and colleagues matched by address, its text as the notes, and the original message
/// and its files as documents on the contact. A message is filed once per workspace.
class MailIntakeService {
 public:
  MailIntakeService(MailIntakeRepository& repository, MailParser& parser,
                    documents::DocumentService& documents, accounts::Crypto& crypto,
                    const Clock& clock, MailIntakeSettings settings)
      : repository_(repository),
        parser_(parser),
        documents_(documents),
        crypto_(crypto),
        clock_(clock),
        settings_(std::move(settings)) {}

  /// Files a message that a member uploaded as a file (`name` as their device named it: .eml).
  /// Editors and owners only. The whole message is refused (under "file") when it is not a
  /// message or too large; a file inside it that would not be accepted as an upload is left out
  /// and reported, the rest is filed.
  Result<MailFiling> Import(const accounts::WorkspaceAccess& access, std::string_view name,
                            std::string_view raw);

  /// Files a message read from the dossier mailbox, in each workspace it was sent to
  /// (dossier+<workspace>@…; for the bare dossier address, the one workspace that fits). It is
  /// filed only where its sender, or else one of its recipients, is an editor or owner: anyone
  /// can send mail to the address. That colleague files it. A message in which nobody from Wie
  /// is wie is found waits in the review inbox. Safe to repeat: filed (or waiting) once.
  std::vector<MailboxOutcome> FileFromMailbox(std::string_view raw);

  /// The messages that wait in the workspace's review inbox (every member), newest first.
  Result<ReviewInbox> Reviews(const accounts::WorkspaceAccess& access);
  /// Files a waiting message with whoever is found now, even nobody (editors and owners).
  Result<MailFiling> FileReview(const accounts::WorkspaceAccess& access, std::int64_t review_id);
  /// Throws a waiting message away (editors and owners).
  Status DiscardReview(const accounts::WorkspaceAccess& access, std::int64_t review_id);

  /// How many waiting messages Reviews() returns at most.
  static constexpr std::size_t kReviewsShown = 100;

 private:
  /// People and colleagues of the workspace whose address is in the message, and the rest.
  MailFiling Match(std::int64_t ws, const ParsedMail& mail);
  /// Files a parsed message as a contact with the matches in `filing` (which it completes);
  /// `original` is the message itself as a document.
  MailFiling FileMatched(const accounts::WorkspaceAccess& access, const ParsedMail& mail,
                         const std::string& key, documents::NewVersion original, MailFiling filing,
                         std::optional<std::int64_t> review_id);
  /// One mailbox message in one workspace, for a sender who may write there.
  MailboxOutcome FileInWorkspace(const accounts::WorkspaceAccess& access, const ParsedMail& mail,
                                 std::string_view raw);
  std::string Key(const ParsedMail& mail, std::string_view raw);

  MailIntakeRepository& repository_;
  MailParser& parser_;
  documents::DocumentService& documents_;
  accounts::Crypto& crypto_;
  const Clock& clock_;
  MailIntakeSettings settings_;
};

}  // namespace aantafel::core::mail_intake

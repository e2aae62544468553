#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/accounts/model.hpp"
#include "core/civil_date.hpp"
#include "core/documents/ports.hpp"
#include "core/mail_intake/model.hpp"
#include "core/relations/model.hpp"
#include "core/result.hpp"

namespace aantafel::core::mail_intake {

/// What to store when a message is filed: the contact and its files, under the message's key.
struct Filing {
  std::string key;  ///< SHA-256 of MessageKey: a message is filed once per workspace
  relations::Interaction interaction;
  std::vector<documents::NewVersion> files;  ///< attached to the contact
  /// The waiting message (review inbox) this filing takes out, in the same transaction.
  std::optional<std::int64_t> review_id;
};

/// Port: reads a message's bytes (the GMime adapter in interchange).
class MailParser {
 public:
  virtual ~MailParser() = default;
  /// The message, or kInvalidInput with a problem under "file" when the bytes are not one.
  virtual Result<ParsedMail> Parse(std::string_view raw) = 0;
};

/// Port: the filed messages of a workspace and the addresses they are matched on.
class MailIntakeRepository {
 public:
  virtual ~MailIntakeRepository() = default;
  /// The contact a message with this key was filed as, if it was.
  virtual std::optional<std::int64_t> FiledAs(std::int64_t ws, std::string_view key) = 0;
  /// People of the workspace with one of these (lower-case) addresses, with the organisations
  /// where they hold a position on `today`.
  virtual std::vector<PersonMatch> MatchPeople(std::int64_t ws,
                                               const std::vector<std::string>& addresses,
                                               CivilDate today) = 0;
  /// The workspaces where the account with this (lower-case) address is a member, with its
  /// role: who may have a message from this sender filed where.
  virtual std::vector<accounts::WorkspaceAccess> SenderAccess(std::string_view address) = 0;
  /// Members of the workspace whose account has one of these addresses.
  virtual std::vector<MemberMatch> MatchMembers(std::int64_t ws,
                                                const std::vector<std::string>& addresses) = 0;
  /// Stores the contact, its files and the key in one transaction and returns the contact's
  /// id. When the key is already there (filed meanwhile by another reader), stores nothing and
  /// returns the id of the contact filed first, with `first` false.
  struct Stored {
    std::int64_t id = 0;  ///< the contact (File) or the waiting message (AddReview)
    bool first = true;
  };
  virtual Stored File(std::int64_t ws, const Filing& filing) = 0;

  // The review inbox: messages from the mailbox in which nobody from Wie is wie was found.
  /// Stores a waiting message (its key once per workspace) and returns its id; when one with
  /// the same key waits already, stores nothing and returns that one's id with `first` false.
  virtual Stored AddReview(std::int64_t ws, const MailReview& review) = 0;
  /// The id of the waiting message with this key, if one waits.
  virtual std::optional<std::int64_t> InReview(std::int64_t ws, std::string_view key) = 0;
  /// The newest `limit` waiting messages, newest first, without their bytes (`raw` empty).
  virtual std::vector<MailReview> Reviews(std::int64_t ws, std::size_t limit) = 0;
  virtual std::size_t CountReviews(std::int64_t ws) = 0;
  /// One waiting message with its bytes.
  virtual std::optional<MailReview> Review(std::int64_t ws, std::int64_t id) = 0;
  /// False when no such message waits.
  virtual bool DeleteReview(std::int64_t ws, std::int64_t id) = 0;
};

}  // namespace aantafel::core::mail_intake

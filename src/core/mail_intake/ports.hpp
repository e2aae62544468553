#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
  /// Members of the workspace whose account has one of these addresses.
  virtual std::vector<MemberMatch> MatchMembers(std::int64_t ws,
                                                const std::vector<std::string>& addresses) = 0;
  /// Stores the contact, its files and the key in one transaction and returns the contact's
  /// id. When the key is already there (filed meanwhile by another reader), stores nothing and
  /// returns the id of the contact filed first, with `first` false.
  struct Stored {
    std::int64_t interaction_id = 0;
    bool first = true;
  };
  virtual Stored File(std::int64_t ws, const Filing& filing) = 0;
};

}  // namespace aantafel::core::mail_intake

#pragma once

#include <string>
#include <string_view>

#include "core/accounts/model.hpp"
#include "core/accounts/ports.hpp"
#include "core/clock.hpp"
#include "core/documents/service.hpp"
#include "core/mail_intake/model.hpp"
#include "core/mail_intake/ports.hpp"
#include "core/result.hpp"

namespace aantafel::core::mail_intake {

/// The installation's settings for mail into the dossier.
struct MailIntakeSettings {
  /// The dossier address (lower case, e.g. "dossier@zorg.example"); it and its plus-addresses
  /// are never matched as people. Empty when none is set up.
  std::string dossier_address;
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

 private:
  MailIntakeRepository& repository_;
  MailParser& parser_;
  documents::DocumentService& documents_;
  accounts::Crypto& crypto_;
  const Clock& clock_;
  MailIntakeSettings settings_;
};

}  // namespace aantafel::core::mail_intake

#pragma once
// The dossier mailbox's IMAP settings from [mail_intake]: the password or the OAuth 2 app token
// (client credentials, for Microsoft 365), for the runtime's reader and `aantafel mail-intake
// check`.

#include "app/config.hpp"
#include "app/imap_mailbox.hpp"

namespace aantafel::app {

/// Reads the password or client secret (from the environment, or the first line of its file).
/// Throws std::runtime_error when a configured file is missing or empty.
ImapSettings MailboxSettingsFrom(const Config& config);

}  // namespace aantafel::app

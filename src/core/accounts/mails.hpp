#pragma once

#include <string>

#include "core/accounts/model.hpp"
#include "core/mail.hpp"

namespace aantafel::core::accounts {

// The e-mails of the accounts area, in Dutch (B1) or English, as plain text and simple HTML.

struct InvitationMail {
  std::string to;
  std::string workspace_name;
  std::string inviter_name;  ///< may be empty
  Role role = Role::kViewer;
  Language language = Language::kDutch;
  std::string link;  ///< the single-use link to accept
  Instant expires_at{};
};

/// The invitation in its language, with one line in the other language for a reader who
/// prefers it.
Mail ComposeInvitation(const InvitationMail& invitation);

struct PasswordResetMail {
  std::string to;
  std::string name;
  Language language = Language::kDutch;
  std::string link;  ///< the single-use link to choose a new password
  int valid_minutes = 60;
};

Mail ComposePasswordReset(const PasswordResetMail& reset);

/// "maandag 7 december 2026 om 14:05" / "Monday 7 December 2026 at 14:05", Dutch time.
std::string DutchDateTime(Instant at, Language language);

}  // namespace aantafel::core::accounts

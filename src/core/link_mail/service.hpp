#pragma once

#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/field_cipher.hpp"
#include "core/link_mail/ports.hpp"
#include "core/mail.hpp"

namespace aantafel::core::link_mail {

/// Mails personal links as they are made (the scans and feedback areas call it) and sends one
/// reminder on the chosen day to those who have not answered by then.
class LinkMailService {
 public:
  /// `mailer` null: this server has no mail relay, and links are not mailed (the caller shows
  /// them to copy instead).
  LinkMailService(LinkMailRepository& repository, FieldCipher& cipher, Mailer* mailer,
                  const Clock& clock, std::string public_url);

  [[nodiscard]] bool enabled() const { return mailer_ != nullptr; }

  /// Adds the problems of `request` to `errors`: a reminder needs at least a day and must come
  /// before the shortest link (valid `link_days`) expires.
  static void Check(const MailRequest& request, int link_days, FieldErrors& errors);

  /// Mails each link and records it (with its reminder); per link, whether the mail left.
  std::vector<bool> Send(std::int64_t workspace_id, const LinkSubject& subject,
                         const std::vector<LinkToMail>& links, const MailRequest& request);

  /// Sends the reminders that are due, at most `limit`; returns how many were sent.
  int SendDueReminders(int limit = 500);

 private:
  LinkMailRepository& repository_;
  FieldCipher& cipher_;
  Mailer* mailer_;
  const Clock& clock_;
  std::string public_url_;
};

}  // namespace aantafel::core::link_mail

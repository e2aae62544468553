#pragma once

#include <string>

#include "core/mail.hpp"

namespace aantafel::app {

/// How to reach the SMTP relay ([smtp] in the configuration).
struct SmtpSettings {
  std::string url;  ///< smtp://host:587 (STARTTLS per `tls`) or smtps://host:465; empty: off
  std::string username;
  std::string password;
  std::string from;         ///< the sender address
  std::string tls = "try";  ///< "required", "try" (use STARTTLS when offered) or "none"
  long timeout_seconds = 30;
};

/// Sends mail through an SMTP relay with libcurl (one connection per mail; digests are few).
class SmtpMailer final : public core::Mailer {
 public:
  explicit SmtpMailer(SmtpSettings settings);
  core::Status Send(const core::Mail& mail) override;

 private:
  SmtpSettings settings_;
};

/// The RFC 5322 message: headers (Subject RFC 2047-encoded when not ASCII), a UTF-8 plain-text
/// body with CRLF line ends, dot-stuffing left to the transport. `message_id_seed` makes the
/// Message-ID unique.
std::string FormatMessage(const core::Mail& mail, const std::string& from, const std::string& date,
                          const std::string& message_id_seed);

}  // namespace aantafel::app

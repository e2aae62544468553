#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "core/accounts/model.hpp"
#include "core/accounts/ports.hpp"
#include "core/accounts/service.hpp"
#include "core/mail.hpp"
#include "core/random.hpp"
#include "core/rate_limiter.hpp"
#include "core/result.hpp"

namespace aantafel::core::accounts {

struct PasswordResetPolicy {
  std::chrono::minutes valid{60};
  /// Requests from one address (known and unknown e-mail addresses alike).
  RateLimit requests_per_address{.attempts = 5, .period = std::chrono::seconds(900)};
  /// Mails to one account: more requests are answered the same but send nothing, so nobody can
  /// flood a colleague's mailbox.
  RateLimit mails_per_account{.attempts = 3, .period = std::chrono::seconds(3600)};
  /// Attempts to use a link from one address.
  RateLimit completions_per_address{.attempts = 20, .period = std::chrono::seconds(900)};
};

/// "Wachtwoord vergeten": a single-use, expiring link by e-mail; the same answer whether or not
/// the address has an account.
class PasswordResetService {
 public:
  /// `mailer` should not block (the time to answer must not tell whether a mail was sent); it
  /// may be null when no relay is configured (then nothing is sent, and the answer is the same).
  PasswordResetService(UserRepository& users, CredentialRepository& credentials,
                       AccountsService& accounts, Crypto& crypto, Random& random,
                       const Clock& clock, Mailer* mailer, std::string app_url,
                       PasswordResetPolicy policy = {});

  /// Sends a link when the address has an account. Errors only for a malformed address and
  /// for too many requests from `client_address`.
  Status Request(std::string_view email, const std::string& client_address);
  /// Sets the new password, ends every session and link of the user, and signs in here.
  Result<LoginResult> Complete(std::string_view token, std::string_view new_password,
                               const ClientInfo& client);

  [[nodiscard]] bool can_send() const { return mailer_ != nullptr; }

 private:
  UserRepository& users_;
  CredentialRepository& credentials_;
  AccountsService& accounts_;
  Crypto& crypto_;
  Random& random_;
  const Clock& clock_;
  Mailer* mailer_;
  std::string app_url_;
  PasswordResetPolicy policy_;
  RateLimiter per_address_;
  RateLimiter per_account_;
  RateLimiter completions_;
};

}  // namespace aantafel::core::accounts

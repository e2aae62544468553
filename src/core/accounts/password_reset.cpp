#include "core/accounts/password_reset.hpp"

#include "core/accounts/mails.hpp"
#include "core/validation.hpp"

namespace aantafel::core::accounts {

PasswordResetService::PasswordResetService(UserRepository& users, CredentialRepository& credentials,
                                           AccountsService& accounts, Crypto& crypto,
                                           Random& random, const Clock& clock, Mailer* mailer,
                                           std::string app_url, PasswordResetPolicy policy)
    : users_(users),
      credentials_(credentials),
      accounts_(accounts),
      crypto_(crypto),
      random_(random),
      clock_(clock),
      mailer_(mailer),
      app_url_(std::move(app_url)),
      policy_(policy),
      per_address_(clock, policy.requests_per_address),
      per_account_(clock, policy.mails_per_account),
      completions_(clock, policy.completions_per_address) {}

Status PasswordResetService::Request(std::string_view email, const std::string& client_address) {
  if (auto d = per_address_.Consume("ip:" + client_address); !d.allowed) return RateLimitedError(d);
  FieldErrors errors;
  auto normalised = CheckEmail("email", email, errors);
  if (!errors.empty()) return std::move(errors).ToError();
  auto credentials = users_.FindByEmail(*normalised);
  if (!credentials || mailer_ == nullptr) return Ok{};
  if (!per_account_.Consume("user:" + std::to_string(credentials->user.id)).allowed) return Ok{};
  const Instant now = clock_.Now();
  const std::string token = RandomToken(random_);
  credentials_.CreatePasswordReset(crypto_.Sha256Hex(token), credentials->user.id, now,
                                   now + policy_.valid);
  const Mail mail =
      ComposePasswordReset({.to = credentials->user.email,
                            .name = credentials->user.name,
                            .language = credentials->user.language,
                            .link = app_url_ + "/password/reset#" + token,
                            .valid_minutes = static_cast<int>(policy_.valid.count())});
  (void)mailer_->Send(mail);  // queued; a failure is logged by the mailer
  return Ok{};
}

Result<LoginResult> PasswordResetService::Complete(std::string_view token,
                                                   std::string_view new_password,
                                                   const ClientInfo& client) {
  if (auto d = completions_.Consume("ip:" + client.address); !d.allowed) return RateLimitedError(d);
  FieldErrors errors;
  if (token.empty()) errors.Add("token", FieldIssue::kRequired);
  if (token.size() > kMaxTokenLength) errors.Add("token", FieldIssue::kTooLong, kMaxTokenLength);
  CheckPassword("password", new_password, errors);
  if (!errors.empty()) return std::move(errors).ToError();
  // Taken (deleted) before anything else: a link works once, also when two requests race.
  const auto user_id = credentials_.TakePasswordReset(crypto_.Sha256Hex(token), clock_.Now());
  if (!user_id) return Error::Of(ErrorCode::kLinkExpired);
  auto user = users_.FindById(*user_id);
  if (!user) return Error::Of(ErrorCode::kLinkExpired);
  if (auto replaced = accounts_.ReplacePassword(*user_id, new_password); !replaced) {
    return std::move(replaced).error();
  }
  return accounts_.StartSession(*user, client);
}

}  // namespace aantafel::core::accounts

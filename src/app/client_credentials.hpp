#pragma once
// An OAuth 2 access token for aantafel itself: the client credentials grant (RFC 6749 section
// 4.4). Microsoft 365 lets an app read a mailbox over IMAP only this way (an Entra ID app with
// IMAP.AccessAsApp; basic authentication is off in Exchange Online). The token is fetched when
// asked for and kept until five minutes before it expires.

#include <chrono>
#include <functional>
#include <mutex>
#include <string>

namespace aantafel::app {

struct ClientCredentialsSettings {
  /// The token endpoint, e.g. https://login.microsoftonline.com/<tenant id>/oauth2/v2.0/token
  std::string token_url;
  std::string client_id;
  std::string client_secret;
  std::string scope;  ///< e.g. https://outlook.office365.com/.default
  long timeout_seconds = 15;
};

/// A token, or why there is none (the endpoint's error and description, never the secret).
struct AccessToken {
  std::string token;
  std::string error;
};

class ClientCredentialsToken {
 public:
  using Now = std::function<std::chrono::steady_clock::time_point()>;
  explicit ClientCredentialsToken(
      ClientCredentialsSettings settings, Now now = [] { return std::chrono::steady_clock::now(); })
      : settings_(std::move(settings)), now_(std::move(now)) {}

  /// A token valid for at least five more minutes: the kept one, or a new one. Thread-safe.
  AccessToken Get();

 private:
  ClientCredentialsSettings settings_;
  Now now_;
  std::mutex mutex_;
  std::string token_;
  std::chrono::steady_clock::time_point renew_at_{};
};

}  // namespace aantafel::app

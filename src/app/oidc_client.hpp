#pragma once

#include <chrono>
#include <mutex>
#include <string>

#include "core/accounts/sso.hpp"

namespace aantafel::app {

/// How this instance reaches its OpenID provider ([sso] in the configuration).
struct OidcSettings {
  std::string issuer;
  std::string client_id;
  std::string client_secret;
  std::string redirect_uri;  ///< public_url + "/api/v1/sso/callback"
  std::string scopes = "openid profile email";
  std::string token_auth = "client_secret_basic";  ///< or "client_secret_post"
};

/// The OpenID provider over HTTPS with libcurl: discovery (cached for an hour, its issuer must
/// be the configured one), the code exchange with PKCE and client authentication, and the ID
/// token's signature against the provider's key set (fetched again, at most once a minute, when a
/// token names a key it does not know: keys roll over).
class OidcClient final : public core::accounts::OidcProvider {
 public:
  explicit OidcClient(OidcSettings settings);

  core::Result<std::string> AuthorizationUrl(std::string_view state, std::string_view nonce,
                                             std::string_view code_challenge,
                                             bool choose_account) override;
  core::Result<std::string> RedeemCode(std::string_view code,
                                       std::string_view code_verifier) override;

 private:
  struct Endpoints {
    std::string authorization;
    std::string token;
    std::string jwks;
    bool select_account = false;  ///< "select_account" is in prompt_values_supported
  };
  core::Result<Endpoints> Discover();
  core::Result<std::string> KeySet(bool refresh);

  OidcSettings settings_;
  std::mutex mutex_;
  Endpoints endpoints_;
  std::chrono::steady_clock::time_point discovered_at_{};
  std::string jwks_;
  std::chrono::steady_clock::time_point jwks_at_{};
};

}  // namespace aantafel::app

#include "app/oidc_client.hpp"

#include <memory>
#include <nlohmann/json.hpp>

#include "app/http_fetch.hpp"
#include "security/jose.hpp"

namespace aantafel::app {

namespace {

constexpr std::size_t kMaxBody = 1024 * 1024;

/// One HTTP call to the provider (no redirects: the endpoints are exact), 15 s at most.
FetchResponse Call(const std::string& url, const std::string& form, const std::string& basic_auth) {
  return Fetch(FetchRequest{.url = url,
                            .headers = {"Accept: application/json"},
                            .form = form,
                            .basic_auth = basic_auth,
                            .max_bytes = kMaxBody,
                            .timeout_seconds = 15});
}

std::string Escape(std::string_view text) { return UrlEscape(text); }

core::Error Unavailable(std::string detail) {
  core::Error e = core::Error::Of(core::ErrorCode::kUnavailable);
  e.detail = "sso: " + std::move(detail);
  return e;
}

core::Error Refused(std::string detail) {
  core::Error e = core::Error::Of(core::ErrorCode::kSsoRefused);
  e.detail = std::move(detail);
  return e;
}

}  // namespace

OidcClient::OidcClient(OidcSettings settings) : settings_(std::move(settings)) {}

core::Result<OidcClient::Endpoints> OidcClient::Discover() {
  std::lock_guard lock(mutex_);
  const auto now = std::chrono::steady_clock::now();
  if (!endpoints_.token.empty() && now - discovered_at_ < std::chrono::hours(1)) return endpoints_;
  std::string base = settings_.issuer;
  while (base.ends_with('/')) base.pop_back();
  const FetchResponse reply = Call(base + "/.well-known/openid-configuration", "", "");
  if (reply.status != 200) {
    return Unavailable("discovery: " + (reply.error.empty() ? "HTTP " + std::to_string(reply.status)
                                                            : reply.error));
  }
  const auto doc = nlohmann::json::parse(reply.body, nullptr, false);
  if (!doc.is_object()) return Unavailable("discovery: not JSON");
  // The document must be the configured issuer's own (OpenID Connect Discovery 4.3).
  if (doc.value("issuer", "") != settings_.issuer) return Unavailable("discovery: other issuer");
  Endpoints found{.authorization = doc.value("authorization_endpoint", ""),
                  .token = doc.value("token_endpoint", ""),
                  .jwks = doc.value("jwks_uri", "")};
  // Entra ID documents prompt=select_account but does not list prompt values in discovery.
  found.select_account = settings_.issuer.starts_with("https://login.microsoftonline.com/");
  if (auto prompts = doc.find("prompt_values_supported");
      prompts != doc.end() && prompts->is_array()) {
    for (const auto& p : *prompts) found.select_account |= p == "select_account";
  }
  if (found.authorization.empty() || found.token.empty() || found.jwks.empty()) {
    return Unavailable("discovery: endpoints missing");
  }
  endpoints_ = found;
  discovered_at_ = now;
  return found;
}

core::Result<std::string> OidcClient::KeySet(bool refresh) {
  auto endpoints = Discover();
  if (!endpoints) return std::move(endpoints).error();
  std::lock_guard lock(mutex_);
  const auto now = std::chrono::steady_clock::now();
  const bool stale = jwks_.empty() || now - jwks_at_ > std::chrono::hours(24);
  const bool may_refresh = now - jwks_at_ > std::chrono::minutes(1);
  if (!stale && !(refresh && may_refresh)) return jwks_;
  const FetchResponse reply = Call(endpoints->jwks, "", "");
  if (reply.status != 200) {
    if (!jwks_.empty()) return jwks_;
    return Unavailable(
        "keys: " + (reply.error.empty() ? "HTTP " + std::to_string(reply.status) : reply.error));
  }
  jwks_ = reply.body;
  jwks_at_ = now;
  return jwks_;
}

core::Result<std::string> OidcClient::AuthorizationUrl(std::string_view state,
                                                       std::string_view nonce,
                                                       std::string_view code_challenge,
                                                       bool choose_account) {
  auto endpoints = Discover();
  if (!endpoints) return std::move(endpoints).error();
  const char separator = endpoints->authorization.find('?') == std::string::npos ? '?' : '&';
  return endpoints->authorization + separator +
         "response_type=code&client_id=" + Escape(settings_.client_id) +
         "&redirect_uri=" + Escape(settings_.redirect_uri) + "&scope=" + Escape(settings_.scopes) +
         "&state=" + Escape(state) + "&nonce=" + Escape(nonce) +
         "&code_challenge=" + Escape(code_challenge) + "&code_challenge_method=S256" +
         (choose_account && endpoints->select_account ? "&prompt=select_account" : "");
}

core::Result<std::string> OidcClient::RedeemCode(std::string_view code,
                                                 std::string_view code_verifier) {
  auto endpoints = Discover();
  if (!endpoints) return std::move(endpoints).error();
  std::string form = "grant_type=authorization_code&code=" + Escape(code) +
                     "&redirect_uri=" + Escape(settings_.redirect_uri) +
                     "&code_verifier=" + Escape(code_verifier);
  std::string basic;
  if (settings_.token_auth == "client_secret_post") {
    form += "&client_id=" + Escape(settings_.client_id) +
            "&client_secret=" + Escape(settings_.client_secret);
  } else {
    // RFC 6749 2.3.1: both parts form-encoded before they are joined and base64-encoded.
    basic = Escape(settings_.client_id) + ":" + Escape(settings_.client_secret);
  }
  const FetchResponse reply = Call(endpoints->token, form, basic);
  if (reply.status == 0) return Unavailable("token: " + reply.error);
  const auto body = nlohmann::json::parse(reply.body, nullptr, false);
  if (reply.status != 200) {
    const std::string error =
        body.is_object() && body.contains("error") && body["error"].is_string()
            ? body["error"].get<std::string>()
            : "HTTP " + std::to_string(reply.status);
    return Refused("token_refused: " + error.substr(0, 100));
  }
  if (!body.is_object() || !body.contains("id_token") || !body["id_token"].is_string()) {
    return Refused("no_id_token");
  }
  const std::string id_token = body["id_token"].get<std::string>();
  auto keys = KeySet(false);
  if (!keys) return std::move(keys).error();
  auto check = security::VerifyJws(id_token, *keys);
  if (check.unknown_key) {
    keys = KeySet(true);
    if (!keys) return std::move(keys).error();
    check = security::VerifyJws(id_token, *keys);
  }
  if (!check.payload) return Refused("signature: " + check.problem);
  return std::move(*check.payload);
}

}  // namespace aantafel::app

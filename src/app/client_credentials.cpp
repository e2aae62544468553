#include "app/client_credentials.hpp"

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "app/http_fetch.hpp"

namespace aantafel::app {

namespace {

/// Renewed this long before it expires, so a login never presents a token about to lapse.
constexpr std::chrono::seconds kMargin{5 * 60};

}  // namespace

AccessToken ClientCredentialsToken::Get() {
  std::lock_guard lock(mutex_);
  if (!token_.empty() && now_() < renew_at_) return {.token = token_};
  FetchRequest request{
      .url = settings_.token_url,
      .headers = {"Accept: application/json"},
      .form = "grant_type=client_credentials&client_id=" + UrlEscape(settings_.client_id) +
              "&client_secret=" + UrlEscape(settings_.client_secret) +
              "&scope=" + UrlEscape(settings_.scope),
      .max_bytes = 64 * 1024,
      .timeout_seconds = settings_.timeout_seconds};
  const FetchResponse response = Fetch(request);
  if (response.status == 0) return {.error = "token endpoint not reached: " + response.error};
  const auto body = nlohmann::json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  if (response.status != 200) {
    // RFC 6749 section 5.2: error and error_description (Entra ID adds an AADSTS code there).
    std::string error = "the token endpoint answered " + std::to_string(response.status);
    if (body.is_object() && body.contains("error") && body["error"].is_string()) {
      error += ": " + body["error"].get<std::string>();
      if (body.contains("error_description") && body["error_description"].is_string()) {
        error += " (" + body["error_description"].get<std::string>() + ")";
      }
    }
    return {.error = error};
  }
  if (!body.is_object() || !body.contains("access_token") || !body["access_token"].is_string() ||
      body["access_token"].get<std::string>().empty()) {
    return {.error = "the token endpoint's answer has no access_token"};
  }
  token_ = body["access_token"].get<std::string>();
  // expires_in is a number of seconds (Entra ID: about an hour); without it, renew each time.
  std::chrono::seconds lifetime{0};
  if (body.contains("expires_in")) {
    const auto& expires = body["expires_in"];
    if (expires.is_number_integer()) {
      lifetime = std::chrono::seconds(expires.get<std::int64_t>());
    } else if (expires.is_string()) {  // older endpoints write it as text
      lifetime =
          std::chrono::seconds(std::strtoll(expires.get<std::string>().c_str(), nullptr, 10));
    }
  }
  renew_at_ = now_() + (lifetime > kMargin ? lifetime - kMargin : std::chrono::seconds(0));
  return {.token = token_};
}

}  // namespace aantafel::app

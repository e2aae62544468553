#include "app/council_webhook.hpp"

#include "app/http_fetch.hpp"

namespace aantafel::app {

core::council::WebhookAnswer HttpWebhookSender::Post(const core::council::WebhookPost& post) {
  std::vector<std::string> headers;
  for (const auto& header : post.headers) {
    // Fetch sets the JSON content type itself.
    if (!header.starts_with("Content-Type:")) headers.push_back(header);
  }
  const auto response = Fetch({.url = post.url,
                               .headers = std::move(headers),
                               .json = post.body,
                               .user_agent = "aantafel",
                               .max_bytes = 64 * 1024,
                               .timeout_seconds = 10,
                               .follow_redirects = false,
                               .public_addresses_only = !private_addresses_,
                               .truncate_body = true});
  return {.status = static_cast<int>(response.status), .error = response.error};
}

}  // namespace aantafel::app

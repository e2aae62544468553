#pragma once

#include "core/council/ports.hpp"

namespace aantafel::app {

/// WebhookSender over HTTP with libcurl (Fetch): POST within 10 seconds, no redirects, the
/// answer's first 64 KiB read and ignored. Unless `private_addresses` ([council]
/// webhook_private_addresses), only public addresses are connected to, checked after DNS
/// resolution. Thread-safe.
class HttpWebhookSender final : public core::council::WebhookSender {
 public:
  explicit HttpWebhookSender(bool private_addresses) : private_addresses_(private_addresses) {}
  core::council::WebhookAnswer Post(const core::council::WebhookPost& post) override;

 private:
  bool private_addresses_;
};

}  // namespace aantafel::app

#pragma once
// The webhook for council topic hits (issue #26): a workspace owner registers one https address;
// after each council round the workspace's topic matches of the coming 60 days that are new or
// changed are posted to it, signed with a secret only the owner saw. See docs/council.md.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/accounts/model.hpp"
#include "core/accounts/ports.hpp"
#include "core/council/ports.hpp"
#include "core/council/service.hpp"
#include "core/field_cipher.hpp"
#include "core/random.hpp"
#include "core/result.hpp"

namespace aantafel::core::council {

/// The longest webhook address accepted.
inline constexpr std::size_t kLongestWebhookUrl = 2000;
/// Random bytes of a signing secret (shown as 43 characters of base64url).
inline constexpr std::size_t kWebhookSecretBytes = 32;
/// After failing this long without a success in between, the webhook counts as failing (it is
/// still tried every hour).
inline constexpr std::chrono::hours kWebhookFailingAfter{24};

/// Whether `url` may receive webhooks: https (http only when `allow_http`), a host, no user name
/// or password, no spaces or control characters, at most kLongestWebhookUrl characters. Problems
/// go to `errors` under "url".
void CheckWebhookUrl(std::string_view url, bool allow_http, FieldErrors& errors);

/// How long to wait after `failures` failed deliveries in a row: 1, 5, 15, 60 minutes, then an
/// hour each time.
std::chrono::minutes WebhookRetryDelay(int failures);

/// A stable fingerprint of what a receiver is told about a match: topic, meeting, its start and
/// cancellation, and the hits (kind and title, in order). Another fingerprint means "send again".
std::string WebhookFingerprint(const TopicMatch& match);

/// `X-Aantafel-Delivery`: the same for the same (workspace, topic, meeting, fingerprint), so a
/// receiver can drop a repeat.
std::string WebhookDeliveryId(std::int64_t ws, const TopicMatch& match,
                              std::string_view fingerprint);

/// `X-Aantafel-Signature`: "sha256=" and the hex HMAC-SHA256 of "<timestamp>.<body>" with the
/// secret (its 43 characters as they were shown) as key.
std::string WebhookSignature(accounts::Crypto& crypto, std::string_view secret,
                             std::int64_t timestamp, std::string_view body);

/// The JSON body of a `council.topic_match` event (schema CouncilWebhookEvent in the API).
/// `public_url` is the base of the link to the meeting in aantafel, `source_url` the base of
/// Open Besluitvorming ([council] url) for the link to the record.
std::string WebhookEventBody(const std::string& slug, const TopicMatch& match,
                             std::string_view public_url, std::string_view source_url);

/// A webhook as members see it (never the secret).
struct WebhookView {
  Webhook webhook;
  bool failing = false;  ///< failing for kWebhookFailingAfter or longer
};

/// A new webhook with its secret: the only time the secret is shown.
struct WebhookCreated {
  WebhookView view;
  std::string secret;
};

/// What a test event got.
struct WebhookTest {
  int status = 0;     ///< the receiver's HTTP status; 0 when there was no answer
  std::string error;  ///< "" on a 2xx answer
};

/// What one delivery round did.
struct WebhookRound {
  int workspaces = 0;  ///< webhooks that were due
  int sent = 0;        ///< events accepted with a 2xx
  int failed = 0;      ///< webhooks whose delivery failed this round
};

/// Settings of the installation.
struct WebhookSettings {
  std::string public_url;          ///< [server] public_url: the base of links in events
  std::string source_url;          ///< [council] url: the base of links to the source
  bool private_addresses = false;  ///< [council] webhook_private_addresses: http:// allowed too
};

/// The use cases of the webhook: owners set, test and remove it; the runtime delivers.
class CouncilWebhookService {
 public:
  CouncilWebhookService(WebhookRepository& repository, CouncilService& council,
                        WebhookSender& sender, FieldCipher& cipher, accounts::Crypto& crypto,
                        Random& random, const Clock& clock, WebhookSettings settings)
      : repository_(repository),
        council_(council),
        sender_(sender),
        cipher_(cipher),
        crypto_(crypto),
        random_(random),
        clock_(clock),
        settings_(std::move(settings)) {}

  /// Every member may see whether there is one and how deliveries go; nullopt when there is none.
  std::optional<WebhookView> Get(const accounts::WorkspaceAccess& access);
  /// Owners. Sets (or replaces) the address with a new secret; the receiver then gets every
  /// current match once more. Errors name "url".
  Result<WebhookCreated> Set(const accounts::WorkspaceAccess& access, const std::string& url);
  /// Owners. Not found when there is none.
  Status Remove(const accounts::WorkspaceAccess& access);
  /// Owners. Sends a `ping` event now; a 2xx answer also ends a series of failures (deliveries
  /// are then tried at the next round).
  Result<WebhookTest> Test(const accounts::WorkspaceAccess& access);
  /// Delivers, per due webhook, every topic match of today to +60 days that was not delivered
  /// yet or changed since. A failure stops that workspace's round and waits WebhookRetryDelay.
  WebhookRound Deliver();

 private:
  /// The signed request; `event` is council.topic_match or ping.
  WebhookPost Signed(const std::string& url, const std::string& secret, const std::string& event,
                     const std::string& delivery_id, std::string body) const;
  [[nodiscard]] WebhookView ViewOf(Webhook webhook) const;
  /// The opened secret; nullopt when it cannot be opened (another data key).
  std::optional<std::string> SecretOf(std::int64_t ws, const Webhook& webhook);

  WebhookRepository& repository_;
  CouncilService& council_;
  WebhookSender& sender_;
  FieldCipher& cipher_;
  accounts::Crypto& crypto_;
  Random& random_;
  const Clock& clock_;
  WebhookSettings settings_;
};

}  // namespace aantafel::core::council

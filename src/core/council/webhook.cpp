#include "core/council/webhook.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <utility>

#include "core/civil_date.hpp"
#include "core/hash.hpp"
#include "core/validation.hpp"

namespace aantafel::core::council {

using accounts::CanManage;
using nlohmann::json;

namespace {

constexpr int kMostMeetings = 500;  // the most CouncilService::Meetings allows
constexpr const char* kSecretUnreadable =
    "the signing secret cannot be opened with this data key; set the webhook again";

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    const char c = text[i];
    const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (lower != prefix[i]) return false;
  }
  return true;
}

bool IsHostChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_';
}

/// Whether `authority` (between "//" and the path) is a host with an optional port and nothing
/// else: no user name or password, no empty host.
bool ValidAuthority(std::string_view authority) {
  if (authority.find('@') != std::string_view::npos) return false;
  std::string_view host = authority;
  std::string_view port;
  if (authority.starts_with('[')) {
    const auto close = authority.find(']');
    if (close == std::string_view::npos || close == 1) return false;
    host = authority.substr(1, close - 1);
    for (const char c : host) {
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') ||
            c == ':' || c == '.')) {
        return false;
      }
    }
    const auto rest = authority.substr(close + 1);
    if (!rest.empty()) {
      if (!rest.starts_with(':')) return false;
      port = rest.substr(1);
    } else {
      return true;
    }
  } else {
    if (const auto colon = authority.find(':'); colon != std::string_view::npos) {
      host = authority.substr(0, colon);
      port = authority.substr(colon + 1);
      if (port.empty()) return false;
    }
    if (host.empty() || host.front() == '.' || host.front() == '-') return false;
    for (const char c : host) {
      if (!IsHostChar(c)) return false;
    }
  }
  if (port.empty()) return true;
  if (port.size() > 5) return false;
  int number = 0;
  for (const char c : port) {
    if (c < '0' || c > '9') return false;
    number = number * 10 + (c - '0');
  }
  return number >= 1 && number <= 65535;
}

/// Where a workspace's secret is sealed: it opens only for that workspace's webhook.
std::string SecretContext(std::int64_t ws) {
  return "council_webhooks.secret/ws:" + std::to_string(ws);
}

std::string TrimmedBase(std::string_view url) {
  std::string base(url);
  while (base.ends_with('/')) base.pop_back();
  return base;
}

}  // namespace

void CheckWebhookUrl(std::string_view url, bool allow_http, FieldErrors& errors) {
  if (url.empty()) {
    errors.Add("url", FieldIssue::kRequired);
    return;
  }
  if (url.size() > kLongestWebhookUrl) {
    errors.Add("url", FieldIssue::kTooLong, static_cast<int>(kLongestWebhookUrl));
    return;
  }
  // Printable ASCII only (an international host is written in punycode), and no backslash, which
  // some parsers read as a slash.
  for (const char c : url) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte >= 0x7f || c == '\\' || c == '"' || c == '<' || c == '>') {
      errors.Add("url", FieldIssue::kInvalidUrl);
      return;
    }
  }
  std::string_view rest;
  if (StartsWithNoCase(url, "https://")) {
    rest = url.substr(8);
  } else if (allow_http && StartsWithNoCase(url, "http://")) {
    rest = url.substr(7);
  } else {
    errors.Add("url", FieldIssue::kInvalidUrl);
    return;
  }
  const auto end = rest.find_first_of("/?#");
  if (!ValidAuthority(rest.substr(0, end))) errors.Add("url", FieldIssue::kInvalidUrl);
}

std::chrono::minutes WebhookRetryDelay(int failures) {
  static constexpr int kSchedule[] = {1, 5, 15, 60};
  if (failures < 1) return std::chrono::minutes(0);
  const auto at = static_cast<std::size_t>(failures - 1);
  return std::chrono::minutes(at < std::size(kSchedule) ? kSchedule[at] : 60);
}

std::string WebhookFingerprint(const TopicMatch& match) {
  const auto& meeting = match.meeting.meeting;
  std::string text = "topic " + std::to_string(match.topic_id) + "\nmeeting " +
                     std::to_string(match.meeting.id) + "\nstarts " +
                     (meeting.starts_at ? std::to_string(ToMillis(*meeting.starts_at)) : "-") +
                     "\ncancelled " + (meeting.cancelled ? "1" : "0") + "\n";
  // Unit and record separators cannot occur in a title the sync stored as text of a line.
  for (const auto& hit : match.hits) text += hit.kind + "\x1f" + hit.title + "\x1e";
  return Fnv1a64Hex(text);
}

std::string WebhookDeliveryId(std::int64_t ws, const TopicMatch& match,
                              std::string_view fingerprint) {
  return std::to_string(ws) + "-" + std::to_string(match.topic_id) + "-" +
         std::to_string(match.meeting.id) + "-" + std::string(fingerprint);
}

std::string WebhookSignature(accounts::Crypto& crypto, std::string_view secret,
                             std::int64_t timestamp, std::string_view body) {
  std::string signed_text = std::to_string(timestamp) + ".";
  signed_text += body;
  return "sha256=" + crypto.HmacSha256Hex(secret, signed_text);
}

std::string WebhookEventBody(const std::string& slug, const TopicMatch& match,
                             std::string_view public_url, std::string_view source_url) {
  const auto& view = match.meeting;
  const auto& m = view.meeting;
  json hits = json::array();
  for (const auto& h : match.hits) hits.push_back({{"kind", h.kind}, {"title", h.title}});
  const std::string source =
      source_url.empty() ? ""
                         : TrimmedBase(source_url) + "/api/entities/" + UrlEscape(view.entity_id);
  json meeting = {
      {"id", view.id},
      {"name", m.name},
      {"committee", view.committee_name},
      {"council", view.source_label},
      {"source_key", view.source_key},
      {"municipality", {{"code", view.municipality_code}, {"name", view.municipality_name}}},
      {"starts_at", m.starts_at ? json(FormatTimestamp(*m.starts_at)) : json(nullptr)},
      {"time_known", m.time_known},
      {"location", m.location},
      {"cancelled", m.cancelled},
      {"url",
       TrimmedBase(public_url) + "/w/" + slug + "/council/meetings/" + std::to_string(view.id)},
      {"source_url", source},
      {"entity_id", view.entity_id}};
  return json{{"event", "council.topic_match"},
              {"workspace", slug},
              {"topic", {{"id", match.topic_id}, {"name", match.topic_name}}},
              {"meeting", meeting},
              {"hits", hits}}
      .dump();
}

WebhookView CouncilWebhookService::ViewOf(Webhook webhook) const {
  WebhookView view;
  view.failing = webhook.failing_since &&
                 clock_.Now() - *webhook.failing_since >=
                     std::chrono::duration_cast<std::chrono::milliseconds>(kWebhookFailingAfter);
  view.webhook = std::move(webhook);
  return view;
}

std::optional<std::string> CouncilWebhookService::SecretOf(std::int64_t ws,
                                                           const Webhook& webhook) {
  return cipher_.Open(webhook.sealed_secret, SecretContext(ws));
}

std::optional<WebhookView> CouncilWebhookService::Get(const accounts::WorkspaceAccess& access) {
  auto webhook = repository_.FindWebhook(access.workspace.id);
  if (!webhook) return std::nullopt;
  return ViewOf(std::move(*webhook));
}

Result<WebhookCreated> CouncilWebhookService::Set(const accounts::WorkspaceAccess& access,
                                                  const std::string& url) {
  if (!CanManage(access.role)) return Error::Of(ErrorCode::kForbidden);
  FieldErrors errors;
  CheckWebhookUrl(url, settings_.private_addresses, errors);
  if (!errors.empty()) return std::move(errors).ToError();
  const std::int64_t ws = access.workspace.id;
  WebhookCreated created;
  created.secret = RandomToken(random_, kWebhookSecretBytes);
  Webhook webhook{.url = url,
                  .sealed_secret = cipher_.Seal(created.secret, SecretContext(ws)),
                  .created_at = clock_.Now()};
  webhook.id = repository_.SaveWebhook(ws, webhook);
  created.view = ViewOf(std::move(webhook));
  return created;
}

Status CouncilWebhookService::Remove(const accounts::WorkspaceAccess& access) {
  if (!CanManage(access.role)) return Error::Of(ErrorCode::kForbidden);
  if (!repository_.DeleteWebhook(access.workspace.id)) return Error::Of(ErrorCode::kNotFound);
  return Ok{};
}

WebhookPost CouncilWebhookService::Signed(const std::string& url, const std::string& secret,
                                          const std::string& event, const std::string& delivery_id,
                                          std::string body) const {
  const auto timestamp =
      std::chrono::duration_cast<std::chrono::seconds>(clock_.Now().time_since_epoch()).count();
  const std::string signature = WebhookSignature(crypto_, secret, timestamp, body);
  return WebhookPost{.url = url,
                     .headers = {"Content-Type: application/json", "X-Aantafel-Event: " + event,
                                 "X-Aantafel-Delivery: " + delivery_id,
                                 "X-Aantafel-Timestamp: " + std::to_string(timestamp),
                                 "X-Aantafel-Signature: " + signature},
                     .body = std::move(body)};
}

Result<WebhookTest> CouncilWebhookService::Test(const accounts::WorkspaceAccess& access) {
  if (!CanManage(access.role)) return Error::Of(ErrorCode::kForbidden);
  const std::int64_t ws = access.workspace.id;
  auto webhook = repository_.FindWebhook(ws);
  if (!webhook) return Error::Of(ErrorCode::kNotFound);
  const auto secret = SecretOf(ws, *webhook);
  if (!secret) return WebhookTest{.error = kSecretUnreadable};
  const auto now = clock_.Now();
  const std::string body = json{
      {"event", "ping"},
      {"workspace", access.workspace.slug},
      {"sent_at",
       FormatTimestamp(now)}}.dump();
  const auto answer = sender_.Post(
      Signed(webhook->url, *secret, "ping", "ping-" + std::to_string(ToMillis(now)), body));
  WebhookTest out{.status = answer.status, .error = answer.error};
  const bool ok = answer.status >= 200 && answer.status < 300;
  if (!ok && out.error.empty()) out.error = "HTTP " + std::to_string(answer.status);
  if (ok && webhook->failures > 0) {
    // The receiver works again: deliveries need not wait for the rest of the back-off.
    webhook->failures = 0;
    webhook->failing_since.reset();
    webhook->retry_at.reset();
    repository_.SaveWebhookState(webhook->id, *webhook);
  }
  return out;
}

WebhookRound CouncilWebhookService::Deliver() {
  WebhookRound round;
  for (auto& due : repository_.DueWebhooks(clock_.Now())) {
    ++round.workspaces;
    Webhook& webhook = due.webhook;
    const auto secret = SecretOf(due.workspace_id, webhook);
    const accounts::WorkspaceAccess access{.workspace = {.id = due.workspace_id, .slug = due.slug},
                                           .role = accounts::Role::kViewer};
    auto matches = council_.TopicMatches(access, MeetingRequest{.limit = kMostMeetings});
    if (!matches) continue;
    std::map<std::pair<std::int64_t, std::int64_t>, std::string> delivered;
    for (auto& d : repository_.WebhookDeliveries(webhook.id)) {
      delivered[{d.topic_id, d.meeting_id}] = std::move(d.fingerprint);
    }
    std::set<std::pair<std::int64_t, std::int64_t>> current;
    bool attempted = false;
    bool failed = false;
    for (const auto& match : *matches) {
      const std::pair key{match.topic_id, match.meeting.id};
      current.insert(key);
      const std::string fingerprint = WebhookFingerprint(match);
      if (const auto it = delivered.find(key); it != delivered.end() && it->second == fingerprint) {
        continue;
      }
      const auto now = clock_.Now();
      attempted = true;
      WebhookAnswer answer;
      if (secret) {
        answer = sender_.Post(
            Signed(webhook.url, *secret, "council.topic_match",
                   WebhookDeliveryId(due.workspace_id, match, fingerprint),
                   WebhookEventBody(due.slug, match, settings_.public_url, settings_.source_url)));
      } else {
        answer.error = kSecretUnreadable;
      }
      webhook.last_attempt_at = now;
      webhook.last_status =
          answer.status > 0 ? std::optional<int>(answer.status) : std::optional<int>();
      if (answer.status >= 200 && answer.status < 300) {
        // Stored only after the receiver accepted it: a crash before this line means a resend.
        repository_.SaveWebhookDelivery(
            webhook.id, due.workspace_id,
            {.topic_id = key.first, .meeting_id = key.second, .fingerprint = fingerprint}, now);
        ++round.sent;
        continue;
      }
      webhook.last_error =
          answer.error.empty() ? "HTTP " + std::to_string(answer.status) : answer.error;
      ++webhook.failures;
      if (!webhook.failing_since) webhook.failing_since = now;
      webhook.retry_at = now + WebhookRetryDelay(webhook.failures);
      failed = true;
      break;
    }
    if (failed) {
      ++round.failed;
      repository_.SaveWebhookState(webhook.id, webhook);
      continue;
    }
    // Matches that are gone (a changed topic, a meeting in the past) are forgotten, so that one
    // coming back is news again.
    for (const auto& [key, fingerprint] : delivered) {
      if (!current.contains(key)) {
        repository_.ForgetWebhookDelivery(webhook.id, key.first, key.second);
      }
    }
    // Only an accepted request ends a series of failures; a round with nothing to send does not.
    if (attempted) {
      webhook.last_error.clear();
      webhook.last_success_at = webhook.last_attempt_at;
      webhook.failures = 0;
      webhook.failing_since.reset();
      webhook.retry_at.reset();
      repository_.SaveWebhookState(webhook.id, webhook);
    }
  }
  return round;
}

}  // namespace aantafel::core::council

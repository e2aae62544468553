#include "app/council_feed.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <thread>

#include "app/http_fetch.hpp"
#include "interchange/open_besluitvorming.hpp"

namespace aantafel::app {

using core::council::FeedPage;
using Outcome = FeedPage::Outcome;

namespace {

constexpr std::size_t kMaxBytes = 64ULL * 1024 * 1024;

FetchResponse Get(const std::string& url, const std::string& user_agent) {
  return Fetch(FetchRequest{.url = url,
                            .headers = {"Accept: application/json, application/x-ndjson"},
                            .user_agent = user_agent,
                            .max_bytes = kMaxBytes,
                            .timeout_seconds = 120,
                            .follow_redirects = true,
                            .accept_compressed = true});
}

std::optional<int> Seconds(const std::map<std::string, std::string>& headers,
                           const std::string& name) {
  const auto it = headers.find(name);
  if (it == headers.end() || it->second.empty() || it->second.size() > 6) return std::nullopt;
  int value = 0;
  for (char ch : it->second) {
    if (ch < '0' || ch > '9') return std::nullopt;
    value = value * 10 + (ch - '0');
  }
  return value;
}

/// What a non-2xx answer means for the sync.
void Classify(const FetchResponse& r, Outcome& outcome, int& retry_after, std::string& error) {
  if (!r.error.empty()) {
    outcome = Outcome::kUnavailable;
    error = r.error;
    return;
  }
  const std::string code = interchange::FeedErrorCode(r.body);
  error = "HTTP " + std::to_string(r.status) + (code.empty() ? "" : " " + code);
  if (r.status == 429) {
    // By status, not by code: the documented example has none.
    outcome = Outcome::kRateLimited;
    retry_after = Seconds(r.headers, "retry-after").value_or(60);
  } else if (code == "invalid_export_cursor") {
    outcome = Outcome::kBadCursor;
  } else if (code == "unknown_export_source" || code == "missing_export_source") {
    outcome = Outcome::kUnknownSource;
  } else {
    outcome = Outcome::kUnavailable;
  }
}

std::string Base(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

}  // namespace

HttpCouncilFeed::HttpCouncilFeed(CouncilFeedOptions options)
    : options_(std::move(options)),
      tokens_(std::max(1, options_.requests_per_minute)),
      filled_at_(std::chrono::steady_clock::now()) {}

void HttpCouncilFeed::TakeToken() {
  const double capacity = std::max(1, options_.requests_per_minute);
  const double per_second = capacity / 60.0;
  std::unique_lock lock(mutex_);
  for (;;) {
    const auto now = std::chrono::steady_clock::now();
    tokens_ = std::min(
        capacity, tokens_ + std::chrono::duration<double>(now - filled_at_).count() * per_second);
    filled_at_ = now;
    if (tokens_ >= 1) {
      tokens_ -= 1;
      return;
    }
    const auto wait = std::chrono::duration<double>((1 - tokens_) / per_second);
    lock.unlock();
    std::this_thread::sleep_for(wait);
    lock.lock();
  }
}

void HttpCouncilFeed::FollowServer(int remaining) {
  std::lock_guard lock(mutex_);
  // Other clients behind the same address share the server's budget: never spend more than
  // the server says is left.
  tokens_ = std::min(tokens_, static_cast<double>(remaining));
}

HttpCouncilFeed::StatusPage HttpCouncilFeed::Status() {
  StatusPage page;
  TakeToken();
  const FetchResponse r = Get(Base(options_.base_url) + "/api/status", options_.user_agent);
  if (const auto remaining = Seconds(r.headers, "ratelimit-remaining")) FollowServer(*remaining);
  if (!r.error.empty() || r.status < 200 || r.status > 299) {
    Classify(r, page.outcome, page.retry_after_seconds, page.error);
    if (page.outcome != Outcome::kRateLimited) page.outcome = Outcome::kUnavailable;
    return page;
  }
  std::string error;
  auto status = interchange::ParseCouncilStatus(r.body, error);
  if (!status) {
    page.outcome = Outcome::kUnavailable;
    page.error = error;
    return page;
  }
  page.status = std::move(*status);
  return page;
}

FeedPage HttpCouncilFeed::Export(const std::string& path, const std::string& key,
                                 const std::string& cursor) {
  FeedPage page;
  std::string url = Base(options_.base_url) + path + "?source=" + UrlEscape(key) +
                    "&limit=" + std::to_string(std::clamp(options_.page_size, 1, 1000));
  if (!cursor.empty()) url += "&cursor=" + UrlEscape(cursor);
  TakeToken();
  const FetchResponse r = Get(url, options_.user_agent);
  if (const auto remaining = Seconds(r.headers, "ratelimit-remaining")) FollowServer(*remaining);
  if (!r.error.empty() || r.status < 200 || r.status > 299) {
    Classify(r, page.outcome, page.retry_after_seconds, page.error);
    return page;
  }
  const auto has_more = r.headers.find("x-has-more");
  if (has_more == r.headers.end() || (has_more->second != "true" && has_more->second != "false")) {
    // A proxy's page or another answer that is not the export.
    page.outcome = Outcome::kUnavailable;
    page.error = "HTTP " + std::to_string(r.status) + " without X-Has-More: not an export page";
    return page;
  }
  page.has_more = has_more->second == "true";
  if (const auto next = r.headers.find("x-next-cursor"); next != r.headers.end()) {
    page.next_cursor = next->second;
  }
  if (const auto changes = r.headers.find("x-changes-cursor"); changes != r.headers.end()) {
    if (!changes->second.empty()) page.changes_cursor = changes->second;
  }
  auto lines = interchange::ParseExportLines(r.body);
  page.records = std::move(lines.records);
  page.skipped = std::move(lines.skipped);
  // Records of another council in this council's feed are not ours to store.
  std::erase_if(page.records, [&](const auto& record) { return record.source_key != key; });
  return page;
}

HttpCouncilFeed::TextPage HttpCouncilFeed::DocumentText(const std::string& entity_id) {
  TextPage page;
  TakeToken();
  const FetchResponse r =
      Get(Base(options_.base_url) + "/api/entities/" + UrlEscape(entity_id), options_.user_agent);
  if (const auto remaining = Seconds(r.headers, "ratelimit-remaining")) FollowServer(*remaining);
  if (r.error.empty() && r.status >= 200 && r.status <= 299) {
    std::string error;
    page.text = interchange::ParseDocumentText(r.body, error);
    page.document_failed = !error.empty();
    page.error = error;
    return page;
  }
  if (r.error.empty() && r.status != 429) {
    // An answer from the API's own error table is about this document (gone, no PDF, its
    // content could not be assembled); anything else (a proxy, a deployment) is an outage.
    const std::string code = interchange::FeedErrorCode(r.body);
    if (code == "entity_not_found" || code == "pdf_not_found") return page;
    if (!code.empty()) {
      page.document_failed = true;
      page.error = "HTTP " + std::to_string(r.status) + " " + code;
      return page;
    }
  }
  Classify(r, page.outcome, page.retry_after_seconds, page.error);
  if (page.outcome != Outcome::kRateLimited) page.outcome = Outcome::kUnavailable;
  return page;
}

FeedPage HttpCouncilFeed::Snapshot(const std::string& key, const std::string& cursor) {
  return Export("/api/export/snapshot", key, cursor);
}

FeedPage HttpCouncilFeed::Changes(const std::string& key, const std::string& cursor) {
  return Export("/api/export/changes", key, cursor);
}

}  // namespace aantafel::app

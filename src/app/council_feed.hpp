#pragma once

#include <chrono>
#include <mutex>
#include <string>

#include "core/council/ports.hpp"

namespace aantafel::app {

struct CouncilFeedOptions {
  std::string base_url;          ///< e.g. https://openbesluitvorming.nl (no trailing slash needed)
  int page_size = 1000;          ///< records per export page (the API allows 1..1000)
  int requests_per_minute = 30;  ///< our own budget, below the API's 60 units per minute
  std::string user_agent = "aantafel";
};

/// CouncilFeed over HTTP with libcurl: the status list and the export pages of Open
/// Besluitvorming (or a mirror at another base URL). Requests are spaced by a local token
/// bucket that also follows the server's RateLimit-Remaining; a 429 is reported with its
/// Retry-After. Thread-safe.
class HttpCouncilFeed final : public core::council::CouncilFeed {
 public:
  explicit HttpCouncilFeed(CouncilFeedOptions options);

  StatusPage Status() override;
  core::council::FeedPage Snapshot(const std::string& key, const std::string& cursor) override;
  core::council::FeedPage Changes(const std::string& key, const std::string& cursor) override;
  TextPage DocumentText(const std::string& entity_id) override;

 private:
  core::council::FeedPage Export(const std::string& path, const std::string& key,
                                 const std::string& cursor);
  /// Waits until the bucket holds a token and takes it.
  void TakeToken();
  void FollowServer(int remaining);

  CouncilFeedOptions options_;
  std::mutex mutex_;
  double tokens_ = 0;
  std::chrono::steady_clock::time_point filled_at_;
};

}  // namespace aantafel::app

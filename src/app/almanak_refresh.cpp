#include "app/almanak_refresh.hpp"

#include "app/http_fetch.hpp"

namespace aantafel::app {

ConditionalFetch FetchIfModified(const std::string& url, const std::string& last_modified) {
  ConditionalFetch result;
  FetchRequest request{.url = url,
                       .max_bytes = 512ULL * 1024 * 1024,
                       .timeout_seconds = 120,
                       .follow_redirects = true};
  // The header is sent back exactly as the server wrote it (no date parsing on our side).
  if (!last_modified.empty()) request.headers.push_back("If-Modified-Since: " + last_modified);
  auto response = Fetch(request);
  if (!response.error.empty()) {
    result.error = response.error;
    return result;
  }
  if (response.status != 200 && response.status != 304) {
    result.error = "HTTP " + std::to_string(response.status);
    return result;
  }
  result.status = static_cast<int>(response.status);
  result.body = std::move(response.body);
  if (const auto it = response.headers.find("last-modified"); it != response.headers.end()) {
    result.last_modified = it->second;
  }
  return result;
}

}  // namespace aantafel::app

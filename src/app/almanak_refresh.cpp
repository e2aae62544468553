#include "app/almanak_refresh.hpp"

#include <curl/curl.h>

#include <memory>

namespace aantafel::app {

namespace {

constexpr std::size_t kMaxBytes = 512ULL * 1024 * 1024;

struct Sink {
  std::string body;
  std::string last_modified;
};

std::size_t WriteBody(char* data, std::size_t size, std::size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const std::size_t n = size * count;
  if (sink->body.size() + n > kMaxBytes) return 0;  // aborts the transfer
  sink->body.append(data, n);
  return n;
}

std::size_t ReadHeader(char* data, std::size_t size, std::size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const std::size_t n = size * count;
  std::string_view line(data, n);
  constexpr std::string_view kName = "last-modified:";
  if (line.size() > kName.size()) {
    bool match = true;
    for (std::size_t i = 0; i < kName.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(line[i])) != kName[i]) match = false;
    }
    if (match) {
      line.remove_prefix(kName.size());
      while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
      while (!line.empty() && (line.back() == '\r' || line.back() == '\n' || line.back() == ' ')) {
        line.remove_suffix(1);
      }
      sink->last_modified = std::string(line);
    }
  }
  return n;
}

}  // namespace

ConditionalFetch FetchIfModified(const std::string& url, const std::string& last_modified) {
  ConditionalFetch result;
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) {
    result.error = "curl_easy_init failed";
    return result;
  }
  Sink sink;
  curl_slist* headers = nullptr;
  // The header is sent back exactly as the server wrote it (no date parsing on our side).
  const bool valid = last_modified.find_first_of("\r\n") == std::string::npos;
  if (!last_modified.empty() && valid) {
    headers = curl_slist_append(headers, ("If-Modified-Since: " + last_modified).c_str());
  }
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, 120L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_USERAGENT, "aantafel");
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, WriteBody);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, ReadHeader);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &sink);
  const CURLcode code = curl_easy_perform(c);
  curl_slist_free_all(headers);
  if (code != CURLE_OK) {
    result.error = curl_easy_strerror(code);
    return result;
  }
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  if (status != 200 && status != 304) {
    result.error = "HTTP " + std::to_string(status);
    return result;
  }
  result.status = static_cast<int>(status);
  result.body = std::move(sink.body);
  result.last_modified = std::move(sink.last_modified);
  return result;
}

}  // namespace aantafel::app

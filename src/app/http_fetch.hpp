#pragma once
// The one outgoing HTTP client (libcurl): the Almanak download, Open Besluitvorming's feed and
// the OpenID provider all go through Fetch, with a size cap, a timeout and http(s) only.

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace aantafel::app {

struct FetchRequest {
  std::string url;
  std::vector<std::string> headers;  ///< "Name: value" lines
  std::string form;                  ///< when set: POST with this urlencoded body
  std::string basic_auth;            ///< "user:password" for HTTP Basic
  std::string user_agent = "aantafel";
  std::size_t max_bytes = 1024 * 1024;
  long timeout_seconds = 15;
  bool follow_redirects = false;
  bool accept_compressed = false;  ///< ask for gzip (and what else libcurl decodes)
};

struct FetchResponse {
  long status = 0;  ///< 0 when the transfer failed (see error)
  std::string body;
  std::map<std::string, std::string> headers;  ///< of the last response, names in lower case
  std::string error;
};

FetchResponse Fetch(const FetchRequest& request);

/// Percent-encodes everything but letters, digits and -._~ (RFC 3986 unreserved).
std::string UrlEscape(std::string_view text);

}  // namespace aantafel::app

#pragma once
// The one outgoing HTTP client (libcurl): the Almanak download, Open Besluitvorming's feed, the
// OpenID provider and council webhooks all go through Fetch, with a size cap, a timeout and
// http(s) only.

#include <sys/socket.h>

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/validation.hpp"

namespace aantafel::app {

struct FetchRequest {
  std::string url;
  std::vector<std::string> headers;  ///< "Name: value" lines
  std::string form;                  ///< when set: POST with this urlencoded body
  std::string json;                  ///< when set: POST with this JSON body
  std::string basic_auth;            ///< "user:password" for HTTP Basic
  std::string user_agent = "aantafel";
  std::size_t max_bytes = 1024 * 1024;
  long timeout_seconds = 15;
  bool follow_redirects = false;
  bool accept_compressed = false;  ///< ask for gzip (and what else libcurl decodes)
  /// Connect only to public addresses (IsPublicAddress), checked on the address actually
  /// connected to after DNS resolution, so a name that resolves (or rebinds) to an internal
  /// address is refused too. No proxy is used then: the proxy would be the address checked.
  bool public_addresses_only = false;
  /// Keep the first max_bytes of the answer and stop reading, instead of failing.
  bool truncate_body = false;
};

struct FetchResponse {
  long status = 0;  ///< 0 when the transfer failed (see error)
  std::string body;
  std::map<std::string, std::string> headers;  ///< of the last response, names in lower case
  std::string error;
};

FetchResponse Fetch(const FetchRequest& request);

/// Whether an IPv4 or IPv6 socket address is on the public internet: not loopback, private
/// (RFC 1918, fc00::/7), shared (100.64.0.0/10), link-local, unspecified, multicast, broadcast,
/// or one of these written as an IPv4-mapped IPv6 address.
bool IsPublicAddress(const sockaddr* address);

using core::UrlEscape;

}  // namespace aantafel::app

#include "app/http_fetch.hpp"

#include <curl/curl.h>
#include <netinet/in.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>

namespace aantafel::app {

namespace {

struct Sink {
  FetchResponse* response = nullptr;
  std::size_t max_bytes = 0;
  bool truncate = false;
  bool too_large = false;
};

std::size_t WriteBody(char* data, std::size_t size, std::size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const std::size_t n = size * count;
  if (sink->response->body.size() + n > sink->max_bytes) {
    sink->too_large = true;
    if (sink->truncate) {
      sink->response->body.append(data, sink->max_bytes - sink->response->body.size());
    }
    return 0;  // aborts the transfer
  }
  sink->response->body.append(data, n);
  return n;
}

std::size_t ReadHeader(char* data, std::size_t size, std::size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const std::size_t n = size * count;
  std::string_view line(data, n);
  if (line.starts_with("HTTP/")) sink->response->headers.clear();  // a new response (redirect)
  const auto colon = line.find(':');
  if (colon == std::string_view::npos) return n;
  std::string name(line.substr(0, colon));
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) {
    value.remove_suffix(1);
  }
  sink->response->headers[name] = std::string(value);
  return n;
}

/// What the socket callback refused, for the error message.
struct AddressGuard {
  bool refused = false;
};

/// Opens the socket only for a public address (CURLOPT_OPENSOCKETFUNCTION sees the address
/// libcurl is about to connect to, after DNS resolution).
curl_socket_t OpenPublicSocket(void* user, curlsocktype purpose, curl_sockaddr* address) {
  auto* guard = static_cast<AddressGuard*>(user);
  if (purpose != CURLSOCKTYPE_IPCXN || !IsPublicAddress(&address->addr)) {
    guard->refused = true;
    return CURL_SOCKET_BAD;
  }
  return socket(address->family, address->socktype, address->protocol);
}

bool IsPublicV4(const unsigned char* a) {
  const auto in = [&](int first, int second_from, int second_to) {
    return a[0] == first && a[1] >= second_from && a[1] <= second_to;
  };
  return !(a[0] == 0 ||                                    // 0.0.0.0/8 "this network"
           a[0] == 10 ||                                   // RFC 1918
           a[0] == 127 ||                                  // loopback
           in(100, 64, 127) ||                             // shared address space (CGNAT)
           in(169, 254, 254) ||                            // link-local (cloud metadata)
           in(172, 16, 31) ||                              // RFC 1918
           (a[0] == 192 && a[1] == 168) ||                 // RFC 1918
           (a[0] == 192 && a[1] == 0 && a[2] == 0) ||      // IETF protocol assignments
           (a[0] == 198 && (a[1] == 18 || a[1] == 19)) ||  // benchmarking
           a[0] >= 224);                                   // multicast, reserved, broadcast
}

}  // namespace

bool IsPublicAddress(const sockaddr* address) {
  if (address == nullptr) return false;
  if (address->sa_family == AF_INET) {
    sockaddr_in v4{};
    std::memcpy(&v4, address, sizeof v4);
    std::array<unsigned char, 4> a{};
    std::memcpy(a.data(), &v4.sin_addr, 4);
    return IsPublicV4(a.data());
  }
  if (address->sa_family != AF_INET6) return false;
  sockaddr_in6 v6{};
  std::memcpy(&v6, address, sizeof v6);
  std::array<unsigned char, 16> a{};
  std::memcpy(a.data(), &v6.sin6_addr, 16);
  const bool zero_prefix = std::all_of(a.begin(), a.begin() + 10, [](auto b) { return b == 0; });
  if (zero_prefix && a[10] == 0xff && a[11] == 0xff) return IsPublicV4(a.data() + 12);  // mapped
  if (std::all_of(a.begin(), a.begin() + 15, [](auto b) { return b == 0; }) && a[15] <= 1) {
    return false;  // :: and ::1
  }
  if (zero_prefix && a[10] == 0 && a[11] == 0) return false;  // IPv4-compatible (deprecated)
  if ((a[0] & 0xfe) == 0xfc) return false;                    // fc00::/7 unique local
  if (a[0] == 0xfe && (a[1] & 0xc0) == 0x80) return false;    // fe80::/10 link-local
  if (a[0] == 0xfe && (a[1] & 0xc0) == 0xc0) return false;    // fec0::/10 site-local (old)
  if (a[0] == 0xff) return false;                             // multicast
  // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address: judge that one.
  if (a[0] == 0x00 && a[1] == 0x64 && a[2] == 0xff && a[3] == 0x9b)
    return IsPublicV4(a.data() + 12);
  if (a[0] == 0x20 && a[1] == 0x02) return IsPublicV4(a.data() + 2);
  return true;
}

FetchResponse Fetch(const FetchRequest& request) {
  FetchResponse response;
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) {
    response.error = "curl_easy_init failed";
    return response;
  }
  Sink sink{
      .response = &response, .max_bytes = request.max_bytes, .truncate = request.truncate_body};
  AddressGuard guard;
  curl_slist* headers = nullptr;
  if (!request.json.empty()) {
    headers = curl_slist_append(headers, "Content-Type: application/json");
    // The body goes with the headers: no waiting for "100 Continue" (a webhook body is small).
    headers = curl_slist_append(headers, "Expect:");
  }
  for (const auto& header : request.headers) {
    // A header with a line break would smuggle another header in; it is left out.
    if (header.find_first_of("\r\n") == std::string::npos) {
      headers = curl_slist_append(headers, header.c_str());
    }
  }
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> header_list(headers,
                                                                          curl_slist_free_all);
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  if (request.follow_redirects) {
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
  }
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, std::min(request.timeout_seconds, 20L));
  curl_easy_setopt(c, CURLOPT_TIMEOUT, request.timeout_seconds);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  if (request.accept_compressed) curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(c, CURLOPT_USERAGENT, request.user_agent.c_str());
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, WriteBody);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, ReadHeader);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &sink);
  if (!request.form.empty()) curl_easy_setopt(c, CURLOPT_POSTFIELDS, request.form.c_str());
  if (!request.json.empty()) {
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, request.json.c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.json.size()));
  }
  if (request.public_addresses_only) {
    curl_easy_setopt(c, CURLOPT_OPENSOCKETFUNCTION, OpenPublicSocket);
    curl_easy_setopt(c, CURLOPT_OPENSOCKETDATA, &guard);
    curl_easy_setopt(c, CURLOPT_PROXY, "");
  }
  if (!request.basic_auth.empty()) {
    curl_easy_setopt(c, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(c, CURLOPT_USERPWD, request.basic_auth.c_str());
  }
  const CURLcode code = curl_easy_perform(c);
  if (guard.refused) {
    response.error = "refused: the address is not public (loopback, private or link-local)";
    response.body.clear();
    return response;
  }
  if (sink.too_large && request.truncate_body) {
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &response.status);
    return response;
  }
  if (sink.too_large) {
    response.error = "the answer is larger than " + std::to_string(request.max_bytes) + " bytes";
    response.body.clear();
    return response;
  }
  if (code != CURLE_OK) {
    response.error = curl_easy_strerror(code);
    response.body.clear();
    return response;
  }
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &response.status);
  return response;
}

}  // namespace aantafel::app

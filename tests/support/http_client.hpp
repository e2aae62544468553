#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace aantafel::testing {

/// A parsed HTTP response.
struct ClientResponse {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  /// First header value by case-insensitive name; empty when absent.
  [[nodiscard]] std::string Header(const std::string& name) const;
  [[nodiscard]] bool HasHeader(const std::string& name) const;
};

/// A minimal blocking HTTP/1.1 client over a raw loopback socket, so tests can also send
/// malformed or oversized requests that a real client library would refuse to produce.
class HttpClient {
 public:
  explicit HttpClient(std::uint16_t port);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  /// True when a TCP connection could be made.
  bool Connect();
  /// Sends raw bytes on the current connection (connecting first if needed).
  bool SendRaw(const std::string& bytes);
  /// Reads one response from the current connection; nullopt when the connection closed first.
  /// `head` = the request was HEAD (no body follows even with Content-Length).
  std::optional<ClientResponse> ReadResponse(bool head = false);
  /// Sends a request and reads the response on a kept-alive connection.
  ClientResponse Request(const std::string& method, const std::string& target,
                         const std::map<std::string, std::string>& headers = {},
                         const std::string& body = {});
  void Close();

 private:
  std::uint16_t port_;
  int fd_ = -1;
  std::string pending_;
};

/// Builds the bytes of a request with Host and Content-Length set.
std::string BuildRequest(const std::string& method, const std::string& target,
                         const std::map<std::string, std::string>& headers,
                         const std::string& body);

}  // namespace aantafel::testing

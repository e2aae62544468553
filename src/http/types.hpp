#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aantafel::http {

class EventStream;

/// Header list with case-insensitive lookup (names as received/sent).
class Headers {
 public:
  /// The first value of `name`, if present.
  [[nodiscard]] std::optional<std::string_view> Get(std::string_view name) const;
  /// Replaces every `name` header by one with `value`.
  void Set(std::string_view name, std::string value);
  /// Adds a header, keeping existing ones (Set-Cookie).
  void Add(std::string_view name, std::string value);
  [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& all() const {
    return items_;
  }

 private:
  std::vector<std::pair<std::string, std::string>> items_;
};

/// True when two ASCII strings are equal ignoring case.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

/// An HTTP request as the application sees it; the server fills it, no Beast types leak.
struct HttpRequest {
  std::string method;                                      ///< upper-case, e.g. "GET"
  std::string target;                                      ///< as received: path and query
  std::string path;                                        ///< percent-decoded path
  std::vector<std::pair<std::string, std::string>> query;  ///< decoded query parameters
  Headers headers;
  std::string body;
  std::string remote_address;
  std::string request_id;
  bool secure = false;  ///< received over TLS (directly or per a trusted proxy)

  /// The first query value for `name`.
  [[nodiscard]] std::optional<std::string_view> Query(std::string_view name) const;
};

/// An HTTP response built by a handler.
struct HttpResponse {
  int status = 200;
  Headers headers;
  std::string body;
  /// Set for a response that stays open (Server-Sent Events): the server writes the headers,
  /// then everything pushed into the stream until it closes or the client goes away.
  std::shared_ptr<EventStream> stream;

  /// A response with a JSON body (already serialised).
  static HttpResponse Json(int status, std::string json_body);
  /// 204 No Content.
  static HttpResponse NoContent();
};

/// Splits a request target into its decoded path and query; false when it is malformed
/// (not starting with '/', bad percent-encoding, NUL bytes).
bool ParseTarget(std::string_view target, std::string& path,
                 std::vector<std::pair<std::string, std::string>>& query);

/// Decodes %XX escapes (and '+' as space when `plus_is_space`); nullopt when malformed.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space);

/// The request's media type, lower-cased, without parameters ("application/json").
std::string MediaType(const HttpRequest& request);

/// The fields of an application/x-www-form-urlencoded body, in order; nullopt when an escape is
/// malformed. Empty pairs ("a=1&&b=2") are skipped.
std::optional<std::vector<std::pair<std::string, std::string>>> ParseFormBody(
    std::string_view body);

}  // namespace aantafel::http

#include "http/compression.hpp"

#include <array>
#include <string_view>

#include "http/middleware.hpp"
#include "interchange/gzip.hpp"

namespace aantafel::http {

namespace {

constexpr std::size_t kMinimumSize = 1024;
constexpr std::array<std::string_view, 7> kCompressible{
    "text/html",    "text/css",         "text/plain",
    "text/csv",     "application/json", "application/javascript",
    "image/svg+xml"};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

/// The q-value of one Accept-Encoding element ("gzip;q=0.5"); 1 without one, 0 when unreadable.
double Quality(std::string_view params) {
  const auto q = params.find("q=");
  if (q == std::string_view::npos) return 1.0;
  const std::string_view value = Trim(params.substr(q + 2));
  if (value.empty()) return 0.0;
  if (value[0] == '1') return 1.0;
  if (value[0] != '0') return 0.0;
  // "0", "0.", "0.000" are zero; any non-zero digit after the point allows it.
  return value.find_first_of("123456789") == std::string_view::npos ? 0.0 : 0.5;
}

bool HasSessionCookie(const HttpRequest& request) {
  auto cookie = request.headers.Get("Cookie");
  return cookie && cookie->find(kSessionCookie) != std::string_view::npos;
}

}  // namespace

bool AcceptsGzip(const HttpRequest& request) {
  auto header = request.headers.Get("Accept-Encoding");
  if (!header) return false;
  std::string_view rest = *header;
  bool star = false;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    const std::string_view element = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    const auto semi = element.find(';');
    const std::string_view coding = Trim(element.substr(0, semi));
    const double q = semi == std::string_view::npos ? 1.0 : Quality(element.substr(semi + 1));
    if (EqualsIgnoreCase(coding, "gzip")) return q > 0;
    if (coding == "*") star = q > 0;
  }
  return star;
}

void CompressPublicResponse(const HttpRequest& request, HttpResponse& response) {
  if (response.body.size() < kMinimumSize || response.headers.Get("Content-Encoding") ||
      request.method == "HEAD") {
    return;
  }
  const std::string_view type = response.headers.Get("Content-Type").value_or("");
  const std::string_view media = Trim(type.substr(0, type.find(';')));
  bool compressible = false;
  for (const auto candidate : kCompressible) compressible |= EqualsIgnoreCase(media, candidate);
  if (!compressible || HasSessionCookie(request)) return;
  response.headers.Set("Vary", "Accept-Encoding");
  if (!AcceptsGzip(request)) return;
  response.body = interchange::Gzip(response.body, 6);
  response.headers.Set("Content-Encoding", "gzip");
}

}  // namespace aantafel::http

#include "http/security_headers.hpp"

namespace aantafel::http {

void ApplySecurityHeaders(HttpResponse& response, bool https) {
  Headers& h = response.headers;
  // A response may bring a stricter policy of its own (a download: "default-src 'none'; sandbox").
  if (!h.Get("Content-Security-Policy")) {
    h.Set("Content-Security-Policy",
          "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
          "form-action 'self'; frame-ancestors 'none'");
  }
  h.Set("X-Content-Type-Options", "nosniff");
  h.Set("X-Frame-Options", "DENY");
  h.Set("Referrer-Policy", "no-referrer");
  h.Set("Cross-Origin-Opener-Policy", "same-origin");
  h.Set("Cross-Origin-Resource-Policy", "same-origin");
  h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
  if (!h.Get("Cache-Control")) h.Set("Cache-Control", "no-store");
  if (https) h.Set("Strict-Transport-Security", "max-age=31536000");
}

}  // namespace aantafel::http

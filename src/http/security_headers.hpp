#pragma once

#include "http/types.hpp"

namespace aantafel::http {

/// Adds the strict security headers every response carries (CSP without inline scripts,
/// nosniff, no framing, no referrer leaks, no powerful browser features).
/// `https`: the server is reached over https (public_url), so browsers are told to keep to it
/// (HSTS, one year; subdomains are the operator's business and not included).
void ApplySecurityHeaders(HttpResponse& response, bool https = false);

}  // namespace aantafel::http

#pragma once

#include "http/types.hpp"

namespace aantafel::http {

/// Adds the strict security headers every response carries (CSP without inline scripts,
/// nosniff, no framing, no referrer leaks, no powerful browser features).
void ApplySecurityHeaders(HttpResponse& response);

}  // namespace aantafel::http

#pragma once

#include "http/types.hpp"

namespace aantafel::http {

/// Whether the request's Accept-Encoding allows gzip ("gzip" or "*" with a q-value above 0).
bool AcceptsGzip(const HttpRequest& request);

/// Compresses a public text response with gzip when the client accepts it and it is worth it
/// (at least 1 KB of HTML, CSS, JavaScript, JSON, SVG, CSV or plain text, not already encoded,
/// not a stream). Responses to requests that carry the session cookie stay as they are: a page
/// that mixes a user's secrets with text an attacker can choose would leak through its
/// compressed size (BREACH); the app's own files are precompressed on disk (decision 41).
void CompressPublicResponse(const HttpRequest& request, HttpResponse& response);

}  // namespace aantafel::http

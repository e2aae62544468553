#pragma once

#include <string>

namespace aantafel::app {

/// One conditional download of the Almanak export.
struct ConditionalFetch {
  int status = 0;  ///< 200 (body is new), 304 (not modified), 0 (failed: see error)
  std::string body;
  std::string last_modified;  ///< the response's Last-Modified, to send back next time
  std::string error;
};

/// GETs `url` with libcurl (redirects followed, 120 s, at most 512 MiB), sending
/// If-Modified-Since: `last_modified` when that is not empty, so an unchanged file costs one
/// 304 and no download.
ConditionalFetch FetchIfModified(const std::string& url, const std::string& last_modified);

}  // namespace aantafel::app

#pragma once

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <unordered_map>

#include "http/compression.hpp"
#include "http/types.hpp"

namespace aantafel::http {

/// Serves the built web app from a directory: content types, strong ETags, 304s,
/// immutable caching for hashed assets, precompressed .gz, and an SPA fallback to index.html.
class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root);
  /// Answers a GET/HEAD for `request.path`.
  HttpResponse Serve(const HttpRequest& request);

 private:
  struct CachedFile {
    std::string body;
    std::string etag;
    std::filesystem::file_time_type modified;
    std::uintmax_t size = 0;
  };
  /// Reads (or reuses) a regular file below the root; nullptr when missing.
  std::shared_ptr<const CachedFile> Load(const std::filesystem::path& file);
  HttpResponse FromFile(const HttpRequest& request, const std::filesystem::path& file,
                        bool immutable);

  std::filesystem::path root_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const CachedFile>> cache_;
};

/// A strong ETag of `data` (FNV-1a 64 and the length), the same on every instance.
std::string StrongEtag(std::string_view data);
/// Whether an If-None-Match header value names `etag` (or is "*").
bool EtagMatches(std::string_view if_none_match, std::string_view etag);

/// The Content-Type for a file name's extension.
std::string_view ContentTypeFor(std::string_view file_name);

/// True for build outputs whose names carry a content hash (e.g. assets/index-B4x9Qz1a.js).
bool IsHashedAsset(std::string_view path);

}  // namespace aantafel::http

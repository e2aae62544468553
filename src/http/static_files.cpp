#include "http/static_files.hpp"

#include <array>
#include <fstream>
#include <sstream>

#include "core/hash.hpp"
#include "http/router.hpp"

namespace aantafel::http {

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 17> kTypes{{
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".json", "application/json; charset=utf-8"},
    {".map", "application/json; charset=utf-8"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".jpg", "image/jpeg"},
    {".jpeg", "image/jpeg"},
    {".gif", "image/gif"},
    {".webp", "image/webp"},
    {".ico", "image/x-icon"},
    {".woff2", "font/woff2"},
    {".woff", "font/woff"},
    {".txt", "text/plain; charset=utf-8"},
    {".webmanifest", "application/manifest+json"},
}};

// Only plain segments: no "..", no hidden files, no backslashes.
bool SafeRelative(const std::vector<std::string_view>& parts) {
  for (std::string_view p : parts) {
    if (p == ".." || p == "." || p.front() == '.' || p.find('\\') != std::string_view::npos) {
      return false;
    }
  }
  return true;
}

constexpr std::string_view kNotBuiltPage =
    "<!doctype html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">"
    "<title>aantafel</title></head><body><main><h1>aantafel draait</h1>"
    "<p>De server werkt, maar de webapp is nog niet gebouwd. De API staat op "
    "<code>/api/v1</code>; de gezondheid op <code>/healthz</code>.</p>"
    "<p lang=\"en\">The server is running, but the web app has not been built. "
    "The API is at <code>/api/v1</code>; health at "
    "<code>/healthz</code>.</p></main></body></html>\n";

}  // namespace

// FNV-1a 64: deterministic across instances, so every server behind a balancer agrees on ETags.
std::string StrongEtag(std::string_view data) {
  std::ostringstream out;
  out << '"' << std::hex << core::Fnv1a64(data) << '-' << data.size() << '"';
  return out.str();
}

bool EtagMatches(std::string_view if_none_match, std::string_view etag) {
  return if_none_match == "*" || if_none_match.find(etag) != std::string_view::npos;
}

std::string_view ContentTypeFor(std::string_view file_name) {
  const auto dot = file_name.rfind('.');
  if (dot != std::string_view::npos) {
    const std::string_view ext = file_name.substr(dot);
    for (const auto& [e, type] : kTypes) {
      if (EqualsIgnoreCase(e, ext)) return type;
    }
  }
  return "application/octet-stream";
}

bool IsHashedAsset(std::string_view path) {
  if (!path.starts_with("/assets/")) return false;
  const auto slash = path.rfind('/');
  const std::string_view name = path.substr(slash + 1);
  const auto dash = name.rfind('-');
  const auto dot = name.find('.', dash == std::string_view::npos ? 0 : dash);
  if (dash == std::string_view::npos || dot == std::string_view::npos) return false;
  return dot - dash - 1 >= 8;
}

StaticFiles::StaticFiles(std::filesystem::path root) : root_(std::move(root)) {}

std::shared_ptr<const StaticFiles::CachedFile> StaticFiles::Load(
    const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return nullptr;
  const auto modified = std::filesystem::last_write_time(file, ec);
  if (ec) return nullptr;
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) return nullptr;
  const std::string key = file.string();
  {
    std::lock_guard lock(mutex_);
    auto it = cache_.find(key);
    if (it != cache_.end() && it->second->modified == modified && it->second->size == size) {
      return it->second;
    }
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return nullptr;
  std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto cached = std::make_shared<CachedFile>();
  cached->etag = StrongEtag(body);
  cached->body = std::move(body);
  cached->modified = modified;
  cached->size = size;
  std::lock_guard lock(mutex_);
  cache_[key] = cached;
  return cached;
}

HttpResponse StaticFiles::FromFile(const HttpRequest& request, const std::filesystem::path& file,
                                   bool immutable) {
  std::shared_ptr<const CachedFile> content;
  bool gzipped = false;
  if (AcceptsGzip(request)) {
    content = Load(std::filesystem::path(file.string() + ".gz"));
    gzipped = content != nullptr;
  }
  if (!content) content = Load(file);
  HttpResponse response;
  if (!content) {
    response.status = 404;
    return response;
  }
  response.headers.Set("Content-Type", std::string(ContentTypeFor(file.filename().string())));
  response.headers.Set("ETag", content->etag);
  response.headers.Set("Vary", "Accept-Encoding");
  response.headers.Set("Cache-Control",
                       immutable ? "public, max-age=31536000, immutable" : "no-cache");
  if (gzipped) response.headers.Set("Content-Encoding", "gzip");
  if (auto inm = request.headers.Get("If-None-Match"); inm && EtagMatches(*inm, content->etag)) {
    response.status = 304;
    return response;
  }
  response.body = content->body;
  return response;
}

HttpResponse StaticFiles::Serve(const HttpRequest& request) {
  const auto parts = SplitPath(request.path);
  std::error_code ec;
  if (!std::filesystem::is_directory(root_, ec)) {
    HttpResponse response;
    if (parts.empty()) {
      response.headers.Set("Content-Type", "text/html; charset=utf-8");
      response.body = std::string(kNotBuiltPage);
    } else {
      response.status = 404;
    }
    return response;
  }
  if (!SafeRelative(parts)) {
    HttpResponse response;
    response.status = 404;
    return response;
  }
  std::filesystem::path file = root_;
  for (std::string_view p : parts) file /= std::filesystem::path(std::string(p));
  if (!parts.empty() && std::filesystem::is_regular_file(file, ec)) {
    return FromFile(request, file, IsHashedAsset(request.path));
  }
  // Client-side routes (no file extension, outside /assets/) get the app shell.
  const bool looks_like_file = !parts.empty() && parts.back().find('.') != std::string_view::npos;
  if (request.path.starts_with("/assets/") || looks_like_file) {
    HttpResponse response;
    response.status = 404;
    return response;
  }
  return FromFile(request, root_ / "index.html", false);
}

}  // namespace aantafel::http

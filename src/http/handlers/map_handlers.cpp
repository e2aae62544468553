// Kaarten: the built-in CBS / Kadaster boundaries, cut to what one map needs (decision 33).
#include <map>
#include <memory>
#include <mutex>

#include "core/knowledge.hpp"
#include "core/whoiswho/model.hpp"
#include "core/whoiswho/register.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/views.hpp"
#include "http/static_files.hpp"
#include "interchange/gzip.hpp"
#include "interchange/topojson.hpp"

namespace aantafel::http {

namespace {

/// A map made once and served many times: JSON, its gzip form and their ETags.
struct MapBody {
  std::string json;
  std::string gzip;
  std::string etag;
  std::string gzip_etag;
};

std::shared_ptr<const MapBody> MakeBody(std::string json) {
  auto body = std::make_shared<MapBody>();
  body->gzip = interchange::Gzip(json);
  body->etag = StrongEtag(json);
  body->gzip_etag = StrongEtag(body->gzip);
  body->json = std::move(json);
  return body;
}

interchange::Topology BuiltIn(std::string_view name) {
  std::string error;
  auto topology = interchange::Topology::Parse(knowledge::Text(name), error);
  if (!topology)
    throw std::runtime_error("built-in boundaries " + std::string(name) + ": " + error);
  return std::move(*topology);
}

/// The built-in boundaries, read on first use (about 1.4 MB of TopoJSON), and the maps cut from
/// them. Thread-safe; every map is made once per process.
class MapCache {
 public:
  std::shared_ptr<const MapBody> Municipalities() {
    std::lock_guard lock(mutex_);
    Load();
    if (!municipalities_) {
      interchange::TopologyBuilder builder;
      builder.Add("municipalities", *gemeenten_, "gemeente_" + Year(),
                  [](const interchange::TopoFeature&) { return true; });
      builder.Add("provinces", *provincies_, "provincie_" + Year(),
                  [](const interchange::TopoFeature&) { return true; });
      municipalities_ = MakeBody(builder.Json(Register().attribution, Register().year));
    }
    return municipalities_;
  }

  /// nullptr when the boundaries hold no such municipality.
  std::shared_ptr<const MapBody> Districts(const std::string& code) {
    std::lock_guard lock(mutex_);
    Load();
    if (auto it = districts_.find(code); it != districts_.end()) return it->second;
    interchange::TopologyBuilder builder;
    builder.Add("municipality", *gemeenten_, "gemeente_" + Year(),
                [&](const interchange::TopoFeature& f) { return f.code == code; });
    if (builder.size() == 0) return nullptr;
    builder.Add("districts", *wijken_, "wijk_" + Year(),
                [&](const interchange::TopoFeature& f) { return f.parent_code == code; });
    auto body = MakeBody(builder.Json(Register().attribution, Register().year));
    // At most 342 municipalities of a few KB each: the cache stays small.
    districts_.emplace(code, body);
    return body;
  }

 private:
  static const core::whoiswho::Register& Register() { return core::whoiswho::BuiltInRegister(); }
  static std::string Year() { return std::to_string(Register().year); }

  void Load() {
    if (gemeenten_) return;
    gemeenten_.emplace(BuiltIn("geo/gemeente_" + Year()));
    provincies_.emplace(BuiltIn("geo/provincie_" + Year()));
    wijken_.emplace(BuiltIn("geo/wijk_" + Year()));
  }

  std::mutex mutex_;
  std::optional<interchange::Topology> gemeenten_;
  std::optional<interchange::Topology> provincies_;
  std::optional<interchange::Topology> wijken_;
  std::shared_ptr<const MapBody> municipalities_;
  std::map<std::string, std::shared_ptr<const MapBody>> districts_;
};

HttpResponse Serve(const HttpRequest& request, const MapBody& body) {
  HttpResponse response;
  const bool gzip = AcceptsGzip(request);
  const std::string& etag = gzip ? body.gzip_etag : body.etag;
  response.headers.Set("Content-Type", "application/json");
  response.headers.Set("ETag", etag);
  response.headers.Set("Vary", "Accept-Encoding");
  // Boundaries change only with a new release; a day in the browser's private cache, then a
  // cheap 304.
  response.headers.Set("Cache-Control", "private, max-age=86400");
  if (gzip) response.headers.Set("Content-Encoding", "gzip");
  if (auto inm = request.headers.Get("If-None-Match"); inm && EtagMatches(*inm, etag)) {
    response.status = 304;
    return response;
  }
  response.body = gzip ? body.gzip : body.json;
  return response;
}

}  // namespace

void RegisterMapRoutes(Router& router) {
  auto cache = std::make_shared<MapCache>();
  router.Add("GET", "/api/v1/maps/municipalities",
             [cache](RequestContext& ctx) { return Serve(ctx.request, *cache->Municipalities()); });
  router.Add("GET", "/api/v1/maps/municipalities/{code}", [cache](RequestContext& ctx) {
    const std::string code(ctx.params.Get("code"));
    if (!core::whoiswho::IsMunicipalityCode(code)) {
      return Fail(ctx, core::Error::Field("code", core::FieldIssue::kInvalidFormat));
    }
    auto body = cache->Districts(code);
    if (!body) return Fail(ctx, core::Error::Of(core::ErrorCode::kNotFound));
    return Serve(ctx.request, *body);
  });
}

}  // namespace aantafel::http

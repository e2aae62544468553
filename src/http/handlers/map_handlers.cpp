// Kaarten: the built-in CBS / Kadaster boundaries and imported outlines, cut to what one map
// needs (decisions 33 and 34).
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>

#include "core/knowledge.hpp"
#include "core/social_map/service.hpp"
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
/// them and from imported outlines (decision 34). Thread-safe; a map is made once per version of
/// the imported outlines (and, for the country, of the ended municipalities).
class MapCache {
 public:
  explicit MapCache(core::social_map::SocialMapService& service) : service_(service) {}

  std::shared_ptr<const MapBody> Municipalities() {
    // Read outside the lock: the database is not the cache's to serialise.
    const std::int64_t version = service_.BoundariesVersion();
    const auto ended = service_.EndedMunicipalities();
    std::string key = std::to_string(version);
    for (const auto& code : ended) key += "," + code;
    std::lock_guard lock(mutex_);
    Load();
    if (!municipalities_ || municipalities_key_ != key) {
      const std::set<std::string> gone(ended.begin(), ended.end());
      std::vector<interchange::GeoShape> imported;
      std::set<std::string> replaced;
      if (version > 0) {
        for (auto& b : service_.ImportedMunicipalityBoundaries()) {
          if (b.year < Register().year || gone.contains(b.code)) continue;
          replaced.insert(b.code);
          imported.push_back({b.code, b.name, std::move(b.geometry)});
        }
      }
      interchange::TopologyBuilder builder;
      builder.Add("municipalities", *gemeenten_, "gemeente_" + Year(),
                  [&](const interchange::TopoFeature& f) {
                    return !replaced.contains(f.code) && !gone.contains(f.code);
                  });
      builder.Add("provinces", *provincies_, "provincie_" + Year(),
                  [](const interchange::TopoFeature&) { return true; });
      if (!imported.empty()) builder.AddShapes("imported_municipalities", imported);
      municipalities_ = MakeBody(MergeImported(builder.Json(Attribution(), Register().year)));
      municipalities_key_ = key;
    }
    return municipalities_;
  }

  /// nullptr when neither the built-in nor the imported boundaries hold the municipality.
  std::shared_ptr<const MapBody> Districts(const std::string& code) {
    const std::int64_t version = service_.BoundariesVersion();
    {
      std::lock_guard lock(mutex_);
      if (version != districts_version_) {
        districts_.clear();
        districts_version_ = version;
      }
      if (auto it = districts_.find(code); it != districts_.end()) return it->second;
    }
    // Not made yet for this version: read the imported outlines (outside the lock) and make it.
    std::vector<core::social_map::AreaBoundary> imported;
    if (version > 0) imported = service_.ImportedBoundaries(code);
    std::lock_guard lock(mutex_);
    Load();
    if (auto it = districts_.find(code); it != districts_.end()) return it->second;
    // Imported outlines of the built-in year or later replace the built-in ones, level by level;
    // neighbourhoods come only from imports.
    std::vector<interchange::GeoShape> municipality;
    std::vector<interchange::GeoShape> districts;
    std::vector<interchange::GeoShape> neighbourhoods;
    for (auto& b : imported) {
      const bool current = b.year >= Register().year;
      interchange::GeoShape shape{b.code, b.name, std::move(b.geometry)};
      if (b.code.starts_with("GM") && current) {
        municipality.push_back(std::move(shape));
      } else if (b.code.starts_with("WK") && current) {
        districts.push_back(std::move(shape));
      } else if (b.code.starts_with("BU")) {
        neighbourhoods.push_back(std::move(shape));
      }
    }
    interchange::TopologyBuilder builder;
    if (municipality.empty()) {
      builder.Add("municipality", *gemeenten_, "gemeente_" + Year(),
                  [&](const interchange::TopoFeature& f) { return f.code == code; });
    } else {
      builder.AddShapes("municipality", municipality);
    }
    if (builder.size() == 0) return nullptr;
    if (districts.empty()) {
      builder.Add("districts", *wijken_, "wijk_" + Year(),
                  [&](const interchange::TopoFeature& f) { return f.parent_code == code; });
    } else {
      builder.AddShapes("districts", districts);
    }
    if (!neighbourhoods.empty()) builder.AddShapes("neighbourhoods", neighbourhoods);
    auto body = MakeBody(builder.Json(Attribution(), Register().year));
    // At most a few hundred municipalities of a few KB (districts) to a few hundred KB
    // (neighbourhoods of a city) each: the cache stays small.
    // Kept only when no newer import arrived meanwhile.
    if (version == districts_version_) districts_.emplace(code, body);
    return body;
  }

 private:
  static const core::whoiswho::Register& Register() { return core::whoiswho::BuiltInRegister(); }
  static std::string Year() { return std::to_string(Register().year); }
  static const std::string& Attribution() { return Register().attribution; }

  /// The imported municipalities drawn as part of "municipalities" (one object for the client).
  static std::string MergeImported(std::string json) {
    auto document = nlohmann::json::parse(json);
    auto& objects = document["objects"];
    if (!objects.contains("imported_municipalities")) return json;
    auto& all = objects["municipalities"]["geometries"];
    for (auto& g : objects["imported_municipalities"]["geometries"]) all.push_back(std::move(g));
    objects.erase("imported_municipalities");
    return document.dump();
  }

  void Load() {
    if (gemeenten_) return;
    gemeenten_.emplace(BuiltIn("geo/gemeente_" + Year()));
    provincies_.emplace(BuiltIn("geo/provincie_" + Year()));
    wijken_.emplace(BuiltIn("geo/wijk_" + Year()));
  }

  core::social_map::SocialMapService& service_;
  std::mutex mutex_;
  std::optional<interchange::Topology> gemeenten_;
  std::optional<interchange::Topology> provincies_;
  std::optional<interchange::Topology> wijken_;
  std::shared_ptr<const MapBody> municipalities_;
  std::string municipalities_key_;
  std::int64_t districts_version_ = 0;
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

HttpResponse GetMunicipalityMap(MapCache& cache, RequestContext& ctx) {
  return Serve(ctx.request, *cache.Municipalities());
}

HttpResponse GetDistrictMap(MapCache& cache, RequestContext& ctx) {
  const std::string code(ctx.params.Get("code"));
  if (!core::whoiswho::IsMunicipalityCode(code)) {
    return Fail(ctx, core::Error::Field("code", core::FieldIssue::kInvalidFormat));
  }
  auto body = cache.Districts(code);
  if (!body) return Fail(ctx, core::Error::Of(core::ErrorCode::kNotFound));
  return Serve(ctx.request, *body);
}

}  // namespace

void RegisterMapRoutes(Router& router, core::social_map::SocialMapService& social_map) {
  const auto bind = HandlerBinder(std::make_shared<MapCache>(social_map));
  router.Add("GET", "/api/v1/maps/municipalities", bind(GetMunicipalityMap));
  router.Add("GET", "/api/v1/maps/municipalities/{code}", bind(GetDistrictMap));
}

}  // namespace aantafel::http

#include "interchange/boundaries.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include "core/validation.hpp"

namespace aantafel::interchange {

using core::FieldIssue;
using core::social_map::AreaBoundary;
using core::social_map::ParsedBoundaries;
using nlohmann::json;

namespace {

/// Simplification tolerance in degrees: about 3 m east-west and 4 m north-south, far below what
/// a map of a municipality on a screen can show.
constexpr double kTolerance = 0.00004;
/// More features than all of the Netherlands' municipalities, districts and neighbourhoods
/// together (about 18,500) with room for several years.
constexpr std::size_t kMaxFeatures = 100'000;

/// Where Dutch areas lie, with the coastal waters (WGS84).
bool InTheNetherlands(const LonLat& p) {
  return p[0] >= 2.5 && p[0] <= 7.6 && p[1] >= 50.5 && p[1] <= 54.0;
}
/// Where RD New coordinates of the Netherlands lie (metres).
bool InRdRange(double x, double y) {
  return x >= -7'000 && x <= 300'000 && y >= 289'000 && y <= 629'000;
}

std::string Trim(std::string s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return s.substr(first, last - first + 1);
}

/// The feature's properties by lower-cased name, as text (numbers too).
std::map<std::string, std::string> PropertiesOf(const json& feature) {
  std::map<std::string, std::string> out;
  auto it = feature.find("properties");
  if (it == feature.end() || !it->is_object()) return out;
  for (auto p = it->begin(); p != it->end(); ++p) {
    if (p->is_string()) {
      out[core::LowerAscii(p.key())] = Trim(p->get<std::string>());
    } else if (p->is_number_integer()) {
      out[core::LowerAscii(p.key())] = std::to_string(p->get<std::int64_t>());
    }
  }
  return out;
}

struct Identity {
  std::string code;
  std::string name;
};

/// The most specific area a feature describes: a neighbourhood's properties also name its
/// district and municipality.
Identity IdentityOf(const std::map<std::string, std::string>& p, const json& feature) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kPairs{{
      {"buurtcode", "buurtnaam"},
      {"bu_code", "bu_naam"},
      {"wijkcode", "wijknaam"},
      {"wk_code", "wk_naam"},
      {"gemeentecode", "gemeentenaam"},
      {"gm_code", "gm_naam"},
      {"statcode", "statnaam"},
      {"code", "name"},
  }};
  for (const auto& [code, name] : kPairs) {
    auto c = p.find(std::string(code));
    if (c == p.end() || c->second.empty()) continue;
    auto n = p.find(std::string(name));
    return {c->second, n == p.end() ? std::string() : n->second};
  }
  if (auto id = feature.find("id"); id != feature.end() && id->is_string()) {
    return {Trim(id->get<std::string>()), {}};
  }
  return {};
}

std::optional<int> YearIn(std::string_view text) {
  if (text.size() < 4) return std::nullopt;
  int year = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    if (std::isdigit(static_cast<unsigned char>(text[i])) == 0) return std::nullopt;
    year = year * 10 + (text[i] - '0');
  }
  return year;
}

/// The year a document states for all its features: a "wijken-en-buurten-YYYY" link (PDOK) or a
/// top-level "year" (aantafel's own maps).
std::optional<int> DocumentYear(const json& d) {
  if (auto y = d.find("year"); y != d.end()) {
    if (y->is_number_integer()) return static_cast<int>(y->get<std::int64_t>());
    if (y->is_string()) return YearIn(y->get<std::string>());
  }
  if (auto links = d.find("links"); links != d.end() && links->is_array()) {
    constexpr std::string_view kStem = "wijken-en-buurten-";
    for (const json& link : *links) {
      if (!link.is_object() || !link.contains("href") || !link["href"].is_string()) continue;
      const std::string href = link["href"].get<std::string>();
      if (auto at = href.find(kStem); at != std::string::npos) {
        if (auto year = YearIn(std::string_view(href).substr(at + kStem.size()))) return year;
      }
    }
  }
  return std::nullopt;
}

bool IsRdCrs(const json& d) {
  auto crs = d.find("crs");
  if (crs == d.end() || !crs->is_object()) return false;
  const std::string text = crs->dump();
  return text.find("28992") != std::string::npos;
}

using Polygon = std::vector<Ring>;
using Shape = std::vector<Polygon>;

enum class Problem { kNone, kFormat, kRange };

/// A GeoJSON position list as a ring; RD coordinates are converted when `rd` (or when they
/// can only be RD).
Problem ReadRing(const json& positions, bool rd, Ring& out) {
  if (!positions.is_array() || positions.size() < 4) return Problem::kFormat;
  out.reserve(positions.size());
  for (const json& p : positions) {
    if (!p.is_array() || p.size() < 2 || !p[0].is_number() || !p[1].is_number()) {
      return Problem::kFormat;
    }
    const double x = p[0].get<double>();
    const double y = p[1].get<double>();
    if (!std::isfinite(x) || !std::isfinite(y)) return Problem::kFormat;
    LonLat point{x, y};
    if (rd || (std::abs(x) > 180 && InRdRange(x, y))) {
      if (!InRdRange(x, y)) return Problem::kRange;
      point = RdToWgs84(x, y);
    }
    if (!InTheNetherlands(point)) return Problem::kRange;
    out.push_back(point);
  }
  return Problem::kNone;
}

Problem ReadGeoJsonShape(const json& geometry, bool rd, Shape& shape) {
  if (!geometry.is_object()) return Problem::kFormat;
  auto type = geometry.find("type");
  auto coordinates = geometry.find("coordinates");
  if (type == geometry.end() || !type->is_string() || coordinates == geometry.end() ||
      !coordinates->is_array()) {
    return Problem::kFormat;
  }
  auto polygon = [&](const json& rings) {
    if (!rings.is_array() || rings.empty()) return Problem::kFormat;
    Polygon out;
    for (const json& r : rings) {
      Ring ring;
      if (auto problem = ReadRing(r, rd, ring); problem != Problem::kNone) return problem;
      out.push_back(std::move(ring));
    }
    shape.push_back(std::move(out));
    return Problem::kNone;
  };
  if (*type == "Polygon") return polygon(*coordinates);
  if (*type == "MultiPolygon") {
    for (const json& p : *coordinates) {
      if (auto problem = polygon(p); problem != Problem::kNone) return problem;
    }
    return shape.empty() ? Problem::kFormat : Problem::kNone;
  }
  return Problem::kFormat;
}

/// The arcs of a quantised topology as absolute positions.
std::optional<std::vector<Ring>> DecodeArcs(const json& d) {
  auto transform = d.find("transform");
  auto arcs = d.find("arcs");
  if (transform == d.end() || !transform->is_object() || arcs == d.end() || !arcs->is_array()) {
    return std::nullopt;
  }
  const json& scale = (*transform)["scale"];
  const json& translate = (*transform)["translate"];
  if (!scale.is_array() || scale.size() != 2 || !translate.is_array() || translate.size() != 2 ||
      !scale[0].is_number() || !scale[1].is_number() || !translate[0].is_number() ||
      !translate[1].is_number()) {
    return std::nullopt;
  }
  const double sx = scale[0].get<double>();
  const double sy = scale[1].get<double>();
  const double tx = translate[0].get<double>();
  const double ty = translate[1].get<double>();
  std::vector<Ring> out;
  out.reserve(arcs->size());
  for (const json& arc : *arcs) {
    if (!arc.is_array()) return std::nullopt;
    Ring ring;
    std::int64_t x = 0;
    std::int64_t y = 0;
    for (const json& p : arc) {
      if (!p.is_array() || p.size() < 2 || !p[0].is_number_integer() || !p[1].is_number_integer()) {
        return std::nullopt;
      }
      x += p[0].get<std::int64_t>();
      y += p[1].get<std::int64_t>();
      ring.push_back({tx + static_cast<double>(x) * sx, ty + static_cast<double>(y) * sy});
    }
    out.push_back(std::move(ring));
  }
  return out;
}

Problem ReadTopoShape(const json& geometry, const std::vector<Ring>& arcs, Shape& shape) {
  auto type = geometry.find("type");
  auto list = geometry.find("arcs");
  if (type == geometry.end() || !type->is_string() || list == geometry.end() || !list->is_array()) {
    return Problem::kFormat;
  }
  auto ring = [&](const json& indexes, Ring& out) {
    if (!indexes.is_array() || indexes.empty()) return false;
    for (const json& index : indexes) {
      if (!index.is_number_integer()) return false;
      const std::int64_t i = index.get<std::int64_t>();
      const std::int64_t arc = i < 0 ? ~i : i;
      if (arc < 0 || arc >= static_cast<std::int64_t>(arcs.size())) return false;
      Ring points = arcs[static_cast<std::size_t>(arc)];
      if (i < 0) std::reverse(points.begin(), points.end());
      // Consecutive arcs share their joining point.
      out.insert(out.end(), out.empty() ? points.begin() : points.begin() + 1, points.end());
    }
    return true;
  };
  auto polygon = [&](const json& rings) {
    if (!rings.is_array() || rings.empty()) return Problem::kFormat;
    Polygon out;
    for (const json& r : rings) {
      Ring points;
      if (!ring(r, points) || points.size() < 4) return Problem::kFormat;
      if (!std::all_of(points.begin(), points.end(), InTheNetherlands)) return Problem::kRange;
      out.push_back(std::move(points));
    }
    shape.push_back(std::move(out));
    return Problem::kNone;
  };
  if (*type == "Polygon") return polygon(*list);
  if (*type == "MultiPolygon") {
    for (const json& p : *list) {
      if (auto problem = polygon(p); problem != Problem::kNone) return problem;
    }
    return shape.empty() ? Problem::kFormat : Problem::kNone;
  }
  return Problem::kFormat;
}

void AppendNumber(std::string& out, double value) {
  std::array<char, 32> buffer{};
  const int n = std::snprintf(buffer.data(), buffer.size(), "%.5f", value);
  std::string_view text(buffer.data(), static_cast<std::size_t>(n));
  while (text.ends_with('0')) text.remove_suffix(1);
  if (text.ends_with('.')) text.remove_suffix(1);
  if (text == "-0") text = "0";
  out += text;
}

double Round5(double v) { return std::round(v * 100'000.0) / 100'000.0; }

/// The shape simplified, rounded and written as a compact GeoJSON geometry; empty when nothing
/// of it is left (every ring smaller than the rounding).
std::string GeometryJson(const Shape& shape) {
  std::vector<Polygon> kept;
  for (const Polygon& polygon : shape) {
    Polygon out;
    for (std::size_t r = 0; r < polygon.size(); ++r) {
      Ring simple = SimplifyRing(polygon[r], kTolerance);
      Ring rounded;
      for (const LonLat& p : simple) {
        const LonLat q{Round5(p[0]), Round5(p[1])};
        if (rounded.empty() || rounded.back() != q) rounded.push_back(q);
      }
      if (!rounded.empty() && rounded.front() != rounded.back()) rounded.push_back(rounded.front());
      if (rounded.size() < 4) {
        if (r == 0) break;  // the outer ring is gone: so is the polygon
        continue;
      }
      out.push_back(std::move(rounded));
    }
    if (!out.empty()) kept.push_back(std::move(out));
  }
  if (kept.empty()) return {};
  std::string json = kept.size() == 1 ? R"({"type":"Polygon","coordinates":)"
                                      : R"({"type":"MultiPolygon","coordinates":)";
  auto write_polygon = [&](const Polygon& polygon) {
    json += '[';
    for (std::size_t r = 0; r < polygon.size(); ++r) {
      if (r > 0) json += ',';
      json += '[';
      for (std::size_t i = 0; i < polygon[r].size(); ++i) {
        if (i > 0) json += ',';
        json += '[';
        AppendNumber(json, polygon[r][i][0]);
        json += ',';
        AppendNumber(json, polygon[r][i][1]);
        json += ']';
      }
      json += ']';
    }
    json += ']';
  };
  if (kept.size() == 1) {
    write_polygon(kept.front());
  } else {
    json += '[';
    for (std::size_t p = 0; p < kept.size(); ++p) {
      if (p > 0) json += ',';
      write_polygon(kept[p]);
    }
    json += ']';
  }
  json += '}';
  return json;
}

/// Perpendicular distance of p to the segment a–b (degrees, longitude not scaled: the tolerance
/// is small enough that the 0.6 ratio at Dutch latitudes only makes the result finer east-west).
double Distance(const LonLat& p, const LonLat& a, const LonLat& b) {
  const double dx = b[0] - a[0];
  const double dy = b[1] - a[1];
  const double length2 = dx * dx + dy * dy;
  double t = length2 > 0 ? ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2 : 0.0;
  t = std::clamp(t, 0.0, 1.0);
  const double ex = a[0] + t * dx - p[0];
  const double ey = a[1] + t * dy - p[1];
  return std::sqrt(ex * ex + ey * ey);
}

void Simplify(const Ring& points, std::size_t first, std::size_t last, double tolerance,
              std::vector<bool>& keep) {
  // An explicit stack: rings of tens of thousands of points must not recurse that deep.
  std::vector<std::pair<std::size_t, std::size_t>> stack{{first, last}};
  while (!stack.empty()) {
    auto [from, to] = stack.back();
    stack.pop_back();
    double farthest = 0;
    std::size_t index = from;
    for (std::size_t i = from + 1; i < to; ++i) {
      const double d = Distance(points[i], points[from], points[to]);
      if (d > farthest) {
        farthest = d;
        index = i;
      }
    }
    if (farthest > tolerance) {
      keep[index] = true;
      stack.emplace_back(from, index);
      stack.emplace_back(index, to);
    }
  }
}

}  // namespace

LonLat RdToWgs84(double x, double y) {
  // Reference point Amersfoort (RD 155000, 463000) and the coefficients of the published
  // approximation (terms in units of 100 km, results in arc seconds).
  const double dx = (x - 155'000.0) * 1e-5;
  const double dy = (y - 463'000.0) * 1e-5;
  struct Term {
    int p;
    int q;
    double k;
  };
  static constexpr std::array<Term, 11> kLatitude{{{0, 1, 3235.65389},
                                                   {2, 0, -32.58297},
                                                   {0, 2, -0.24750},
                                                   {2, 1, -0.84978},
                                                   {0, 3, -0.06550},
                                                   {2, 2, -0.01709},
                                                   {1, 0, -0.00738},
                                                   {4, 0, 0.00530},
                                                   {2, 3, -0.00039},
                                                   {4, 1, 0.00033},
                                                   {1, 1, -0.00012}}};
  static constexpr std::array<Term, 12> kLongitude{{{1, 0, 5260.52916},
                                                    {1, 1, 105.94684},
                                                    {1, 2, 2.45656},
                                                    {3, 0, -0.81885},
                                                    {1, 3, 0.05594},
                                                    {3, 1, -0.05607},
                                                    {0, 1, 0.01199},
                                                    {3, 2, -0.00256},
                                                    {1, 4, 0.00128},
                                                    {0, 2, 0.00022},
                                                    {2, 0, -0.00022},
                                                    {5, 0, 0.00026}}};
  double lat = 0;
  for (const Term& t : kLatitude) lat += t.k * std::pow(dx, t.p) * std::pow(dy, t.q);
  double lon = 0;
  for (const Term& t : kLongitude) lon += t.k * std::pow(dx, t.p) * std::pow(dy, t.q);
  return {5.38720621 + lon / 3600.0, 52.15517440 + lat / 3600.0};
}

Ring SimplifyRing(const Ring& ring, double tolerance) {
  if (ring.size() <= 4) return ring;
  const std::size_t last = ring.size() - 1;  // == the first point in a closed ring
  std::size_t far = 0;
  double farthest = -1;
  for (std::size_t i = 1; i < last; ++i) {
    const double d = std::hypot(ring[i][0] - ring[0][0], ring[i][1] - ring[0][1]);
    if (d > farthest) {
      farthest = d;
      far = i;
    }
  }
  std::vector<bool> keep(ring.size(), false);
  keep[0] = keep[far] = keep[last] = true;
  Simplify(ring, 0, far, tolerance, keep);
  Simplify(ring, far, last, tolerance, keep);
  Ring out;
  for (std::size_t i = 0; i < ring.size(); ++i) {
    if (keep[i]) out.push_back(ring[i]);
  }
  return out.size() < 4 ? ring : out;
}

std::optional<std::string> NextPageLink(std::string_view document) {
  const json d = json::parse(document, nullptr, false);
  if (!d.is_object()) return std::nullopt;
  auto links = d.find("links");
  if (links == d.end() || !links->is_array()) return std::nullopt;
  for (const json& link : *links) {
    if (!link.is_object() || link.value("rel", "") != "next") continue;
    const std::string type = link.value("type", "application/geo+json");
    if (type.find("json") == std::string::npos) continue;
    if (auto href = link.find("href"); href != link.end() && href->is_string()) {
      return href->get<std::string>();
    }
  }
  return std::nullopt;
}

ParsedBoundaries ParseBoundaries(std::span<const std::string_view> documents,
                                 std::optional<int> year) {
  ParsedBoundaries parsed;
  int number = 0;
  auto issue = [&](int line, std::string field, FieldIssue problem) {
    parsed.issues.push_back({.line = line, .field = std::move(field), .issue = problem});
  };
  auto add = [&](const json& feature, const Shape& shape, Problem problem,
                 std::optional<int> document_year) {
    ++number;
    if (parsed.rows.size() + parsed.issues.size() >= kMaxFeatures) return;
    const auto properties = PropertiesOf(feature);
    if (auto water = properties.find("water"); water != properties.end() && water->second == "JA") {
      ++parsed.skipped;
      return;
    }
    const Identity id = IdentityOf(properties, feature);
    AreaBoundary boundary{.code = id.code, .name = id.name};
    std::optional<int> feature_year = year;
    for (const char* key : {"jaarstatcode", "jrstatcode"}) {
      if (auto it = properties.find(key); !feature_year && it != properties.end()) {
        feature_year = YearIn(it->second);
      }
    }
    if (!feature_year) feature_year = document_year;
    if (!feature_year) {
      issue(number, "year", FieldIssue::kRequired);
      return;
    }
    boundary.year = *feature_year;
    if (problem == Problem::kFormat) {
      issue(number, "geometry", FieldIssue::kInvalidFormat);
      return;
    }
    if (problem == Problem::kRange) {
      issue(number, "geometry", FieldIssue::kOutsideNetherlands);
      return;
    }
    boundary.geometry = GeometryJson(shape);
    if (auto checked = core::social_map::CheckBoundary(boundary); !checked) {
      for (const auto& [field, detail] : checked.error().fields) issue(number, field, detail.issue);
      return;
    }
    parsed.rows.emplace_back(number, std::move(boundary));
  };

  for (const std::string_view text : documents) {
    const json d = json::parse(text, nullptr, false);
    if (d.is_discarded() || !d.is_object()) {
      issue(0, "file", FieldIssue::kInvalidFormat);
      continue;
    }
    const std::string type = d.value("type", "");
    const std::optional<int> document_year = DocumentYear(d);
    if (type == "FeatureCollection") {
      auto features = d.find("features");
      if (features == d.end() || !features->is_array()) {
        issue(0, "features", FieldIssue::kRequired);
        continue;
      }
      const bool rd = IsRdCrs(d);
      for (const json& feature : *features) {
        Shape shape;
        const Problem problem = feature.is_object() && feature.contains("geometry")
                                    ? ReadGeoJsonShape(feature["geometry"], rd, shape)
                                    : Problem::kFormat;
        add(feature.is_object() ? feature : json::object(), shape, problem, document_year);
      }
    } else if (type == "Topology") {
      auto arcs = DecodeArcs(d);
      auto objects = d.find("objects");
      if (!arcs || objects == d.end() || !objects->is_object()) {
        issue(0, "file", FieldIssue::kInvalidFormat);
        continue;
      }
      for (auto object = objects->begin(); object != objects->end(); ++object) {
        auto geometries = object->find("geometries");
        if (geometries == object->end() || !geometries->is_array()) continue;
        for (const json& g : *geometries) {
          Shape shape;
          const Problem problem = g.is_object() ? ReadTopoShape(g, *arcs, shape) : Problem::kFormat;
          add(g.is_object() ? g : json::object(), shape, problem, document_year);
        }
      }
    } else {
      issue(0, "type", FieldIssue::kInvalidFormat);
    }
  }
  if (static_cast<std::size_t>(number) > kMaxFeatures) {
    issue(0, "features", FieldIssue::kTooLong);
  }
  return parsed;
}

}  // namespace aantafel::interchange

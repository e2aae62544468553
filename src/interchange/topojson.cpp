#include "interchange/topojson.hpp"

#include <array>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

namespace aantafel::interchange {

using nlohmann::json;

struct Topology::Data {
  json document;
  std::size_t arc_count = 0;
};

namespace {

std::string Text(const json& object, std::string_view key) {
  if (!object.is_object()) return {};
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

TopoFeature FeatureOf(const json& geometry) {
  const json empty = json::object();
  const json& p = geometry.contains("properties") ? geometry["properties"] : empty;
  TopoFeature f{
      .code = Text(p, "statcode"), .name = Text(p, "statnaam"), .parent_code = Text(p, "gmCode")};
  if (f.code.empty()) f.code = Text(p, "code");
  if (f.code.empty()) f.code = Text(geometry, "id");
  if (f.name.empty()) f.name = Text(p, "name");
  return f;
}

/// Calls `visit` for every arc index of a Polygon or MultiPolygon; false when the shape is not
/// one of those or holds something other than integers.
template <typename Visit>
bool ForEachArc(const json& geometry, Visit&& visit) {
  const std::string type = Text(geometry, "type");
  auto arcs = geometry.find("arcs");
  if (arcs == geometry.end() || !arcs->is_array()) return false;
  auto ring = [&](const json& r) {
    if (!r.is_array()) return false;
    for (const json& index : r) {
      if (!index.is_number_integer()) return false;
      if (!visit(index.get<std::int64_t>())) return false;
    }
    return true;
  };
  auto polygon = [&](const json& p) {
    if (!p.is_array()) return false;
    for (const json& r : p) {
      if (!ring(r)) return false;
    }
    return true;
  };
  if (type == "Polygon") return polygon(*arcs);
  if (type == "MultiPolygon") {
    for (const json& p : *arcs) {
      if (!polygon(p)) return false;
    }
    return true;
  }
  return false;
}

const json* ObjectGeometries(const json& document, std::string_view object) {
  auto objects = document.find("objects");
  if (objects == document.end() || !objects->is_object()) return nullptr;
  auto it = objects->find(object);
  if (it == objects->end() || !it->is_object()) return nullptr;
  auto geometries = it->find("geometries");
  if (geometries == it->end() || !geometries->is_array()) return nullptr;
  return &*geometries;
}

}  // namespace

Topology::Topology(std::unique_ptr<Data> data) : data_(std::move(data)) {}
Topology::Topology(Topology&&) noexcept = default;
Topology& Topology::operator=(Topology&&) noexcept = default;
Topology::~Topology() = default;

std::optional<Topology> Topology::Parse(std::string_view text, std::string& error) {
  auto data = std::make_unique<Data>();
  data->document = json::parse(text, nullptr, false);
  const json& d = data->document;
  if (d.is_discarded() || !d.is_object()) {
    error = "not JSON";
    return std::nullopt;
  }
  if (Text(d, "type") != "Topology") {
    error = "type: not a Topology";
    return std::nullopt;
  }
  auto transform = d.find("transform");
  if (transform == d.end() || !transform->is_object() || !transform->contains("scale") ||
      !transform->contains("translate")) {
    error = "transform: missing (only quantised topologies are read)";
    return std::nullopt;
  }
  auto arcs = d.find("arcs");
  if (arcs == d.end() || !arcs->is_array()) {
    error = "arcs: missing";
    return std::nullopt;
  }
  data->arc_count = arcs->size();
  auto objects = d.find("objects");
  if (objects == d.end() || !objects->is_object()) {
    error = "objects: missing";
    return std::nullopt;
  }
  const auto count = static_cast<std::int64_t>(data->arc_count);
  for (auto it = objects->begin(); it != objects->end(); ++it) {
    const json* geometries = ObjectGeometries(d, it.key());
    if (geometries == nullptr) {
      error = "objects." + it.key() + ": not a GeometryCollection";
      return std::nullopt;
    }
    for (std::size_t i = 0; i < geometries->size(); ++i) {
      const bool ok = ForEachArc((*geometries)[i], [&](std::int64_t index) {
        const std::int64_t arc = index < 0 ? ~index : index;
        return arc < count;
      });
      if (!ok) {
        error = "objects." + it.key() + ".geometries[" + std::to_string(i) +
                "]: not a polygon with valid arcs";
        return std::nullopt;
      }
    }
  }
  return Topology(std::move(data));
}

std::vector<std::string> Topology::ObjectNames() const {
  std::vector<std::string> names;
  for (auto it = data_->document["objects"].begin(); it != data_->document["objects"].end(); ++it) {
    names.push_back(it.key());
  }
  return names;
}

std::vector<TopoFeature> Topology::Features(std::string_view object) const {
  std::vector<TopoFeature> out;
  if (const json* geometries = ObjectGeometries(data_->document, object)) {
    for (const json& g : *geometries) out.push_back(FeatureOf(g));
  }
  return out;
}

struct TopologyBuilder::State {
  /// The quantisation of the first topology added; kept in the result while everything came
  /// from topologies quantised that way (so a cut of the built-in file is exact).
  std::optional<json> transform;
  bool mixed = false;  ///< another quantisation or a GeoJSON shape was added: use the fine grid
  std::vector<std::vector<std::array<double, 2>>> arcs;  ///< absolute positions
  json objects = json::object();
  std::size_t geometries = 0;
  /// (source, arc index in source) → arc index in the result.
  std::map<std::pair<const Topology::Data*, std::int64_t>, std::int64_t> arc_map;
};

namespace {

struct Quantisation {
  double sx = 1;
  double sy = 1;
  double tx = 0;
  double ty = 0;
};

std::optional<Quantisation> QuantisationOf(const json& transform) {
  if (!transform.is_object()) return std::nullopt;
  const json& scale = transform["scale"];
  const json& translate = transform["translate"];
  if (!scale.is_array() || scale.size() != 2 || !translate.is_array() || translate.size() != 2 ||
      !scale[0].is_number() || !scale[1].is_number() || !translate[0].is_number() ||
      !translate[1].is_number()) {
    return std::nullopt;
  }
  Quantisation q{scale[0].get<double>(), scale[1].get<double>(), translate[0].get<double>(),
                 translate[1].get<double>()};
  if (!(q.sx > 0) || !(q.sy > 0)) return std::nullopt;
  return q;
}

/// The grid of a map with imported outlines: 0.00001° (about a metre), as the outlines are
/// rounded (interchange/boundaries.cpp).
constexpr double kFineScale = 0.00001;

}  // namespace

TopologyBuilder::TopologyBuilder() : state_(std::make_unique<State>()) {}
TopologyBuilder::~TopologyBuilder() = default;

void TopologyBuilder::Add(std::string name, const Topology& source, std::string_view object,
                          const std::function<bool(const TopoFeature&)>& keep) {
  const json& document = source.data_->document;
  if (!state_->transform) {
    state_->transform = document["transform"];
  } else if (*state_->transform != document["transform"]) {
    state_->mixed = true;
  }
  const Quantisation q = QuantisationOf(document["transform"]).value_or(Quantisation{});
  json geometries = json::array();
  if (const json* list = ObjectGeometries(document, object)) {
    for (const json& g : *list) {
      const TopoFeature feature = FeatureOf(g);
      if (!keep(feature)) continue;
      auto remap = [&](std::int64_t index) {
        const std::int64_t arc = index < 0 ? ~index : index;
        auto [it, added] = state_->arc_map.try_emplace(
            {source.data_.get(), arc}, static_cast<std::int64_t>(state_->arcs.size()));
        if (added) {
          std::vector<std::array<double, 2>> points;
          std::int64_t x = 0;
          std::int64_t y = 0;
          for (const json& p : document["arcs"][static_cast<std::size_t>(arc)]) {
            if (!p.is_array() || p.size() < 2 || !p[0].is_number_integer() ||
                !p[1].is_number_integer()) {
              continue;
            }
            x += p[0].get<std::int64_t>();
            y += p[1].get<std::int64_t>();
            points.push_back(
                {q.tx + static_cast<double>(x) * q.sx, q.ty + static_cast<double>(y) * q.sy});
          }
          state_->arcs.push_back(std::move(points));
        }
        return index < 0 ? ~it->second : it->second;
      };
      json arcs;
      auto ring = [&](const json& r) {
        json out = json::array();
        for (const json& index : r) out.push_back(remap(index.get<std::int64_t>()));
        return out;
      };
      auto polygon = [&](const json& p) {
        json out = json::array();
        for (const json& r : p) out.push_back(ring(r));
        return out;
      };
      const std::string type = Text(g, "type");
      if (type == "Polygon") {
        arcs = polygon(g["arcs"]);
      } else {
        arcs = json::array();
        for (const json& p : g["arcs"]) arcs.push_back(polygon(p));
      }
      geometries.push_back({{"type", type},
                            {"arcs", std::move(arcs)},
                            {"id", feature.code},
                            {"properties", {{"code", feature.code}, {"name", feature.name}}}});
      ++state_->geometries;
    }
  }
  state_->objects[std::move(name)] = {{"type", "GeometryCollection"},
                                      {"geometries", std::move(geometries)}};
}

void TopologyBuilder::AddShapes(std::string name, const std::vector<GeoShape>& shapes) {
  state_->mixed = true;
  json geometries = json::array();
  for (const GeoShape& shape : shapes) {
    const json geometry = json::parse(shape.geometry, nullptr, false);
    if (!geometry.is_object() || !geometry.contains("coordinates")) continue;
    const std::string type = Text(geometry, "type");
    if (type != "Polygon" && type != "MultiPolygon") continue;
    // Every ring becomes an arc of its own: outlines from files share no arcs.
    auto ring = [&](const json& positions) {
      std::vector<std::array<double, 2>> points;
      for (const json& p : positions) {
        if (p.is_array() && p.size() >= 2 && p[0].is_number() && p[1].is_number()) {
          points.push_back({p[0].get<double>(), p[1].get<double>()});
        }
      }
      state_->arcs.push_back(std::move(points));
      return json::array({static_cast<std::int64_t>(state_->arcs.size() - 1)});
    };
    auto polygon = [&](const json& rings) {
      json out = json::array();
      if (rings.is_array()) {
        for (const json& r : rings) out.push_back(ring(r));
      }
      return out;
    };
    json arcs;
    const json& coordinates = geometry["coordinates"];
    if (type == "Polygon") {
      arcs = polygon(coordinates);
    } else {
      arcs = json::array();
      if (coordinates.is_array()) {
        for (const json& p : coordinates) arcs.push_back(polygon(p));
      }
    }
    geometries.push_back({{"type", type},
                          {"arcs", std::move(arcs)},
                          {"id", shape.code},
                          {"properties", {{"code", shape.code}, {"name", shape.name}}}});
    ++state_->geometries;
  }
  state_->objects[std::move(name)] = {{"type", "GeometryCollection"},
                                      {"geometries", std::move(geometries)}};
}

std::size_t TopologyBuilder::size() const { return state_->geometries; }

std::string TopologyBuilder::Json(std::string_view attribution, int year) const {
  std::optional<Quantisation> q;
  json transform = json::object();
  if (!state_->mixed && state_->transform) {
    q = QuantisationOf(*state_->transform);
    transform = *state_->transform;
  }
  if (!q) {
    double min_x = 0;
    double min_y = 0;
    bool any = false;
    for (const auto& arc : state_->arcs) {
      for (const auto& p : arc) {
        min_x = any ? std::min(min_x, p[0]) : p[0];
        min_y = any ? std::min(min_y, p[1]) : p[1];
        any = true;
      }
    }
    q = Quantisation{kFineScale, kFineScale, std::floor(min_x / kFineScale) * kFineScale,
                     std::floor(min_y / kFineScale) * kFineScale};
    transform = {{"scale", {q->sx, q->sy}}, {"translate", {q->tx, q->ty}}};
  }
  json arcs = json::array();
  for (const auto& arc : state_->arcs) {
    json out = json::array();
    std::int64_t x = 0;
    std::int64_t y = 0;
    for (std::size_t i = 0; i < arc.size(); ++i) {
      const auto qx = std::llround((arc[i][0] - q->tx) / q->sx);
      const auto qy = std::llround((arc[i][1] - q->ty) / q->sy);
      // A point that falls on the previous one adds nothing (but an arc keeps two points).
      if (i > 0 && qx == x && qy == y && !(i + 1 == arc.size() && out.size() < 2)) continue;
      out.push_back({qx - x, qy - y});
      x = qx;
      y = qy;
    }
    arcs.push_back(std::move(out));
  }
  json out = {{"type", "Topology"},         {"transform", std::move(transform)},
              {"objects", state_->objects}, {"arcs", std::move(arcs)},
              {"attribution", attribution}, {"year", year}};
  return out.dump();
}

}  // namespace aantafel::interchange

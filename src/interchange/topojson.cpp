#include "interchange/topojson.hpp"

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
  std::optional<json> transform;
  json arcs = json::array();
  json objects = json::object();
  std::size_t geometries = 0;
  /// (source, arc index in source) → arc index in the result.
  std::map<std::pair<const Topology::Data*, std::int64_t>, std::int64_t> arc_map;
};

TopologyBuilder::TopologyBuilder() : state_(std::make_unique<State>()) {}
TopologyBuilder::~TopologyBuilder() = default;

bool TopologyBuilder::Add(std::string name, const Topology& source, std::string_view object,
                          const std::function<bool(const TopoFeature&)>& keep) {
  const json& document = source.data_->document;
  if (state_->transform && *state_->transform != document["transform"]) return false;
  if (!state_->transform) state_->transform = document["transform"];
  json geometries = json::array();
  if (const json* list = ObjectGeometries(document, object)) {
    for (const json& g : *list) {
      const TopoFeature feature = FeatureOf(g);
      if (!keep(feature)) continue;
      auto remap = [&](std::int64_t index) {
        const std::int64_t arc = index < 0 ? ~index : index;
        auto [it, added] = state_->arc_map.try_emplace(
            {source.data_.get(), arc}, static_cast<std::int64_t>(state_->arcs.size()));
        if (added) state_->arcs.push_back(document["arcs"][static_cast<std::size_t>(arc)]);
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
  return true;
}

std::size_t TopologyBuilder::size() const { return state_->geometries; }

std::string TopologyBuilder::Json(std::string_view attribution, int year) const {
  json out = {
      {"type", "Topology"},         {"transform", state_->transform.value_or(json::object())},
      {"objects", state_->objects}, {"arcs", state_->arcs},
      {"attribution", attribution}, {"year", year}};
  return out.dump();
}

}  // namespace aantafel::interchange

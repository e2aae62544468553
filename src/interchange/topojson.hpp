#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aantafel::interchange {

// TopoJSON (https://github.com/topojson/topojson-specification): boundaries as shared, quantised,
// delta-encoded arcs. aantafel keeps the CBS / Kadaster files as they are published and cuts
// out the geometries a map needs, with only the arcs those use, so a district map of one
// municipality is a few kilobytes instead of the whole country.

/// One geometry of a topology's object: its id properties and where it sits in the source.
struct TopoFeature {
  std::string code;         ///< "statcode" (or "code") property, else the geometry's "id"
  std::string name;         ///< "statnaam" (or "name") property
  std::string parent_code;  ///< "gmCode": the municipality a district belongs to; may be empty
};

/// A parsed TopoJSON Topology.
class Topology {
 public:
  /// Parses a Topology; nullopt (with `error` set) when it is not one: not JSON, no "arcs",
  /// "objects" or quantising "transform", an arc index out of range, or a geometry that is not
  /// a Polygon or MultiPolygon.
  static std::optional<Topology> Parse(std::string_view text, std::string& error);

  Topology(Topology&&) noexcept;
  Topology& operator=(Topology&&) noexcept;
  ~Topology();

  /// The names of the topology's objects.
  [[nodiscard]] std::vector<std::string> ObjectNames() const;
  /// The features of one object, in file order (empty when there is no such object).
  [[nodiscard]] std::vector<TopoFeature> Features(std::string_view object) const;

 private:
  friend class TopologyBuilder;
  struct Data;
  explicit Topology(std::unique_ptr<Data> data);
  std::unique_ptr<Data> data_;
};

/// An outline from an imported file: a GeoJSON Polygon or MultiPolygon (WGS84).
struct GeoShape {
  std::string code;
  std::string name;
  std::string geometry;
};

/// Builds a new Topology from objects of one or more topologies and from GeoJSON outlines. A
/// result made only of topologies quantised alike keeps their quantisation exactly; otherwise it
/// is quantised on a grid of 0.00001° (about a metre).
class TopologyBuilder {
 public:
  TopologyBuilder();
  ~TopologyBuilder();
  TopologyBuilder(const TopologyBuilder&) = delete;
  TopologyBuilder& operator=(const TopologyBuilder&) = delete;

  /// Adds object `name` with the geometries of `source`'s `object` that `keep` accepts, each
  /// with properties {code, name}.
  void Add(std::string name, const Topology& source, std::string_view object,
           const std::function<bool(const TopoFeature&)>& keep);
  /// Adds object `name` with the outlines (a shape that is not a polygon is left out).
  void AddShapes(std::string name, const std::vector<GeoShape>& shapes);
  /// How many geometries were added in all.
  [[nodiscard]] std::size_t size() const;
  /// The Topology as JSON, with extra top-level members "attribution" and "year".
  [[nodiscard]] std::string Json(std::string_view attribution, int year) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace aantafel::interchange

// Boundary files as PDOK and CBS publish them (tests/fixtures/pdok/, README there) and the
// built-in CBS / Kadaster TopoJSON.
#include "interchange/boundaries.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "core/knowledge.hpp"

namespace aantafel::interchange {
namespace {

using core::FieldIssue;
using nlohmann::json;

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(AANTAFEL_SOURCE_DIR) + "/tests/fixtures/pdok/" + name,
                   std::ios::binary);
  EXPECT_TRUE(in) << name;
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

core::social_map::ParsedBoundaries Parse(const std::vector<std::string>& texts,
                                         std::optional<int> year = std::nullopt) {
  const std::vector<std::string_view> views(texts.begin(), texts.end());
  return ParseBoundaries(views, year);
}

/// Every [lon, lat] of a GeoJSON Polygon or MultiPolygon.
std::vector<std::pair<double, double>> Points(const std::string& geometry) {
  const json g = json::parse(geometry);
  std::vector<std::pair<double, double>> out;
  const json polygons = g["type"] == "Polygon" ? json::array({g["coordinates"]}) : g["coordinates"];
  for (const auto& polygon : polygons) {
    for (const auto& ring : polygon) {
      for (const auto& p : ring) out.emplace_back(p[0].get<double>(), p[1].get<double>());
    }
  }
  return out;
}

TEST(Boundaries, ReadsEveryPageOfThePdokNeighbourhoodsWithTheYearFromTheLinks) {
  const auto parsed =
      Parse({Fixture("buurten-items-page1.json"), Fixture("buurten-items-page2.json")});
  EXPECT_TRUE(parsed.issues.empty());
  EXPECT_EQ(parsed.skipped, 1) << "the neighbourhood of water only";
  ASSERT_EQ(parsed.rows.size(), 32U);
  std::set<std::string> codes;
  for (const auto& [line, b] : parsed.rows) {
    codes.insert(b.code);
    EXPECT_EQ(b.year, 2025) << "from the self link's wijken-en-buurten-2025";
    EXPECT_TRUE(b.code.starts_with("BU0193")) << b.code;
    EXPECT_FALSE(b.name.empty());
    for (const auto& [lon, lat] : Points(b.geometry)) {
      EXPECT_GT(lon, 5.9);
      EXPECT_LT(lon, 6.3);
      EXPECT_GT(lat, 52.4);
      EXPECT_LT(lat, 52.7);
      EXPECT_NEAR(lon * 1e5, std::round(lon * 1e5), 1e-6) << "rounded to 5 decimals";
    }
  }
  EXPECT_EQ(codes.size(), 32U);
  EXPECT_EQ(parsed.rows.front().second.code, "BU01931001");
  EXPECT_EQ(parsed.rows.front().first, 1) << "the feature's number";
  // Feature numbers run on over the pages.
  EXPECT_EQ(parsed.rows.back().first, 32);
}

TEST(Boundaries, ADistrictOrMunicipalityIsTheMostSpecificCodeItsPropertiesName) {
  const auto wijken = Parse({Fixture("wijken-items.json")});
  ASSERT_EQ(wijken.rows.size(), 16U);
  EXPECT_TRUE(wijken.rows[0].second.code.starts_with("WK0193"));
  const auto gemeenten = Parse({Fixture("gemeenten-items.json")});
  ASSERT_EQ(gemeenten.rows.size(), 1U);
  EXPECT_EQ(gemeenten.rows[0].second.code, "GM0193");
  EXPECT_EQ(gemeenten.rows[0].second.name, "Zwolle");
}

TEST(Boundaries, RdNewCoordinatesLandWhereTheWgs84OnesAre) {
  // Amersfoort, the origin of the RD grid.
  const LonLat origin = RdToWgs84(155'000, 463'000);
  EXPECT_NEAR(origin[0], 5.38720621, 1e-8);
  EXPECT_NEAR(origin[1], 52.15517440, 1e-8);
  // The RD file was written from the WGS84 pages with the published inverse approximation; both
  // approximations agree to within about a metre.
  const auto rd = Parse({Fixture("buurten_2025_rd.geojson")}, 2025);
  const auto wgs = Parse({Fixture("buurten-items-page1.json")});
  ASSERT_TRUE(rd.issues.empty());
  ASSERT_EQ(rd.rows.size(), 6U);
  for (std::size_t i = 0; i < rd.rows.size(); ++i) {
    ASSERT_EQ(rd.rows[i].second.code, wgs.rows[i].second.code);
    const auto a = Points(rd.rows[i].second.geometry);
    const auto b = Points(wgs.rows[i].second.geometry);
    ASSERT_FALSE(a.empty());
    // Simplification may keep different points of the two; compare the bounding boxes.
    auto box = [](const std::vector<std::pair<double, double>>& points) {
      std::array<double, 4> out{1e9, 1e9, -1e9, -1e9};
      for (const auto& [x, y] : points) {
        out = {std::min(out[0], x), std::min(out[1], y), std::max(out[2], x), std::max(out[3], y)};
      }
      return out;
    };
    const auto ba = box(a);
    const auto bb = box(b);
    for (std::size_t k = 0; k < 4; ++k) EXPECT_NEAR(ba[k], bb[k], 0.00005) << i << " " << k;
  }
}

TEST(Boundaries, ReadsTheBuiltInTopologyOfAllDistricts) {
  const auto parsed = Parse({std::string(knowledge::Text("geo/wijk_2025"))}, 2025);
  EXPECT_TRUE(parsed.issues.empty());
  EXPECT_EQ(parsed.rows.size(), 3423U);
  EXPECT_EQ(parsed.rows[0].second.code, "WK001400");
  EXPECT_EQ(parsed.rows[0].second.name, "Centrum");
}

TEST(Boundaries, NamesTheFeatureAndFieldOfWhatCannotBeRead) {
  const std::string collection = R"({"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"buurtcode":"BU01930101","buurtnaam":"Punt"},
     "geometry":{"type":"Point","coordinates":[6.1,52.5]}},
    {"type":"Feature","properties":{"buurtcode":"BU01930102","buurtnaam":"Parijs"},
     "geometry":{"type":"Polygon","coordinates":[[[2.35,48.85],[2.36,48.85],[2.36,48.86],[2.35,48.85]]]}},
    {"type":"Feature","properties":{"buurtcode":"XX1","buurtnaam":"Vreemd"},
     "geometry":{"type":"Polygon","coordinates":[[[6.1,52.5],[6.11,52.5],[6.11,52.51],[6.1,52.5]]]}},
    {"type":"Feature","properties":{"buurtcode":"BU01930104","buurtnaam":"Open"},
     "geometry":{"type":"Polygon","coordinates":[[[6.1,52.5],[6.11,52.5]]]}}]})";
  const auto parsed = Parse({collection}, 2025);
  EXPECT_TRUE(parsed.rows.empty());
  ASSERT_EQ(parsed.issues.size(), 4U);
  EXPECT_EQ(parsed.issues[0],
            (core::whoiswho::ImportIssue{1, "geometry", FieldIssue::kInvalidFormat}));
  EXPECT_EQ(parsed.issues[1],
            (core::whoiswho::ImportIssue{2, "geometry", FieldIssue::kOutsideNetherlands}));
  EXPECT_EQ(parsed.issues[2], (core::whoiswho::ImportIssue{3, "code", FieldIssue::kInvalidFormat}));
  EXPECT_EQ(parsed.issues[3],
            (core::whoiswho::ImportIssue{4, "geometry", FieldIssue::kInvalidFormat}));

  // Without --year and without a year in the file, the year is asked for.
  const auto no_year = Parse({R"({"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"wijkcode":"WK019301","wijknaam":"Centrum"},
     "geometry":{"type":"Polygon","coordinates":[[[6.1,52.5],[6.11,52.5],[6.11,52.51],[6.1,52.5]]]}}]})"});
  ASSERT_EQ(no_year.issues.size(), 1U);
  EXPECT_EQ(no_year.issues[0], (core::whoiswho::ImportIssue{1, "year", FieldIssue::kRequired}));

  for (const char* bad : {"", "{", "[]", R"({"type":"Feature"})", R"({"type":"FeatureCollection"})",
                          R"({"type":"Topology","objects":{}})"}) {
    const auto p = Parse({bad}, 2025);
    EXPECT_TRUE(p.rows.empty()) << bad;
    ASSERT_EQ(p.issues.size(), 1U) << bad;
    EXPECT_EQ(p.issues[0].line, 0) << bad;
  }
}

TEST(Boundaries, SimplifyingKeepsTheShapeAndDropsWhatCannotBeSeen) {
  // A square whose sides carry 100 points each, a few millimetres off the line.
  Ring ring;
  const std::array<LonLat, 4> corners{{{6.0, 52.0}, {6.01, 52.0}, {6.01, 52.01}, {6.0, 52.01}}};
  for (std::size_t side = 0; side < 4; ++side) {
    const LonLat a = corners[side];
    const LonLat b = corners[(side + 1) % 4];
    for (int i = 0; i < 100; ++i) {
      const double t = i / 100.0;
      const double wobble = (i % 2 == 0 ? 1 : -1) * 1e-7;
      ring.push_back({a[0] + t * (b[0] - a[0]) + wobble, a[1] + t * (b[1] - a[1]) + wobble});
    }
  }
  ring.push_back(ring.front());
  const Ring simple = SimplifyRing(ring, 0.00004);
  EXPECT_EQ(simple.size(), 5U) << "four corners and the closing point";
  EXPECT_EQ(simple.front(), simple.back());
  // A triangle is already as simple as it gets.
  const Ring triangle{{6.0, 52.0}, {6.1, 52.0}, {6.0, 52.1}, {6.0, 52.0}};
  EXPECT_EQ(SimplifyRing(triangle, 0.00004), triangle);
}

TEST(Boundaries, FindsTheNextPageOfAnOgcApiAnswer) {
  EXPECT_EQ(NextPageLink(Fixture("buurten-items-page1.json")),
            "https://api.pdok.nl/cbs/wijken-en-buurten-2025/ogc/v1/collections/buurten/"
            "items?cursor=Dv4%7CNrc&f=json&limit=1000");
  EXPECT_EQ(NextPageLink(Fixture("buurten-items-page2.json")), std::nullopt);
  EXPECT_EQ(NextPageLink("not json"), std::nullopt);
}

}  // namespace
}  // namespace aantafel::interchange

// The built-in municipal register against the CBS / Kadaster boundary files it was made from
// (knowledge/geo/, the same files the maps are cut from), and against CBS's published counts.
#include "core/whoiswho/register.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/knowledge.hpp"
#include "interchange/imports.hpp"
#include "interchange/topojson.hpp"

namespace aantafel::interchange {
namespace {

using core::whoiswho::BuiltInRegister;
using core::whoiswho::ParseRegister;

Topology Load(std::string_view name) {
  std::string error;
  auto topology = Topology::Parse(knowledge::Text(name), error);
  EXPECT_TRUE(topology) << name << ": " << error;
  return std::move(*topology);
}

TEST(RegisterFile, HasEveryMunicipalityOfTheBoundaryFileWithItsCodeAndName) {
  const auto& reg = BuiltInRegister();
  EXPECT_EQ(reg.year, 2025);
  EXPECT_EQ(reg.reference_date, "2025-01-01");
  EXPECT_FALSE(reg.attribution.empty());
  const auto features = Load("geo/gemeente_2025").Features("gemeente_2025");
  ASSERT_EQ(features.size(), 342U);
  ASSERT_EQ(reg.municipalities.size(), features.size());
  std::map<std::string, std::string> names;
  for (const auto& f : features) names[f.code] = f.name;
  for (const auto& m : reg.municipalities) {
    ASSERT_TRUE(names.contains(m.code)) << m.code;
    EXPECT_EQ(m.name, names[m.code]) << m.code;
  }
}

TEST(RegisterFile, HasEveryDistrictOfTheBoundaryFileInItsMunicipality) {
  const auto& reg = BuiltInRegister();
  const auto features = Load("geo/wijk_2025").Features("wijk_2025");
  ASSERT_EQ(features.size(), 3423U);
  ASSERT_EQ(reg.districts.size(), features.size());
  std::set<std::string> municipalities;
  for (const auto& m : reg.municipalities) municipalities.insert(m.code);
  for (std::size_t i = 0; i < features.size(); ++i) {
    EXPECT_EQ(reg.districts[i].code, features[i].code);
    EXPECT_EQ(reg.districts[i].name, features[i].name);
    EXPECT_EQ(reg.districts[i].municipality_code, features[i].parent_code);
    EXPECT_TRUE(municipalities.contains(reg.districts[i].municipality_code));
  }
}

// CBS, "Gemeentelijke indeling op 1 januari 2025": municipalities per province. The register
// finds provinces by geometry (knowledge/tools/make_register.py); these counts are an
// independent check of that.
TEST(RegisterFile, PutsEachMunicipalityInItsProvince) {
  const auto& reg = BuiltInRegister();
  ASSERT_EQ(reg.provinces.size(), 12U);
  std::map<std::string, int> counts;
  for (const auto& m : reg.municipalities) counts[m.province.value_or("")]++;
  const std::map<std::string, int> published{
      {"Groningen", 10},    {"Fryslân", 18},    {"Drenthe", 12},       {"Overijssel", 25},
      {"Flevoland", 6},     {"Gelderland", 51}, {"Utrecht", 26},       {"Noord-Holland", 44},
      {"Zuid-Holland", 50}, {"Zeeland", 13},    {"Noord-Brabant", 56}, {"Limburg", 31}};
  EXPECT_EQ(counts, published);
  std::map<std::string, std::string> province;
  for (const auto& m : reg.municipalities) province[m.code] = m.province.value_or("");
  EXPECT_EQ(province["GM0193"], "Overijssel");    // Zwolle
  EXPECT_EQ(province["GM0935"], "Limburg");       // Maastricht
  EXPECT_EQ(province["GM1900"], "Fryslân");       // Súdwest-Fryslân
  EXPECT_EQ(province["GM1992"], "Zuid-Holland");  // Voorne aan Zee
  EXPECT_EQ(province["GM0307"], "Utrecht");       // Amersfoort
}

TEST(RegisterFile, RefusesABrokenRegisterNamingThePlace) {
  auto bad = ParseRegister(R"({"year":2025,"reference_date":"2025-01-01","source":"s",
    "licence":"l","attribution":"a","provinces":[{"code":"PV20","name":"Groningen"}],
    "municipalities":[{"code":"GM0014","name":"Groningen","province":"PV20",
      "districts":[["WK001400","Centrum"],["WK099900","Elders"]]},
      {"code":"GM0014","name":"Dubbel","province":"PV99"}],
    "reorganisations":[{"effective_on":"2026-01-01","from":["GM0001"],"to":["GM0014"]}]})");
  ASSERT_FALSE(bad);
  const auto& fields = bad.error().fields;
  EXPECT_TRUE(fields.contains("register.municipalities[0].districts[1]"));
  EXPECT_TRUE(fields.contains("register.municipalities[1].code"));
  EXPECT_TRUE(fields.contains("register.municipalities[1].province"));
  // GM0001 ends and the register does not know its name.
  EXPECT_TRUE(fields.contains("register.reorganisations[0].names.GM0001"));
}

TEST(RegisterFile, ReadsAReorganisationWithTheNamesOfWhatEnds) {
  auto reg = ParseRegister(R"({"year":2027,"reference_date":"2027-01-01","source":"s",
    "licence":"l","attribution":"a","provinces":[{"code":"PV20","name":"Groningen"}],
    "municipalities":[{"code":"GM0014","name":"Groningen","province":"PV20"}],
    "reorganisations":[{"effective_on":"2027-01-01","from":["GM0001","GM0014"],"to":["GM0014"],
      "names":{"GM0001":"Oudgemeente"}}]})");
  ASSERT_TRUE(reg) << reg.error().fields.begin()->first;
  ASSERT_EQ(reg->reorganisations.size(), 1U);
  EXPECT_EQ(core::whoiswho::EndingMunicipalities(reg->reorganisations[0]),
            std::vector<std::string>{"GM0001"});
  EXPECT_FALSE(reg->version.empty());
}

TEST(TopologyBuilder, CutsOneMunicipalityWithItsDistrictsAndOnlyTheArcsTheyUse) {
  const Topology gemeenten = Load("geo/gemeente_2025");
  const Topology wijken = Load("geo/wijk_2025");
  TopologyBuilder builder;
  builder.Add("municipality", gemeenten, "gemeente_2025",
              [](const TopoFeature& f) { return f.code == "GM0193"; });
  builder.Add("districts", wijken, "wijk_2025",
              [](const TopoFeature& f) { return f.parent_code == "GM0193"; });
  const auto zwolle = nlohmann::json::parse(builder.Json("CBS / Kadaster", 2025));
  EXPECT_EQ(zwolle["type"], "Topology");
  EXPECT_EQ(zwolle["attribution"], "CBS / Kadaster");
  ASSERT_EQ(zwolle["objects"]["municipality"]["geometries"].size(), 1U);
  EXPECT_EQ(zwolle["objects"]["municipality"]["geometries"][0]["properties"]["name"], "Zwolle");
  std::size_t expected = 0;
  for (const auto& d : BuiltInRegister().districts) expected += d.municipality_code == "GM0193";
  EXPECT_GT(expected, 5U);
  EXPECT_EQ(zwolle["objects"]["districts"]["geometries"].size(), expected);
  // Every arc index points into the new, much shorter arc list, and every arc is used.
  const auto arcs = static_cast<std::int64_t>(zwolle["arcs"].size());
  EXPECT_LT(arcs, 400);
  std::set<std::int64_t> used;
  for (const auto& object : {"municipality", "districts"}) {
    for (const auto& g : zwolle["objects"][object]["geometries"]) {
      const auto& polygons =
          g["type"] == "Polygon" ? nlohmann::json::array({g["arcs"]}) : g["arcs"];
      for (const auto& polygon : polygons) {
        for (const auto& ring : polygon) {
          for (const auto& index : ring) {
            const std::int64_t i = index.get<std::int64_t>();
            const std::int64_t arc = i < 0 ? ~i : i;
            ASSERT_LT(arc, arcs);
            used.insert(arc);
          }
        }
      }
    }
  }
  EXPECT_EQ(static_cast<std::int64_t>(used.size()), arcs);
}

TEST(TopologyBuilder, KeepsOneQuantisationExactlyAndJoinsOthersOnAFineGrid) {
  std::string error;
  auto a = Topology::Parse(
      R"({"type":"Topology","transform":{"scale":[0.5,0.25],"translate":[5,52]},"arcs":[[[0,0],[2,0],[0,4],[-2,-4]]],
          "objects":{"x":{"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[[0]],"id":"GM0001"}]}}})",
      error);
  auto b = Topology::Parse(
      R"({"type":"Topology","transform":{"scale":[2,2],"translate":[0,0]},"arcs":[],
          "objects":{"y":{"type":"GeometryCollection","geometries":[]}}})",
      error);
  ASSERT_TRUE(a && b) << error;
  auto all = [](const TopoFeature&) { return true; };
  {
    TopologyBuilder builder;
    builder.Add("x", *a, "x", all);
    const auto one = nlohmann::json::parse(builder.Json("a", 2025));
    EXPECT_EQ(one["transform"]["scale"], nlohmann::json({0.5, 0.25}));
    EXPECT_EQ(one["arcs"], nlohmann::json::parse("[[[0,0],[2,0],[0,4],[-2,-4]]]"));
  }
  TopologyBuilder builder;
  builder.Add("x", *a, "x", all);
  builder.Add("y", *b, "y", all);
  builder.AddShapes("z", {{.code = "BU00010001",
                           .name = "Dorp",
                           .geometry = R"({"type":"Polygon","coordinates":[[[5.2,52.1],)"
                                       R"([5.3,52.1],[5.3,52.2],[5.2,52.1]]]})"},
                          {.code = "BU00010002", .name = "Geen vlak", .geometry = "{}"}});
  EXPECT_EQ(builder.size(), 2U);
  const auto joined = nlohmann::json::parse(builder.Json("a", 2025));
  EXPECT_EQ(joined["transform"]["scale"], nlohmann::json({0.00001, 0.00001}));
  // Decoded, both outlines are where they were: (5,52)-(6,53) and the shape's triangle.
  auto decode = [&](std::size_t arc) {
    std::vector<std::pair<double, double>> points;
    double x = 0;
    double y = 0;
    for (const auto& p : joined["arcs"][arc]) {
      x += p[0].get<double>();
      y += p[1].get<double>();
      points.emplace_back(joined["transform"]["translate"][0].get<double>() + x * 0.00001,
                          joined["transform"]["translate"][1].get<double>() + y * 0.00001);
    }
    return points;
  };
  const auto square = decode(0);
  ASSERT_EQ(square.size(), 4U);
  EXPECT_NEAR(square[1].first, 6.0, 1e-9);
  EXPECT_NEAR(square[2].second, 53.0, 1e-9);
  const auto& z = joined["objects"]["z"]["geometries"];
  ASSERT_EQ(z.size(), 1U);
  EXPECT_EQ(z[0]["properties"]["name"], "Dorp");
  const auto triangle = decode(z[0]["arcs"][0][0].get<std::size_t>());
  ASSERT_EQ(triangle.size(), 4U);
  EXPECT_NEAR(triangle[1].first, 5.3, 1e-9);
  EXPECT_NEAR(triangle[2].second, 52.2, 1e-9);
}

TEST(Topology, RefusesWhatIsNotAQuantisedTopologyOfPolygons) {
  std::string error;
  EXPECT_FALSE(Topology::Parse("{", error));
  EXPECT_FALSE(Topology::Parse(R"({"type":"FeatureCollection"})", error));
  EXPECT_FALSE(Topology::Parse(R"({"type":"Topology","arcs":[],"objects":{}})", error));
  EXPECT_NE(error.find("transform"), std::string::npos);
  // Arc 5 does not exist.
  EXPECT_FALSE(Topology::Parse(
      R"({"type":"Topology","transform":{"scale":[1,1],"translate":[0,0]},"arcs":[],
          "objects":{"x":{"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[[5]]}]}}})",
      error));
  EXPECT_NE(error.find("geometries[0]"), std::string::npos);
  EXPECT_FALSE(Topology::Parse(
      R"({"type":"Topology","transform":{"scale":[1,1],"translate":[0,0]},"arcs":[],
          "objects":{"x":{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[0,0]}]}}})",
      error));
}

}  // namespace
}  // namespace aantafel::interchange

namespace aantafel::interchange {
namespace {

std::string Fixture(const std::string& path) {
  std::ifstream in(std::string(AANTAFEL_SOURCE_DIR) + "/tests/fixtures/" + path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  EXPECT_FALSE(bytes.str().empty()) << path;
  return bytes.str();
}

const core::whoiswho::ImportMunicipality* Find(const core::whoiswho::ParsedPeople& parsed,
                                               const std::string& code) {
  for (const auto& m : parsed.municipalities) {
    if (m.municipality == code) return &m;
  }
  return nullptr;
}

// The real CBS StatLine OData v3 layout (83287NED): two answers, codes and names padded.
TEST(CbsFiles, ReadsTypedDataSetAndDataPropertiesAsCbsPublishesThem) {
  const std::string data = Fixture("cbs/83287NED/TypedDataSet.json");
  const std::string properties = Fixture("cbs/83287NED/DataProperties.json");
  for (const auto& order : {std::vector<std::string_view>{data, properties},
                            std::vector<std::string_view>{properties, data}}) {
    auto parsed = ParseCbsJson(order);
    ASSERT_TRUE(parsed.issues.empty()) << parsed.issues[0].field;
    ASSERT_EQ(parsed.rows.size(), 1U);
    const auto& m = parsed.rows[0].second;
    EXPECT_EQ(m.code, "GM1680");
    EXPECT_EQ(m.name, "Aa en Hunze");
    EXPECT_EQ(m.province, "Drenthe");
    EXPECT_TRUE(m.youth_region);
    EXPECT_TRUE(m.care_office_region);
    EXPECT_TRUE(m.population);
  }
  // One part alone, twice the same part, or a page of a longer answer: refused, named.
  const std::string_view alone[] = {data};
  EXPECT_EQ(ParseCbsJson(alone).issues.at(0).field, "DataProperties");
  const std::string_view twice[] = {data, data};
  EXPECT_EQ(ParseCbsJson(twice).issues.at(0).field, "TypedDataSet");
  auto paged = nlohmann::json::parse(data);
  paged["odata.nextLink"] =
      "https://opendata.cbs.nl/ODataApi/OData/83287NED/TypedDataSet?$skip=10000";
  const std::string paged_text = paged.dump();
  const std::string_view page[] = {paged_text, properties};
  EXPECT_EQ(ParseCbsJson(page).issues.at(0).issue, core::FieldIssue::kIncomplete);
}

// The OData v4 layout (entity sets named in "@odata.context"): one row per region and measure.
TEST(CbsFiles, ReadsTheODataV4Answers) {
  std::vector<std::string> texts;
  for (const char* set :
       {"Observations", "MeasureCodes", "MeasureGroups", "Dimensions", "RegioSCodes"}) {
    texts.push_back(Fixture(std::string("cbs/odata4/85755NED/") + set + ".json"));
  }
  const std::vector<std::string_view> documents(texts.begin(), texts.end());
  auto parsed = ParseCbsJson(documents);
  ASSERT_TRUE(parsed.issues.empty()) << parsed.issues[0].field;
  ASSERT_EQ(parsed.rows.size(), 4U);
  EXPECT_EQ(parsed.rows[0].second.code, "GM0193");
  EXPECT_EQ(parsed.rows[0].second.name, "Zwolle");
  EXPECT_EQ(parsed.rows[0].second.province, "Overijssel");
  EXPECT_EQ(parsed.rows[0].second.population, 132000);
  EXPECT_EQ(parsed.rows[2].second.name, "Súdwest-Fryslân");
  // The same answers as one object (the API's body) read the same.
  nlohmann::json bundle;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    bundle[i == 0 ? "Observations" : "part" + std::to_string(i)] = nlohmann::json::parse(texts[i]);
  }
  EXPECT_EQ(ParseCbsJson(std::string_view(bundle.dump())).rows.size(), 4U);
  // Without MeasureCodes the measures cannot be named; a page of a longer answer is refused.
  const std::string_view observations_only[] = {texts[0]};
  EXPECT_EQ(ParseCbsJson(observations_only).issues.at(0).field, "MeasureCodes");
  auto paged = nlohmann::json::parse(texts[0]);
  paged["@odata.nextLink"] = "https://odata4.cbs.nl/CBS/85755NED/Observations?$skip=10000";
  const std::string paged_text = paged.dump();
  const std::string_view page[] = {paged_text, texts[1]};
  EXPECT_EQ(ParseCbsJson(page).issues.at(0).issue, core::FieldIssue::kIncomplete);
  // v3 and v4 answers mixed: refused.
  const std::string v3 = Fixture("cbs/83287NED/DataProperties.json");
  const std::string_view mixed[] = {texts[0], texts[1], v3};
  EXPECT_FALSE(ParseCbsJson(mixed).issues.empty());
}

// "Kerncijfers wijken en buurten" 2024 (85984NED): the real row of a neighbourhood.
TEST(CbsFiles, ReadsKeyFiguresOfAreasByTheStemsOfTheirKeys) {
  const std::string data = Fixture("cbs/85984NED/TypedDataSet.json");
  const std::string_view documents[] = {data};
  auto parsed = ParseAreaFigures(documents, std::nullopt);
  ASSERT_TRUE(parsed.issues.empty()) << parsed.issues[0].field;
  ASSERT_EQ(parsed.rows.size(), 1U);
  const auto& f = parsed.rows[0].second;
  EXPECT_EQ(f.code, "BU16800000");
  EXPECT_EQ(f.year, 2024) << "from the table id in odata.metadata";
  EXPECT_EQ(f.inhabitants, 3455);
  EXPECT_EQ(f.aged_65_plus, 975);
  EXPECT_EQ(f.households, 1525);
  EXPECT_EQ(ParseAreaFigures(documents, 2023).rows.at(0).second.year, 2023);
  // Another table id needs the year; a key renumbered next year still matches; padded codes.
  auto next = nlohmann::json::parse(data);
  next["odata.metadata"] = "https://opendata.cbs.nl/ODataApi/OData/99999NED/$metadata#x";
  auto& row = next["value"][0];
  row["AantalInwoners_6"] = row["AantalInwoners_5"];
  row.erase("AantalInwoners_5");
  row["WijkenEnBuurten"] = "WK168000  ";
  const std::string next_text = next.dump();
  const std::string_view next_documents[] = {next_text};
  EXPECT_EQ(ParseAreaFigures(next_documents, std::nullopt).issues.at(0).field, "year");
  auto renumbered = ParseAreaFigures(next_documents, 2025);
  ASSERT_TRUE(renumbered.issues.empty());
  EXPECT_EQ(renumbered.rows.at(0).second.code, "WK168000");
  EXPECT_EQ(renumbered.rows.at(0).second.inhabitants, 3455);
}

TEST(AlmanakFiles, ReadsExport24WithFactsSeatsAndPeople) {
  auto parsed = ParseAlmanakXml(Fixture("almanak-real/exportOO_gemeenten_2.4.10.xml"));
  ASSERT_TRUE(parsed.issues.empty()) << parsed.issues[0].field;
  const auto* zwolle = Find(parsed, "GM0193");
  ASSERT_NE(zwolle, nullptr);
  EXPECT_EQ(zwolle->facts.inhabitants, 130000);
  EXPECT_EQ(zwolle->facts.total_seats, 5);
  EXPECT_EQ(zwolle->facts.website, "https://www.voorbeeld-zwolle.invalid");
  EXPECT_EQ(zwolle->facts.province, "Overijssel");
  EXPECT_EQ(zwolle->seats.size(), 2U);
  const auto* sudwest = Find(parsed, "GM1900");
  ASSERT_NE(sudwest, nullptr);
  EXPECT_EQ(sudwest->facts.province, "Fryslân");
  int ended = 0;
  for (const auto& row : parsed.rows) ended += row.ended_on == "2024-12-31";
  EXPECT_EQ(ended, 1);
  EXPECT_EQ(parsed.rows.size(), 5U);
}

TEST(AlmanakFiles, ReadsExport26WhereMunicipalitiesAreOrganisations) {
  auto parsed = ParseAlmanakXml(Fixture("almanak-real/exportOO_gemeenten_2.6.9.xml"));
  ASSERT_TRUE(parsed.issues.empty()) << parsed.issues[0].field;
  const auto* zwolle = Find(parsed, "GM0193");
  ASSERT_NE(zwolle, nullptr);
  EXPECT_EQ(zwolle->facts.inhabitants, 130000);
  EXPECT_EQ(zwolle->facts.total_seats, 5);
  EXPECT_EQ(zwolle->facts.website, "https://www.voorbeeld-zwolle.invalid");
  EXPECT_EQ(zwolle->seats, (std::vector<core::whoiswho::SeatCount>{
                               {.party = "Lokale Lijst Voorbeeld (fictief)", .seats = 3},
                               {.party = "Voorbeeldpartij (fictief)", .seats = 2}}));
  ASSERT_NE(Find(parsed, "GM1992"), nullptr);
  bool alderman = false;
  for (const auto& row : parsed.rows) {
    if (row.name == "mw. B. Verzonnen") {
      alderman = row.kind == "alderman" && row.party == "Lokale Lijst Voorbeeld (fictief)";
    }
  }
  EXPECT_TRUE(alderman);
}

}  // namespace
}  // namespace aantafel::interchange

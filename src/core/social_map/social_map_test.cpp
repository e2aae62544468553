// Sociale kaart: area codes, coverage and a consortium's joint offer.
#include <gtest/gtest.h>

#include "core/social_map/coverage.hpp"

namespace aantafel::core::social_map {
namespace {

std::vector<Area> SixNeighbourhoods() {
  return {{"BU09990101", "Centrum-Noord", "GM0999"}, {"BU09990102", "Centrum-Zuid", "GM0999"},
          {"BU09990103", "Haven", "GM0999"},         {"BU09990201", "Dorp", "GM0999"},
          {"BU09990202", "Polder", "GM0999"},        {"BU09990203", "Bos", "GM0999"}};
}

Service Offer(std::int64_t id, std::int64_t org, Domain d, std::vector<std::string> areas) {
  Service s;
  s.id = id;
  s.organisation_id = org;
  s.domain = d;
  s.areas = std::move(areas);
  s.published = true;
  return s;
}

/// Three providers: 1 works in district 01 and the whole municipality, 2 in single
/// neighbourhoods, 3 in district 02.
std::vector<Service> ThreeProviders() {
  return {Offer(10, 1, Domain::kWmoSupport, {"WK099901"}),
          Offer(11, 1, Domain::kHouseholdHelp, {"GM0999"}),
          Offer(20, 2, Domain::kWmoSupport, {"BU09990201"}),
          Offer(21, 2, Domain::kYouthCare, {"BU09990101", "BU09990202"}),
          Offer(30, 3, Domain::kHouseholdHelp, {"WK099902"})};
}

TEST(SocialMapAreas, CodesNestMunicipalityDistrictNeighbourhood) {
  EXPECT_TRUE(IsAreaCode("GM0344"));
  EXPECT_TRUE(IsAreaCode("WK034401"));
  EXPECT_TRUE(IsAreaCode("BU03440101"));
  // Amsterdam's districts and neighbourhoods have letters after the municipality's number.
  EXPECT_TRUE(IsAreaCode("WK0363AA"));
  EXPECT_TRUE(IsAreaCode("BU0363AA01"));
  EXPECT_TRUE(Covers("WK0363AA", "BU0363AA01"));
  EXPECT_FALSE(Covers("WK0363AB", "BU0363AA01"));
  for (const char* bad : {"GM344", "WK0344011", "BU0344010", "XX034401", "GM03A4", "WK0363aa",
                          "WK0363A", "BU0363-A01", ""}) {
    EXPECT_FALSE(IsAreaCode(bad)) << bad;
  }
  EXPECT_EQ(MunicipalityOf("BU03440101"), "GM0344");
  EXPECT_TRUE(Covers("GM0344", "BU03440101"));
  EXPECT_TRUE(Covers("WK034401", "BU03440101"));
  EXPECT_FALSE(Covers("WK034402", "BU03440101"));
  EXPECT_FALSE(Covers("BU03440101", "WK034401")) << "a neighbourhood does not cover its district";
  EXPECT_FALSE(Covers("GM0307", "BU03440101"));
}

TEST(SocialMapAreas, KeyFiguresAreCheckedAndGiveTheShareAged65Plus) {
  const AreaFigures f{.code = "WK019301",
                      .year = 2024,
                      .inhabitants = 3455,
                      .aged_65_plus = 975,
                      .households = 1525};
  EXPECT_TRUE(CheckFigures(f).ok());
  EXPECT_EQ(ShareAged65Plus(f), 28.2);
  EXPECT_FALSE(
      ShareAged65Plus({.code = "WK019301", .year = 2024, .inhabitants = 0, .aged_65_plus = 0}));
  EXPECT_FALSE(ShareAged65Plus({.code = "WK019301", .year = 2024, .inhabitants = 10}));
  auto bad = CheckFigures(
      {.code = "WK01930", .year = 1980, .inhabitants = 10, .aged_65_plus = 11, .households = -1});
  ASSERT_FALSE(bad.ok());
  for (const char* field : {"code", "year", "aged_65_plus", "households"}) {
    EXPECT_TRUE(bad.error().fields.contains(field)) << field;
  }
}

TEST(SocialMapCoverage, RowsPreferNeighbourhoodsThenDistrictsThenTheMunicipality) {
  const Area gm{"GM0999", "Denkstad", "GM0999"};
  std::vector<Area> known = SixNeighbourhoods();
  known.push_back({"WK099901", "Wijk 1", "GM0999"});
  known.push_back({"BU03440101", "Elders", "GM0344"});
  EXPECT_EQ(CoverageRows(known, gm).size(), 6U);
  EXPECT_EQ(CoverageRows({{"WK099901", "Wijk 1", "GM0999"}}, gm).size(), 1U);
  EXPECT_EQ(CoverageRows({}, gm).front().code, "GM0999");
}

TEST(SocialMapCoverage, CellsKnowTheirProvidersAndTheGapsAreCounted) {
  const Coverage c = ComputeCoverage(SixNeighbourhoods(), AllDomains(), ThreeProviders());
  ASSERT_EQ(c.cells.size(), 60U);
  const auto col = [](Domain d) { return static_cast<std::size_t>(d); };
  EXPECT_EQ(c.At(0, col(Domain::kWmoSupport)).providers, std::vector<std::int64_t>{1});
  EXPECT_EQ(c.At(3, col(Domain::kWmoSupport)).providers, std::vector<std::int64_t>{2});
  EXPECT_TRUE(c.At(4, col(Domain::kWmoSupport)).providers.empty());
  EXPECT_EQ(c.At(4, col(Domain::kHouseholdHelp)).providers, (std::vector<std::int64_t>{1, 3}));
  EXPECT_EQ(c.At(4, col(Domain::kHouseholdHelp)).services, (std::vector<std::int64_t>{11, 30}));
  EXPECT_EQ(c.At(0, col(Domain::kYouthCare)).providers, std::vector<std::int64_t>{2});
  // Covered: Wmo 4 cells, household help 6, youth care 2 → 12 of 60.
  EXPECT_EQ(c.gaps, 48);
  EXPECT_EQ(c.single, 4 + 3 + 2);
}

TEST(SocialMapOffer, AConsortiumOfThreeShowsNichesOverlapsAndGaps) {
  const ConsortiumOffer offer =
      ComputeOffer(SixNeighbourhoods(), AllDomains(), ThreeProviders(), {1, 2, 3});
  EXPECT_EQ(offer.niches.at(1).size(), 6U);  // Wmo in district 1, household help there
  EXPECT_EQ(offer.niches.at(2).size(), 3U);  // Wmo in Dorp, youth care in two places
  EXPECT_TRUE(offer.niches.at(3).empty()) << "provider 3 only overlaps with provider 1";
  EXPECT_EQ(offer.overlaps.size(), 3U);
  EXPECT_EQ(offer.gaps.size(), 48U);
  // Without provider 1 the household help in district 1 becomes a gap and 3 gains a niche.
  const ConsortiumOffer two =
      ComputeOffer(SixNeighbourhoods(), AllDomains(), ThreeProviders(), {2, 3});
  EXPECT_EQ(two.niches.at(3).size(), 3U);
  EXPECT_EQ(two.overlaps.size(), 0U);
  EXPECT_EQ(two.gaps.size(), 60U - 6U);
  EXPECT_FALSE(two.niches.contains(1));
}

}  // namespace
}  // namespace aantafel::core::social_map

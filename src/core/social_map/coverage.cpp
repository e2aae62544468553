#include "core/social_map/coverage.hpp"

#include <algorithm>
#include <set>

namespace aantafel::core::social_map {

std::vector<Area> CoverageRows(const std::vector<Area>& known, const Area& municipality) {
  std::vector<Area> neighbourhoods;
  std::vector<Area> districts;
  for (const Area& a : known) {
    if (MunicipalityOf(a.code) != municipality.code) continue;
    if (a.code.starts_with("BU")) neighbourhoods.push_back(a);
    if (a.code.starts_with("WK")) districts.push_back(a);
  }
  auto by_code = [](const Area& x, const Area& y) { return x.code < y.code; };
  std::sort(neighbourhoods.begin(), neighbourhoods.end(), by_code);
  std::sort(districts.begin(), districts.end(), by_code);
  if (!neighbourhoods.empty()) return neighbourhoods;
  if (!districts.empty()) return districts;
  return {municipality};
}

Coverage ComputeCoverage(const std::vector<Area>& areas, const std::vector<Domain>& domains,
                         const std::vector<Service>& services) {
  Coverage c;
  c.areas = areas;
  c.domains = domains;
  for (const Area& area : areas) {
    for (const Domain domain : domains) {
      CoverageCell cell{.area = area.code, .domain = domain, .providers = {}, .services = {}};
      std::set<std::int64_t> providers;
      std::set<std::int64_t> ids;
      for (const Service& s : services) {
        if (s.domain != domain) continue;
        const bool works_here = std::any_of(s.areas.begin(), s.areas.end(),
                                            [&](const auto& a) { return Covers(a, area.code); });
        if (!works_here) continue;
        providers.insert(s.organisation_id);
        ids.insert(s.id);
      }
      cell.providers.assign(providers.begin(), providers.end());
      cell.services.assign(ids.begin(), ids.end());
      if (cell.providers.empty()) ++c.gaps;
      if (cell.providers.size() == 1) ++c.single;
      c.cells.push_back(std::move(cell));
    }
  }
  return c;
}

ConsortiumOffer ComputeOffer(const std::vector<Area>& areas, const std::vector<Domain>& domains,
                             const std::vector<Service>& services,
                             const std::vector<std::int64_t>& members) {
  const std::set<std::int64_t> member_set(members.begin(), members.end());
  std::vector<Service> own;
  for (const Service& s : services) {
    if (member_set.contains(s.organisation_id)) own.push_back(s);
  }
  ConsortiumOffer offer;
  offer.coverage = ComputeCoverage(areas, domains, own);
  for (const std::int64_t m : member_set) offer.niches[m];
  for (std::size_t i = 0; i < offer.coverage.cells.size(); ++i) {
    const auto& providers = offer.coverage.cells[i].providers;
    if (providers.empty()) offer.gaps.push_back(i);
    if (providers.size() == 1) offer.niches[providers.front()].push_back(i);
    if (providers.size() >= 2) offer.overlaps.push_back(i);
  }
  return offer;
}

}  // namespace aantafel::core::social_map

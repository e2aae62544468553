#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "core/social_map/model.hpp"

namespace aantafel::core::social_map {

/// Who offers a domain in an area.
struct CoverageCell {
  std::string area;
  Domain domain = Domain::kOther;
  std::vector<std::int64_t> providers;  ///< organisation ids, ascending
  std::vector<std::int64_t> services;   ///< service ids, ascending
};

/// The matrix areas × domains of one municipality. `cells` is row-major (area, then domain).
struct Coverage {
  std::vector<Area> areas;
  std::vector<Domain> domains;
  std::vector<CoverageCell> cells;
  int gaps = 0;    ///< cells without any provider
  int single = 0;  ///< cells with exactly one provider

  [[nodiscard]] const CoverageCell& At(std::size_t area, std::size_t domain) const {
    return cells[area * domains.size() + domain];
  }
};

/// The rows for a municipality: its neighbourhoods when any are known, else its districts, else
/// the municipality itself as one row.
std::vector<Area> CoverageRows(const std::vector<Area>& known, const Area& municipality);

/// Fills the matrix from the services (every service given counts; filter before).
Coverage ComputeCoverage(const std::vector<Area>& areas, const std::vector<Domain>& domains,
                         const std::vector<Service>& services);

/// A consortium's joint offer: the matrix of its members' services, each member's niche (cells
/// only that member covers), the overlaps (two or more members) and the gaps.
struct ConsortiumOffer {
  Coverage coverage;
  std::map<std::int64_t, std::vector<std::size_t>> niches;  ///< member → cell indexes
  std::vector<std::size_t> overlaps;                        ///< cell indexes
  std::vector<std::size_t> gaps;                            ///< cell indexes
};

/// Only services of `members` count; pass only published services for shared views.
ConsortiumOffer ComputeOffer(const std::vector<Area>& areas, const std::vector<Domain>& domains,
                             const std::vector<Service>& services,
                             const std::vector<std::int64_t>& members);

}  // namespace aantafel::core::social_map

#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/social_map/model.hpp"

namespace aantafel::interchange {

// Boundary files of municipalities, districts (wijken) and neighbourhoods (buurten) as CBS and
// PDOK publish them, for the areas and years the built-in 2025 boundaries do not hold
// (decision 34, docs/maps.md).

/// [longitude, latitude] in degrees (WGS84).
using LonLat = std::array<double, 2>;
using Ring = std::vector<LonLat>;

/// Reads boundary files: GeoJSON FeatureCollections (a PDOK OGC API "wijken en buurten" page
/// with "links", a CBS download, in WGS84 or in RD New / EPSG:28992) and TopoJSON topologies
/// (CBS "Gebiedsindelingen", cartomap). Each document is one file or one page. Every feature is
/// recognised by its properties: "buurtcode"/"wijkcode"/"gemeentecode" with their "…naam"
/// (the Wijk- en buurtkaart since 2022), "BU_CODE"/"WK_CODE"/"GM_CODE" (earlier years) or
/// "statcode"/"statnaam". Areas of water only ("water": "JA") are skipped. Geometries are
/// simplified to about 4 metres and rounded to 5 decimals. `year`: the division's year; else
/// from "jaarstatcode"/"jrstatcode", a "wijken-en-buurten-YYYY" link, or the topology's "year".
/// Never throws; the line is the feature's number over all documents (1-based), 0 for
/// the file as a whole.
core::social_map::ParsedBoundaries ParseBoundaries(std::span<const std::string_view> documents,
                                                   std::optional<int> year);

/// The next page of a PDOK OGC API answer (the "links" entry with rel "next"), if any.
std::optional<std::string> NextPageLink(std::string_view document);

/// RD New (Rijksdriehoeksmeting, EPSG:28992) to WGS84 with the published approximation of
/// Schreutelkamp and Strang van Hees (accurate to about a metre inside the Netherlands).
LonLat RdToWgs84(double x, double y);

/// A closed ring with points closer than `tolerance` degrees to the simplified line removed
/// (Douglas–Peucker, anchored at the first point and the point farthest from it). A ring that
/// would keep fewer than 4 points is returned unchanged.
Ring SimplifyRing(const Ring& ring, double tolerance);

}  // namespace aantafel::interchange

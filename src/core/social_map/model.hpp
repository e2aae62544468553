#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/whoiswho/import.hpp"

namespace aantafel::core::social_map {

// Sociale kaart (glossary: social map): which services (voorzieningen) providers offer in which
// districts (wijken) and neighbourhoods (buurten), and a consortium's joint offer.

/// What a service is about. One list for the whole product (the coverage matrix's columns).
enum class Domain {
  kWmoSupport,         ///< Wmo-begeleiding
  kHouseholdHelp,      ///< huishoudelijke hulp
  kYouthCare,          ///< jeugdhulp
  kDistrictNursing,    ///< wijkverpleging
  kWelfare,            ///< welzijn
  kDebtHelp,           ///< schuldhulp
  kHousing,            ///< wonen
  kCarerSupport,       ///< mantelzorgondersteuning
  kDaytimeActivities,  ///< dagbesteding
  kOther,
};
inline constexpr int kDomainCount = 10;
/// "wmo_support", "household_help", "youth_care", "district_nursing", "welfare", "debt_help",
/// "housing", "carer_support", "daytime_activities", "other".
std::string_view ToString(Domain domain);
std::optional<Domain> ParseDomain(std::string_view text);
/// Every domain in display order.
std::vector<Domain> AllDomains();

/// How the service is paid for: "wmo", "jeugdwet", "wlz", "zvw", "free" (vrij toegankelijk).
enum class Law { kWmo, kYouthAct, kWlz, kZvw, kFree };
std::string_view ToString(Law law);
std::optional<Law> ParseLaw(std::string_view text);

/// CBS key figures of an area ("Kerncijfers wijken en buurten"), shared by all workspaces: the
/// need next to the supply. Empty where CBS suppresses a figure (small numbers).
struct AreaFigures {
  std::string code;  ///< GMgggg, WKggggww or BUggggwwbb
  int year = 0;      ///< the year the figures describe
  std::optional<std::int64_t> inhabitants;
  std::optional<std::int64_t> aged_65_plus;  ///< inhabitants of 65 or older
  std::optional<std::int64_t> households;
  bool operator==(const AreaFigures&) const = default;
};

/// Field errors: counts 0–100,000,000, aged 65+ not above inhabitants, year 1990–2200.
Status CheckFigures(const AreaFigures& figures);
/// The share of inhabitants aged 65 or older in per cent with one decimal, when both are known
/// and there are inhabitants.
std::optional<double> ShareAged65Plus(const AreaFigures& figures);

/// What a CBS key-figures file contained: figures with their row numbers, and problems.
struct ParsedFigures {
  std::vector<std::pair<int, AreaFigures>> rows;
  std::vector<whoiswho::ImportIssue> issues;
};

/// The outline of a municipality, district or neighbourhood from a CBS / PDOK boundary file
/// ("Wijk- en buurtkaart", "Gebiedsindelingen"), shared by all workspaces: neighbourhoods and
/// newer years than the built-in 2025 boundaries.
struct AreaBoundary {
  std::string code;  ///< GMgggg, WKggggww or BUggggwwbb
  std::string name;
  int year = 0;  ///< the year of the division the outline belongs to
  /// A GeoJSON Polygon or MultiPolygon in WGS84 longitude/latitude, simplified to a few metres
  /// and rounded to 5 decimals (interchange/boundaries.cpp).
  std::string geometry;
  bool operator==(const AreaBoundary&) const = default;
};

/// The largest geometry kept for one area (after simplification; the largest Dutch municipality
/// needs about 60 KB).
constexpr std::size_t kMaxBoundaryBytes = 2'000'000;

/// Field errors: code, name 1–200 characters, year 1990–2200, geometry present and at most
/// kMaxBoundaryBytes.
Status CheckBoundary(const AreaBoundary& boundary);

/// What a boundary file contained: outlines with their feature numbers, and problems.
struct ParsedBoundaries {
  std::vector<std::pair<int, AreaBoundary>> rows;
  std::vector<whoiswho::ImportIssue> issues;
  int skipped = 0;  ///< areas of water only (CBS "water": "JA"), left out on purpose
};

/// The outcome of a key-figures or boundaries import, or of a dry run.
struct AreaImportReport {
  bool dry_run = false;
  bool applied = false;
  int rows = 0;
  int added = 0;
  int updated = 0;
  int skipped = 0;
  std::vector<whoiswho::ImportIssue> rejected;
};

/// A district or neighbourhood of a municipality, by its CBS code: WKggggww (wijk) or
/// BUggggwwbb (buurt), where gggg is the municipality's number.
struct Area {
  std::string code;
  std::string name;
  std::string municipality_code;       ///< GMgggg
  bool from_register = false;          ///< a district of the built-in register, not renamed here
  std::optional<AreaFigures> figures;  ///< CBS key figures, when imported
};

/// GMgggg, WKggggww or BUggggwwbb.
bool IsAreaCode(std::string_view code);
/// The municipality an area code belongs to ("WK034401" → "GM0344").
std::string MunicipalityOf(std::string_view area_code);
/// Whether a service working in `served` (a municipality, district or neighbourhood code) works
/// in `area`: a municipality covers its districts and neighbourhoods, a district its
/// neighbourhoods.
bool Covers(std::string_view served, std::string_view area);

struct Service {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::string organisation_name;  ///< filled in when read
  std::string name;
  Domain domain = Domain::kOther;
  Law law = Law::kFree;
  std::vector<std::string> target_groups;
  std::vector<std::string> areas;  ///< GM/WK/BU codes it works in
  std::string contact;             ///< how to reach it (a desk, not a person)
  std::string capacity_note;
  std::optional<int> waiting_weeks;
  bool published = false;  ///< shown in consortium and public views
  Instant created_at{};
  Instant updated_at{};
};

/// Providers with one joint offer in one municipality and one point of contact.
struct Consortium {
  std::int64_t id = 0;
  std::string name;
  std::string municipality_code;
  std::vector<std::int64_t> member_ids;  ///< organisations (providers)
  std::optional<std::int64_t> contact_organisation_id;
  std::string contact;  ///< the single point of contact (desk, phone, e-mail); sealed at rest
  bool shared = false;  ///< a read-only link exists
  Instant created_at{};
};

}  // namespace aantafel::core::social_map

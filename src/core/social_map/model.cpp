#include "core/social_map/model.hpp"

#include <algorithm>
#include <array>

#include "core/validation.hpp"

namespace aantafel::core::social_map {

namespace {

constexpr std::array<std::pair<Domain, std::string_view>, kDomainCount> kDomains{{
    {Domain::kWmoSupport, "wmo_support"},
    {Domain::kHouseholdHelp, "household_help"},
    {Domain::kYouthCare, "youth_care"},
    {Domain::kDistrictNursing, "district_nursing"},
    {Domain::kWelfare, "welfare"},
    {Domain::kDebtHelp, "debt_help"},
    {Domain::kHousing, "housing"},
    {Domain::kCarerSupport, "carer_support"},
    {Domain::kDaytimeActivities, "daytime_activities"},
    {Domain::kOther, "other"},
}};

constexpr std::array<std::pair<Law, std::string_view>, 5> kLaws{{
    {Law::kWmo, "wmo"},
    {Law::kYouthAct, "jeugdwet"},
    {Law::kWlz, "wlz"},
    {Law::kZvw, "zvw"},
    {Law::kFree, "free"},
}};

bool Digits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view DigitsOf(std::string_view code) { return code.substr(2); }

}  // namespace

std::string_view ToString(Domain domain) {
  for (const auto& [d, name] : kDomains) {
    if (d == domain) return name;
  }
  return "other";
}

std::optional<Domain> ParseDomain(std::string_view text) {
  for (const auto& [d, name] : kDomains) {
    if (name == text) return d;
  }
  return std::nullopt;
}

std::vector<Domain> AllDomains() {
  std::vector<Domain> out;
  for (const auto& [d, name] : kDomains) out.push_back(d);
  return out;
}

std::string_view ToString(Law law) {
  for (const auto& [l, name] : kLaws) {
    if (l == law) return name;
  }
  return "free";
}

std::optional<Law> ParseLaw(std::string_view text) {
  for (const auto& [l, name] : kLaws) {
    if (name == text) return l;
  }
  return std::nullopt;
}

bool IsAreaCode(std::string_view code) {
  if (code.size() < 6) return false;
  const std::string_view prefix = code.substr(0, 2);
  const std::size_t digits = code.size() - 2;
  // The municipality's number, then the district's and neighbourhood's parts: digits, or capital
  // letters where CBS uses them (Amsterdam: WK0363AA, BU0363AA01).
  if (!Digits(code.substr(2, 4))) return false;
  const bool alnum = std::all_of(code.begin() + 6, code.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
  });
  return alnum && ((prefix == "GM" && digits == 4) || (prefix == "WK" && digits == 6) ||
                   (prefix == "BU" && digits == 8));
}

Status CheckFigures(const AreaFigures& f) {
  FieldErrors errors;
  if (!IsAreaCode(f.code)) errors.Add("code", FieldIssue::kInvalidFormat);
  if (f.year < 1990 || f.year > 2200) errors.Add("year", FieldIssue::kInvalidFormat);
  auto count = [&](const char* field, const std::optional<std::int64_t>& n) {
    if (n && (*n < 0 || *n > 100'000'000)) errors.Add(field, FieldIssue::kInvalidFormat);
  };
  count("inhabitants", f.inhabitants);
  count("aged_65_plus", f.aged_65_plus);
  count("households", f.households);
  if (f.inhabitants && f.aged_65_plus && *f.aged_65_plus > *f.inhabitants) {
    errors.Add("aged_65_plus", FieldIssue::kInvalidFormat);
  }
  if (!errors.empty()) return std::move(errors).ToError();
  return Ok{};
}

Status CheckBoundary(const AreaBoundary& b) {
  FieldErrors errors;
  if (!IsAreaCode(b.code)) errors.Add("code", FieldIssue::kInvalidFormat);
  CheckText("name", b.name, TextRule{.min_chars = 1, .max_chars = 200}, errors);
  if (b.year < 1990 || b.year > 2200) errors.Add("year", FieldIssue::kInvalidFormat);
  if (b.geometry.empty()) {
    errors.Add("geometry", FieldIssue::kRequired);
  } else if (b.geometry.size() > kMaxBoundaryBytes) {
    errors.Add("geometry", FieldIssue::kTooLong, static_cast<int>(kMaxBoundaryBytes));
  }
  if (!errors.empty()) return std::move(errors).ToError();
  return Ok{};
}

std::optional<double> ShareAged65Plus(const AreaFigures& f) {
  if (!f.inhabitants || !f.aged_65_plus || *f.inhabitants <= 0) return std::nullopt;
  const double share =
      100.0 * static_cast<double>(*f.aged_65_plus) / static_cast<double>(*f.inhabitants);
  return static_cast<double>(static_cast<std::int64_t>(share * 10.0 + 0.5)) / 10.0;
}

std::string MunicipalityOf(std::string_view area_code) {
  if (!IsAreaCode(area_code)) return "";
  return "GM" + std::string(area_code.substr(2, 4));
}

bool Covers(std::string_view served, std::string_view area) {
  if (!IsAreaCode(served) || !IsAreaCode(area)) return false;
  return DigitsOf(area).starts_with(DigitsOf(served));
}

}  // namespace aantafel::core::social_map

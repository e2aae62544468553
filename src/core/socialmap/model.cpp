#include "core/socialmap/model.hpp"

#include <algorithm>
#include <array>

namespace aantafel::core::socialmap {

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
  if (!Digits(DigitsOf(code))) return false;
  return (prefix == "GM" && digits == 4) || (prefix == "WK" && digits == 6) ||
         (prefix == "BU" && digits == 8);
}

std::string MunicipalityOf(std::string_view area_code) {
  if (!IsAreaCode(area_code)) return "";
  return "GM" + std::string(area_code.substr(2, 4));
}

bool Covers(std::string_view served, std::string_view area) {
  if (!IsAreaCode(served) || !IsAreaCode(area)) return false;
  return DigitsOf(area).starts_with(DigitsOf(served));
}

}  // namespace aantafel::core::socialmap

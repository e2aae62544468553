#include "core/whoiswho/import.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

#include "core/civil_date.hpp"
#include "core/validation.hpp"

namespace aantafel::core::whoiswho {

namespace {

struct KindLabel {
  std::string_view label;
  PositionKind kind;
};

// Dutch names used in spreadsheets and in the Overheidsalmanak, lower case.
constexpr std::array<KindLabel, 17> kLabels{{
    {"burgemeester", PositionKind::kMayor},
    {"waarnemend burgemeester", PositionKind::kMayor},
    {"wethouder", PositionKind::kAlderman},
    {"raadslid", PositionKind::kCouncilMember},
    {"gemeenteraadslid", PositionKind::kCouncilMember},
    {"lid gemeenteraad", PositionKind::kCouncilMember},
    {"lid van de gemeenteraad", PositionKind::kCouncilMember},
    {"lid van de raad", PositionKind::kCouncilMember},
    {"burgerlid", PositionKind::kCitizenMember},
    {"commissielid", PositionKind::kCitizenMember},
    {"griffier", PositionKind::kClerk},
    {"gemeentesecretaris", PositionKind::kMunicipalSecretary},
    {"secretaris", PositionKind::kMunicipalSecretary},
    {"beleidsadviseur", PositionKind::kPolicyAdviser},
    {"beleidsmedewerker", PositionKind::kPolicyAdviser},
    {"ambtenaar", PositionKind::kPolicyAdviser},
    {"rol bij partner", PositionKind::kPartnerRole},
}};

std::string Fold(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : TrimAscii(text)) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::optional<PositionKind> PositionKindFromLabel(std::string_view label) {
  const std::string folded = Fold(label);
  if (auto kind = ParsePositionKind(folded)) return kind;
  for (const KindLabel& entry : kLabels) {
    if (entry.label == folded) return entry.kind;
  }
  return std::nullopt;
}

void ClearChanges(ImportReport& report) {
  ImportReport cleared{.kind = report.kind, .dry_run = report.dry_run, .rows = report.rows};
  cleared.rejected = std::move(report.rejected);
  report = std::move(cleared);
}

std::string NormaliseDate(std::string_view text) {
  std::string_view t = TrimAscii(text);
  // ISO date with a time part, as XML exports write it.
  if (t.size() > 10 && t[10] == 'T') t = t.substr(0, 10);
  // Dutch day-month-year with '-' or '/'.
  const auto first = t.find_first_of("-/");
  if (first != std::string_view::npos && first <= 2) {
    const auto second = t.find(t[first], first + 1);
    if (second != std::string_view::npos) {
      const auto day = t.substr(0, first);
      const auto month = t.substr(first + 1, second - first - 1);
      const auto year = t.substr(second + 1);
      if (AllDigits(day) && AllDigits(month) && month.size() <= 2 && AllDigits(year) &&
          year.size() == 4) {
        std::string out(year);
        out += '-';
        if (month.size() == 1) out += '0';
        out += month;
        out += '-';
        if (day.size() == 1) out += '0';
        out += day;
        return out;
      }
    }
  }
  return std::string(t);
}

std::string MunicipalityNameKey(std::string_view name) {
  std::string folded = Fold(name);
  constexpr std::string_view kPrefix = "gemeente ";
  if (folded.starts_with(kPrefix)) folded.erase(0, kPrefix.size());
  return folded;
}

}  // namespace aantafel::core::whoiswho

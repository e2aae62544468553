#include "interchange/services_csv.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <variant>

#include "core/validation.hpp"
#include "interchange/csv.hpp"

namespace aantafel::interchange {

using core::FieldIssue;
using core::social_map::RowProblem;
using core::social_map::ServiceRow;

namespace {

enum class Column {
  kOrganisation,
  kName,
  kDomain,
  kLaw,
  kGroups,
  kAreas,
  kContact,
  kCapacity,
  kWaiting,
  kPublished,
  kCount
};

struct ColumnName {
  std::string_view heading;
  Column column;
};

constexpr std::array<ColumnName, 21> kColumns{{
    {"organisatie", Column::kOrganisation},
    {"organisation", Column::kOrganisation},
    {"aanbieder", Column::kOrganisation},
    {"naam", Column::kName},
    {"name", Column::kName},
    {"domein", Column::kDomain},
    {"domain", Column::kDomain},
    {"wet", Column::kLaw},
    {"law", Column::kLaw},
    {"doelgroepen", Column::kGroups},
    {"target_groups", Column::kGroups},
    {"gebieden", Column::kAreas},
    {"areas", Column::kAreas},
    {"contact", Column::kContact},
    {"capaciteit", Column::kCapacity},
    {"capacity", Column::kCapacity},
    {"wachttijd_weken", Column::kWaiting},
    {"waiting_weeks", Column::kWaiting},
    {"gepubliceerd", Column::kPublished},
    {"published", Column::kPublished},
    {"publiek", Column::kPublished},
}};

/// Dutch names of domains and laws, as people type them in a spreadsheet.
constexpr std::array<std::pair<std::string_view, std::string_view>, 17> kAliases{{
    {"wmo-begeleiding", "wmo_support"},
    {"wmo begeleiding", "wmo_support"},
    {"begeleiding", "wmo_support"},
    {"huishoudelijke hulp", "household_help"},
    {"jeugdhulp", "youth_care"},
    {"wijkverpleging", "district_nursing"},
    {"welzijn", "welfare"},
    {"schuldhulp", "debt_help"},
    {"schuldhulpverlening", "debt_help"},
    {"wonen", "housing"},
    {"mantelzorgondersteuning", "carer_support"},
    {"dagbesteding", "daytime_activities"},
    {"overig", "other"},
    {"vrij toegankelijk", "free"},
    {"vrij", "free"},
    {"jeugd", "jeugdwet"},
    {"", ""},
}};

std::string Lower(std::string_view text) { return core::LowerAscii(core::TrimAscii(text)); }

std::string Canonical(std::string_view text) {
  std::string lower = Lower(text);
  for (const auto& [alias, name] : kAliases) {
    if (!alias.empty() && lower == alias) return std::string(name);
  }
  std::replace(lower.begin(), lower.end(), ' ', '_');
  return lower;
}

std::vector<std::string> Split(std::string_view text, std::string_view separators) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    while (!current.empty() && current.back() == ' ') current.pop_back();
    if (!current.empty()) out.push_back(current);
    current.clear();
  };
  for (const char c : text) {
    if (separators.find(c) != std::string_view::npos) {
      flush();
    } else if (!(current.empty() && c == ' ')) {
      current += c;
    }
  }
  flush();
  return out;
}

}  // namespace

ServicesFile ParseServicesCsv(std::string_view text, std::size_t max_rows) {
  ServicesFile file;
  auto read = ReadCsv(text);
  if (const auto* problem = std::get_if<CsvProblem>(&read)) {
    file.problems.push_back({problem->line, "file",
                             problem->kind == CsvProblem::Kind::kNotUtf8
                                 ? FieldIssue::kInvalidUtf8
                                 : FieldIssue::kUnreadable});
    return file;
  }
  const CsvTable& table = std::get<CsvTable>(read);
  const CsvRecord& header = table.records.front();
  std::vector<Column> columns;
  std::array<bool, static_cast<std::size_t>(Column::kCount)> seen{};
  for (const std::string& heading : header.fields) {
    const std::string name = Lower(heading);
    const auto it = std::find_if(kColumns.begin(), kColumns.end(),
                                 [&](const ColumnName& c) { return c.heading == name; });
    if (it == kColumns.end()) {
      file.problems.push_back({header.line, name, FieldIssue::kUnknownField});
      columns.push_back(Column::kCount);
      continue;
    }
    if (seen[static_cast<std::size_t>(it->column)]) {
      file.problems.push_back({header.line, name, FieldIssue::kDuplicate});
    }
    seen[static_cast<std::size_t>(it->column)] = true;
    columns.push_back(it->column);
  }
  for (const Column required :
       {Column::kOrganisation, Column::kName, Column::kDomain, Column::kAreas}) {
    if (!seen[static_cast<std::size_t>(required)]) {
      static constexpr std::array<std::string_view, 4> kNames{"organisation", "name", "domain",
                                                              "areas"};
      const std::size_t n = required == Column::kOrganisation ? 0
                            : required == Column::kName       ? 1
                            : required == Column::kDomain     ? 2
                                                              : 3;
      file.problems.push_back({header.line, std::string(kNames[n]), FieldIssue::kMissingColumn});
    }
  }
  if (!file.problems.empty()) return file;
  if (table.records.size() - 1 > max_rows) {
    file.problems.push_back({header.line, "file", FieldIssue::kTooLong});
    return file;
  }
  for (std::size_t r = 1; r < table.records.size(); ++r) {
    const CsvRecord& record = table.records[r];
    ServiceRow row;
    row.line = record.line;
    for (std::size_t i = 0; i < columns.size() && i < record.fields.size(); ++i) {
      const std::string& value = record.fields[i];
      switch (columns[i]) {
        case Column::kOrganisation: row.organisation = value; break;
        case Column::kName: row.input.name = value; break;
        case Column::kDomain: row.input.domain = Canonical(value); break;
        case Column::kLaw: row.input.law = Canonical(value); break;
        case Column::kGroups: row.input.target_groups = Split(value, "|,"); break;
        case Column::kAreas: row.input.areas = Split(value, " ,|"); break;
        case Column::kContact: row.input.contact = value; break;
        case Column::kCapacity: row.input.capacity_note = value; break;
        case Column::kWaiting: {
          if (value.empty()) break;
          std::int64_t weeks = 0;
          const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), weeks);
          if (ec != std::errc{} || end != value.data() + value.size()) {
            file.problems.push_back({row.line, "waiting_weeks", FieldIssue::kInvalidFormat});
          } else {
            row.input.waiting_weeks = weeks;
          }
          break;
        }
        case Column::kPublished: {
          const std::string v = Lower(value);
          if (v == "ja" || v == "yes" || v == "1" || v == "true" || v == "j" || v == "y") {
            row.input.published = true;
          } else if (!(v.empty() || v == "nee" || v == "no" || v == "0" || v == "false" ||
                       v == "n")) {
            file.problems.push_back({row.line, "published", FieldIssue::kInvalidChoice});
          }
          break;
        }
        case Column::kCount: break;
      }
    }
    file.rows.push_back(std::move(row));
  }
  return file;
}

Table ServicesTable(const std::vector<core::social_map::Service>& services,
                    ExportLanguage language) {
  const bool en = language == ExportLanguage::kEnglish;
  Table t;
  t.sheet = en ? "Services" : "Voorzieningen";
  t.headings = {en ? "organisation" : "organisatie",
                en ? "name" : "naam",
                en ? "domain" : "domein",
                en ? "law" : "wet",
                en ? "target_groups" : "doelgroepen",
                en ? "areas" : "gebieden",
                "contact",
                en ? "capacity" : "capaciteit",
                en ? "waiting_weeks" : "wachttijd_weken",
                en ? "published" : "gepubliceerd"};
  t.widths = {24, 28, 18, 10, 24, 30, 24, 20, 10, 10};
  for (const auto& s : services) {
    std::string groups;
    for (const auto& g : s.target_groups) groups += (groups.empty() ? "" : "|") + g;
    std::string areas;
    for (const auto& a : s.areas) areas += (areas.empty() ? "" : " ") + a;
    t.rows.push_back({s.organisation_name, s.name,
                      std::string(core::social_map::ToString(s.domain)),
                      std::string(core::social_map::ToString(s.law)), groups, areas, s.contact,
                      s.capacity_note, s.waiting_weeks ? std::to_string(*s.waiting_weeks) : "",
                      s.published ? (en ? "yes" : "ja") : (en ? "no" : "nee")});
  }
  return t;
}

}  // namespace aantafel::interchange

#include <array>
#include <map>

#include "core/validation.hpp"
#include "interchange/csv.hpp"
#include "interchange/imports.hpp"

namespace aantafel::interchange {

using core::FieldIssue;
using core::whoiswho::ImportRow;
using core::whoiswho::ParsedPeople;

namespace {

enum class Column {
  kName,
  kEmail,
  kPhone,
  kMunicipality,
  kOrganisation,
  kKind,
  kTitle,
  kParty,
  kPortfolios,
  kDomains,
  kCommittees,
  kStartedOn,
  kEndedOn,
  kFictional,
};

struct ColumnName {
  std::string_view header;  ///< folded: lower case, no spaces, '-' or '_'
  Column column;
  std::string_view field;  ///< the field name used in reports
};

// Dutch names first (what a Dutch spreadsheet has), then the English and API names.
constexpr std::array<ColumnName, 40> kColumns{{
    {"naam", Column::kName, "name"},
    {"name", Column::kName, "name"},
    {"email", Column::kEmail, "email"},
    {"emailadres", Column::kEmail, "email"},
    {"telefoon", Column::kPhone, "phone"},
    {"telefoonnummer", Column::kPhone, "phone"},
    {"phone", Column::kPhone, "phone"},
    {"gemeente", Column::kMunicipality, "municipality"},
    {"gemeentecode", Column::kMunicipality, "municipality"},
    {"municipality", Column::kMunicipality, "municipality"},
    {"municipalitycode", Column::kMunicipality, "municipality"},
    {"organisatie", Column::kOrganisation, "organisation"},
    {"organisation", Column::kOrganisation, "organisation"},
    {"functie", Column::kKind, "kind"},
    {"rol", Column::kKind, "kind"},
    {"kind", Column::kKind, "kind"},
    {"role", Column::kKind, "kind"},
    {"titel", Column::kTitle, "title"},
    {"title", Column::kTitle, "title"},
    {"partij", Column::kParty, "party"},
    {"party", Column::kParty, "party"},
    {"portefeuilles", Column::kPortfolios, "portfolios"},
    {"portefeuille", Column::kPortfolios, "portfolios"},
    {"portfolios", Column::kPortfolios, "portfolios"},
    {"domeinen", Column::kDomains, "domains"},
    {"domein", Column::kDomains, "domains"},
    {"domains", Column::kDomains, "domains"},
    {"commissies", Column::kCommittees, "committees"},
    {"committees", Column::kCommittees, "committees"},
    {"begindatum", Column::kStartedOn, "started_on"},
    {"startdatum", Column::kStartedOn, "started_on"},
    {"startedon", Column::kStartedOn, "started_on"},
    {"einddatum", Column::kEndedOn, "ended_on"},
    {"endedon", Column::kEndedOn, "ended_on"},
    {"vanaf", Column::kStartedOn, "started_on"},
    {"tot", Column::kEndedOn, "ended_on"},
    {"cbscode", Column::kMunicipality, "municipality"},
    {"fictief", Column::kFictional, "fictional"},
    {"fictional", Column::kFictional, "fictional"},
    {"startdate", Column::kStartedOn, "started_on"},
}};

std::string FoldHeader(std::string_view header) {
  std::string out;
  for (char c : core::TrimAscii(header)) {
    if (c == ' ' || c == '-' || c == '_') continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

const ColumnName* FindColumn(std::string_view header) {
  const std::string folded = FoldHeader(header);
  for (const ColumnName& c : kColumns) {
    if (c.header == folded) return &c;
  }
  return nullptr;
}

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('|', start);
    if (end == std::string::npos) end = text.size();
    auto item = core::TrimAscii(std::string_view(text).substr(start, end - start));
    if (!item.empty()) out.emplace_back(item);
    start = end + 1;
  }
  return out;
}

}  // namespace

ParsedPeople ParsePeopleCsv(std::string_view text) {
  ParsedPeople parsed{.kind = "people_csv"};
  auto read = ReadCsv(text);
  if (const auto* problem = std::get_if<CsvProblem>(&read)) {
    parsed.issues.push_back({.line = problem->line,
                             .field = "file",
                             .issue = problem->kind == CsvProblem::Kind::kNotUtf8
                                          ? FieldIssue::kInvalidUtf8
                                          : FieldIssue::kUnreadable});
    return parsed;
  }
  const CsvTable& table = std::get<CsvTable>(read);
  const CsvRecord& header = table.records.front();

  // Header: every column known, none twice, a name column present.
  std::vector<Column> columns;
  std::map<Column, bool> seen;
  for (const std::string& h : header.fields) {
    const ColumnName* c = FindColumn(h);
    if (c == nullptr) {
      parsed.issues.push_back(
          {.line = header.line, .field = std::string(h), .issue = FieldIssue::kUnknownField});
      columns.push_back(Column::kName);
      continue;
    }
    if (seen[c->column]) {
      parsed.issues.push_back(
          {.line = header.line, .field = std::string(c->field), .issue = FieldIssue::kDuplicate});
    }
    seen[c->column] = true;
    columns.push_back(c->column);
  }
  if (!seen[Column::kName]) {
    parsed.issues.push_back(
        {.line = header.line, .field = "name", .issue = FieldIssue::kMissingColumn});
  }
  if (!parsed.issues.empty()) return parsed;

  for (std::size_t r = 1; r < table.records.size(); ++r) {
    const CsvRecord& record = table.records[r];
    if (record.fields.size() != columns.size()) {
      parsed.issues.push_back(
          {.line = record.line, .field = "row", .issue = FieldIssue::kInvalidFormat});
      continue;
    }
    ImportRow row{.line = record.line};
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const std::string& v = record.fields[i];
      switch (columns[i]) {
        case Column::kName: row.name = v; break;
        case Column::kEmail: row.email = v; break;
        case Column::kPhone: row.phone = v; break;
        case Column::kMunicipality: row.municipality = v; break;
        case Column::kOrganisation: row.organisation = v; break;
        case Column::kKind: row.kind = v; break;
        case Column::kTitle: row.title = v; break;
        case Column::kParty: row.party = v; break;
        case Column::kPortfolios: row.portfolios = SplitList(v); break;
        case Column::kDomains: row.domains = SplitList(v); break;
        case Column::kCommittees: row.committees = SplitList(v); break;
        case Column::kStartedOn: row.started_on = v; break;
        case Column::kEndedOn: row.ended_on = v; break;
        case Column::kFictional: {
          const std::string flag = FoldHeader(v);
          if (flag == "ja" || flag == "yes" || flag == "true" || flag == "1") {
            row.fictional = true;
          } else if (!flag.empty() && flag != "nee" && flag != "no" && flag != "false" &&
                     flag != "0") {
            parsed.issues.push_back(
                {.line = record.line, .field = "fictional", .issue = FieldIssue::kInvalidChoice});
          }
          break;
        }
      }
    }
    parsed.rows.push_back(std::move(row));
  }
  return parsed;
}

}  // namespace aantafel::interchange

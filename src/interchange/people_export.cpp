#include <unistd.h>
#include <xlsxwriter.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "interchange/csv.hpp"
#include "interchange/exports.hpp"

namespace aantafel::interchange {

using core::whoiswho::ExportLine;
using core::whoiswho::PositionKind;

namespace {

constexpr std::array<std::string_view, 13> kDutchHeadings{
    "Organisatie", "CBS-code",   "Naam",       "Functie", "Titel",    "Partij", "Portefeuilles",
    "Domeinen",    "Commissies", "Begindatum", "E-mail",  "Telefoon", "Fictief"};
constexpr std::array<std::string_view, 13> kEnglishHeadings{
    "Organisation", "CBS code",   "Name",       "Role",  "Title", "Party",    "Portfolios",
    "Domains",      "Committees", "Start date", "Email", "Phone", "Fictional"};

std::string_view RoleName(PositionKind kind, ExportLanguage language) {
  const bool en = language == ExportLanguage::kEnglish;
  switch (kind) {
    case PositionKind::kMayor: return en ? "Mayor" : "Burgemeester";
    case PositionKind::kAlderman: return en ? "Alderman" : "Wethouder";
    case PositionKind::kCouncilMember: return en ? "Council member" : "Raadslid";
    case PositionKind::kCitizenMember: return en ? "Citizen member" : "Burgerlid";
    case PositionKind::kClerk: return en ? "Clerk" : "Griffier";
    case PositionKind::kMunicipalSecretary:
      return en ? "Municipal secretary" : "Gemeentesecretaris";
    case PositionKind::kPolicyAdviser: return en ? "Policy adviser" : "Beleidsadviseur";
    case PositionKind::kPartnerRole: return en ? "Role at partner" : "Rol bij partner";
  }
  return "";
}

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += " | ";
    out += item;
  }
  return out;
}

std::vector<std::string> Cells(const ExportLine& line, ExportLanguage language) {
  const bool en = language == ExportLanguage::kEnglish;
  return {line.organisation.name,
          line.organisation.municipality_code.value_or(""),
          line.person.name,
          std::string(RoleName(line.position.kind, language)),
          line.position.title,
          line.position.party,
          Joined(line.position.portfolios),
          Joined(line.position.domains),
          Joined(line.position.committees),
          line.position.started_on.ToString(),
          line.person.email.value_or(""),
          line.person.phone.value_or(""),
          line.person.fictional ? (en ? "yes" : "ja") : ""};
}

const auto& Headings(ExportLanguage language) {
  return language == ExportLanguage::kEnglish ? kEnglishHeadings : kDutchHeadings;
}

Table PeopleTable(const std::vector<ExportLine>& lines, ExportLanguage language) {
  const auto& headings = Headings(language);
  Table table{.sheet = language == ExportLanguage::kEnglish ? "People" : "Mensen",
              .headings = std::vector<std::string>(headings.begin(), headings.end()),
              .widths = {28, 16, 28}};
  for (const ExportLine& line : lines) table.rows.push_back(Cells(line, language));
  return table;
}

}  // namespace

std::string PeopleCsv(const std::vector<ExportLine>& lines, ExportLanguage language) {
  return TableCsv(PeopleTable(lines, language));
}

std::string PeopleXlsx(const std::vector<ExportLine>& lines, ExportLanguage language) {
  return TableXlsx(PeopleTable(lines, language));
}

std::string TableCsv(const Table& table) {
  std::string out = "\xEF\xBB\xBF";
  WriteCsvRecord(out, table.headings, ';');
  for (const auto& row : table.rows) WriteCsvRecord(out, row, ';');
  return out;
}

std::string TableXlsx(const Table& table) {
  // libxlsxwriter 1.1.4 (Debian 12) writes to a file only: use a private temporary file.
  char path[] = "/tmp/aantafel-export-XXXXXX";
  const int fd = mkstemp(path);
  if (fd < 0) throw std::runtime_error("cannot create a temporary file for the XLSX export");
  close(fd);
  struct Remove {
    const char* path;
    ~Remove() { std::remove(path); }
  } remove_later{path};

  lxw_workbook* workbook = workbook_new(path);
  if (workbook == nullptr) throw std::runtime_error("cannot start the XLSX workbook");
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, table.sheet.c_str());
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  for (std::size_t c = 0; c < table.headings.size(); ++c) {
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), table.headings[c].c_str(), bold);
    const double width = c < table.widths.size() ? table.widths[c] : 16;
    worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width,
                         nullptr);
  }
  lxw_row_t row = 1;
  for (const auto& cells : table.rows) {
    for (std::size_t c = 0; c < cells.size(); ++c) {
      // Strings only: a cell that starts with '=' stays text, never a formula.
      worksheet_write_string(sheet, row, static_cast<lxw_col_t>(c), cells[c].c_str(), nullptr);
    }
    ++row;
  }
  worksheet_freeze_panes(sheet, 1, 0);
  worksheet_autofilter(sheet, 0, 0, row - 1, static_cast<lxw_col_t>(table.headings.size() - 1));
  if (workbook_close(workbook) != LXW_NO_ERROR) {
    throw std::runtime_error("cannot write the XLSX workbook");
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace aantafel::interchange

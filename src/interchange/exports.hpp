#pragma once

#include <string>
#include <vector>

#include "core/whoiswho/ports.hpp"

namespace aantafel::interchange {

/// Language of column headings and role names in exported files.
enum class ExportLanguage { kDutch, kEnglish };

/// A plain table for export: one sheet, a header row, text cells.
struct Table {
  std::string sheet;
  std::vector<std::string> headings;
  std::vector<double> widths;  ///< column widths in characters for XLSX (default 16)
  std::vector<std::vector<std::string>> rows;
};

/// CSV as Dutch Excel opens it without a wizard: UTF-8 with BOM, ';'-separated, CRLF, cells
/// that would start a formula defused.
std::string TableCsv(const Table& table);
/// XLSX workbook: one sheet, header row bold and frozen, filter on, every cell text. Throws
/// std::runtime_error when libxlsxwriter cannot write its temporary file.
std::string TableXlsx(const Table& table);

/// People with current positions as CSV: UTF-8 with BOM, ';'-separated, CRLF — what Dutch Excel
/// opens without a wizard.
std::string PeopleCsv(const std::vector<core::whoiswho::ExportLine>& lines,
                      ExportLanguage language);

/// The same table as an XLSX workbook (one sheet, header row frozen, filter on). Throws
/// std::runtime_error when libxlsxwriter cannot write its temporary file.
std::string PeopleXlsx(const std::vector<core::whoiswho::ExportLine>& lines,
                       ExportLanguage language);

}  // namespace aantafel::interchange

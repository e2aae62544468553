#pragma once

#include <string>
#include <vector>

#include "core/whoiswho/ports.hpp"

namespace aantafel::interchange {

/// Language of column headings and role names in exported files.
enum class ExportLanguage { kDutch, kEnglish };

/// People with current positions as CSV: UTF-8 with BOM, ';'-separated, CRLF — what Dutch Excel
/// opens without a wizard.
std::string PeopleCsv(const std::vector<core::whoiswho::ExportLine>& lines,
                      ExportLanguage language);

/// The same table as an XLSX workbook (one sheet, header row frozen, filter on). Throws
/// std::runtime_error when libxlsxwriter cannot write its temporary file.
std::string PeopleXlsx(const std::vector<core::whoiswho::ExportLine>& lines,
                       ExportLanguage language);

}  // namespace aantafel::interchange

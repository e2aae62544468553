#pragma once

#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/whoiswho/ports.hpp"

namespace aantafel::core::relations {
struct InteractionExportLine;
struct AgreementExportLine;
}  // namespace aantafel::core::relations
namespace aantafel::core::feedback {
struct Response;
}

namespace aantafel::interchange {

// Every file export of aantafel (Wie is wie, contacts, agreements, client feedback, services,
// financing) is a Table built here and written by TableCsv or TableXlsx, so they share one set
// of conventions: names instead of ids, headings and codes in the reader's language, times in
// Dutch local time (Europe/Amsterdam), dates as YYYY-MM-DD, lists joined with " | ", yes as
// "ja"/"yes" and no as an empty cell; CSV in UTF-8 with BOM, ';'-separated, CRLF.

/// Language of column headings, codes and role names in exported files.
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

/// A moment as Dutch local time, "YYYY-MM-DD HH:MM" (Excel reads it as a date and time).
std::string ExportDateTime(core::Instant instant);

/// Wie is wie: people with their current positions.
Table PeopleTable(const std::vector<core::whoiswho::ExportLine>& lines, ExportLanguage language);
/// Contacten: every contact with its organisation and people by name.
Table InteractionsTable(const std::vector<core::relations::InteractionExportLine>& lines,
                        ExportLanguage language);
/// Afspraken: every agreement with its status in words and each commitment's party by name.
Table AgreementsTable(const std::vector<core::relations::AgreementExportLine>& lines,
                      ExportLanguage language);
/// Cliëntfeedback: the responses (open answers as the reader may see them).
Table ResponsesTable(const std::vector<core::feedback::Response>& responses,
                     ExportLanguage language);

}  // namespace aantafel::interchange

#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace aantafel::interchange {

/// One CSV record with the line it starts on (1-based).
struct CsvRecord {
  int line = 0;
  std::vector<std::string> fields;
};

/// A CSV file read as RFC 4180 (quotes, doubled quotes, line breaks inside quotes; CRLF or LF).
struct CsvTable {
  char delimiter = ';';
  std::vector<CsvRecord> records;  ///< blank lines are left out
};

/// Why a CSV file could not be read, and where.
struct CsvProblem {
  int line = 0;
  enum class Kind { kNotUtf8, kUnclosedQuote, kEmpty } kind = Kind::kEmpty;
};

/// Reads `text` (UTF-8, with or without BOM). The delimiter is ';' or ',', whichever occurs more
/// often outside quotes in the first line (Dutch Excel writes ';').
std::variant<CsvTable, CsvProblem> ReadCsv(std::string_view text);

/// Appends one CSV record (quoted where needed) with CRLF, as spreadsheet programs expect.
void WriteCsvRecord(std::string& out, const std::vector<std::string>& fields, char delimiter);

}  // namespace aantafel::interchange

#include "interchange/contacts_csv.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <variant>

#include "core/validation.hpp"
#include "interchange/csv.hpp"

namespace aantafel::interchange {

using core::FieldIssue;

namespace {

enum class Column { kReference, kClient, kChannel, kValidDays };

struct ColumnName {
  std::string_view heading;
  Column column;
};

constexpr std::array<ColumnName, 12> kColumns{{
    {"referentie", Column::kReference},
    {"reference", Column::kReference},
    {"client", Column::kClient},
    {"cliënt", Column::kClient},
    {"telefoon", Column::kClient},
    {"phone", Column::kClient},
    {"e-mail", Column::kClient},
    {"email", Column::kClient},
    {"kanaal", Column::kChannel},
    {"channel", Column::kChannel},
    {"geldig_dagen", Column::kValidDays},
    {"valid_days", Column::kValidDays},
}};

std::string Lower(std::string_view text) { return core::LowerAscii(core::TrimAscii(text)); }

}  // namespace

ContactsFile ParseContactsCsv(std::string_view text, std::size_t max_rows) {
  ContactsFile file;
  auto read = ReadCsv(text);
  if (const auto* problem = std::get_if<CsvProblem>(&read)) {
    file.issues.push_back({.line = problem->line,
                           .field = "file",
                           .issue = problem->kind == CsvProblem::Kind::kNotUtf8
                                        ? FieldIssue::kInvalidUtf8
                                        : FieldIssue::kUnreadable});
    return file;
  }
  const CsvTable& table = std::get<CsvTable>(read);
  const CsvRecord& header = table.records.front();
  std::vector<Column> columns;
  std::vector<bool> seen(4, false);
  for (const std::string& heading : header.fields) {
    const std::string name = Lower(heading);
    const auto it = std::find_if(kColumns.begin(), kColumns.end(),
                                 [&](const ColumnName& c) { return c.heading == name; });
    if (it == kColumns.end()) {
      file.issues.push_back(
          {.line = header.line, .field = name, .issue = FieldIssue::kUnknownField});
      continue;
    }
    if (seen[static_cast<std::size_t>(it->column)]) {
      file.issues.push_back({.line = header.line, .field = name, .issue = FieldIssue::kDuplicate});
    }
    seen[static_cast<std::size_t>(it->column)] = true;
    columns.push_back(it->column);
  }
  if (!seen[static_cast<std::size_t>(Column::kReference)] &&
      !seen[static_cast<std::size_t>(Column::kClient)]) {
    file.issues.push_back(
        {.line = header.line, .field = "client", .issue = FieldIssue::kMissingColumn});
  }
  if (!file.issues.empty()) return file;
  if (table.records.size() < 2) {
    file.issues.push_back({.line = header.line, .field = "file", .issue = FieldIssue::kRequired});
    return file;
  }
  if (table.records.size() - 1 > max_rows) {
    file.issues.push_back(
        {.line = table.records[max_rows + 1].line, .field = "file", .issue = FieldIssue::kTooLong});
    return file;
  }
  for (std::size_t r = 1; r < table.records.size(); ++r) {
    const CsvRecord& record = table.records[r];
    if (record.fields.size() != columns.size()) {
      file.issues.push_back(
          {.line = record.line, .field = "row", .issue = FieldIssue::kInvalidFormat});
      continue;
    }
    ContactRow row{.line = record.line};
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const std::string& value = record.fields[c];
      switch (columns[c]) {
        case Column::kReference: row.reference = value; break;
        case Column::kClient: row.client = value; break;
        case Column::kChannel: row.channel = Lower(value); break;
        case Column::kValidDays: row.valid_days = value; break;
      }
    }
    file.rows.push_back(std::move(row));
  }
  return file;
}

}  // namespace aantafel::interchange

#include "interchange/csv.hpp"

#include "core/validation.hpp"

namespace aantafel::interchange {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

/// The line (1-based) of byte `offset`.
int LineOf(std::string_view text, std::size_t offset) {
  int line = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') ++line;
  }
  return line;
}

/// The first byte where `text` stops being valid UTF-8.
std::size_t FirstInvalidUtf8(std::string_view text) {
  // Binary search would need a validator that can start mid-sequence; lines are short, so
  // check line by line instead.
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (!core::IsValidUtf8(text.substr(start, end - start))) return start;
    start = end + 1;
  }
  return text.size();
}

char DetectDelimiter(std::string_view text) {
  int semicolons = 0;
  int commas = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n') break;
    if (c == ';') ++semicolons;
    if (c == ',') ++commas;
  }
  return commas > semicolons ? ',' : ';';
}

bool Blank(const std::vector<std::string>& fields) {
  for (const auto& f : fields) {
    if (!core::TrimAscii(f).empty()) return false;
  }
  return true;
}

}  // namespace

std::variant<CsvTable, CsvProblem> ReadCsv(std::string_view text) {
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  if (!core::IsValidUtf8(text)) {
    return CsvProblem{.line = LineOf(text, FirstInvalidUtf8(text)),
                      .kind = CsvProblem::Kind::kNotUtf8};
  }
  CsvTable table{.delimiter = DetectDelimiter(text)};
  CsvRecord record{.line = 1};
  std::string field;
  bool quoted = false;
  bool was_quoted = false;
  int line = 1;
  int quote_line = 0;
  auto end_field = [&] {
    record.fields.push_back(was_quoted ? std::move(field) : std::string(core::TrimAscii(field)));
    field.clear();
    was_quoted = false;
  };
  auto end_record = [&] {
    end_field();
    if (!Blank(record.fields)) table.records.push_back(std::move(record));
    record = CsvRecord{.line = line};
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"' && core::TrimAscii(field).empty()) {
      quoted = true;
      was_quoted = true;
      quote_line = line;
      field.clear();
    } else if (c == table.delimiter) {
      end_field();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      continue;
    } else if (c == '\n') {
      ++line;
      end_record();
    } else {
      field += c;
    }
  }
  if (quoted) return CsvProblem{.line = quote_line, .kind = CsvProblem::Kind::kUnclosedQuote};
  end_record();
  if (table.records.empty()) return CsvProblem{.line = 0, .kind = CsvProblem::Kind::kEmpty};
  return table;
}

void WriteCsvRecord(std::string& out, const std::vector<std::string>& fields, char delimiter) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += delimiter;
    const std::string& f = fields[i];
    // Quote where needed; also neutralise formulas a spreadsheet would run (CSV injection), but
    // leave phone numbers such as "+31 6 12345678" as they are.
    const bool sign = !f.empty() && (f[0] == '+' || f[0] == '-');
    const bool formula =
        !f.empty() && (f[0] == '=' || f[0] == '@' ||
                       (sign && f.find_first_not_of("0123456789 -()+") != std::string::npos));
    const bool quote = formula || f.find_first_of("\"\r\n;,") != std::string::npos;
    if (!quote) {
      out += f;
      continue;
    }
    out += '"';
    if (formula) out += '\'';
    for (char c : f) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  out += "\r\n";
}

}  // namespace aantafel::interchange

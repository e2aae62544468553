// The generic CSV reader under every CSV import (RFC 4180, ';' or ',', BOM, CRLF or LF). A table
// that was read is written back with WriteCsvRecord (the export path) as well.
#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>

#include "interchange/csv.hpp"
#include "support/text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace aantafel::interchange;
  const auto read = ReadCsv(aantafel::fuzz::AsText(data, size));
  if (const auto* table = std::get_if<CsvTable>(&read)) {
    std::string out;
    for (const auto& record : table->records) WriteCsvRecord(out, record.fields, table->delimiter);
  }
  return 0;
}

#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/social_map/service.hpp"
#include "interchange/exports.hpp"

namespace aantafel::interchange {

/// What a services file gave: rows (checked in core), or problems naming line and column.
struct ServicesFile {
  std::vector<core::social_map::ServiceRow> rows;
  std::vector<core::social_map::RowProblem> problems;
};

/// Reads a services CSV (';' or ',', UTF-8 with or without BOM) with a header row. Columns,
/// Dutch or English, any order: organisatie/organisation, naam/name, domein/domain, wet/law,
/// doelgroepen/target_groups (separated by '|' or ','), gebieden/areas (CBS codes separated by
/// spaces or ','), contact, capaciteit/capacity, wachttijd_weken/waiting_weeks,
/// gepubliceerd/published (ja/nee, yes/no). Domains and laws by their API names or Dutch names
/// ("huishoudelijke hulp", "jeugdwet", "vrij toegankelijk"). At most `max_rows` rows.
ServicesFile ParseServicesCsv(std::string_view text, std::size_t max_rows = 2000);

/// Services as a table for CSV/XLSX export (the same columns, Dutch or English headings).
Table ServicesTable(const std::vector<core::social_map::Service>& services,
                    ExportLanguage language);

}  // namespace aantafel::interchange

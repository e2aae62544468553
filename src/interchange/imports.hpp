#pragma once

#include <string_view>

#include "core/whoiswho/import.hpp"

namespace aantafel::interchange {

/// A CSV of people and positions (see docs/imports.md for the columns). Never throws: every
/// problem becomes an ImportIssue with its line.
core::whoiswho::ParsedPeople ParsePeopleCsv(std::string_view text);

/// An Overheidsalmanak exportOO.xml: municipalities (gemeente) with seats (zetel) and
/// functionaries (functie/medewerker). Element names are matched without their namespace.
core::whoiswho::ParsedPeople ParseAlmanakXml(std::string_view text);

/// A CBS "Gebieden in Nederland" table as one JSON document
/// {"DataProperties": …, "TypedDataSet": …} (each an array or an OData {"value": array}).
/// Columns are found by their titles in DataProperties, not by their year-specific keys.
core::whoiswho::ParsedMunicipalities ParseCbsJson(std::string_view text);

}  // namespace aantafel::interchange

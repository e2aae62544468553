#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "core/social_map/model.hpp"
#include "core/whoiswho/import.hpp"

namespace aantafel::interchange {

/// A CSV of people and positions (see docs/imports.md for the columns). Never throws: every
/// problem becomes an ImportIssue with its line.
core::whoiswho::ParsedPeople ParsePeopleCsv(std::string_view text);

/// An Overheidsalmanak exportOO.xml: municipalities (gemeente) with seats (zetel) and
/// functionaries (functie/medewerker). Element names are matched without their namespace.
core::whoiswho::ParsedPeople ParseAlmanakXml(std::string_view text);

/// A CBS StatLine table with a municipality dimension or a "Naam"/"Gemeentenaam" column (e.g.
/// 86059NED "Gebieden in Nederland", 85984NED "Kerncijfers wijken en buurten") as CBS's OData
/// v3 API publishes it: the TypedDataSet and DataProperties answers as two documents (in any
/// order), or one document {"DataProperties": …, "TypedDataSet": …}. Columns are found by their
/// titles in DataProperties, not by their year-specific keys; padded codes are trimmed; rows
/// other than municipalities are left out. A page with a next link is refused (incomplete).
core::whoiswho::ParsedMunicipalities ParseCbsJson(std::span<const std::string_view> documents);
/// CBS "Kerncijfers wijken en buurten" (e.g. 85984NED for 2024): the TypedDataSet answer (a
/// DataProperties answer may come along and is not needed), rows of municipalities, districts
/// and neighbourhoods with inhabitants, inhabitants aged 65+ and households. Columns are found by
/// the stem of their keys ("AantalInwoners_5"), which CBS keeps from year to year. `year`: the
/// year described; when absent, taken from the table id (85984NED → 2024).
core::social_map::ParsedFigures ParseAreaFigures(std::span<const std::string_view> documents,
                                                 std::optional<int> year);
/// One document (a bundle, or the fuzzer's input).
core::whoiswho::ParsedMunicipalities ParseCbsJson(std::string_view text);

}  // namespace aantafel::interchange

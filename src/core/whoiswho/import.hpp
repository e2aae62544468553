#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/whoiswho/model.hpp"

namespace aantafel::core::whoiswho {

/// Why one row (or the whole file, line 0) of an import was rejected.
struct ImportIssue {
  int line = 0;       ///< 1-based line (CSV), line of the element (XML), row number (JSON)
  std::string field;  ///< the column or element; "file" for the file as a whole
  FieldIssue issue = FieldIssue::kInvalidFormat;
  bool operator==(const ImportIssue&) const = default;
};

/// One person, and optionally one position, read from a file. Values are raw text; the
/// service validates them with the same rules as the forms.
struct ImportRow {
  int line = 0;
  std::string name;
  std::string email;
  std::string phone;
  std::string municipality;  ///< CBS code "GMnnnn" or municipality name; may be empty
  std::string organisation;  ///< a non-municipal organisation's name; may be empty
  std::string kind;          ///< position kind as code or Dutch label; empty = person only
  std::string title;
  std::string party;
  std::vector<std::string> portfolios;
  std::vector<std::string> domains;
  std::vector<std::string> committees;
  std::string started_on;  ///< YYYY-MM-DD
  std::string ended_on;    ///< YYYY-MM-DD or empty
  bool fictional = false;  ///< a demo person (only for new people)
};

/// What a file says about one municipality besides its people: the council's seat distribution
/// and facts (inhabitants, total seats, website, province).
struct ImportMunicipality {
  int line = 0;
  std::string municipality;      ///< CBS code or name
  std::vector<SeatCount> seats;  ///< empty: the file has no distribution
  MunicipalityFacts facts;
};

/// What a people file (CSV or Almanak XML) contained.
struct ParsedPeople {
  std::string kind;  ///< "people_csv" or "almanak"
  std::vector<ImportRow> rows;
  std::vector<ImportMunicipality> municipalities;
  std::vector<ImportIssue> issues;  ///< problems the parser found
  int skipped = 0;                  ///< functions aantafel does not track
};

/// What a municipalities file (CBS) contained.
struct ParsedMunicipalities {
  std::vector<std::pair<int, Municipality>> rows;  ///< row number and municipality
  std::vector<ImportIssue> issues;
};

/// The outcome of an import or a dry run.
struct ImportReport {
  std::string kind;
  bool dry_run = false;
  bool applied = false;
  int rows = 0;
  int municipalities = 0;
  int municipalities_added = 0;
  int municipalities_updated = 0;
  int organisations_added = 0;
  int people_added = 0;
  int people_matched = 0;
  int positions_added = 0;
  int positions_updated = 0;
  int positions_unchanged = 0;
  int positions_skipped = 0;
  int seats_updated = 0;
  int facts_updated = 0;  ///< municipalities whose inhabitants, seats, website or province changed
  std::vector<ImportIssue> rejected;
};

/// A refused import changes nothing, so its report counts no changes (only rows and problems).
void ClearChanges(ImportReport& report);

/// A position kind from a file: the code ("alderman") or the Dutch name ("Wethouder",
/// "Raadslid", "Lid van de gemeenteraad", …), case-insensitive.
std::optional<PositionKind> PositionKindFromLabel(std::string_view label);

/// "2026-03-05", "05-03-2026", "5-3-2026" or "2026-03-05T00:00:00" as "2026-03-05"; other text
/// unchanged (the validator rejects it).
std::string NormaliseDate(std::string_view text);

/// Strips a leading "Gemeente " and folds case and spaces, to match municipality names.
std::string MunicipalityNameKey(std::string_view name);

}  // namespace aantafel::core::whoiswho

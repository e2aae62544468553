#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace aantafel::interchange {

/// One contact to invite, as read from a CSV file of the provider's own system.
struct ContactRow {
  int line = 0;
  std::string reference;
  std::string client;      ///< phone number or e-mail address (may be empty)
  std::string channel;     ///< empty: the caller's default
  std::string valid_days;  ///< as written; checked in core
};

/// What a contacts file gave: rows, or problems naming line and column.
struct ContactsFile {
  std::vector<ContactRow> rows;
  struct Issue {
    int line = 0;
    std::string field;
    core::FieldIssue issue = core::FieldIssue::kUnreadable;
  };
  std::vector<Issue> issues;
};

/// Reads a contacts CSV (';' or ',', UTF-8 with or without BOM) with a header row. Columns,
/// Dutch or English, any order: referentie/reference, client (or telefoon, phone, e-mail,
/// email), kanaal/channel, geldig_dagen/valid_days. At most `max_rows` rows.
ContactsFile ParseContactsCsv(std::string_view text, std::size_t max_rows = 1000);

}  // namespace aantafel::interchange

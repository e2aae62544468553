#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "core/validation.hpp"
#include "interchange/imports.hpp"

namespace aantafel::interchange {

using core::FieldIssue;
using core::whoiswho::Municipality;
using core::whoiswho::ParsedMunicipalities;
using nlohmann::json;

namespace {

std::string Lower(std::string_view text) {
  std::string out(core::TrimAscii(text));
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string Str(const json& object, std::string_view key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

/// The rows of an OData answer ({"value": […]}) or a plain array; null when neither.
const json* RowsOf(const json& document) {
  if (document.is_array()) return &document;
  if (document.is_object()) {
    auto value = document.find("value");
    if (value != document.end() && value->is_array()) return &*value;
  }
  return nullptr;
}

/// A page of a longer answer: CBS pages TypedDataSet at 10,000 rows (v3 "odata.nextLink", v4
/// "@odata.nextLink"). A file with a next link is not the whole table.
bool HasNextPage(const json& document) {
  return document.is_object() &&
         (document.contains("odata.nextLink") || document.contains("@odata.nextLink"));
}

/// What one JSON document is, from its OData metadata link or the shape of its rows.
enum class Part { kBundle, kProperties, kDataSet, kUnknown };

Part Classify(const json& document) {
  if (document.is_object() &&
      (document.contains("DataProperties") || document.contains("TypedDataSet"))) {
    return Part::kBundle;
  }
  const std::string metadata = document.is_object() ? Str(document, "odata.metadata") : "";
  if (metadata.ends_with("DataProperties")) return Part::kProperties;
  if (metadata.ends_with("TypedDataSet") || metadata.ends_with("UntypedDataSet")) {
    return Part::kDataSet;
  }
  const json* rows = RowsOf(document);
  if (rows == nullptr || rows->empty() || !(*rows)[0].is_object()) return Part::kUnknown;
  const json& first = (*rows)[0];
  if (first.contains("Type") && (first.contains("Key") || first.contains("Title"))) {
    return Part::kProperties;
  }
  return Part::kDataSet;
}

/// The data keys of the columns we need, found by title. CBS numbers keys anew in every table
/// and year ("Naam_2", "Naam_28", …) but keeps titles and groups: "Naam" under "Provincies".
struct Columns {
  std::string code;  ///< the geographic dimension (RegioS, WijkenEnBuurten, …)
  std::string name;
  std::string province;
  std::string care_office_region;
  std::string youth_region;
  std::string population;
};

Columns FindColumns(const json& properties) {
  std::map<std::string, std::string> group_title;  // ID → lower-case title
  for (const json& p : properties) {
    if (!p.is_object()) continue;
    if (auto id = p.find("ID"); id != p.end() && !id->is_null()) {
      group_title[id->dump()] = Lower(Str(p, "Title"));
    }
  }
  Columns c;
  for (const json& p : properties) {
    if (!p.is_object()) continue;
    const std::string key = Str(p, "Key");
    const std::string title = Lower(Str(p, "Title"));
    const std::string type = Str(p, "Type");
    std::string group;
    if (auto parent = p.find("ParentID"); parent != p.end() && !parent->is_null()) {
      group = group_title[parent->dump()];
    }
    if (key.empty()) continue;
    auto in_group = [&](std::string_view word) { return group.find(word) != std::string::npos; };
    const bool is_name = title == "naam" || title == "name";
    if (type == "GeoDimension") {
      if (c.code.empty()) c.code = key;
    } else if (type == "Dimension") {
      if (c.code.empty() && (key == "RegioS" || title.find("regio") != std::string::npos)) {
        c.code = key;
      }
    } else if (title == "gemeentenaam" || title == "municipality name" ||
               (is_name && (group.empty() || in_group("gemeente")))) {
      // The municipality's own name: "Gemeentenaam", or "Naam" at the top level or under
      // "Codes en namen van gemeenten" (not under a region group such as "Provincies").
      if (c.name.empty()) c.name = key;
    } else if (is_name && in_group("provincie")) {
      c.province = key;
    } else if (is_name && in_group("zorgkantoor")) {
      c.care_office_region = key;
    } else if (is_name && in_group("jeugd")) {
      c.youth_region = key;
    } else if (title.find("inwoner") != std::string::npos && c.population.empty()) {
      c.population = key;
    }
  }
  return c;
}

std::optional<std::string> Optional(const json& row, const std::string& key) {
  if (key.empty()) return std::nullopt;
  std::string value(core::TrimAscii(Str(row, key)));
  if (value.empty()) return std::nullopt;
  return value;
}

void ReadRows(const json& rows, const Columns& columns, ParsedMunicipalities& parsed) {
  auto reject = [&](int line, std::string field, FieldIssue issue) {
    parsed.issues.push_back({.line = line, .field = std::move(field), .issue = issue});
  };
  int line = 0;
  for (const json& row : rows) {
    ++line;
    if (!row.is_object()) {
      reject(line, "row", FieldIssue::kInvalidType);
      continue;
    }
    // Codes are right-padded with spaces; only municipalities (GM) are taken, not the country
    // (NL01), provinces (PV), districts (WK) or neighbourhoods (BU).
    const std::string code(core::TrimAscii(Str(row, columns.code)));
    if (!code.starts_with("GM")) continue;
    Municipality m{.code = code,
                   .name = std::string(core::TrimAscii(Str(row, columns.name))),
                   .province = Optional(row, columns.province),
                   .care_office_region = Optional(row, columns.care_office_region),
                   .youth_region = Optional(row, columns.youth_region)};
    if (!columns.population.empty()) {
      auto it = row.find(columns.population);
      if (it != row.end() && it->is_number_integer()) {
        m.population = it->get<std::int64_t>();
      } else if (it != row.end() && it->is_number_float() && it->get<double>() >= 0 &&
                 it->get<double>() ==
                     static_cast<double>(static_cast<std::int64_t>(it->get<double>()))) {
        m.population = static_cast<std::int64_t>(it->get<double>());
      } else if (it != row.end() && !it->is_null()) {
        reject(line, columns.population, FieldIssue::kInvalidType);
        continue;
      }
    }
    parsed.rows.emplace_back(line, std::move(m));
  }
}

}  // namespace

ParsedMunicipalities ParseCbsJson(std::span<const std::string_view> documents) {
  ParsedMunicipalities parsed;
  auto reject = [&](int line, std::string field, FieldIssue issue) {
    parsed.issues.push_back({.line = line, .field = std::move(field), .issue = issue});
  };
  if (documents.empty() || documents.size() > 2) {
    reject(0, "file", FieldIssue::kUnreadable);
    return parsed;
  }
  json properties_doc;
  json data_doc;
  bool have_properties = false;
  bool have_data = false;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    json document = json::parse(documents[i], nullptr, false);
    const std::string file = documents.size() == 1 ? "file" : "file[" + std::to_string(i) + "]";
    if (document.is_discarded() || !(document.is_object() || document.is_array())) {
      reject(0, file, FieldIssue::kUnreadable);
      continue;
    }
    switch (Classify(document)) {
      case Part::kBundle:
        if (document.contains("DataProperties")) {
          properties_doc = std::move(document["DataProperties"]);
          have_properties = true;
        }
        if (document.contains("TypedDataSet")) {
          data_doc = std::move(document["TypedDataSet"]);
          have_data = true;
        }
        break;
      case Part::kProperties:
        if (have_properties) reject(0, "DataProperties", FieldIssue::kDuplicate);
        properties_doc = std::move(document);
        have_properties = true;
        break;
      case Part::kDataSet:
        if (have_data) reject(0, "TypedDataSet", FieldIssue::kDuplicate);
        data_doc = std::move(document);
        have_data = true;
        break;
      case Part::kUnknown: reject(0, file, FieldIssue::kUnreadable); break;
    }
  }
  if (!parsed.issues.empty()) return parsed;
  const json* properties = have_properties ? RowsOf(properties_doc) : nullptr;
  const json* rows = have_data ? RowsOf(data_doc) : nullptr;
  if (properties == nullptr) reject(0, "DataProperties", FieldIssue::kMissingColumn);
  if (rows == nullptr) reject(0, "TypedDataSet", FieldIssue::kMissingColumn);
  if (have_data && HasNextPage(data_doc)) reject(0, "odata.nextLink", FieldIssue::kIncomplete);
  if (!parsed.issues.empty()) return parsed;
  const Columns columns = FindColumns(*properties);
  if (columns.code.empty()) reject(0, "RegioS", FieldIssue::kMissingColumn);
  if (columns.name.empty()) reject(0, "Gemeentenaam", FieldIssue::kMissingColumn);
  if (!parsed.issues.empty()) return parsed;
  ReadRows(*rows, columns, parsed);
  return parsed;
}

ParsedMunicipalities ParseCbsJson(std::string_view text) {
  const std::string_view documents[] = {text};
  return ParseCbsJson(documents);
}

}  // namespace aantafel::interchange

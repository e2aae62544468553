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

std::string Lower(std::string_view text) { return core::LowerAscii(core::TrimAscii(text)); }

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

/// The entity set an OData v4 answer holds: "Observations" from
/// "https://…/CBS/85755NED/$metadata#Observations"; empty for other documents.
std::string V4EntitySet(const json& document) {
  if (!document.is_object()) return {};
  const std::string context = Str(document, "@odata.context");
  const auto hash = context.rfind('#');
  return hash == std::string::npos ? std::string() : context.substr(hash + 1);
}

/// Which municipality fact a measure (or v3 column) with this title in this group holds.
enum class Fact { kNone, kName, kProvince, kCareOffice, kYouth, kPopulation };

Fact FactOf(const std::string& title, const std::string& group) {
  auto in_group = [&](std::string_view word) { return group.find(word) != std::string::npos; };
  const bool is_name = title == "naam" || title == "name";
  if (title == "gemeentenaam" || title == "municipality name" ||
      (is_name && (group.empty() || in_group("gemeente")))) {
    return Fact::kName;
  }
  if (is_name && in_group("provincie")) return Fact::kProvince;
  if (is_name && in_group("zorgkantoor")) return Fact::kCareOffice;
  if (is_name && in_group("jeugd")) return Fact::kYouth;
  if (title.find("inwoner") != std::string::npos) return Fact::kPopulation;
  return Fact::kNone;
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
    if (type == "GeoDimension") {
      if (c.code.empty()) c.code = key;
      continue;
    }
    if (type == "Dimension") {
      if (c.code.empty() && (key == "RegioS" || title.find("regio") != std::string::npos)) {
        c.code = key;
      }
      continue;
    }
    // The municipality's own name is "Gemeentenaam", or "Naam" at the top level or under "Codes
    // en namen van gemeenten" (not under a region group such as "Provincies").
    switch (FactOf(title, group)) {
      case Fact::kName:
        if (c.name.empty()) c.name = key;
        break;
      case Fact::kProvince: c.province = key; break;
      case Fact::kCareOffice: c.care_office_region = key; break;
      case Fact::kYouth: c.youth_region = key; break;
      case Fact::kPopulation:
        if (c.population.empty()) c.population = key;
        break;
      case Fact::kNone: break;
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

/// CBS OData v4 (odata4.cbs.nl, datasets.cbs.nl): one row per (region, measure) in
/// Observations, the measures' titles in MeasureCodes, their groups in MeasureGroups, the
/// dimensions in Dimensions and the regions' own titles in <GeoDimension>Codes.
void ReadV4(const std::map<std::string, json>& parts, ParsedMunicipalities& parsed) {
  auto reject = [&](int line, std::string field, FieldIssue issue) {
    parsed.issues.push_back({.line = line, .field = std::move(field), .issue = issue});
  };
  for (const char* required : {"Observations", "MeasureCodes"}) {
    if (!parts.contains(required)) reject(0, required, FieldIssue::kMissingColumn);
  }
  if (!parsed.issues.empty()) return;
  if (HasNextPage(parts.at("Observations"))) {
    reject(0, "@odata.nextLink", FieldIssue::kIncomplete);
    return;
  }
  std::string geo = "RegioS";
  if (auto it = parts.find("Dimensions"); it != parts.end()) {
    if (const json* rows = RowsOf(it->second)) {
      for (const json& d : *rows) {
        if (d.is_object() && Str(d, "Kind") == "GeoDimension") geo = Str(d, "Identifier");
      }
    }
  }
  std::map<std::string, std::string> group_title;
  if (auto it = parts.find("MeasureGroups"); it != parts.end()) {
    if (const json* rows = RowsOf(it->second)) {
      for (const json& g : *rows) {
        if (g.is_object()) group_title[Str(g, "Id")] = Lower(Str(g, "Title"));
      }
    }
  }
  std::map<std::string, Fact> facts;  // measure identifier → fact
  for (const json& m : *RowsOf(parts.at("MeasureCodes"))) {
    if (!m.is_object()) continue;
    const Fact fact = FactOf(Lower(Str(m, "Title")), group_title[Str(m, "MeasureGroupId")]);
    if (fact != Fact::kNone) facts.emplace(Str(m, "Identifier"), fact);
  }
  std::map<std::string, std::string> region_title;
  if (auto it = parts.find(geo + "Codes"); it != parts.end()) {
    if (const json* rows = RowsOf(it->second)) {
      for (const json& r : *rows) {
        if (r.is_object()) {
          region_title[std::string(core::TrimAscii(Str(r, "Identifier")))] =
              std::string(core::TrimAscii(Str(r, "Title")));
        }
      }
    }
  }
  std::map<std::string, std::pair<int, Municipality>> by_code;  // in order of first sight
  std::vector<std::string> order;
  const json* rows = RowsOf(parts.at("Observations"));
  if (rows == nullptr) {
    reject(0, "Observations", FieldIssue::kUnreadable);
    return;
  }
  int line = 0;
  for (const json& o : *rows) {
    ++line;
    if (!o.is_object()) {
      reject(line, "row", FieldIssue::kInvalidType);
      continue;
    }
    const std::string code(core::TrimAscii(Str(o, geo)));
    if (!code.starts_with("GM")) continue;
    auto fact = facts.find(Str(o, "Measure"));
    auto [entry, added] = by_code.try_emplace(code, line, Municipality{.code = code});
    if (added) order.push_back(code);
    if (fact == facts.end()) continue;
    Municipality& m = entry->second.second;
    std::string text(core::TrimAscii(Str(o, "StringValue")));
    auto value = o.find("Value");
    switch (fact->second) {
      case Fact::kName: m.name = text; break;
      case Fact::kProvince:
        if (!text.empty()) m.province = text;
        break;
      case Fact::kCareOffice:
        if (!text.empty()) m.care_office_region = text;
        break;
      case Fact::kYouth:
        if (!text.empty()) m.youth_region = text;
        break;
      case Fact::kPopulation:
        if (value != o.end() && value->is_number_integer()) {
          m.population = value->get<std::int64_t>();
        } else if (value != o.end() && !value->is_null()) {
          reject(line, "Value", FieldIssue::kInvalidType);
        }
        break;
      case Fact::kNone: break;
    }
  }
  for (const auto& code : order) {
    auto& [first_line, m] = by_code[code];
    if (m.name.empty()) m.name = region_title[code];
    parsed.rows.emplace_back(first_line, std::move(m));
  }
}

}  // namespace

ParsedMunicipalities ParseCbsJson(std::span<const std::string_view> documents) {
  ParsedMunicipalities parsed;
  auto reject = [&](int line, std::string field, FieldIssue issue) {
    parsed.issues.push_back({.line = line, .field = std::move(field), .issue = issue});
  };
  if (documents.empty() || documents.size() > 6) {
    reject(0, "file", FieldIssue::kUnreadable);
    return parsed;
  }
  json properties_doc;
  json data_doc;
  bool have_properties = false;
  bool have_data = false;
  std::map<std::string, json> v4;  // OData v4 answers by entity set
  for (std::size_t i = 0; i < documents.size(); ++i) {
    json document = json::parse(documents[i], nullptr, false);
    const std::string file = documents.size() == 1 ? "file" : "file[" + std::to_string(i) + "]";
    if (document.is_discarded() || !(document.is_object() || document.is_array())) {
      reject(0, file, FieldIssue::kUnreadable);
      continue;
    }
    // One object holding OData v4 answers by name (the API's body): each is a document.
    if (document.is_object() && document.contains("Observations") &&
        !V4EntitySet(document["Observations"]).empty()) {
      for (auto it = document.begin(); it != document.end(); ++it) {
        std::string set = V4EntitySet(it.value());
        if (set.empty()) set = it.key();
        if (!v4.emplace(set, std::move(it.value())).second) {
          reject(0, set, FieldIssue::kDuplicate);
        }
      }
      continue;
    }
    if (std::string set = V4EntitySet(document); !set.empty()) {
      if (!v4.emplace(set, std::move(document)).second) reject(0, set, FieldIssue::kDuplicate);
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
  if (!v4.empty()) {
    if (have_properties || have_data) reject(0, "file", FieldIssue::kUnreadable);  // v3 and v4
    if (parsed.issues.empty()) ReadV4(v4, parsed);
    return parsed;
  }
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

namespace {

/// "AantalInwoners_5" → "AantalInwoners": CBS keeps a column's stem from year to year and only
/// renumbers the suffix.
std::string_view KeyStem(std::string_view key) {
  const auto underscore = key.rfind('_');
  if (underscore == std::string_view::npos || underscore + 1 == key.size()) return key;
  for (std::size_t i = underscore + 1; i < key.size(); ++i) {
    if (key[i] < '0' || key[i] > '9') return key;
  }
  return key.substr(0, underscore);
}

/// The year a "Kerncijfers wijken en buurten" table describes, from its id in odata.metadata.
std::optional<int> KnownYear(const json& document) {
  static constexpr std::pair<std::string_view, int> kTables[] = {
      {"86165NED", 2025}, {"85984NED", 2024}, {"85618NED", 2023}, {"85318NED", 2022}};
  const std::string metadata = document.is_object() ? Str(document, "odata.metadata") : "";
  for (const auto& [id, year] : kTables) {
    if (metadata.find(id) != std::string::npos) return year;
  }
  return std::nullopt;
}

}  // namespace

core::social_map::ParsedFigures ParseAreaFigures(std::span<const std::string_view> documents,
                                                 std::optional<int> year) {
  core::social_map::ParsedFigures parsed;
  auto reject = [&](int line, std::string field, FieldIssue issue) {
    parsed.issues.push_back({.line = line, .field = std::move(field), .issue = issue});
  };
  json data;
  for (const std::string_view text : documents) {
    json document = json::parse(text, nullptr, false);
    if (document.is_discarded()) {
      reject(0, "file", FieldIssue::kUnreadable);
      continue;
    }
    if (document.is_object() && document.contains("TypedDataSet")) {
      document = std::move(document["TypedDataSet"]);
    }
    // DataProperties (titles) are not needed: the columns are found by their stems.
    if (Classify(document) == Part::kDataSet && data.is_null()) data = std::move(document);
  }
  if (!parsed.issues.empty()) return parsed;
  const json* rows = data.is_null() ? nullptr : RowsOf(data);
  if (rows == nullptr) {
    reject(0, "TypedDataSet", FieldIssue::kMissingColumn);
    return parsed;
  }
  if (HasNextPage(data)) {
    reject(0, "odata.nextLink", FieldIssue::kIncomplete);
    return parsed;
  }
  if (!year) year = KnownYear(data);
  if (!year) {
    reject(0, "year", FieldIssue::kRequired);
    return parsed;
  }
  std::string code_key;
  std::string inhabitants_key;
  std::string aged_key;
  std::string households_key;
  if (!rows->empty() && (*rows)[0].is_object()) {
    for (auto it = (*rows)[0].begin(); it != (*rows)[0].end(); ++it) {
      const std::string_view stem = KeyStem(it.key());
      if (stem == "WijkenEnBuurten" || stem == "RegioS") code_key = it.key();
      if (stem == "AantalInwoners") inhabitants_key = it.key();
      if (stem == "k_65JaarOfOuder") aged_key = it.key();
      if (stem == "HuishoudensTotaal") households_key = it.key();
    }
  }
  if (code_key.empty()) reject(0, "WijkenEnBuurten", FieldIssue::kMissingColumn);
  if (inhabitants_key.empty()) reject(0, "AantalInwoners", FieldIssue::kMissingColumn);
  if (!parsed.issues.empty()) return parsed;
  int line = 0;
  for (const json& row : *rows) {
    ++line;
    if (!row.is_object()) {
      reject(line, "row", FieldIssue::kInvalidType);
      continue;
    }
    const std::string code(core::TrimAscii(Str(row, code_key)));
    if (!code.starts_with("GM") && !code.starts_with("WK") && !code.starts_with("BU")) continue;
    auto count = [&](const std::string& key) -> std::optional<std::int64_t> {
      if (key.empty()) return std::nullopt;
      auto it = row.find(key);
      if (it == row.end() || it->is_null()) return std::nullopt;  // suppressed by CBS
      if (it->is_number_integer()) return it->get<std::int64_t>();
      reject(line, key, FieldIssue::kInvalidType);
      return std::nullopt;
    };
    parsed.rows.emplace_back(line,
                             core::social_map::AreaFigures{.code = code,
                                                           .year = *year,
                                                           .inhabitants = count(inhabitants_key),
                                                           .aged_65_plus = count(aged_key),
                                                           .households = count(households_key)});
  }
  return parsed;
}

}  // namespace aantafel::interchange

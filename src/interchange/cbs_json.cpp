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

/// An array, or the "value" array of an OData answer; null when neither.
const json* Rows(const json& document, std::string_view key) {
  auto it = document.find(key);
  if (it == document.end()) return nullptr;
  if (it->is_array()) return &*it;
  if (it->is_object()) {
    auto value = it->find("value");
    if (value != it->end() && value->is_array()) return &*value;
  }
  return nullptr;
}

std::string Str(const json& object, std::string_view key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

/// The data keys of the columns we need, found by title. CBS renames keys every year
/// ("Naam_2", "Naam_4", …) but keeps titles and groups: "Naam" under "Provincies", etc.
struct Columns {
  std::string code;  // the RegioS dimension
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
    if (type == "GeoDimension" || type == "Dimension") {
      if (key == "RegioS" || title.find("regio") != std::string::npos) c.code = key;
    } else if (title == "gemeentenaam" || title == "municipality name" ||
               (is_name && in_group("gemeente"))) {
      if (c.name.empty()) c.name = key;
    } else if (is_name && in_group("provincie")) {
      c.province = key;
    } else if (is_name && in_group("zorgkantoor")) {
      c.care_office_region = key;
    } else if (is_name && in_group("jeugd")) {
      c.youth_region = key;
    } else if (title.find("inwoners") != std::string::npos && c.population.empty()) {
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

}  // namespace

ParsedMunicipalities ParseCbsJson(std::string_view text) {
  ParsedMunicipalities parsed;
  auto reject = [&](int line, std::string field, FieldIssue issue) {
    parsed.issues.push_back({.line = line, .field = std::move(field), .issue = issue});
  };
  const json document = json::parse(text, nullptr, false);
  if (document.is_discarded() || !document.is_object()) {
    reject(0, "file", FieldIssue::kUnreadable);
    return parsed;
  }
  const json* properties = Rows(document, "DataProperties");
  const json* rows = Rows(document, "TypedDataSet");
  if (properties == nullptr) reject(0, "DataProperties", FieldIssue::kMissingColumn);
  if (rows == nullptr) reject(0, "TypedDataSet", FieldIssue::kMissingColumn);
  if (!parsed.issues.empty()) return parsed;
  const Columns columns = FindColumns(*properties);
  if (columns.code.empty()) reject(0, "RegioS", FieldIssue::kMissingColumn);
  if (columns.name.empty()) reject(0, "Gemeentenaam", FieldIssue::kMissingColumn);
  if (!parsed.issues.empty()) return parsed;

  int line = 0;
  for (const json& row : *rows) {
    ++line;
    if (!row.is_object()) {
      reject(line, "row", FieldIssue::kInvalidType);
      continue;
    }
    // Codes are right-padded with spaces; only municipalities (GM) are taken.
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
      } else if (it != row.end() && !it->is_null()) {
        reject(line, columns.population, FieldIssue::kInvalidType);
        continue;
      }
    }
    parsed.rows.emplace_back(line, std::move(m));
  }
  return parsed;
}

}  // namespace aantafel::interchange

#include "core/whoiswho/register.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

#include "core/hash.hpp"
#include "core/knowledge.hpp"
#include "core/knowledge_reader.hpp"

namespace aantafel::core::whoiswho {

using nlohmann::json;

namespace {

bool IsProvinceCode(std::string_view code) {
  return code.size() == 4 && code.starts_with("PV") && std::isdigit(code[2]) != 0 &&
         std::isdigit(code[3]) != 0;
}

/// WKggggxx, where gggg is the municipality's number and xx two digits or letters (Amsterdam).
bool IsDistrictCodeOf(std::string_view code, std::string_view municipality) {
  if (code.size() != 8 || !code.starts_with("WK") || code.substr(2, 4) != municipality.substr(2))
    return false;
  return std::all_of(code.begin() + 6, code.end(),
                     [](unsigned char c) { return std::isalnum(c) != 0; });
}

std::optional<std::string> OptionalText(KnowledgeReader& r, const char* key) {
  std::string value = r.String(key, false);
  if (value.empty()) return std::nullopt;
  return value;
}

}  // namespace

std::vector<std::string> EndingMunicipalities(const Reorganisation& reorganisation) {
  std::vector<std::string> ending;
  for (const auto& code : reorganisation.from) {
    if (std::find(reorganisation.to.begin(), reorganisation.to.end(), code) ==
        reorganisation.to.end()) {
      ending.push_back(code);
    }
  }
  return ending;
}

Result<Register> ParseRegister(std::string_view text) {
  const json document = json::parse(text, nullptr, false);
  FieldErrors errors;
  if (document.is_discarded()) return Error::Field("register", FieldIssue::kUnreadable);
  KnowledgeReader root(document, "register", errors);
  CheckKeys(document, "register",
            {"year", "reference_date", "source", "licence", "attribution", "regions_source",
             "provinces", "municipalities", "reorganisations"},
            errors);
  Register reg;
  reg.year = root.Int("year", 2000, 2200, 0, true);
  reg.reference_date = root.String("reference_date");
  if (!CivilDate::Parse(reg.reference_date)) {
    errors.Add(root.Path("reference_date"), FieldIssue::kInvalidFormat);
  }
  reg.source = root.String("source");
  reg.licence = root.String("licence");
  reg.attribution = root.String("attribution");
  reg.regions_source = root.String("regions_source", false);

  std::map<std::string, std::string> provinces;
  if (const json* list = root.Get("provinces", true); list != nullptr && list->is_array()) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      KnowledgeReader r((*list)[i], root.Path("provinces") + "[" + std::to_string(i) + "]", errors);
      CheckKeys((*list)[i], r.path(), {"code", "name"}, errors);
      Province p{.code = r.String("code"), .name = r.String("name")};
      if (!IsProvinceCode(p.code)) {
        errors.Add(r.Path("code"), FieldIssue::kInvalidFormat);
      } else if (!provinces.emplace(p.code, p.name).second) {
        errors.Add(r.Path("code"), FieldIssue::kDuplicate);
      }
      reg.provinces.push_back(std::move(p));
    }
  }

  std::set<std::string> codes;
  std::set<std::string> district_codes;
  if (const json* list = root.Get("municipalities", true); list != nullptr && list->is_array()) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      const json& item = (*list)[i];
      KnowledgeReader r(item, root.Path("municipalities") + "[" + std::to_string(i) + "]", errors);
      CheckKeys(item, r.path(),
                {"code", "name", "province", "care_office_region", "youth_region", "districts"},
                errors);
      Municipality m{.code = r.String("code"), .name = r.String("name")};
      if (!IsMunicipalityCode(m.code)) {
        errors.Add(r.Path("code"), FieldIssue::kInvalidFormat);
      } else if (!codes.insert(m.code).second) {
        errors.Add(r.Path("code"), FieldIssue::kDuplicate);
      }
      if (m.name.empty()) errors.Add(r.Path("name"), FieldIssue::kRequired);
      const std::string province = r.String("province");
      if (auto it = provinces.find(province); it != provinces.end()) {
        m.province = it->second;
      } else {
        errors.Add(r.Path("province"), FieldIssue::kUnknownValue);
      }
      m.care_office_region = OptionalText(r, "care_office_region");
      m.youth_region = OptionalText(r, "youth_region");
      if (const json* ds = r.Get("districts", false); ds != nullptr) {
        if (!ds->is_array()) errors.Add(r.Path("districts"), FieldIssue::kInvalidType);
        for (std::size_t k = 0; ds->is_array() && k < ds->size(); ++k) {
          const json& d = (*ds)[k];
          const std::string where = r.Path("districts") + "[" + std::to_string(k) + "]";
          if (!d.is_array() || d.size() != 2 || !d[0].is_string() || !d[1].is_string()) {
            errors.Add(where, FieldIssue::kInvalidType);
            continue;
          }
          District district{.code = d[0].get<std::string>(),
                            .name = d[1].get<std::string>(),
                            .municipality_code = m.code};
          if (!IsDistrictCodeOf(district.code, m.code)) {
            errors.Add(where, FieldIssue::kInvalidFormat);
          } else if (!district_codes.insert(district.code).second) {
            errors.Add(where, FieldIssue::kDuplicate);
          } else if (district.name.empty()) {
            errors.Add(where, FieldIssue::kRequired);
          }
          reg.districts.push_back(std::move(district));
        }
      }
      reg.municipalities.push_back(std::move(m));
    }
  }

  if (const json* list = root.Get("reorganisations", false); list != nullptr) {
    if (!list->is_array()) errors.Add(root.Path("reorganisations"), FieldIssue::kInvalidType);
    for (std::size_t i = 0; list->is_array() && i < list->size(); ++i) {
      const json& item = (*list)[i];
      KnowledgeReader r(item, root.Path("reorganisations") + "[" + std::to_string(i) + "]", errors);
      CheckKeys(item, r.path(), {"effective_on", "from", "to", "names", "source"}, errors);
      Reorganisation change;
      const auto date = CivilDate::Parse(r.String("effective_on"));
      if (!date) errors.Add(r.Path("effective_on"), FieldIssue::kInvalidFormat);
      change.effective_on = date.value_or(CivilDate{});
      change.from = r.Strings("from");
      change.to = r.Strings("to");
      if (change.from.empty()) errors.Add(r.Path("from"), FieldIssue::kRequired);
      if (change.to.empty()) errors.Add(r.Path("to"), FieldIssue::kRequired);
      for (const auto& code : change.from) {
        if (!IsMunicipalityCode(code)) errors.Add(r.Path("from"), FieldIssue::kInvalidFormat);
      }
      // What a reorganisation creates is in the register; what it ends is an earlier code.
      for (const auto& code : change.to) {
        if (!codes.contains(code)) errors.Add(r.Path("to"), FieldIssue::kUnknownValue);
      }
      if (const json* names = r.Get("names", false); names != nullptr) {
        if (!names->is_object()) errors.Add(r.Path("names"), FieldIssue::kInvalidType);
        for (auto it = names->begin(); names->is_object() && it != names->end(); ++it) {
          if (!it.value().is_string() || it.value().get<std::string>().empty()) {
            errors.Add(r.Path("names") + "." + it.key(), FieldIssue::kInvalidType);
          } else {
            change.names.emplace(it.key(), it.value().get<std::string>());
          }
        }
      }
      // Every ending code needs a name: from the register, or from "names".
      for (const auto& code : EndingMunicipalities(change)) {
        if (!codes.contains(code) && !change.names.contains(code)) {
          errors.Add(r.Path("names") + "." + code, FieldIssue::kRequired);
        }
      }
      reg.reorganisations.push_back(std::move(change));
    }
  }
  if (!errors.empty()) return std::move(errors).ToError();
  reg.version = std::to_string(reg.year) + "-" + Fnv1a64Hex(text);
  return reg;
}

const Register& BuiltInRegister() {
  static const Register built_in = [] {
    auto parsed = ParseRegister(knowledge::Text("municipal_register"));
    if (!parsed) {
      std::string problems;
      for (const auto& [field, problem] : parsed.error().fields) problems += " " + field;
      throw std::runtime_error("knowledge municipal_register is not valid:" + problems);
    }
    return std::move(*parsed);
  }();
  return built_in;
}

std::string ProvinceName(const Register& register_, std::string_view code) {
  for (const auto& p : register_.provinces) {
    if (p.code == code) return p.name;
  }
  return std::string(code);
}

}  // namespace aantafel::core::whoiswho

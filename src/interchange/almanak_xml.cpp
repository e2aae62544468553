#include <algorithm>
#include <charconv>
#include <pugixml.hpp>
#include <string>

#include "core/validation.hpp"
#include "core/whoiswho/model.hpp"
#include "interchange/imports.hpp"

namespace aantafel::interchange {

using core::FieldIssue;
using core::whoiswho::ImportMunicipality;
using core::whoiswho::ImportRow;
using core::whoiswho::ParsedPeople;

namespace {

// The Almanak changes its namespace between versions, so elements are matched on their local
// name ("p:gemeente" and "gemeente" are the same) and case-insensitively.
std::string_view LocalName(const pugi::xml_node& node) {
  std::string_view name = node.name();
  if (auto colon = name.rfind(':'); colon != std::string_view::npos) name.remove_prefix(colon + 1);
  return name;
}

bool Is(const pugi::xml_node& node, std::string_view wanted) {
  const std::string_view name = LocalName(node);
  if (name.size() != wanted.size()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(name[i])) != wanted[i]) return false;
  }
  return true;
}

pugi::xml_node Child(const pugi::xml_node& node, std::string_view wanted) {
  for (pugi::xml_node c : node.children()) {
    if (c.type() == pugi::node_element && Is(c, wanted)) return c;
  }
  return {};
}

std::string ChildText(const pugi::xml_node& node, std::string_view wanted) {
  return std::string(core::TrimAscii(Child(node, wanted).child_value()));
}

/// The text of the first element along `path` (child by child), trimmed; "" when absent. The
/// text of an element that only wraps one element of the same name (2.4.x "ictuCode/ictuCode",
/// "systemId/systemId") is that inner element's text.
std::string PathText(pugi::xml_node node, std::initializer_list<std::string_view> path) {
  for (std::string_view step : path) {
    node = Child(node, step);
    if (!node) return {};
  }
  std::string own(LocalName(node));
  for (char& c : own) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (pugi::xml_node inner = Child(node, own); inner) node = inner;
  return std::string(core::TrimAscii(node.child_value()));
}

/// Calls `visit` for every descendant element called `wanted`, not looking inside matches nor
/// inside the organisations a municipality contains (its departments have functions of their
/// own, which are not the municipality's).
template <typename Visit>
void ForEachElement(const pugi::xml_node& node, std::string_view wanted, Visit visit) {
  for (pugi::xml_node c : node.children()) {
    if (c.type() != pugi::node_element) continue;
    if (Is(c, wanted)) {
      visit(c);
    } else if (!Is(c, "organisaties")) {
      ForEachElement(c, wanted, visit);
    }
  }
}

/// A municipality element: "gemeente" (export 2.4.x), or "organisatie" whose types include
/// "Gemeente" (2.6.x, where every organisation is an "organisatie").
bool IsMunicipality(const pugi::xml_node& node) {
  if (Is(node, "gemeente")) return true;
  if (!Is(node, "organisatie")) return false;
  for (pugi::xml_node type : Child(node, "types").children()) {
    if (type.type() == pugi::node_element && Is(type, "type") &&
        core::EqualsIgnoreAsciiCase(core::TrimAscii(type.child_value()), "gemeente")) {
      return true;
    }
  }
  return false;
}

/// Calls `visit` for every municipality element, at any depth, not looking inside matches.
template <typename Visit>
void ForEachMunicipality(const pugi::xml_node& node, Visit visit) {
  for (pugi::xml_node c : node.children()) {
    if (c.type() != pugi::node_element) continue;
    if (IsMunicipality(c)) {
      visit(c);
    } else {
      ForEachMunicipality(c, visit);
    }
  }
}

/// Province abbreviations of export 2.4.x ("provincieAfkorting").
std::string ProvinceName(std::string_view abbreviation) {
  static constexpr std::pair<std::string_view, std::string_view> kProvinces[] = {
      {"GR", "Groningen"},  {"FR", "Fryslân"},       {"DR", "Drenthe"},
      {"OV", "Overijssel"}, {"FL", "Flevoland"},     {"GE", "Gelderland"},
      {"UT", "Utrecht"},    {"NH", "Noord-Holland"}, {"ZH", "Zuid-Holland"},
      {"ZE", "Zeeland"},    {"NB", "Noord-Brabant"}, {"LI", "Limburg"}};
  for (const auto& [code, name] : kProvinces) {
    if (core::EqualsIgnoreAsciiCase(abbreviation, code)) return std::string(name);
  }
  return std::string(abbreviation);
}

/// A whole number in `text` ("130000", "130.000"); nullopt when empty, -1 when not a number.
std::optional<std::int64_t> Count(std::string text) {
  std::erase(text, '.');
  if (text.empty()) return std::nullopt;
  std::int64_t n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc{} || end != text.data() + text.size() || n < 0) return -1;
  return n;
}

/// The municipality's website: the first "internet" (2.4.x) or "internetadres/url" (2.6.x)
/// under its contact details, preferring the one labelled "algemeen".
std::string Website(const pugi::xml_node& municipality) {
  const pugi::xml_node contact = Child(municipality, "contact");
  std::string first;
  for (pugi::xml_node c : contact.children()) {
    if (c.type() != pugi::node_element) continue;
    std::string url;
    std::string label;
    if (Is(c, "internet")) {
      url = core::TrimAscii(c.child_value());
      for (pugi::xml_attribute a : c.attributes()) {
        std::string_view name = a.name();
        if (name.ends_with("label")) label = a.value();
      }
      if (first.empty() && !url.empty()) first = url;
      if (label == "algemeen" && !url.empty()) return url;
    } else if (Is(c, "internetadressen")) {
      for (pugi::xml_node adres : c.children()) {
        url = PathText(adres, {"url"});
        if (first.empty() && !url.empty()) first = url;
        if (PathText(adres, {"label"}) == "algemeen" && !url.empty()) return url;
      }
    }
  }
  return first;
}

/// Line numbers from byte offsets, computed once.
class Lines {
 public:
  explicit Lines(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') starts_.push_back(i + 1);
    }
  }
  [[nodiscard]] int Of(std::ptrdiff_t offset) const {
    const auto it = std::upper_bound(starts_.begin(), starts_.end(),
                                     static_cast<std::size_t>(std::max<std::ptrdiff_t>(offset, 0)));
    return static_cast<int>(it - starts_.begin());
  }

 private:
  std::vector<std::size_t> starts_{0};
};

/// The municipality a <gemeente> element is about: its CBS code when the export has one,
/// else its name.
std::string MunicipalityRef(const pugi::xml_node& gemeente) {
  auto as_code = [](std::string code) -> std::string {
    if (auto slash = code.rfind('/'); slash != std::string::npos) code.erase(0, slash + 1);
    if (code.size() == 6 && (code.starts_with("GM") || code.starts_with("gm"))) {
      return "GM" + code.substr(2);
    }
    if (!code.empty() && code.size() <= 4 &&
        code.find_first_not_of("0123456789") == std::string::npos) {
      return "GM" + std::string(4 - code.size(), '0') + code;
    }
    return {};
  };
  // 2.4.x: cbsCode or ictuCode (the CBS number without "GM"); 2.6.x: the TOOI identifier
  // (…/tooi/id/gemeente/gm0193) or the "Organisatiecode" identifier.
  for (std::string_view element : {"cbscode", "gemeentecode", "code", "ictucode"}) {
    if (std::string code = as_code(PathText(gemeente, {element})); !code.empty()) return code;
  }
  for (pugi::xml_attribute a : gemeente.attributes()) {
    std::string_view name = a.name();
    if (name.ends_with("resourceIdentifierTOOI")) {
      if (std::string code = as_code(a.value()); !code.empty()) return code;
    }
  }
  for (pugi::xml_node id : Child(gemeente, "identificatiecodes").children()) {
    for (pugi::xml_attribute a : id.attributes()) {
      std::string_view name = a.name();
      if (name.ends_with("naam") && std::string_view(a.value()) == "Organisatiecode") {
        if (std::string code = as_code(std::string(core::TrimAscii(id.child_value())));
            !code.empty()) {
          return code;
        }
      }
    }
  }
  return ChildText(gemeente, "naam");
}

}  // namespace

ParsedPeople ParseAlmanakXml(std::string_view text) {
  ParsedPeople parsed{.kind = "almanak"};
  if (!core::IsValidUtf8(text)) {
    parsed.issues.push_back({.line = 0, .field = "file", .issue = FieldIssue::kInvalidUtf8});
    return parsed;
  }
  const Lines lines(text);
  pugi::xml_document doc;
  // No DOCTYPE/entity expansion beyond the XML built-ins: pugixml never loads external entities.
  const pugi::xml_parse_result result =
      doc.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!result) {
    parsed.issues.push_back(
        {.line = lines.Of(result.offset), .field = "file", .issue = FieldIssue::kUnreadable});
    return parsed;
  }
  bool any = false;
  ForEachMunicipality(doc, [&](const pugi::xml_node& gemeente) {
    any = true;
    const int line = lines.Of(gemeente.offset_debug());
    const std::string municipality = MunicipalityRef(gemeente);
    if (municipality.empty()) {
      parsed.issues.push_back({.line = line, .field = "naam", .issue = FieldIssue::kRequired});
      return;
    }
    ImportMunicipality facts{.line = line, .municipality = municipality};
    auto seat = [&](const pugi::xml_node& node, std::string_view party_element,
                    std::string_view count_element, std::string_view field) {
      const std::string party = ChildText(node, party_element);
      const auto n = Count(ChildText(node, count_element));
      if (party.empty() || !n || *n < 0 || *n > 1000) {
        parsed.issues.push_back({.line = lines.Of(node.offset_debug()),
                                 .field = std::string(field),
                                 .issue = FieldIssue::kInvalidFormat});
        return;
      }
      facts.seats.push_back({.party = party, .seats = static_cast<int>(*n)});
    };
    // 2.4.x: zetels/zetel {partij, aantal}; 2.6.x: raad/partijen/partij {naam, aantalZetels}.
    ForEachElement(gemeente, "zetel",
                   [&](const pugi::xml_node& z) { seat(z, "partij", "aantal", "zetel"); });
    for (pugi::xml_node p : Child(Child(gemeente, "raad"), "partijen").children()) {
      if (p.type() == pugi::node_element && Is(p, "partij")) {
        seat(p, "naam", "aantalzetels", "raad.partijen.partij");
      }
    }
    // Facts: 2.4.x has them on the municipality, 2.6.x under "geografie" and "raad".
    auto count_fact = [&](std::initializer_list<std::initializer_list<std::string_view>> paths,
                          std::string_view field) -> std::optional<std::int64_t> {
      for (auto path : paths) {
        std::string value = PathText(gemeente, path);
        if (value.empty()) continue;
        auto n = Count(value);
        if (n && *n >= 0) return n;
        parsed.issues.push_back(
            {.line = line, .field = std::string(field), .issue = FieldIssue::kInvalidFormat});
        return std::nullopt;
      }
      return std::nullopt;
    };
    facts.facts.inhabitants =
        count_fact({{"aantalinwoners"}, {"geografie", "aantalinwoners"}}, "aantalInwoners");
    if (auto total = count_fact({{"totaalzetels"}, {"raad", "totaalzetels"}}, "totaalZetels")) {
      facts.facts.total_seats = static_cast<int>(std::min<std::int64_t>(*total, 100000));
    }
    facts.facts.website = Website(gemeente);
    if (std::string province = PathText(gemeente, {"provincieafkorting"}); !province.empty()) {
      facts.facts.province = ProvinceName(province);
    } else {
      facts.facts.province = PathText(gemeente, {"provincie"});
    }
    parsed.municipalities.push_back(std::move(facts));

    ForEachElement(gemeente, "functie", [&](const pugi::xml_node& functie) {
      const std::string function_name = ChildText(functie, "naam");
      const auto kind = core::whoiswho::PositionKindFromLabel(function_name);
      ForEachElement(functie, "medewerker", [&](const pugi::xml_node& medewerker) {
        if (!kind) {
          // Functions aantafel does not track (e.g. "Voorzitter") are counted, not imported.
          ++parsed.skipped;
          return;
        }
        ImportRow row{.line = lines.Of(medewerker.offset_debug()),
                      .name = ChildText(medewerker, "naam"),
                      .municipality = municipality,
                      .kind = std::string(core::whoiswho::ToString(*kind)),
                      .title = function_name,
                      .party = ChildText(medewerker, "partijlidmaatschap"),
                      .started_on = ChildText(medewerker, "startdatum"),
                      .ended_on = ChildText(medewerker, "einddatum")};
        if (row.party.empty()) row.party = ChildText(medewerker, "partij");
        parsed.rows.push_back(std::move(row));
      });
    });
  });
  if (!any) {
    parsed.issues.push_back({.line = 0, .field = "gemeente", .issue = FieldIssue::kMissingColumn});
  }
  return parsed;
}

}  // namespace aantafel::interchange

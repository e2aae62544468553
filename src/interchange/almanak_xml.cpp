#include <algorithm>
#include <charconv>
#include <pugixml.hpp>
#include <string>

#include "core/validation.hpp"
#include "core/whoiswho/model.hpp"
#include "interchange/imports.hpp"

namespace aantafel::interchange {

using core::FieldIssue;
using core::whoiswho::ImportRow;
using core::whoiswho::ImportSeats;
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

/// Calls `visit` for every descendant element called `wanted`, not looking inside matches.
template <typename Visit>
void ForEachElement(const pugi::xml_node& node, std::string_view wanted, Visit visit) {
  for (pugi::xml_node c : node.children()) {
    if (c.type() != pugi::node_element) continue;
    if (Is(c, wanted)) {
      visit(c);
    } else {
      ForEachElement(c, wanted, visit);
    }
  }
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
  for (std::string_view element : {"cbscode", "gemeentecode", "code"}) {
    std::string code = ChildText(gemeente, element);
    if (code.empty()) continue;
    if (code.size() == 6 && (code.starts_with("GM") || code.starts_with("gm"))) return code;
    if (code.size() <= 4 && code.find_first_not_of("0123456789") == std::string::npos) {
      return "GM" + std::string(4 - code.size(), '0') + code;
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
  ForEachElement(doc, "gemeente", [&](const pugi::xml_node& gemeente) {
    any = true;
    const int line = lines.Of(gemeente.offset_debug());
    const std::string municipality = MunicipalityRef(gemeente);
    if (municipality.empty()) {
      parsed.issues.push_back({.line = line, .field = "naam", .issue = FieldIssue::kRequired});
      return;
    }
    ImportSeats seats{.line = line, .municipality = municipality};
    ForEachElement(gemeente, "zetel", [&](const pugi::xml_node& zetel) {
      const std::string party = ChildText(zetel, "partij");
      const std::string count = ChildText(zetel, "aantal");
      int n = -1;
      const auto [end, ec] = std::from_chars(count.data(), count.data() + count.size(), n);
      if (party.empty() || ec != std::errc{} || end != count.data() + count.size()) {
        parsed.issues.push_back({.line = lines.Of(zetel.offset_debug()),
                                 .field = "zetel",
                                 .issue = FieldIssue::kInvalidFormat});
        return;
      }
      seats.seats.push_back({.party = party, .seats = n});
    });
    if (!seats.seats.empty()) parsed.seats.push_back(std::move(seats));

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

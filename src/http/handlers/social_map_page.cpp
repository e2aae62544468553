#include "http/handlers/social_map_page.hpp"

#include <array>
#include <map>

#include "http/handlers/public_page.hpp"
#include "http/handlers/survey_page.hpp"

namespace aantafel::http {

using core::social_map::Domain;

std::string_view DomainLabel(Domain domain, bool english) {
  struct Label {
    Domain domain;
    std::string_view nl;
    std::string_view en;
  };
  static constexpr std::array<Label, core::social_map::kDomainCount> kLabels{{
      {Domain::kWmoSupport, "Wmo-begeleiding", "Wmo support"},
      {Domain::kHouseholdHelp, "Huishoudelijke hulp", "Household help"},
      {Domain::kYouthCare, "Jeugdhulp", "Youth care"},
      {Domain::kDistrictNursing, "Wijkverpleging", "District nursing"},
      {Domain::kWelfare, "Welzijn", "Welfare"},
      {Domain::kDebtHelp, "Schuldhulp", "Debt help"},
      {Domain::kHousing, "Wonen", "Housing"},
      {Domain::kCarerSupport, "Mantelzorgondersteuning", "Support for carers"},
      {Domain::kDaytimeActivities, "Dagbesteding", "Day activities"},
      {Domain::kOther, "Overig", "Other"},
  }};
  for (const auto& l : kLabels) {
    if (l.domain == domain) return english ? l.en : l.nl;
  }
  return english ? "Other" : "Overig";
}

std::string SharedOfferPage(const core::social_map::OfferView& view, const std::string& token,
                            bool english) {
  const auto& c = view.consortium;
  std::map<std::int64_t, std::string> names(view.members.begin(), view.members.end());
  std::string out = PublicPageHead(english, c.name, true);
  const std::string self = "/c/" + HtmlEscape(token);
  out += "<p class=\"lang\"><a href=\"" + self + (english ? "?lang=nl" : "?lang=en") +
         "\" lang=\"" + (english ? "nl" : "en") + "\" hreflang=\"" + (english ? "nl" : "en") +
         "\">" + (english ? "Nederlands" : "English") + "</a></p>";
  out += "<h1>" + HtmlEscape(c.name) + "</h1>";
  out += "<p class=\"about\">" +
         std::string(english ? "Joint offer in " : "Gezamenlijk aanbod in ") +
         HtmlEscape(view.municipality_name) + "</p>";
  out += "<h2>" + std::string(english ? "One point of contact" : "Eén aanspreekpunt") + "</h2><p>";
  if (c.contact_organisation_id && names.contains(*c.contact_organisation_id)) {
    out += "<strong>" + HtmlEscape(names[*c.contact_organisation_id]) + "</strong><br>";
  }
  out += c.contact.empty() ? std::string(english ? "Not filled in yet." : "Nog niet ingevuld.")
                           : HtmlEscape(c.contact);
  out += "</p>";

  const auto& coverage = view.offer.coverage;
  out += "<h2>" + std::string(english ? "Who offers what, where" : "Wie biedt wat, waar") + "</h2>";
  out += english ? "<p>A dash means nobody in the consortium offers it there yet.</p>"
                 : "<p>Een streepje betekent dat niemand in het consortium het daar al biedt.</p>";
  out += "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"" +
         std::string(english ? "Coverage table" : "Tabel dekking") + "\"><table><caption>" +
         std::string(english ? "Areas and domains" : "Gebieden en domeinen") +
         "</caption><thead><tr><th scope=\"col\">" + (english ? "Area" : "Gebied") + "</th>";
  for (const Domain d : coverage.domains) {
    out += "<th scope=\"col\">" + std::string(DomainLabel(d, english)) + "</th>";
  }
  out += "</tr></thead><tbody>";
  for (std::size_t a = 0; a < coverage.areas.size(); ++a) {
    out += "<tr><th scope=\"row\">" + HtmlEscape(coverage.areas[a].name) + "</th>";
    for (std::size_t d = 0; d < coverage.domains.size(); ++d) {
      const auto& cell = coverage.At(a, d);
      out += "<td>";
      if (cell.providers.empty()) {
        out += "<span aria-label=\"" + std::string(english ? "nobody" : "niemand") + "\">–</span>";
      }
      for (std::size_t i = 0; i < cell.providers.size(); ++i) {
        out += (i ? ", " : "") + HtmlEscape(names[cell.providers[i]]);
      }
      out += "</td>";
    }
    out += "</tr>";
  }
  out += "</tbody></table></div>";

  out += "<h2>" + std::string(english ? "What each partner adds" : "Wat elke partner toevoegt") +
         "</h2><ul>";
  for (const auto& [id, name] : view.members) {
    const auto it = view.offer.niches.find(id);
    const std::size_t n = it == view.offer.niches.end() ? 0 : it->second.size();
    out += "<li><strong>" + HtmlEscape(name) + "</strong>: " +
           (english ? std::to_string(n) + (n == 1 ? " combination only this partner offers"
                                                  : " combinations only this partner offers")
                    : std::to_string(n) + (n == 1 ? " combinatie die alleen deze partner biedt"
                                                  : " combinaties die alleen deze partner biedt")) +
           "</li>";
  }
  out += "</ul>";

  out += "<h2>" + std::string(english ? "Services" : "Voorzieningen") + "</h2>";
  if (view.services.empty()) {
    out += english ? "<p>No services have been published yet.</p>"
                   : "<p>Er zijn nog geen voorzieningen gepubliceerd.</p>";
  }
  for (const auto& s : view.services) {
    out += "<h3>" + HtmlEscape(s.name) + "</h3><p>" + HtmlEscape(s.organisation_name) + " · " +
           std::string(DomainLabel(s.domain, english));
    if (!s.target_groups.empty()) {
      out += " · ";
      for (std::size_t i = 0; i < s.target_groups.size(); ++i) {
        out += (i ? ", " : "") + HtmlEscape(s.target_groups[i]);
      }
    }
    if (s.waiting_weeks) {
      out += "<br>" + std::string(english ? "Waiting time: " : "Wachttijd: ") +
             std::to_string(*s.waiting_weeks) + (english ? " weeks" : " weken");
    }
    if (!s.contact.empty()) out += "<br>" + HtmlEscape(s.contact);
    out += "</p>";
  }
  out += english ? "<p class=\"privacy\">This page shows only what the partners chose to publish. "
                   "Machine-readable: <a href=\"" +
                       self + "/social-map.json\">JSON</a>.</p>"
                 : "<p class=\"privacy\">Deze pagina toont alleen wat de partners zelf publiceren. "
                   "Voor computers: <a href=\"" +
                       self + "/social-map.json\">JSON</a>.</p>";
  out += kPublicPageTail;
  return out;
}

std::string SharedOfferMissingPage(bool english) {
  std::string out = PublicPageHead(english, english ? "Link unknown" : "Link onbekend", true);
  out += english ? "<h1>We do not know this link</h1><p>It may have been withdrawn. Ask the "
                   "consortium for a new one.</p>"
                 : "<h1>Deze link kennen wij niet</h1><p>Misschien is hij ingetrokken. Vraag het "
                   "consortium om een nieuwe.</p>";
  out += kPublicPageTail;
  return out;
}

}  // namespace aantafel::http

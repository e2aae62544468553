// The demo workspace's Wie is wie data: real municipality names and CBS codes, invented people.
// Every person is marked fictional, and so are the party names.
#include <array>
#include <stdexcept>

#include "app/imports.hpp"
#include "interchange/imports.hpp"

namespace aantafel::app {

namespace {

using core::whoiswho::Municipality;

const std::array<Municipality, 3> kDemoMunicipalities{{
    {.code = "GM0344", .name = "Utrecht", .province = "Utrecht"},
    {.code = "GM0307", .name = "Amersfoort", .province = "Utrecht"},
    {.code = "GM0355", .name = "Zeist", .province = "Utrecht"},
}};

// The same columns a user's CSV import has (docs/imports.md).
constexpr std::string_view kDemoPeople =
    "naam;gemeente;organisatie;functie;titel;partij;portefeuilles;domeinen;commissies;begindatum;"
    "e-mail;fictief\n"
    "Anna de Vries;GM0344;;burgemeester;;;Openbare orde;;;2020-09-01;;ja\n"
    "Bram Jansen;GM0344;;wethouder;;Lokaal Samen;Zorg en welzijn|Wmo;;;2022-06-09;"
    "b.jansen@voorbeeld.example;ja\n"
    "Chantal Bakker;GM0344;;wethouder;;Stadsbelang;Jeugd|Onderwijs;;;2022-06-09;;ja\n"
    "Dirk Visser;GM0344;;raadslid;;Lokaal Samen;;;Sociaal domein;2022-03-31;;ja\n"
    "Esra Yilmaz;GM0344;;raadslid;;Groen en Sociaal;;;Sociaal domein;2022-03-31;;ja\n"
    "Frank Mulder;GM0344;;raadslid;;Stadsbelang;;;Financiën;2022-03-31;;ja\n"
    "Greet Smit;GM0344;;raadslid;;Vooruit Lokaal;;;Sociaal domein;2022-03-31;;ja\n"
    "Hamid El Amrani;GM0344;;beleidsadviseur;Senior beleidsadviseur;;;Wmo|Schuldhulp;;"
    "2019-01-01;h.elamrani@voorbeeld.example;ja\n"
    "Ilse de Boer;GM0344;;beleidsadviseur;;;;Jeugd;;2021-05-01;;ja\n"
    "Joost Meijer;GM0307;;wethouder;;Vooruit Lokaal;Sociaal domein;;;2022-06-02;;ja\n"
    "Karin Bos;GM0307;;raadslid;;Lokaal Samen;;;;2022-03-31;;ja\n"
    "Lotte van Dijk;GM0307;;beleidsadviseur;;;;Wmo|Wonen;;2020-02-01;;ja\n"
    "Mohamed Ouali;;Zorgcoöperatie De Linde;rol bij partner;Coördinator;;;Wmo;;2021-01-01;;ja\n";

struct DemoAssessment {
  std::string_view name;
  int power;
  int interest;
  int attitude;
  std::string_view note;
};

constexpr std::array<DemoAssessment, 7> kDemoAssessments{{
    {"Bram Jansen", 5, 5, 1, "Wil dat de wijkteams meer preventief werken."},
    {"Chantal Bakker", 4, 2, 0, ""},
    {"Dirk Visser", 3, 4, 2, "Kwam mee op werkbezoek."},
    {"Esra Yilmaz", 2, 4, 1, ""},
    {"Frank Mulder", 3, 2, -1, "Let vooral op de kosten."},
    {"Hamid El Amrani", 4, 5, 1, "Schrijft de nieuwe Wmo-beleidsnota."},
    {"Joost Meijer", 5, 3, 0, ""},
}};

/// One plan for the municipalities of the demo people, two budget years ahead.
void SeedDemoPlan(Runtime& runtime, const core::accounts::WorkspaceAccess& access) {
  auto& calendar = runtime.calendar();
  constexpr std::string_view kTitle = "Valpreventie in de wijk";
  for (const auto& plan : calendar.ListPlans(access)) {
    if (plan.title == kTitle) return;
  }
  std::vector<std::int64_t> municipalities;
  for (const auto& org : runtime.whoiswho().ListOrganisations(access)) {
    if (org.kind == core::whoiswho::OrganisationKind::kMunicipality) {
      municipalities.push_back(org.id);
    }
  }
  auto plan = calendar.AddPlan(
      access, {.title = std::string(kTitle),
               .description = "Wijkteams en fysiotherapeuten bieden samen een valtraining aan voor "
                              "ouderen die thuis wonen. (Voorbeeld bij de demo.)",
               .core_message = "Minder valongelukken betekent minder ziekenhuisopnames en langer "
                               "zelfstandig thuis wonen.",
               .domain = "Wmo",
               .budget_year = calendar.Today().year + 2,
               .budget_needed = 85000,
               .status = "preparing",
               .phase = "preparation",
               .organisation_ids = municipalities});
  if (!plan) throw std::runtime_error("demo plan rejected");
}

}  // namespace

void SeedDemoData(Runtime& runtime, const std::string& workspace_slug, std::int64_t user_id) {
  auto& whoiswho = runtime.whoiswho();
  for (const Municipality& m : kDemoMunicipalities) {
    // Never overwrite reference data an operator loaded from CBS.
    if (whoiswho.SearchMunicipalities(m.code).empty()) {
      if (auto done = whoiswho.UpsertMunicipality(m); !done) {
        throw std::runtime_error("demo municipality " + m.code);
      }
    }
  }
  auto access = runtime.accounts().OperatorAccess(workspace_slug);
  if (!access) throw std::runtime_error("demo workspace missing");
  access->user_id = user_id;
  auto report = whoiswho.ImportPeople(*access, interchange::ParsePeopleCsv(kDemoPeople), false);
  if (!report || !report->rejected.empty()) throw std::runtime_error("demo people rejected");
  for (const DemoAssessment& a : kDemoAssessments) {
    auto page = whoiswho.ListPeople(*access, {.text = std::string(a.name), .limit = 1});
    if (page.items.empty() || page.items.front().latest_assessment) continue;
    auto added = whoiswho.AddAssessment(*access, page.items.front().person.id,
                                        {.power = a.power,
                                         .interest = a.interest,
                                         .attitude = a.attitude,
                                         .note = std::string(a.note)});
    if (!added) throw std::runtime_error("demo assessment rejected");
  }
  SeedDemoPlan(runtime, *access);
}

}  // namespace aantafel::app

// The demo workspace's Wie is wie data: real municipality names and CBS codes, invented people.
// Every person is marked fictional, and so are the party names.
#include <array>
#include <nlohmann/json.hpp>
#include <random>
#include <stdexcept>

#include "app/imports.hpp"
#include "interchange/imports.hpp"
#include "storage/feedback_repository.hpp"

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

struct DemoAnswer {
  int score;
  std::string_view why;
  std::string_view better;
};

// Invented answers in the style clients use; picked with a fixed seed, so every demo is the same.
const std::array<DemoAnswer, 12> kDemoAnswers{{
    {10, "Ze nemen echt de tijd voor mij.", ""},
    {9, "Fijne begeleider, denkt met me mee.", "Soms wat sneller terugbellen."},
    {9, "Duidelijke afspraken.", ""},
    {8, "Goed geholpen.", "De wachttijd voor de eerste afspraak was lang."},
    {8, "Prima.", "Minder wisselende medewerkers graag."},
    {7, "Het was goed, maar het duurde lang.", "Eerder laten weten wanneer iemand komt."},
    {10, "Heel vriendelijk en deskundig.", ""},
    {6, "Ik moest lang wachten.", "De wachtlijst is te lang."},
    {5, "Steeds een andere hulp.", "Vaste gezichten, niet elke keer iemand nieuw."},
    {3, "Slecht bereikbaar.", "Telefonisch beter bereikbaar zijn."},
    {9, "", ""},
    {4, "Veel formulieren en regels.", "Minder papierwerk."},
}};

/// Two surveys with three months of invented answers, so the dashboard shows something.
void SeedDemoFeedback(Runtime& runtime, const core::accounts::WorkspaceAccess& access) {
  auto& feedback = runtime.feedback();
  if (!feedback.ListSurveys(access).empty()) return;
  const std::array<core::feedback::SurveyInput, 2> surveys{{
      {.name = "Wijkteam Utrecht-Noord",
       .team = "Wijkteam Noord",
       .service = "het wijkteam",
       .municipality_code = "GM0344",
       .law = "wmo",
       .domain = "Wmo begeleiding"},
      {.name = "Thuisbegeleiding Amersfoort",
       .team = "Team Amersfoort",
       .service = "de thuisbegeleiding",
       .municipality_code = "GM0307",
       .law = "wmo",
       .domain = "Wmo begeleiding",
       .channel = "qr"},
  }};
  storage::SqlFeedbackRepository repository(runtime.database());
  const core::feedback::ThemeDetector detector(feedback.lexicon());
  std::mt19937 random(20261123);
  const core::Instant now = feedback.Now();
  for (const auto& input : surveys) {
    auto survey = feedback.CreateSurvey(access, input);
    if (!survey) throw std::runtime_error("demo survey rejected");
    for (int i = 0; i < 90; ++i) {
      const DemoAnswer& a = kDemoAnswers[random() % kDemoAnswers.size()];
      const auto at = now - std::chrono::minutes(random() % (90 * 24 * 60));
      const std::string why(a.why);
      const std::string better(a.better);
      const std::array<core::feedback::Channel, 3> channels{
          core::feedback::Channel::kSms, core::feedback::Channel::kEmail, survey->channel};
      repository.Submit(access.workspace.id,
                        feedback.SealAnswers(access.workspace.id,
                                             {.survey_id = survey->id,
                                              .score = a.score,
                                              .why = why,
                                              .better = better,
                                              .channel = channels[random() % channels.size()],
                                              .themes = detector.Detect(why + "\n" + better),
                                              .day = core::feedback::LocalDay(at),
                                              .received_at = at}));
    }
  }
  // One client who asks to be called back (the usual example number, not a real client),
  // so the Overzicht and the callback list show what that looks like.
  const auto first = feedback.ListSurveys(access);
  if (!first.empty()) {
    auto asked = feedback.Submit(first.back().token,
                                 {.score = "4",
                                  .why = "Ik wacht al drie weken op een afspraak. (voorbeeld)",
                                  .better = "",
                                  .callback = true,
                                  .phone = "06 12345678"},
                                 "demo");
    if (!asked) throw std::runtime_error("demo callback rejected");
  }
}

/// A few invented contacts, an agreement and a follow-up in Utrecht, relative to today, so the
/// Contacten en afspraken pages and relationship health have something to show.
void SeedDemoRelations(Runtime& runtime, const core::accounts::WorkspaceAccess& access) {
  auto& relations = runtime.relations();
  auto listed = relations.ListInteractions(access, {.limit = 1});
  if (!listed || !listed->empty()) return;
  std::optional<std::int64_t> utrecht;
  for (const auto& org : runtime.whoiswho().ListOrganisations(access)) {
    if (org.municipality_code == "GM0344") utrecht = org.id;
  }
  if (!utrecht) return;
  const auto alderman = runtime.whoiswho().ListPeople(
      access,
      {.organisation_id = utrecht, .kind = core::whoiswho::PositionKind::kAlderman, .limit = 1});
  const auto advisers =
      runtime.whoiswho().ListPeople(access, {.organisation_id = utrecht,
                                             .kind = core::whoiswho::PositionKind::kPolicyAdviser,
                                             .limit = 2});
  std::vector<std::int64_t> visit_people;
  for (const auto& p : alderman.items) visit_people.push_back(p.person.id);
  for (const auto& p : advisers.items) visit_people.push_back(p.person.id);
  const core::CivilDate today = relations.Today();
  auto at = [&](long days_ago, const char* time) {
    return today.AddDays(-days_ago).ToString() + "T" + time;
  };
  auto visit = relations.AddInteraction(
      access,
      {.occurred_at = at(20, "14:00"),
       .kind = "working_visit",
       .organisation_id = utrecht,
       .subject = "Wijkbezoek Overvecht met de wethouder (voorbeeld)",
       .notes = "Voorbeeld bij de demo: de wethouder wil de wachttijden voor begeleiding zien.",
       .stance = "bring",
       .tags = std::vector<std::string>{"Wmo", "wijkteam"},
       .person_ids = visit_people,
       .staff_ids = std::vector<std::int64_t>{access.user_id}});
  if (!visit) throw std::runtime_error("demo interaction rejected");
  if (!advisers.items.empty()) {
    (void)relations.AddInteraction(
        access, {.occurred_at = at(130, "10:30"),
                 .kind = "phone",
                 .organisation_id = utrecht,
                 .subject = "Vraag over de aanbesteding begeleiding (voorbeeld)",
                 .stance = "ask",
                 .person_ids = std::vector<std::int64_t>{advisers.items.front().person.id}});
  }
  auto agreement = relations.AddAgreement(
      access, {.title = "Cijfers wachttijden delen (voorbeeld)",
               .organisation_ids = std::vector<std::int64_t>{*utrecht},
               .commitments =
                   std::vector<core::relations::Commitment>{
                       {.text = "Wij sturen elk kwartaal de wachttijden per wijk."},
                       {.organisation_id = *utrecht,
                        .text = "De gemeente bespreekt ze in het regio-overleg."}},
               .due_on = std::optional<std::string>(today.AddDays(14).ToString()),
               .status = "agreed",
               .interaction_id = visit->id});
  if (!agreement) throw std::runtime_error("demo agreement rejected");
  (void)relations.AddFollowUp(access, {.title = "Verslag van het wijkbezoek sturen (voorbeeld)",
                                       .due_on = today.AddDays(3).ToString(),
                                       .interaction_id = visit->id});
}

/// A saved Bekostiging scenario for Utrecht: today's PxQ contract next to a combined one (a lump
/// sum for group work plus a lower hourly price, with a floor and a cap). Invented figures.
void SeedDemoScenario(Runtime& runtime, const core::accounts::WorkspaceAccess& access) {
  auto& scenarios = runtime.scenarios();
  constexpr std::string_view kName = "Wmo-begeleiding Utrecht: PxQ of combinatie (voorbeeld)";
  for (const auto& s : scenarios.List(access, {})) {
    if (s.name == kName) return;
  }
  // The delimiter is "json": "PxQ (nu)" contains the default one.
  auto scenario = nlohmann::json::parse(R"json({
    "population": {"clients": {"poisson": {"mean": 500}},
                   "intensity": {"lognormal": {"median": 20, "p90": 60}}, "unit": "hour",
                   "result_share": {"beta": {"mean": 0.6, "strength": 40}}},
    "costs": {"cost_per_unit": 58, "fixed_costs": 150000},
    "budget": 1100000,
    "variants": [
      {"name": "PxQ (nu)", "form": "effort_based", "price_per_unit": 68},
      {"name": "Combinatie", "form": "combined", "fixed_part": 400000, "price_per_unit": 40,
       "cap": 1100000, "floor": 800000}],
    "runs": 20000, "seed": 7})json");
  std::optional<std::int64_t> plan;
  for (const auto& p : runtime.calendar().ListPlans(access)) plan = p.id;
  auto saved = scenarios.Save(
      access, {.name = std::string(kName),
               .description = "Verzonnen cijfers om te laten zien hoe de vergelijking werkt.",
               .municipality_code = "GM0344",
               .plan_id = plan,
               .scenario = scenario});
  if (!saved) throw std::runtime_error("demo scenario rejected");
}

/// A partnership scan of an invented collaboration with answers from two organisations, enough
/// to show results, gaps and improvement steps; and a value case for early debt help.
void SeedDemoScan(Runtime& runtime, const core::accounts::WorkspaceAccess& access) {
  auto& scans = runtime.scans();
  constexpr std::string_view kTitle = "Samenwerking wijkzorg Overvecht (voorbeeld)";
  for (const auto& s : scans.ListScans(access)) {
    if (s.scan.title == kTitle) return;
  }
  auto scan = scans.CreateScan(access, {.title = std::string(kTitle),
                                        .collaboration = "Zorg West en Zorgcoöperatie De Buurt",
                                        .template_id = "care_cooperative"});
  if (!scan) throw std::runtime_error("demo scan rejected");
  const std::vector<core::scans::Invitee> invitees{{"Zorg West", "Wijkverpleging"},
                                                   {"Zorg West", "Teamleider"},
                                                   {"Zorg West", "Planner"},
                                                   {"Zorgcoöperatie De Buurt", "Bestuur"},
                                                   {"Zorgcoöperatie De Buurt", "Vrijwilliger"},
                                                   {"Zorgcoöperatie De Buurt", "Coördinator"}};
  auto links = scans.Invite(access, scan->scan.id, invitees, 60);
  // One more who has not answered yet: the scan waits, and the Overzicht says so.
  if (!scans.Invite(access, scan->scan.id, {{"Zorgcoöperatie De Buurt", "Penningmeester"}}, 60)) {
    throw std::runtime_error("demo scan invitation rejected");
  }
  if (!links) throw std::runtime_error("demo scan invitations rejected");
  const core::scans::Template* tmpl = scans.knowledge().Find("care_cooperative");
  // Fixed, invented answers: the care organisation is more positive than the cooperative about
  // most statements, and both are unsure about one.
  for (std::size_t r = 0; r < links->size(); ++r) {
    const bool cooperative = r >= 3;
    std::vector<core::scans::Answer> answers;
    int n = 0;
    for (const auto& d : tmpl->dimensions) {
      for (const auto& st : d.statements) {
        const int base =
            cooperative ? 2 + (n + static_cast<int>(r)) % 3 : 3 + (n + static_cast<int>(r)) % 3;
        core::scans::Answer a{.statement_id = st.id, .score = base, .comment = ""};
        if (n == 4 && r == 4) a.score.reset();  // weet niet
        if (n == 1 && r == 3) a.comment = "Wij horen pas laat wat er is afgesproken. (voorbeeld)";
        answers.push_back(a);
        ++n;
      }
    }
    if (auto done = scans.Submit((*links)[r].token, answers, "demo"); !done) {
      throw std::runtime_error("demo scan answers rejected");
    }
  }
  auto value_case = core::scans::ParseValueCase(nlohmann::json::parse(R"json({
    "title": "Vroeg eropaf: schuldhulp voordat de huur achterloopt (voorbeeld)",
    "initiative": "Een buurtteam belt binnen een week na de eerste gemiste huurbetaling.",
    "period": "2027",
    "clients_reached": 120, "clients_activated": 30,
    "participation_notes": "Dertig mensen hebben weer werk, vrijwilligerswerk of dagbesteding.",
    "participation": {"light": "green", "evidence": "Registratie buurtteam (verzonnen cijfers)"},
    "initiative_costs": 180000,
    "avoided_costs": [
      {"label": "Huisuitzetting", "unit_cost": 20000, "events": 8, "attribution": 0.5,
       "assumption": "Verzonnen: gemiddelde kosten volgens de corporatie, de helft aan ons toe te rekenen."},
      {"label": "Crisisopvang", "unit_cost": 9000, "events": 6, "attribution": 1,
       "assumption": "Verzonnen: plaatsingen die de gemeente anders had betaald."}],
    "social_value": "Kinderen blijven op hun school; mensen houden hun netwerk.",
    "return": {"light": "amber", "evidence": "Nog één jaar gemeten."},
    "beneficiaries": "Huurders met een laag inkomen in Overvecht.",
    "equal_access": "Ook mensen zonder digitale vaardigheden worden gebeld of bezocht.",
    "fairness": "Iedereen met een achterstand krijgt hetzelfde aanbod.",
    "legitimacy": {"light": "green", "evidence": "Besproken met de cliëntenraad."}})json"));
  if (!value_case || !scans.AddValueCase(access, *value_case)) {
    throw std::runtime_error("demo value case rejected");
  }
}

/// A social map for Utrecht in its real districts (from the built-in register): three invented
/// providers with services (one not published), and a consortium of them. Overvecht (WK034403),
/// Oost (WK034405), Zuid (WK034407) and Binnenstad (WK034406) have services; the other districts
/// show as gaps, as in a real first week.
void SeedDemoSocialMap(Runtime& runtime, const core::accounts::WorkspaceAccess& access) {
  auto& map = runtime.social_map();
  if (!map.ListConsortia(access).empty()) return;
  std::vector<std::int64_t> members;
  for (const char* name :
       {"Zorg West (voorbeeld)", "Thuishulp Plus (voorbeeld)", "Buurtkracht (voorbeeld)"}) {
    auto org = runtime.whoiswho().AddOrganisation(access, "provider", name, "");
    if (!org) throw std::runtime_error("demo provider rejected");
    members.push_back(org->id);
  }
  struct Demo {
    std::size_t member;
    const char* name;
    const char* domain;
    std::vector<std::string> areas;
    bool published;
  };
  const std::vector<Demo> services{
      {0, "Begeleiding thuis", "wmo_support", {"WK034403", "WK034405"}, true},
      {0, "Wijkverpleging", "district_nursing", {"GM0344"}, true},
      {1, "Hulp bij het huishouden", "household_help", {"WK034405", "WK034407"}, true},
      {2, "Schuldhulp aan de keukentafel", "debt_help", {"WK034403"}, true},
      {2, "Mantelzorgcafé", "carer_support", {"WK034406"}, false}};
  for (const Demo& d : services) {
    auto added = map.AddService(access, {.organisation_id = members[d.member],
                                         .name = d.name,
                                         .domain = d.domain,
                                         .law = "wmo",
                                         .target_groups = {"volwassenen"},
                                         .areas = d.areas,
                                         .contact = "Centraal loket (voorbeeld)",
                                         .capacity_note = "",
                                         .waiting_weeks = 2,
                                         .published = d.published});
    if (!added) throw std::runtime_error("demo service rejected");
  }
  auto consortium = map.AddConsortium(access, {.name = "Samen in Utrecht (voorbeeld)",
                                               .municipality_code = "GM0344",
                                               .member_ids = members,
                                               .contact_organisation_id = members[0],
                                               .contact = "Eén loket: via Zorg West"});
  if (!consortium) throw std::runtime_error("demo consortium rejected");
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
  SeedDemoFeedback(runtime, *access);
  SeedDemoRelations(runtime, *access);
  SeedDemoScenario(runtime, *access);
  SeedDemoScan(runtime, *access);
  SeedDemoSocialMap(runtime, *access);
}

}  // namespace aantafel::app

#include "interchange/exports.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "core/feedback/model.hpp"
#include "core/relations/service.hpp"
#include "interchange/csv.hpp"

namespace aantafel::interchange {

using core::whoiswho::ExportLine;
using core::whoiswho::PositionKind;

namespace {

constexpr std::array<std::string_view, 13> kDutchHeadings{
    "Organisatie", "CBS-code",   "Naam",       "Functie", "Titel",    "Partij", "Portefeuilles",
    "Domeinen",    "Commissies", "Begindatum", "E-mail",  "Telefoon", "Fictief"};
constexpr std::array<std::string_view, 13> kEnglishHeadings{
    "Organisation", "CBS code",   "Name",       "Role",  "Title", "Party",    "Portfolios",
    "Domains",      "Committees", "Start date", "Email", "Phone", "Fictional"};

std::string_view RoleName(PositionKind kind, ExportLanguage language) {
  const bool en = language == ExportLanguage::kEnglish;
  switch (kind) {
    case PositionKind::kMayor: return en ? "Mayor" : "Burgemeester";
    case PositionKind::kAlderman: return en ? "Alderman" : "Wethouder";
    case PositionKind::kCouncilMember: return en ? "Council member" : "Raadslid";
    case PositionKind::kCitizenMember: return en ? "Citizen member" : "Burgerlid";
    case PositionKind::kClerk: return en ? "Clerk" : "Griffier";
    case PositionKind::kMunicipalSecretary:
      return en ? "Municipal secretary" : "Gemeentesecretaris";
    case PositionKind::kPolicyAdviser: return en ? "Policy adviser" : "Beleidsadviseur";
    case PositionKind::kPartnerRole: return en ? "Role at partner" : "Rol bij partner";
  }
  return "";
}

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += " | ";
    out += item;
  }
  return out;
}

std::vector<std::string> Cells(const ExportLine& line, ExportLanguage language) {
  const bool en = language == ExportLanguage::kEnglish;
  return {line.organisation.name,
          line.organisation.municipality_code.value_or(""),
          line.person.name,
          std::string(RoleName(line.position.kind, language)),
          line.position.title,
          line.position.party,
          Joined(line.position.portfolios),
          Joined(line.position.domains),
          Joined(line.position.committees),
          line.position.started_on.ToString(),
          line.person.email.value_or(""),
          line.person.phone.value_or(""),
          line.person.fictional ? (en ? "yes" : "ja") : ""};
}

const auto& Headings(ExportLanguage language) {
  return language == ExportLanguage::kEnglish ? kEnglishHeadings : kDutchHeadings;
}

std::string_view Label(core::relations::InteractionKind kind, bool en) {
  using K = core::relations::InteractionKind;
  switch (kind) {
    case K::kMeeting: return en ? "Meeting" : "Overleg";
    case K::kWorkingVisit:
      return en ? "Working visit or neighbourhood visit" : "Werkbezoek of wijkbezoek";
    case K::kBikeTour: return en ? "Bike tour" : "Fietstour";
    case K::kIntroduction: return en ? "Informal introduction" : "Informele kennismaking";
    case K::kPhone: return en ? "Phone" : "Telefoon";
    case K::kEmail: return en ? "Email" : "E-mail";
    case K::kEvent: return en ? "Webinar or event" : "Webinar of bijeenkomst";
    case K::kCouncilHearing:
      return en ? "Council or committee meeting (speaking)"
                : "Raadsvergadering of commissie (inspreken)";
    case K::kOther: return en ? "Other" : "Anders";
  }
  return "";
}

std::string_view Label(core::relations::Stance stance, bool en) {
  using S = core::relations::Stance;
  switch (stance) {
    case S::kBring: return en ? "Bring" : "Brengen";
    case S::kAsk: return en ? "Ask" : "Vragen";
    case S::kBoth: return en ? "Bring and ask" : "Brengen en vragen";
    case S::kNeither: return en ? "Neither" : "Geen van beide";
  }
  return "";
}

std::string_view Label(core::relations::AgreementStatus status, bool en) {
  using A = core::relations::AgreementStatus;
  switch (status) {
    case A::kConcept: return en ? "Draft" : "Concept";
    case A::kAgreed: return en ? "Agreed" : "Afgesproken";
    case A::kInProgress: return en ? "In progress" : "Bezig";
    case A::kFulfilled: return en ? "Fulfilled" : "Nagekomen";
    case A::kNotFulfilled: return en ? "Not fulfilled" : "Niet nagekomen";
    case A::kLapsed: return en ? "Lapsed" : "Vervallen";
  }
  return "";
}

std::string_view Label(core::feedback::Category category, bool en) {
  using C = core::feedback::Category;
  switch (category) {
    case C::kDetractor: return en ? "Detractor (0–6)" : "Criticaster (0–6)";
    case C::kPassive: return en ? "Passive (7–8)" : "Passief (7–8)";
    case C::kPromoter: return en ? "Promoter (9–10)" : "Aanbeveler (9–10)";
  }
  return "";
}

std::string_view Label(core::feedback::Channel channel, bool en) {
  using C = core::feedback::Channel;
  switch (channel) {
    case C::kLink: return "Link";
    case C::kQr: return en ? "QR code" : "QR-code";
    case C::kSms: return en ? "Text message" : "Sms";
    case C::kEmail: return en ? "Email" : "E-mail";
    case C::kTablet: return "Tablet";
  }
  return "";
}

}  // namespace

std::string ExportDateTime(core::Instant instant) {
  const core::Instant local = instant + std::chrono::hours(core::DutchUtcOffsetHours(instant));
  const auto minutes =
      std::chrono::duration_cast<std::chrono::minutes>(local.time_since_epoch()).count();
  const auto day_minutes = ((minutes % 1440) + 1440) % 1440;
  char time[8];
  std::snprintf(time, sizeof time, " %02d:%02d", static_cast<int>(day_minutes / 60),
                static_cast<int>(day_minutes % 60));
  return core::DutchDate(instant).ToString() + time;
}

Table InteractionsTable(const std::vector<core::relations::InteractionExportLine>& lines,
                        ExportLanguage language) {
  const bool en = language == ExportLanguage::kEnglish;
  Table table{.sheet = en ? "Contacts" : "Contacten",
              .headings = en ? std::vector<std::string>{"Date and time", "Kind", "Organisation",
                                                        "Subject", "Bring or ask", "Tags", "People"}
                             : std::vector<std::string>{"Datum en tijd", "Soort", "Organisatie",
                                                        "Onderwerp", "Brengen of vragen", "Labels",
                                                        "Personen"},
              .widths = {18, 24, 28, 40, 18, 24, 36}};
  for (const auto& line : lines) {
    const auto& i = line.interaction;
    table.rows.push_back({ExportDateTime(i.occurred_at), std::string(Label(i.kind, en)),
                          line.organisation, i.subject, std::string(Label(i.stance, en)),
                          Joined(i.tags), Joined(line.people)});
  }
  return table;
}

Table AgreementsTable(const std::vector<core::relations::AgreementExportLine>& lines,
                      ExportLanguage language) {
  const bool en = language == ExportLanguage::kEnglish;
  Table table{
      .sheet = en ? "Agreements" : "Afspraken",
      .headings =
          en ? std::vector<std::string>{"Title", "Status", "Due", "Overdue", "Commitments"}
             : std::vector<std::string>{"Titel", "Status", "Datum", "Te laat", "Toezeggingen"},
      .widths = {36, 16, 12, 10, 60}};
  for (const auto& line : lines) {
    const auto& a = line.agreement;
    std::vector<std::string> commitments;
    for (const auto& [party, text] : line.commitments) {
      commitments.push_back((party.empty() ? std::string(en ? "We" : "Wij") : party) + ": " + text);
    }
    table.rows.push_back({a.title, std::string(Label(a.status, en)),
                          a.due_on ? a.due_on->ToString() : "",
                          line.overdue ? (en ? "yes" : "ja") : "", Joined(commitments)});
  }
  return table;
}

Table ResponsesTable(const std::vector<core::feedback::Response>& responses,
                     ExportLanguage language) {
  const bool en = language == ExportLanguage::kEnglish;
  Table table{
      .sheet = en ? "Responses" : "Antwoorden",
      .headings =
          en ? std::vector<std::string>{"Received", "Survey", "Team", "Score", "Group", "Why",
                                        "What could be better", "Callback", "Channel", "Themes"}
             : std::vector<std::string>{"Ontvangen", "Vragenlijst", "Team", "Cijfer", "Groep",
                                        "Waarom", "Wat kan beter", "Terugbellen", "Kanaal",
                                        "Thema's"},
      .widths = {18, 24, 18, 8, 18, 40, 40, 12, 10, 24}};
  for (const auto& r : responses) {
    table.rows.push_back({ExportDateTime(r.received_at), r.survey_name, r.team,
                          std::to_string(r.score),
                          std::string(Label(core::feedback::CategoryOf(r.score), en)), r.why,
                          r.better, r.callback ? (en ? "yes" : "ja") : "",
                          std::string(Label(r.channel, en)), Joined(r.themes)});
  }
  return table;
}

Table PeopleTable(const std::vector<ExportLine>& lines, ExportLanguage language) {
  const auto& headings = Headings(language);
  Table table{.sheet = language == ExportLanguage::kEnglish ? "People" : "Mensen",
              .headings = std::vector<std::string>(headings.begin(), headings.end()),
              .widths = {28, 16, 28}};
  for (const ExportLine& line : lines) table.rows.push_back(Cells(line, language));
  return table;
}

std::string TableCsv(const Table& table) {
  std::string out = "\xEF\xBB\xBF";
  WriteCsvRecord(out, table.headings, ';');
  for (const auto& row : table.rows) WriteCsvRecord(out, row, ';');
  return out;
}

std::string TableXlsx(const Table& table) {
  // libxlsxwriter 1.1.4 (Debian 12) writes to a file only: use a private temporary file.
  char path[] = "/tmp/aantafel-export-XXXXXX";
  const int fd = mkstemp(path);
  if (fd < 0) throw std::runtime_error("cannot create a temporary file for the XLSX export");
  close(fd);
  struct Remove {
    const char* path;
    ~Remove() { std::remove(path); }
  } remove_later{path};

  lxw_workbook* workbook = workbook_new(path);
  if (workbook == nullptr) throw std::runtime_error("cannot start the XLSX workbook");
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, table.sheet.c_str());
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  for (std::size_t c = 0; c < table.headings.size(); ++c) {
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), table.headings[c].c_str(), bold);
    const double width = c < table.widths.size() ? table.widths[c] : 16;
    worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width,
                         nullptr);
  }
  lxw_row_t row = 1;
  for (const auto& cells : table.rows) {
    for (std::size_t c = 0; c < cells.size(); ++c) {
      // Strings only: a cell that starts with '=' stays text, never a formula.
      worksheet_write_string(sheet, row, static_cast<lxw_col_t>(c), cells[c].c_str(), nullptr);
    }
    ++row;
  }
  worksheet_freeze_panes(sheet, 1, 0);
  worksheet_autofilter(sheet, 0, 0, row - 1, static_cast<lxw_col_t>(table.headings.size() - 1));
  if (workbook_close(workbook) != LXW_NO_ERROR) {
    throw std::runtime_error("cannot write the XLSX workbook");
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace aantafel::interchange

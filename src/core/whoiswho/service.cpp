#include "core/whoiswho/service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/validation.hpp"

namespace aantafel::core::whoiswho {

using accounts::CanWrite;
using accounts::WorkspaceAccess;

namespace {

constexpr TextRule kName{.min_chars = 1, .max_chars = 200};
constexpr TextRule kShort{.min_chars = 0, .max_chars = 200};
constexpr TextRule kNotes{.min_chars = 0, .max_chars = 10000, .allow_newlines = true};
constexpr TextRule kTag{.min_chars = 1, .max_chars = 100};
constexpr std::size_t kMaxTags = 30;

std::optional<std::string> Optional(std::optional<std::string> value) {
  if (!value || value->empty()) return std::nullopt;
  return value;
}

/// Trimmed, non-empty, unique entries of a list field such as portfolios.
std::vector<std::string> CheckTags(const std::string& field, const std::vector<std::string>& in,
                                   FieldErrors& errors) {
  std::vector<std::string> out;
  if (in.size() > kMaxTags) {
    errors.Add(field, FieldIssue::kTooLong, static_cast<int>(kMaxTags));
    return out;
  }
  for (const auto& item : in) {
    auto tag = CheckText(field, item, kTag, errors);
    if (tag && std::find(out.begin(), out.end(), *tag) == out.end()) out.push_back(*tag);
  }
  return out;
}

std::string LowerAscii(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

/// The fields of a position as typed (organisation and person are checked by the caller).
Position CheckedPosition(const PositionInput& input, FieldErrors& errors) {
  auto kind = ParsePositionKind(input.kind);
  if (!kind) errors.Add("kind", FieldIssue::kInvalidChoice);
  auto title = CheckText("title", input.title, kShort, errors);
  auto party = CheckText("party", input.party, kShort, errors);
  Position position{.organisation_id = input.organisation_id,
                    .kind = kind.value_or(PositionKind::kPartnerRole),
                    .title = title.value_or(""),
                    .party = party.value_or(""),
                    .portfolios = CheckTags("portfolios", input.portfolios, errors),
                    .domains = CheckTags("domains", input.domains, errors),
                    .committees = CheckTags("committees", input.committees, errors)};
  auto started = CheckDate("started_on", input.started_on, true, errors);
  auto ended = CheckDate("ended_on", input.ended_on, false, errors);
  if (started) {
    if (auto dates = CheckPositionDates(*started, ended); !dates) {
      errors.Add("ended_on", FieldIssue::kInvalidFormat);
    }
    position.started_on = *started;
  }
  position.ended_on = ended;
  return position;
}

/// Moves the field errors of one row into the import report.
void AddRowIssues(int line, const Error& error, std::vector<ImportIssue>& out) {
  for (const auto& [field, problem] : error.fields) {
    out.push_back({.line = line, .field = field, .issue = problem.issue});
  }
}

std::string UpperAscii(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

}  // namespace

WhoIsWhoService::WhoIsWhoService(WhoIsWhoRepository& repository, const Clock& clock,
                                 std::set<std::string> register_editors)
    : repository_(repository), clock_(clock), register_editors_(std::move(register_editors)) {}

Result<ImportReport> WhoIsWhoService::ImportMunicipalitiesAs(const accounts::Principal& who,
                                                             const ParsedMunicipalities& parsed,
                                                             bool dry_run) {
  // Shared by every workspace, so a workspace role is not enough; an API token opens one
  // workspace only and never the register.
  const bool editor =
      who.via == accounts::Principal::Via::kSession && register_editors_.contains(who.user.email);
  if (!dry_run && !editor) return Error::Of(ErrorCode::kForbidden);
  return ImportMunicipalities(parsed, dry_run);
}

CivilDate WhoIsWhoService::Today() const { return DutchDate(clock_.Now()); }

std::vector<Municipality> WhoIsWhoService::SearchMunicipalities(std::string_view text) {
  return repository_.SearchMunicipalities(TrimAscii(text), 50);
}

std::vector<Municipality> WhoIsWhoService::AllMunicipalities() {
  return repository_.AllMunicipalities();
}

std::vector<std::pair<std::int64_t, std::string>> WhoIsWhoService::PersonNames(
    const WorkspaceAccess& access) {
  return repository_.PersonNames(access.workspace.id);
}

std::map<std::int64_t, std::string> WhoIsWhoService::CurrentRoles(
    const WorkspaceAccess& access, const std::vector<std::int64_t>& person_ids) {
  std::map<std::int64_t, std::string> roles;
  const CivilDate today = Today();
  for (const auto& position : repository_.PositionsOfPeople(access.workspace.id, person_ids)) {
    if (IsCurrent(position, today)) roles.emplace(position.person_id, position.title);
  }
  return roles;
}

std::optional<Municipality> WhoIsWhoService::FindMunicipality(std::string_view code) {
  return repository_.FindMunicipality(code);
}

Result<MunicipalityDetail> WhoIsWhoService::GetMunicipality(std::string_view code) {
  if (!IsMunicipalityCode(code)) return Error::Field("code", FieldIssue::kInvalidFormat);
  auto municipality = repository_.FindMunicipality(code);
  if (!municipality) return Error::Of(ErrorCode::kNotFound);
  return MunicipalityDetail{.municipality = std::move(*municipality),
                            .districts = repository_.DistrictsOf(code),
                            .predecessors = repository_.Predecessors(code),
                            .successors = repository_.Successors(code)};
}

Status WhoIsWhoService::UpsertMunicipality(const Municipality& municipality) {
  FieldErrors errors;
  if (!IsMunicipalityCode(municipality.code)) errors.Add("code", FieldIssue::kInvalidFormat);
  auto name = CheckText("name", municipality.name, kName, errors);
  if (municipality.population && *municipality.population < 0) {
    errors.Add("population", FieldIssue::kInvalidFormat);
  }
  if (!errors.empty()) return std::move(errors).ToError();
  Municipality clean = municipality;
  clean.name = *name;
  repository_.UpsertMunicipality(clean, clock_.Now());
  return Ok{};
}

Result<Organisation> WhoIsWhoService::AddOrganisation(const WorkspaceAccess& access,
                                                      std::string_view kind, std::string_view name,
                                                      std::string_view municipality_code) {
  if (!CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  FieldErrors errors;
  auto parsed_kind = ParseOrganisationKind(kind);
  if (!parsed_kind) errors.Add("kind", FieldIssue::kInvalidChoice);
  Organisation org{.kind = parsed_kind.value_or(OrganisationKind::kOther)};
  if (parsed_kind == OrganisationKind::kMunicipality) {
    auto municipality = repository_.FindMunicipality(municipality_code);
    if (!municipality) {
      errors.Add("municipality_code",
                 municipality_code.empty() ? FieldIssue::kRequired : FieldIssue::kInvalidChoice);
    } else {
      org.municipality_code = municipality->code;
      org.name = name.empty() ? municipality->name : std::string(name);
    }
  } else if (!municipality_code.empty()) {
    errors.Add("municipality_code", FieldIssue::kUnknownField);
  }
  if (org.name.empty()) org.name = std::string(name);
  auto checked = CheckText("name", org.name, kName, errors);
  if (!errors.empty()) return std::move(errors).ToError();
  org.name = *checked;
  return repository_.AddOrganisation(access.workspace.id, org, clock_.Now());
}

std::vector<Organisation> WhoIsWhoService::ListOrganisations(const WorkspaceAccess& access) {
  return repository_.ListOrganisations(access.workspace.id);
}

Result<Person> WhoIsWhoService::CheckedPerson(const PersonInput& input) {
  FieldErrors errors;
  auto name = CheckText("name", input.name, kName, errors);
  std::optional<std::string> email;
  if (!TrimAscii(input.email).empty()) email = CheckEmail("email", input.email, errors);
  auto phone = CheckText("phone", input.phone, {.min_chars = 0, .max_chars = 40}, errors);
  if (phone && phone->find_first_not_of("0123456789+-() ") != std::string::npos) {
    errors.Add("phone", FieldIssue::kInvalidFormat);
  }
  auto notes = CheckText("notes", input.notes, kNotes, errors);
  if (!errors.empty()) return std::move(errors).ToError();
  return Person{.name = *name,
                .email = Optional(email),
                .phone = Optional(phone),
                .notes = Optional(notes),
                .fictional = input.fictional};
}

Result<Person> WhoIsWhoService::AddPerson(const WorkspaceAccess& access, const PersonInput& input) {
  if (!CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  auto person = CheckedPerson(input);
  if (!person) return person;
  person->created_at = person->updated_at = clock_.Now();
  return repository_.AddPerson(access.workspace.id, *person);
}

Result<Person> WhoIsWhoService::UpdatePerson(const WorkspaceAccess& access, std::int64_t id,
                                             const PersonPatch& patch) {
  if (!CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  auto existing = repository_.FindPerson(access.workspace.id, id);
  if (!existing) return Error::Of(ErrorCode::kNotFound);
  const PersonInput input{.name = patch.name.value_or(existing->name),
                          .email = patch.email.value_or(existing->email.value_or("")),
                          .phone = patch.phone.value_or(existing->phone.value_or("")),
                          .notes = patch.notes.value_or(existing->notes.value_or("")),
                          .fictional = patch.fictional.value_or(existing->fictional)};
  auto person = CheckedPerson(input);
  if (!person) return person;
  person->id = id;
  person->created_at = existing->created_at;
  person->updated_at = clock_.Now();
  if (!repository_.UpdatePerson(access.workspace.id, *person))
    return Error::Of(ErrorCode::kNotFound);
  return person;
}

Result<PersonDossier> WhoIsWhoService::GetPerson(const WorkspaceAccess& access, std::int64_t id) {
  auto person = repository_.FindPerson(access.workspace.id, id);
  if (!person) return Error::Of(ErrorCode::kNotFound);
  const std::int64_t ids[] = {id};
  return PersonDossier{.person = std::move(*person),
                       .positions = repository_.PositionsOfPeople(access.workspace.id, ids),
                       .assessments = repository_.AssessmentsOf(access.workspace.id, id)};
}

PeoplePage WhoIsWhoService::ListPeople(const WorkspaceAccess& access, const PeopleFilter& filter) {
  const std::int64_t ws = access.workspace.id;
  const CivilDate today = Today();
  // One row more than asked tells whether another page follows.
  auto people = repository_.ListPeople(ws, {.name_contains = NameKey(TrimAscii(filter.text)),
                                            .organisation_id = filter.organisation_id,
                                            .kind = filter.kind,
                                            .party = LowerAscii(TrimAscii(filter.party)),
                                            .domain = LowerAscii(TrimAscii(filter.domain)),
                                            .quadrant = filter.quadrant,
                                            .today = today,
                                            .limit = filter.limit + 1,
                                            .offset = filter.offset});
  PeoplePage page;
  if (people.size() > filter.limit) {
    page.has_more = true;
    people.resize(filter.limit);
  }
  std::vector<std::int64_t> ids;
  ids.reserve(people.size());
  for (const auto& p : people) ids.push_back(p.id);
  std::map<std::int64_t, std::vector<Position>> positions;
  for (auto& position : repository_.PositionsOfPeople(ws, ids)) {
    if (IsCurrent(position, today)) positions[position.person_id].push_back(std::move(position));
  }
  std::map<std::int64_t, Assessment> latest;
  for (auto& a : repository_.LatestAssessments(ws, ids)) latest[a.person_id] = std::move(a);

  page.items.reserve(people.size());
  for (auto& person : people) {
    PersonSummary summary{.person = std::move(person)};
    summary.current_positions = std::move(positions[summary.person.id]);
    if (auto it = latest.find(summary.person.id); it != latest.end()) {
      summary.latest_assessment = it->second;
      summary.quadrant = Classify(it->second.scores.power, it->second.scores.interest);
    }
    page.items.push_back(std::move(summary));
  }
  return page;
}

Status WhoIsWhoService::ErasePerson(const WorkspaceAccess& access, std::int64_t id) {
  if (!CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  if (!repository_.DeletePerson(access.workspace.id, id)) return Error::Of(ErrorCode::kNotFound);
  // The log says that, when and by whom — never who the person was.
  repository_.RecordAudit(access.workspace.id, access.user_id, "person.erased",
                          "person:" + std::to_string(id), clock_.Now());
  return Ok{};
}

Result<Position> WhoIsWhoService::AddPosition(const WorkspaceAccess& access, std::int64_t person_id,
                                              const PositionInput& input) {
  if (!CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  const std::int64_t ws = access.workspace.id;
  if (!repository_.FindPerson(ws, person_id)) return Error::Of(ErrorCode::kNotFound);
  FieldErrors errors;
  if (!repository_.FindOrganisation(ws, input.organisation_id)) {
    errors.Add("organisation_id", FieldIssue::kInvalidChoice);
  }
  auto position = CheckedPosition(input, errors);
  if (!errors.empty()) return std::move(errors).ToError();
  position.person_id = person_id;
  return repository_.AddPosition(ws, position, clock_.Now());
}

Result<Position> WhoIsWhoService::EndPosition(const WorkspaceAccess& access,
                                              std::int64_t position_id, std::string_view ended_on) {
  if (!CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  auto position = repository_.FindPosition(access.workspace.id, position_id);
  if (!position) return Error::Of(ErrorCode::kNotFound);
  FieldErrors errors;
  auto ended = CheckDate("ended_on", ended_on, false, errors);
  if (ended && *ended < position->started_on) errors.Add("ended_on", FieldIssue::kInvalidFormat);
  if (!errors.empty()) return std::move(errors).ToError();
  repository_.SetPositionEnd(access.workspace.id, position_id, ended, clock_.Now());
  position->ended_on = ended;
  return *position;
}

Status WhoIsWhoService::DeletePosition(const WorkspaceAccess& access, std::int64_t position_id) {
  if (!CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  if (!repository_.DeletePosition(access.workspace.id, position_id)) {
    return Error::Of(ErrorCode::kNotFound);
  }
  return Ok{};
}

Result<Assessment> WhoIsWhoService::AddAssessment(const WorkspaceAccess& access,
                                                  std::int64_t person_id,
                                                  const AssessmentInput& input) {
  if (!CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  if (!repository_.FindPerson(access.workspace.id, person_id))
    return Error::Of(ErrorCode::kNotFound);
  FieldErrors errors;
  const Scores scores{.power = input.power, .interest = input.interest, .attitude = input.attitude};
  if (auto checked = CheckScores(scores); !checked) {
    for (const auto& [field, problem] : checked.error().fields) errors.Add(field, problem.issue);
  }
  auto assessed = CheckDate("assessed_on", input.assessed_on, false, errors);
  auto note = CheckText("note", input.note, kNotes, errors);
  if (!errors.empty()) return std::move(errors).ToError();
  Assessment assessment{.person_id = person_id,
                        .assessed_on = assessed.value_or(Today()),
                        .scores = scores,
                        .note = *note,
                        .created_at = clock_.Now()};
  return repository_.AddAssessment(access.workspace.id, assessment, access.user_id);
}

Result<ElectionResult> WhoIsWhoService::ApplyElection(const WorkspaceAccess& access,
                                                      std::int64_t organisation_id,
                                                      const ElectionInput& input) {
  if (!CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  const std::int64_t ws = access.workspace.id;
  auto org = repository_.FindOrganisation(ws, organisation_id);
  if (!org) return Error::Of(ErrorCode::kNotFound);
  FieldErrors errors;
  if (org->kind != OrganisationKind::kMunicipality) {
    errors.Add("organisation_id", FieldIssue::kInvalidChoice);
  }
  auto installation = CheckDate("installation_date", input.installation_date, true, errors);
  auto election = CheckDate("election_date", input.election_date, false, errors);
  if (installation && election && *installation < *election) {
    errors.Add("election_date", FieldIssue::kInvalidFormat);
  }
  std::vector<SeatCount> seats;
  for (const auto& s : input.seats) {
    seats.push_back({.party = std::string(TrimAscii(s.party)), .seats = s.seats});
  }
  if (auto checked = CheckSeats(seats); !checked) {
    for (const auto& [field, problem] : checked.error().fields) errors.Add(field, problem.issue);
  }
  if (!errors.empty()) return std::move(errors).ToError();
  const auto positions = repository_.PositionsAt(ws, organisation_id);
  ElectionResult result;
  result.ended = EndOfTermEndings(positions, *installation);
  result.term = repository_.RecordElection(ws,
                                           CouncilTerm{.organisation_id = organisation_id,
                                                       .election_date = election,
                                                       .installation_date = *installation,
                                                       .seats = std::move(seats)},
                                           result.ended, clock_.Now());
  const CivilDate since = result.term.election_date.value_or(*installation);
  const auto met = repository_.PeopleMetSince(ws, StartOfDutchDay(since));
  for (std::int64_t id : NotYetMet(positions, *installation, met)) {
    if (auto person = repository_.FindPerson(ws, id))
      result.not_yet_met.push_back(std::move(*person));
  }
  return result;
}

Result<CouncilOverview> WhoIsWhoService::Council(const WorkspaceAccess& access,
                                                 std::int64_t organisation_id) {
  auto org = repository_.FindOrganisation(access.workspace.id, organisation_id);
  if (!org) return Error::Of(ErrorCode::kNotFound);
  const std::int64_t ws = access.workspace.id;
  CouncilOverview overview{.terms = repository_.CouncilTerms(ws, organisation_id),
                           .seats = org->seats};
  if (!overview.terms.empty()) {
    const CouncilTerm& newest = overview.terms.front();
    const CivilDate since = newest.election_date.value_or(newest.installation_date);
    const auto met = repository_.PeopleMetSince(ws, StartOfDutchDay(since));
    for (std::int64_t id :
         NotYetMet(repository_.PositionsAt(ws, organisation_id), newest.installation_date, met)) {
      if (auto person = repository_.FindPerson(ws, id)) {
        person->notes.reset();
        person->email.reset();
        person->phone.reset();
        overview.not_yet_met.push_back(std::move(*person));
      }
    }
  }
  return overview;
}

ImportReport WhoIsWhoService::ImportMunicipalities(const ParsedMunicipalities& parsed,
                                                   bool dry_run) {
  ImportReport report{.kind = "cbs_municipalities", .dry_run = dry_run};
  report.rows = static_cast<int>(parsed.rows.size());
  report.rejected = parsed.issues;
  std::map<std::string, Municipality> existing;
  for (auto& m : repository_.AllMunicipalities()) existing.emplace(m.code, std::move(m));
  std::set<std::string> seen;
  std::vector<Municipality> clean;
  for (const auto& [line, m] : parsed.rows) {
    FieldErrors errors;
    if (!IsMunicipalityCode(m.code)) errors.Add("code", FieldIssue::kInvalidFormat);
    if (!seen.insert(m.code).second) errors.Add("code", FieldIssue::kDuplicate);
    auto name = CheckText("name", m.name, kName, errors);
    if (m.population && *m.population < 0) errors.Add("population", FieldIssue::kInvalidFormat);
    if (!errors.empty()) {
      AddRowIssues(line, std::move(errors).ToError(), report.rejected);
      continue;
    }
    Municipality c = m;
    c.name = *name;
    c.source = std::string(kSourceCbs);
    c.reference_date = DutchDate(clock_.Now());
    auto it = existing.find(c.code);
    if (it == existing.end()) {
      ++report.municipalities_added;
    } else if (ImportChanges(it->second, c)) {
      ++report.municipalities_updated;
    }
    clean.push_back(std::move(c));
  }
  report.municipalities = static_cast<int>(clean.size());
  std::stable_sort(report.rejected.begin(), report.rejected.end(),
                   [](const ImportIssue& a, const ImportIssue& b) { return a.line < b.line; });
  if (report.rejected.empty() && !dry_run) {
    repository_.UpsertMunicipalities(clean, clock_.Now());
    report.applied = true;
  }
  if (!report.rejected.empty()) ClearChanges(report);
  return report;
}

Result<ImportReport> WhoIsWhoService::ImportPeople(const WorkspaceAccess& access,
                                                   const ParsedPeople& parsed, bool dry_run) {
  if (!CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  ImportReport report{.kind = parsed.kind, .dry_run = dry_run};
  ImportPlan plan = PlanImport(access.workspace.id, parsed, report);
  std::stable_sort(report.rejected.begin(), report.rejected.end(),
                   [](const ImportIssue& a, const ImportIssue& b) { return a.line < b.line; });
  if (report.rejected.empty() && !dry_run) {
    repository_.ApplyImport(access.workspace.id, plan, clock_.Now());
    report.applied = true;
  }
  if (!report.rejected.empty()) ClearChanges(report);
  return report;
}

Result<ImportReport> WhoIsWhoService::RefreshFromAlmanak(const WorkspaceAccess& access,
                                                         const ParsedPeople& parsed) {
  if (!CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  ImportReport report{.kind = parsed.kind};
  ImportPlan plan = PlanImport(access.workspace.id, parsed, report, /*known_only=*/true);
  std::stable_sort(report.rejected.begin(), report.rejected.end(),
                   [](const ImportIssue& a, const ImportIssue& b) { return a.line < b.line; });
  if (report.rejected.empty()) {
    repository_.ApplyImport(access.workspace.id, plan, clock_.Now());
    report.applied = true;
  } else {
    ClearChanges(report);
  }
  return report;
}

ImportPlan WhoIsWhoService::PlanImport(std::int64_t ws, const ParsedPeople& parsed,
                                       ImportReport& report, bool known_only) {
  ImportPlan plan;
  report.rows = static_cast<int>(parsed.rows.size());
  report.positions_skipped = parsed.skipped;
  report.rejected = parsed.issues;
  auto reject = [&](int line, std::string field, FieldIssue issue) {
    report.rejected.push_back({.line = line, .field = std::move(field), .issue = issue});
  };

  // Municipalities by code and by name.
  std::map<std::string, Municipality> by_code;
  std::map<std::string, std::string> code_by_name;
  for (auto& m : repository_.AllMunicipalities()) {
    code_by_name.emplace(MunicipalityNameKey(m.name), m.code);
    by_code.emplace(m.code, std::move(m));
  }
  auto find_municipality = [&](const std::string& ref) -> const Municipality* {
    const std::string code = UpperAscii(TrimAscii(ref));
    if (auto it = by_code.find(code); it != by_code.end()) return &it->second;
    if (auto it = code_by_name.find(MunicipalityNameKey(ref)); it != code_by_name.end()) {
      return &by_code.at(it->second);
    }
    return nullptr;
  };

  // Organisations the workspace has, and those this import will add.
  std::map<std::string, PlanRef> organisations;  // "m:GM0344" or "o:<name key>"
  std::map<std::int64_t, std::vector<SeatCount>> current_seats;
  std::map<std::int64_t, MunicipalityFacts> current_facts;
  for (const auto& o : repository_.ListOrganisations(ws)) {
    const std::string key =
        o.municipality_code ? "m:" + *o.municipality_code : "o:" + NameKey(o.name);
    organisations.emplace(key, PlanRef{.id = o.id});
    current_seats.emplace(o.id, o.seats);
    current_facts.emplace(o.id, o.facts);
  }
  std::set<std::string> municipalities_seen;
  auto organisation_ref = [&](int line, const std::string& municipality,
                              const std::string& organisation) -> std::optional<PlanRef> {
    Organisation org;
    std::string key;
    if (!TrimAscii(municipality).empty()) {
      const Municipality* m = find_municipality(municipality);
      if (m == nullptr && known_only) return std::nullopt;
      if (m == nullptr) {
        reject(line, "municipality", FieldIssue::kUnknownValue);
        return std::nullopt;
      }
      key = "m:" + m->code;
      if (known_only && !organisations.contains(key)) return std::nullopt;
      municipalities_seen.insert(m->code);
      org = {
          .kind = OrganisationKind::kMunicipality, .name = m->name, .municipality_code = m->code};
    } else {
      FieldErrors errors;
      auto name = CheckText("organisation", organisation, kName, errors);
      if (!name) {
        AddRowIssues(line, std::move(errors).ToError(), report.rejected);
        return std::nullopt;
      }
      key = "o:" + NameKey(*name);
      org = {.kind = OrganisationKind::kOther, .name = *name};
    }
    if (auto it = organisations.find(key); it != organisations.end()) return it->second;
    const PlanRef ref{.new_index = static_cast<int>(plan.new_organisations.size())};
    plan.new_organisations.push_back(std::move(org));
    organisations.emplace(key, ref);
    ++report.organisations_added;
    return ref;
  };

  // People already known, matched by name; and their positions.
  std::vector<std::string> keys;
  for (const auto& row : parsed.rows) keys.push_back(NameKey(TrimAscii(row.name)));
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  std::map<std::string, Person> known;
  for (auto& p : repository_.PeopleNamed(ws, keys)) {
    const std::string key = NameKey(p.name);
    if (!known.contains(key)) known.emplace(key, std::move(p));  // the oldest of namesakes
  }
  std::vector<std::int64_t> known_ids;
  for (const auto& [key, p] : known) known_ids.push_back(p.id);
  std::map<std::int64_t, std::vector<Position>> known_positions;
  for (auto& p : repository_.PositionsOfPeople(ws, known_ids)) {
    known_positions[p.person_id].push_back(std::move(p));
  }

  std::map<std::string, int> new_people;           // name key → index in plan.new_people
  std::map<std::int64_t, Person> contact_updates;  // person id → person with filled contacts
  std::set<std::int64_t> matched;
  std::set<std::string> positions_seen;
  for (const ImportRow& row : parsed.rows) {
    auto person = CheckedPerson(
        {.name = row.name, .email = row.email, .phone = row.phone, .fictional = row.fictional});
    FieldErrors errors;
    std::optional<Position> position;
    std::optional<PlanRef> org;
    const bool has_position = !TrimAscii(row.kind).empty();
    if (has_position) {
      auto kind = PositionKindFromLabel(row.kind);
      PositionInput input{.kind = kind ? std::string(ToString(*kind)) : row.kind,
                          .title = row.title,
                          .party = row.party,
                          .portfolios = row.portfolios,
                          .domains = row.domains,
                          .committees = row.committees,
                          .started_on = NormaliseDate(row.started_on),
                          .ended_on = NormaliseDate(row.ended_on)};
      position = CheckedPosition(input, errors);
      if (TrimAscii(row.municipality).empty() && TrimAscii(row.organisation).empty()) {
        errors.Add("municipality", FieldIssue::kRequired);
      }
    } else if (!row.party.empty() || !row.started_on.empty() || !row.title.empty()) {
      errors.Add("kind", FieldIssue::kRequired);
    }
    if (!person) AddRowIssues(row.line, person.error(), report.rejected);
    if (!errors.empty()) AddRowIssues(row.line, std::move(errors).ToError(), report.rejected);
    if (has_position && person && errors.empty()) {
      org = organisation_ref(row.line, row.municipality, row.organisation);
    }
    if (!person || !errors.empty() || (has_position && !org)) continue;

    // The person: known, new in this file already, or new.
    const std::string key = NameKey(person->name);
    PlanRef person_ref;
    const std::vector<Position>* existing_positions = nullptr;
    if (auto it = known.find(key); it != known.end()) {
      Person& known_person = it->second;
      person_ref.id = known_person.id;
      existing_positions = &known_positions[known_person.id];
      if (matched.insert(known_person.id).second) ++report.people_matched;
      // Contact details fill gaps only; what the workspace typed wins, notes are never touched.
      bool changed = false;
      if (!known_person.email && person->email) known_person.email = person->email, changed = true;
      if (!known_person.phone && person->phone) known_person.phone = person->phone, changed = true;
      if (changed) contact_updates[known_person.id] = known_person;
    } else if (auto n = new_people.find(key); n != new_people.end()) {
      person_ref.new_index = n->second;
    } else {
      person_ref.new_index = static_cast<int>(plan.new_people.size());
      new_people.emplace(key, person_ref.new_index);
      person->created_at = person->updated_at = clock_.Now();
      plan.new_people.push_back(std::move(*person));
      ++report.people_added;
    }
    if (!has_position) continue;

    const std::string position_key =
        key + "|" + std::to_string(org->id) + "/" + std::to_string(org->new_index) + "|" +
        std::string(ToString(position->kind)) + "|" + position->started_on.ToString();
    if (!positions_seen.insert(position_key).second) {
      reject(row.line, "row", FieldIssue::kDuplicate);
      continue;
    }
    const Position* same = nullptr;
    if (existing_positions != nullptr && org->id != 0) {
      for (const Position& p : *existing_positions) {
        if (p.organisation_id == org->id && p.kind == position->kind &&
            p.started_on == position->started_on) {
          same = &p;
        }
      }
    }
    if (same == nullptr) {
      plan.new_positions.push_back(
          {.person = person_ref, .organisation = *org, .position = std::move(*position)});
      ++report.positions_added;
    } else if (position->ended_on && same->ended_on != position->ended_on) {
      plan.position_endings.push_back({.position_id = same->id, .ended_on = *position->ended_on});
      ++report.positions_updated;
    } else {
      ++report.positions_unchanged;
    }
  }
  for (auto& [id, p] : contact_updates) plan.contact_updates.push_back(std::move(p));

  for (const ImportMunicipality& m : parsed.municipalities) {
    auto org = organisation_ref(m.line, m.municipality, "");
    if (!org) continue;
    if (auto checked = CheckSeats(m.seats); !checked) {
      AddRowIssues(m.line, checked.error(), report.rejected);
      continue;
    }
    if (auto checked = CheckFacts(m.facts); !checked) {
      AddRowIssues(m.line, checked.error(), report.rejected);
      continue;
    }
    ImportPlan::MunicipalityUpdate update{.organisation = *org};
    if (!m.seats.empty() && (org->id == 0 || current_seats[org->id] != m.seats)) {
      update.seats = m.seats;
      ++report.seats_updated;
    }
    // Facts the file does not give keep what is known.
    MunicipalityFacts facts = org->id != 0 ? current_facts[org->id] : MunicipalityFacts{};
    if (m.facts.inhabitants) facts.inhabitants = m.facts.inhabitants;
    if (m.facts.total_seats) facts.total_seats = m.facts.total_seats;
    if (!m.facts.website.empty()) facts.website = m.facts.website;
    if (!m.facts.province.empty()) facts.province = m.facts.province;
    if (org->id == 0 ? facts != MunicipalityFacts{} : facts != current_facts[org->id]) {
      update.facts = facts;
      ++report.facts_updated;
    }
    if (update.seats || update.facts) plan.municipality_updates.push_back(std::move(update));
  }
  report.municipalities = static_cast<int>(municipalities_seen.size());
  return plan;
}

std::vector<ExportLine> WhoIsWhoService::ExportLines(const WorkspaceAccess& access,
                                                     std::optional<std::int64_t> organisation_id) {
  auto lines = repository_.CurrentLines(access.workspace.id, Today(), organisation_id);
  // Contact details leave the system: record that, when and by whom (not whose).
  repository_.RecordAudit(
      access.workspace.id, access.user_id, "people.exported",
      organisation_id ? "organisation:" + std::to_string(*organisation_id) : "all", clock_.Now());
  return lines;
}

}  // namespace aantafel::core::whoiswho

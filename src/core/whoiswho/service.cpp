#include "core/whoiswho/service.hpp"

#include <algorithm>
#include <map>

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

std::optional<CivilDate> CheckDate(const std::string& field, std::string_view text, bool required,
                                   FieldErrors& errors) {
  if (text.empty()) {
    if (required) errors.Add(field, FieldIssue::kRequired);
    return std::nullopt;
  }
  auto date = CivilDate::Parse(text);
  if (!date) errors.Add(field, FieldIssue::kInvalidFormat);
  return date;
}

bool Contains(const std::vector<std::string>& list, const std::string& wanted) {
  return std::any_of(list.begin(), list.end(), [&](const std::string& item) {
    return item.size() == wanted.size() &&
           std::equal(item.begin(), item.end(), wanted.begin(), [](char a, char b) {
             return std::tolower(static_cast<unsigned char>(a)) ==
                    std::tolower(static_cast<unsigned char>(b));
           });
  });
}

std::string LowerAscii(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

WhoIsWhoService::WhoIsWhoService(WhoIsWhoRepository& repository, const Clock& clock)
    : repository_(repository), clock_(clock) {}

CivilDate WhoIsWhoService::Today() const { return DutchDate(clock_.Now()); }

std::vector<Municipality> WhoIsWhoService::SearchMunicipalities(std::string_view text) {
  return repository_.SearchMunicipalities(TrimAscii(text), 50);
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

std::vector<PersonSummary> WhoIsWhoService::ListPeople(const WorkspaceAccess& access,
                                                       const PeopleFilter& filter) {
  const std::int64_t ws = access.workspace.id;
  auto people = repository_.ListPeople(ws, {.name_contains = LowerAscii(TrimAscii(filter.text)),
                                            .organisation_id = filter.organisation_id,
                                            .limit = 500});
  std::vector<std::int64_t> ids;
  ids.reserve(people.size());
  for (const auto& p : people) ids.push_back(p.id);
  std::map<std::int64_t, std::vector<Position>> positions;
  const CivilDate today = Today();
  for (auto& position : repository_.PositionsOfPeople(ws, ids)) {
    if (IsCurrent(position, today)) positions[position.person_id].push_back(std::move(position));
  }
  std::map<std::int64_t, Assessment> latest;
  for (auto& a : repository_.LatestAssessments(ws, ids)) latest[a.person_id] = std::move(a);

  std::vector<PersonSummary> out;
  for (auto& person : people) {
    PersonSummary summary{.person = std::move(person)};
    summary.current_positions = std::move(positions[summary.person.id]);
    if (auto it = latest.find(summary.person.id); it != latest.end()) {
      summary.latest_assessment = it->second;
      summary.quadrant = Classify(it->second.scores.power, it->second.scores.interest);
    }
    const auto& current = summary.current_positions;
    auto any = [&](auto predicate) {
      return std::any_of(current.begin(), current.end(), predicate);
    };
    if (filter.kind && !any([&](const Position& p) { return p.kind == *filter.kind; })) continue;
    if (!filter.party.empty() &&
        !any([&](const Position& p) { return LowerAscii(p.party) == LowerAscii(filter.party); })) {
      continue;
    }
    if (!filter.domain.empty() &&
        !any([&](const Position& p) { return Contains(p.domains, filter.domain); })) {
      continue;
    }
    if (filter.quadrant && summary.quadrant != filter.quadrant) continue;
    if (filter.organisation_id &&
        !any([&](const Position& p) { return p.organisation_id == *filter.organisation_id; })) {
      continue;
    }
    out.push_back(std::move(summary));
  }
  return out;
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
  auto kind = ParsePositionKind(input.kind);
  if (!kind) errors.Add("kind", FieldIssue::kInvalidChoice);
  if (!repository_.FindOrganisation(ws, input.organisation_id)) {
    errors.Add("organisation_id", FieldIssue::kInvalidChoice);
  }
  auto title = CheckText("title", input.title, kShort, errors);
  auto party = CheckText("party", input.party, kShort, errors);
  Position position{.person_id = person_id,
                    .organisation_id = input.organisation_id,
                    .kind = kind.value_or(PositionKind::kPartnerRole),
                    .portfolios = CheckTags("portfolios", input.portfolios, errors),
                    .domains = CheckTags("domains", input.domains, errors),
                    .committees = CheckTags("committees", input.committees, errors)};
  auto started = CheckDate("started_on", input.started_on, true, errors);
  auto ended = CheckDate("ended_on", input.ended_on, false, errors);
  if (started) {
    if (auto dates = CheckPositionDates(*started, ended); !dates) {
      errors.Add("ended_on", FieldIssue::kInvalidFormat);
    }
  }
  if (!errors.empty()) return std::move(errors).ToError();
  position.title = *title;
  position.party = *party;
  position.started_on = *started;
  position.ended_on = ended;
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
                                                      std::string_view installation) {
  if (!CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  const std::int64_t ws = access.workspace.id;
  auto org = repository_.FindOrganisation(ws, organisation_id);
  if (!org) return Error::Of(ErrorCode::kNotFound);
  FieldErrors errors;
  if (org->kind != OrganisationKind::kMunicipality) {
    errors.Add("organisation_id", FieldIssue::kInvalidChoice);
  }
  auto date = CheckDate("installation_date", installation, true, errors);
  if (!errors.empty()) return std::move(errors).ToError();
  const auto positions = repository_.PositionsAt(ws, organisation_id);
  ElectionResult result;
  result.ended = EndOfTermEndings(positions, *date);
  repository_.EndPositions(ws, result.ended, clock_.Now());
  // No interaction log exists yet (a later feature), so nobody has been met.
  for (std::int64_t id : NotYetMet(positions, *date, {})) {
    if (auto person = repository_.FindPerson(ws, id))
      result.not_yet_met.push_back(std::move(*person));
  }
  return result;
}

}  // namespace aantafel::core::whoiswho

#include "storage/whoiswho_repository.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace aantafel::storage {

using core::Error;
using core::ErrorCode;
using core::FieldIssue;
using core::FromMillis;
using core::ToMillis;
using namespace core::whoiswho;

namespace {

namespace sql {
constexpr std::string_view kUpsertMunicipality =
    "INSERT INTO municipalities (code, name, province, population, care_office_region, "
    "youth_region, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (code) DO UPDATE "
    "SET name = excluded.name, province = excluded.province, population = excluded.population, "
    "care_office_region = excluded.care_office_region, youth_region = excluded.youth_region, "
    "updated_at = excluded.updated_at";
constexpr std::string_view kMunicipalityColumns =
    "SELECT code, name, province, population, care_office_region, youth_region "
    "FROM municipalities ";
constexpr std::string_view kFindMunicipality = "WHERE code = $1";
constexpr std::string_view kSearchMunicipalities =
    "WHERE LOWER(name) LIKE $1 ESCAPE '!' OR LOWER(code) LIKE $1 ESCAPE '!' ORDER BY name LIMIT $2";

constexpr std::string_view kInsertOrganisation =
    "INSERT INTO organisations (workspace_id, kind, name, municipality_code, created_at, "
    "updated_at) VALUES ($1, $2, $3, $4, $5, $5) RETURNING id";
constexpr std::string_view kFindOrganisation =
    "SELECT id, kind, name, municipality_code FROM organisations WHERE workspace_id = $1 AND id = "
    "$2";
constexpr std::string_view kListOrganisations =
    "SELECT id, kind, name, municipality_code FROM organisations WHERE workspace_id = $1 "
    "ORDER BY name, id";

constexpr std::string_view kInsertPerson =
    "INSERT INTO people (workspace_id, name, name_key, email_sealed, phone_sealed, notes_sealed, "
    "fictional, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";
constexpr std::string_view kUpdatePerson =
    "UPDATE people SET name = $3, name_key = $4, email_sealed = $5, phone_sealed = $6, "
    "notes_sealed = $7, fictional = $8, updated_at = $9 WHERE workspace_id = $1 AND id = $2";
constexpr std::string_view kPersonColumns =
    "SELECT id, name, email_sealed, phone_sealed, notes_sealed, fictional, created_at, updated_at "
    "FROM people ";
constexpr std::string_view kFindPerson = "WHERE workspace_id = $1 AND id = $2";
constexpr std::string_view kListPeople =
    "WHERE workspace_id = $1 AND name_key LIKE $2 ESCAPE '!' AND (CAST($3 AS BIGINT) IS NULL OR id "
    "IN (SELECT person_id FROM positions WHERE workspace_id = $1 AND organisation_id = $3)) "
    "ORDER BY name_key, id LIMIT $4";
constexpr std::string_view kDeletePerson = "DELETE FROM people WHERE workspace_id = $1 AND id = $2";

constexpr std::string_view kInsertPosition =
    "INSERT INTO positions (workspace_id, person_id, organisation_id, kind, title, party, "
    "portfolios, domains, committees, started_on, ended_on, created_at, updated_at) VALUES "
    "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id";
constexpr std::string_view kPositionColumns =
    "SELECT id, person_id, organisation_id, kind, title, party, portfolios, domains, committees, "
    "started_on, ended_on FROM positions ";
constexpr std::string_view kFindPosition = "WHERE workspace_id = $1 AND id = $2";
constexpr std::string_view kPositionsAt =
    "WHERE workspace_id = $1 AND organisation_id = $2 ORDER BY started_on, id";
constexpr std::string_view kSetPositionEnd =
    "UPDATE positions SET ended_on = $3, updated_at = $4 WHERE workspace_id = $1 AND id = $2";
constexpr std::string_view kDeletePosition =
    "DELETE FROM positions WHERE workspace_id = $1 AND id = $2";

constexpr std::string_view kInsertAssessment =
    "INSERT INTO assessments (workspace_id, person_id, assessed_on, power, interest, attitude, "
    "note_sealed, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";
constexpr std::string_view kAssessmentColumns =
    "SELECT id, person_id, assessed_on, power, interest, attitude, note_sealed, created_at "
    "FROM assessments ";
constexpr std::string_view kAssessmentsOf =
    "WHERE workspace_id = $1 AND person_id = $2 ORDER BY assessed_on, id";

constexpr std::string_view kInsertAudit =
    "INSERT INTO audit_log (workspace_id, user_id, action, subject, created_at) "
    "VALUES ($1, $2, $3, $4, $5)";
}  // namespace sql

// IN lists are sent in fixed-size chunks (padded with 0, which is never an id), so each query
// has one SQL text and one prepared statement.
constexpr std::size_t kChunk = 50;

std::string InList(std::size_t first_placeholder) {
  std::string out = "(";
  for (std::size_t i = 0; i < kChunk; ++i) {
    if (i > 0) out += ", ";
    out += "$" + std::to_string(first_placeholder + i);
  }
  return out + ")";
}

template <typename Visit>
void ForEachChunk(std::span<const std::int64_t> ids, std::int64_t ws, Visit visit) {
  for (std::size_t start = 0; start < ids.size(); start += kChunk) {
    std::vector<Value> params{ws};
    for (std::size_t i = 0; i < kChunk; ++i) {
      params.emplace_back(start + i < ids.size() ? ids[start + i] : std::int64_t{0});
    }
    visit(params);
  }
}

Value OptionalText(const std::optional<std::string>& v) { return v ? Value(*v) : Value(nullptr); }

std::string JsonList(const std::vector<std::string>& items) { return nlohmann::json(items).dump(); }

std::vector<std::string> ListFrom(const std::string& text) {
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  std::vector<std::string> out;
  if (!parsed.is_array()) return out;
  for (const auto& item : parsed) {
    if (item.is_string()) out.push_back(item.get<std::string>());
  }
  return out;
}

std::string NameKey(std::string_view name) {
  std::string out(name);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

/// A LIKE pattern matching `text` anywhere, with '!' escaping the wildcards.
std::string ContainsPattern(std::string_view text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '!') out += '!';
    out += c;
  }
  return out + "%";
}

Municipality MunicipalityFrom(const Row& r) {
  return Municipality{.code = r.Text(0),
                      .name = r.Text(1),
                      .province = r.OptionalText(2),
                      .population = r.IsNull(3) ? std::nullopt : std::optional(r.Int(3)),
                      .care_office_region = r.OptionalText(4),
                      .youth_region = r.OptionalText(5)};
}

Organisation OrganisationFrom(const Row& r) {
  return Organisation{.id = r.Int(0),
                      .kind = ParseOrganisationKind(r.Text(1)).value_or(OrganisationKind::kOther),
                      .name = r.Text(2),
                      .municipality_code = r.OptionalText(3)};
}

Position PositionFrom(const Row& r) {
  Position p;
  p.id = r.Int(0);
  p.person_id = r.Int(1);
  p.organisation_id = r.Int(2);
  p.kind = ParsePositionKind(r.Text(3)).value_or(PositionKind::kPartnerRole);
  p.title = r.Text(4);
  p.party = r.Text(5);
  p.portfolios = ListFrom(r.Text(6));
  p.domains = ListFrom(r.Text(7));
  p.committees = ListFrom(r.Text(8));
  p.started_on = core::CivilDate::Parse(r.Text(9)).value_or(core::CivilDate{});
  if (!r.IsNull(10)) p.ended_on = core::CivilDate::Parse(r.Text(10));
  return p;
}

std::string Context(std::string_view column, std::int64_t ws) {
  return std::string(column) + "/ws:" + std::to_string(ws);
}

}  // namespace

Value SqlWhoIsWhoRepository::Seal(const std::optional<std::string>& plain, std::string_view column,
                                  std::int64_t ws) {
  if (!plain) return nullptr;
  return cipher_.Seal(*plain, Context(column, ws));
}

std::optional<std::string> SqlWhoIsWhoRepository::Open(const std::optional<std::string>& sealed,
                                                       std::string_view column, std::int64_t ws) {
  if (!sealed) return std::nullopt;
  auto plain = cipher_.Open(*sealed, Context(column, ws));
  if (!plain) {
    // Wrong key or tampered data: never show ciphertext, never crash the page.
    throw StorageError(StorageError::Kind::kOther,
                       "cannot decrypt " + std::string(column) + " (wrong data key?)");
  }
  return plain;
}

Person SqlWhoIsWhoRepository::PersonFrom(const Row& r, std::int64_t ws) {
  return Person{.id = r.Int(0),
                .name = r.Text(1),
                .email = Open(r.OptionalText(2), "person.email", ws),
                .phone = Open(r.OptionalText(3), "person.phone", ws),
                .notes = Open(r.OptionalText(4), "person.notes", ws),
                .fictional = r.Int(5) != 0,
                .created_at = FromMillis(r.Int(6)),
                .updated_at = FromMillis(r.Int(7))};
}

Assessment SqlWhoIsWhoRepository::AssessmentFrom(const Row& r, std::int64_t ws) {
  return Assessment{.id = r.Int(0),
                    .person_id = r.Int(1),
                    .assessed_on = core::CivilDate::Parse(r.Text(2)).value_or(core::CivilDate{}),
                    .scores = {.power = static_cast<int>(r.Int(3)),
                               .interest = static_cast<int>(r.Int(4)),
                               .attitude = static_cast<int>(r.Int(5))},
                    .note = Open(r.OptionalText(6), "assessment.note", ws).value_or(""),
                    .created_at = FromMillis(r.Int(7))};
}

// ---- municipalities ----

void SqlWhoIsWhoRepository::UpsertMunicipality(const Municipality& m, core::Instant now) {
  auto lease = db_.Acquire();
  lease->Execute(sql::kUpsertMunicipality,
                 {m.code, m.name, OptionalText(m.province),
                  m.population ? Value(*m.population) : Value(nullptr),
                  OptionalText(m.care_office_region), OptionalText(m.youth_region), ToMillis(now)});
}

std::optional<Municipality> SqlWhoIsWhoRepository::FindMunicipality(std::string_view code) {
  auto lease = db_.Acquire();
  auto row =
      lease->QueryOne(std::string(sql::kMunicipalityColumns) + std::string(sql::kFindMunicipality),
                      {std::string(code)});
  if (!row) return std::nullopt;
  return MunicipalityFrom(*row);
}

std::vector<Municipality> SqlWhoIsWhoRepository::SearchMunicipalities(std::string_view text,
                                                                      std::size_t limit) {
  auto lease = db_.Acquire();
  std::vector<Municipality> out;
  for (const Row& r : lease->Query(
           std::string(sql::kMunicipalityColumns) + std::string(sql::kSearchMunicipalities),
           {ContainsPattern(NameKey(text)), static_cast<std::int64_t>(limit)})) {
    out.push_back(MunicipalityFrom(r));
  }
  return out;
}

// ---- organisations ----

core::Result<Organisation> SqlWhoIsWhoRepository::AddOrganisation(std::int64_t ws,
                                                                  const Organisation& org,
                                                                  core::Instant now) {
  try {
    auto lease = db_.Acquire();
    auto row = lease->QueryOne(sql::kInsertOrganisation,
                               {ws, std::string(ToString(org.kind)), org.name,
                                OptionalText(org.municipality_code), ToMillis(now)});
    Organisation stored = org;
    stored.id = row->Int(0);
    return stored;
  } catch (const StorageError& e) {
    if (e.kind() != StorageError::Kind::kUniqueViolation) throw;
    Error error = Error::Field("municipality_code", FieldIssue::kTaken);
    error.code = ErrorCode::kConflict;
    return error;
  }
}

std::optional<Organisation> SqlWhoIsWhoRepository::FindOrganisation(std::int64_t ws,
                                                                    std::int64_t id) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(sql::kFindOrganisation, {ws, id});
  if (!row) return std::nullopt;
  return OrganisationFrom(*row);
}

std::vector<Organisation> SqlWhoIsWhoRepository::ListOrganisations(std::int64_t ws) {
  auto lease = db_.Acquire();
  std::vector<Organisation> out;
  for (const Row& r : lease->Query(sql::kListOrganisations, {ws}))
    out.push_back(OrganisationFrom(r));
  return out;
}

// ---- people ----

Person SqlWhoIsWhoRepository::AddPerson(std::int64_t ws, const Person& p) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(
      sql::kInsertPerson,
      {ws, p.name, NameKey(p.name), Seal(p.email, "person.email", ws),
       Seal(p.phone, "person.phone", ws), Seal(p.notes, "person.notes", ws),
       std::int64_t{p.fictional ? 1 : 0}, ToMillis(p.created_at), ToMillis(p.updated_at)});
  Person stored = p;
  stored.id = row->Int(0);
  return stored;
}

bool SqlWhoIsWhoRepository::UpdatePerson(std::int64_t ws, const Person& p) {
  auto lease = db_.Acquire();
  return lease->Execute(sql::kUpdatePerson,
                        {ws, p.id, p.name, NameKey(p.name), Seal(p.email, "person.email", ws),
                         Seal(p.phone, "person.phone", ws), Seal(p.notes, "person.notes", ws),
                         std::int64_t{p.fictional ? 1 : 0}, ToMillis(p.updated_at)}) > 0;
}

std::optional<Person> SqlWhoIsWhoRepository::FindPerson(std::int64_t ws, std::int64_t id) {
  auto lease = db_.Acquire();
  auto row =
      lease->QueryOne(std::string(sql::kPersonColumns) + std::string(sql::kFindPerson), {ws, id});
  if (!row) return std::nullopt;
  return PersonFrom(*row, ws);
}

std::vector<Person> SqlWhoIsWhoRepository::ListPeople(std::int64_t ws, const PeopleQuery& query) {
  auto lease = db_.Acquire();
  std::vector<Person> out;
  const Value organisation = query.organisation_id ? Value(*query.organisation_id) : Value(nullptr);
  for (const Row& r : lease->Query(std::string(sql::kPersonColumns) + std::string(sql::kListPeople),
                                   {ws, ContainsPattern(query.name_contains), organisation,
                                    static_cast<std::int64_t>(query.limit)})) {
    out.push_back(PersonFrom(r, ws));
  }
  return out;
}

bool SqlWhoIsWhoRepository::DeletePerson(std::int64_t ws, std::int64_t id) {
  auto lease = db_.Acquire();
  // Positions and assessments go with the person (ON DELETE CASCADE).
  return lease->Execute(sql::kDeletePerson, {ws, id}) > 0;
}

// ---- positions ----

Position SqlWhoIsWhoRepository::AddPosition(std::int64_t ws, const Position& p, core::Instant now) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(
      sql::kInsertPosition,
      {ws, p.person_id, p.organisation_id, std::string(ToString(p.kind)), p.title, p.party,
       JsonList(p.portfolios), JsonList(p.domains), JsonList(p.committees), p.started_on.ToString(),
       p.ended_on ? Value(p.ended_on->ToString()) : Value(nullptr), ToMillis(now)});
  Position stored = p;
  stored.id = row->Int(0);
  return stored;
}

std::optional<Position> SqlWhoIsWhoRepository::FindPosition(std::int64_t ws, std::int64_t id) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(std::string(sql::kPositionColumns) + std::string(sql::kFindPosition),
                             {ws, id});
  if (!row) return std::nullopt;
  return PositionFrom(*row);
}

bool SqlWhoIsWhoRepository::SetPositionEnd(std::int64_t ws, std::int64_t id,
                                           std::optional<core::CivilDate> ended_on,
                                           core::Instant now) {
  auto lease = db_.Acquire();
  return lease->Execute(
             sql::kSetPositionEnd,
             {ws, id, ended_on ? Value(ended_on->ToString()) : Value(nullptr), ToMillis(now)}) > 0;
}

bool SqlWhoIsWhoRepository::DeletePosition(std::int64_t ws, std::int64_t id) {
  auto lease = db_.Acquire();
  return lease->Execute(sql::kDeletePosition, {ws, id}) > 0;
}

std::vector<Position> SqlWhoIsWhoRepository::PositionsOfPeople(
    std::int64_t ws, std::span<const std::int64_t> person_ids) {
  static const std::string query = std::string(sql::kPositionColumns) +
                                   "WHERE workspace_id = $1 AND person_id IN " + InList(2) +
                                   " ORDER BY started_on, id";
  auto lease = db_.Acquire();
  std::vector<Position> out;
  ForEachChunk(person_ids, ws, [&](const std::vector<Value>& params) {
    for (const Row& r : lease->Query(query, params)) out.push_back(PositionFrom(r));
  });
  return out;
}

std::vector<Position> SqlWhoIsWhoRepository::PositionsAt(std::int64_t ws,
                                                         std::int64_t organisation_id) {
  auto lease = db_.Acquire();
  std::vector<Position> out;
  for (const Row& r :
       lease->Query(std::string(sql::kPositionColumns) + std::string(sql::kPositionsAt),
                    {ws, organisation_id})) {
    out.push_back(PositionFrom(r));
  }
  return out;
}

void SqlWhoIsWhoRepository::EndPositions(std::int64_t ws, std::span<const PositionEnding> endings,
                                         core::Instant now) {
  db_.Transaction([&](Connection& c) {
    for (const PositionEnding& e : endings) {
      c.Execute(sql::kSetPositionEnd, {ws, e.position_id, e.ended_on.ToString(), ToMillis(now)});
    }
  });
}

// ---- assessments ----

Assessment SqlWhoIsWhoRepository::AddAssessment(std::int64_t ws, const Assessment& a,
                                                std::int64_t user_id) {
  auto lease = db_.Acquire();
  const std::optional<std::string> note =
      a.note.empty() ? std::nullopt : std::optional<std::string>(a.note);
  auto row =
      lease->QueryOne(sql::kInsertAssessment,
                      {ws, a.person_id, a.assessed_on.ToString(), std::int64_t{a.scores.power},
                       std::int64_t{a.scores.interest}, std::int64_t{a.scores.attitude},
                       Seal(note, "assessment.note", ws), user_id, ToMillis(a.created_at)});
  Assessment stored = a;
  stored.id = row->Int(0);
  return stored;
}

std::vector<Assessment> SqlWhoIsWhoRepository::AssessmentsOf(std::int64_t ws,
                                                             std::int64_t person_id) {
  auto lease = db_.Acquire();
  std::vector<Assessment> out;
  for (const Row& r :
       lease->Query(std::string(sql::kAssessmentColumns) + std::string(sql::kAssessmentsOf),
                    {ws, person_id})) {
    out.push_back(AssessmentFrom(r, ws));
  }
  return out;
}

std::vector<Assessment> SqlWhoIsWhoRepository::LatestAssessments(
    std::int64_t ws, std::span<const std::int64_t> person_ids) {
  static const std::string query = std::string(sql::kAssessmentColumns) +
                                   "WHERE workspace_id = $1 AND person_id IN " + InList(2) +
                                   " ORDER BY person_id, assessed_on, id";
  auto lease = db_.Acquire();
  std::vector<Assessment> out;
  ForEachChunk(person_ids, ws, [&](const std::vector<Value>& params) {
    for (const Row& r : lease->Query(query, params)) {
      Assessment a = AssessmentFrom(r, ws);
      // Rows are ordered by person then date: the last row of each person is the newest.
      if (!out.empty() && out.back().person_id == a.person_id) {
        out.back() = std::move(a);
      } else {
        out.push_back(std::move(a));
      }
    }
  });
  return out;
}

void SqlWhoIsWhoRepository::RecordAudit(std::int64_t ws, std::int64_t user_id,
                                        std::string_view action, std::string_view subject,
                                        core::Instant now) {
  auto lease = db_.Acquire();
  lease->Execute(sql::kInsertAudit,
                 {ws, user_id, std::string(action), std::string(subject), ToMillis(now)});
}

}  // namespace aantafel::storage

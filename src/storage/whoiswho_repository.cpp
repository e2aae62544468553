#include "storage/whoiswho_repository.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/validation.hpp"

namespace aantafel::storage {

using core::Error;
using core::ErrorCode;
using core::FieldIssue;
using core::FromMillis;
using core::ToMillis;
using namespace core::whoiswho;

namespace {

namespace sql {
// An import (CBS files) describes a division; empty columns keep what is known.
constexpr std::string_view kUpsertMunicipality =
    "INSERT INTO municipalities (code, name, province, population, care_office_region, "
    "youth_region, source, reference_date, search_key, updated_at) VALUES ($1, $2, $3, $4, $5, "
    "$6, $7, $8, $9, $10) ON CONFLICT (code) DO UPDATE SET name = excluded.name, province = "
    "COALESCE(excluded.province, municipalities.province), population = "
    "COALESCE(excluded.population, municipalities.population), care_office_region = "
    "COALESCE(excluded.care_office_region, municipalities.care_office_region), youth_region = "
    "COALESCE(excluded.youth_region, municipalities.youth_region), source = excluded.source, "
    "reference_date = COALESCE(excluded.reference_date, municipalities.reference_date), "
    "search_key = excluded.search_key, updated_at = excluded.updated_at";
constexpr std::string_view kMunicipalityColumns =
    "SELECT code, name, province, population, care_office_region, youth_region, source, "
    "reference_date, ended_on FROM municipalities ";
constexpr std::string_view kFindMunicipality = "WHERE code = $1";
// Current municipalities first, then those that merged away; by name.
constexpr std::string_view kSearchMunicipalities =
    "WHERE search_key LIKE $1 ESCAPE '!' OR LOWER(name) LIKE $1 ESCAPE '!' OR LOWER(code) LIKE "
    "$1 ESCAPE '!' ORDER BY CASE WHEN ended_on IS NULL THEN 0 ELSE 1 END, name LIMIT $2";
constexpr std::string_view kDistrictsOf =
    "SELECT code, name, municipality_code FROM districts WHERE municipality_code = $1 ORDER BY "
    "code";
constexpr std::string_view kPredecessors =
    "SELECT m.code, m.name, s.effective_on FROM municipality_successions s JOIN municipalities m "
    "ON m.code = s.predecessor_code WHERE s.successor_code = $1 ORDER BY s.effective_on, m.name";
constexpr std::string_view kSuccessors =
    "SELECT m.code, m.name, s.effective_on FROM municipality_successions s JOIN municipalities m "
    "ON m.code = s.successor_code WHERE s.predecessor_code = $1 ORDER BY s.effective_on, m.name";

// A municipality that a reorganisation created or enlarged gets its first day as merger date, so
// the Beleidskalender shows its extra election and first cycle (decision 33).
constexpr std::string_view kInsertOrganisation =
    "INSERT INTO organisations (workspace_id, kind, name, municipality_code, merged_on, "
    "created_at, updated_at) VALUES ($1, $2, $3, $4, (SELECT MAX(effective_on) FROM "
    "municipality_successions WHERE successor_code = $4), $5, $5) RETURNING id";
constexpr std::string_view kFindOrganisation =
    "SELECT id, kind, name, municipality_code, seats, inhabitants, total_seats, website, province "
    "FROM organisations WHERE workspace_id = $1 "
    "AND id = $2";
constexpr std::string_view kListOrganisations =
    "SELECT id, kind, name, municipality_code, seats, inhabitants, total_seats, website, province "
    "FROM organisations WHERE workspace_id = $1 "
    "ORDER BY name, id";
constexpr std::string_view kSetFacts =
    "UPDATE organisations SET inhabitants = $3, total_seats = $4, website = $5, province = $6, "
    "updated_at = $7 WHERE workspace_id = $1 AND id = $2";
constexpr std::string_view kSetSeats =
    "UPDATE organisations SET seats = $3, updated_at = $4 WHERE workspace_id = $1 AND id = $2";
constexpr std::string_view kAllMunicipalities = "ORDER BY code";

constexpr std::string_view kUpsertTerm =
    "INSERT INTO council_terms (workspace_id, organisation_id, election_date, installation_date, "
    "seats, created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (workspace_id, "
    "organisation_id, installation_date) DO UPDATE SET election_date = excluded.election_date, "
    "seats = excluded.seats RETURNING id";
constexpr std::string_view kPeopleMetSince =
    "SELECT DISTINCT p.person_id FROM interaction_people p JOIN interactions i ON "
    "i.workspace_id = p.workspace_id AND i.id = p.interaction_id WHERE p.workspace_id = $1 AND "
    "i.occurred_at >= $2";
constexpr std::string_view kCouncilTerms =
    "SELECT id, organisation_id, election_date, installation_date, seats FROM council_terms "
    "WHERE workspace_id = $1 AND organisation_id = $2 ORDER BY installation_date DESC, id DESC";

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
// Lists never show personal data, so they neither read nor decrypt it. Position filters must
// hold for one position current on $4; the quadrant filter looks at the newest assessment.
constexpr std::string_view kListPeople =
    "SELECT p.id, p.name, p.fictional, p.created_at, p.updated_at FROM people p "
    "WHERE p.workspace_id = $1 AND p.name_key LIKE $2 ESCAPE '!' "
    "AND ($3 = 0 OR EXISTS (SELECT 1 FROM positions x WHERE x.workspace_id = $1 "
    "AND x.person_id = p.id AND x.started_on <= $4 AND (x.ended_on IS NULL OR x.ended_on >= $4) "
    "AND (CAST($5 AS BIGINT) IS NULL OR x.organisation_id = $5) AND ($6 = '' OR x.kind = $6) "
    "AND ($7 = '' OR LOWER(x.party) = $7) AND ($8 = '' OR LOWER(x.domains) LIKE $8 ESCAPE '!'))) "
    "AND ($9 = 0 OR EXISTS (SELECT 1 FROM assessments a WHERE a.workspace_id = $1 "
    "AND a.person_id = p.id AND a.power BETWEEN $10 AND $11 AND a.interest BETWEEN $12 AND $13 "
    "AND NOT EXISTS (SELECT 1 FROM assessments b WHERE b.workspace_id = $1 AND b.person_id = p.id "
    "AND (b.assessed_on > a.assessed_on OR (b.assessed_on = a.assessed_on AND b.id > a.id))))) "
    "ORDER BY p.name_key, p.id LIMIT $14 OFFSET $15";
constexpr std::string_view kUpdateContacts =
    "UPDATE people SET email_sealed = $3, phone_sealed = $4, updated_at = $5 "
    "WHERE workspace_id = $1 AND id = $2";
constexpr std::string_view kCurrentLines =
    "SELECT o.id, o.kind, o.name, o.municipality_code, o.seats, o.inhabitants, o.total_seats, "
    "o.website, o.province, "
    "x.id, x.person_id, x.organisation_id, x.kind, x.title, x.party, x.portfolios, x.domains, "
    "x.committees, x.started_on, x.ended_on, "
    "p.id, p.name, p.email_sealed, p.phone_sealed, p.fictional, p.created_at, p.updated_at "
    "FROM positions x "
    "JOIN people p ON p.workspace_id = x.workspace_id AND p.id = x.person_id "
    "JOIN organisations o ON o.workspace_id = x.workspace_id AND o.id = x.organisation_id "
    "WHERE x.workspace_id = $1 AND x.started_on <= $2 AND (x.ended_on IS NULL OR x.ended_on >= $2) "
    "AND (CAST($3 AS BIGINT) IS NULL OR x.organisation_id = $3) "
    "ORDER BY o.name, o.id, p.name_key, x.id";
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
    out += '$';
    out += std::to_string(first_placeholder + i);
  }
  return out + ")";
}

template <typename T, typename Visit>
void ForEachChunk(std::span<const T> keys, std::int64_t ws, Visit visit) {
  for (std::size_t start = 0; start < keys.size(); start += kChunk) {
    std::vector<Value> params{ws};
    for (std::size_t i = 0; i < kChunk; ++i) {
      params.emplace_back(start + i < keys.size() ? keys[start + i] : T{});
    }
    visit(params);
  }
}

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

std::string SeatsJson(const std::vector<SeatCount>& seats) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : seats) out.push_back({{"party", s.party}, {"seats", s.seats}});
  return out.dump();
}

std::vector<SeatCount> SeatsFrom(const std::string& text) {
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  std::vector<SeatCount> out;
  if (!parsed.is_array()) return out;
  for (const auto& item : parsed) {
    if (item.is_object() && item.value("party", nlohmann::json()).is_string() &&
        item.value("seats", nlohmann::json()).is_number_integer()) {
      out.push_back({.party = item["party"].get<std::string>(), .seats = item["seats"].get<int>()});
    }
  }
  return out;
}

/// User 0 is the operator on the command line, who has no account.
Value UserOrNull(std::int64_t user_id) { return user_id > 0 ? Value(user_id) : Value(nullptr); }

Value DateOrNull(const std::optional<core::CivilDate>& date) {
  return date ? Value(date->ToString()) : Value(nullptr);
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

std::optional<core::CivilDate> OptionalDate(const Row& r, std::size_t i) {
  if (r.IsNull(i)) return std::nullopt;
  return core::CivilDate::Parse(r.Text(i));
}

Municipality MunicipalityFrom(const Row& r) {
  return Municipality{.code = r.Text(0),
                      .name = r.Text(1),
                      .province = r.OptionalText(2),
                      .population = r.IsNull(3) ? std::nullopt : std::optional(r.Int(3)),
                      .care_office_region = r.OptionalText(4),
                      .youth_region = r.OptionalText(5),
                      .source = r.Text(6),
                      .reference_date = OptionalDate(r, 7),
                      .ended_on = OptionalDate(r, 8)};
}

Value MunicipalityParams(const Municipality& m, std::size_t i, core::Instant now) {
  switch (i) {
    case 0: return m.code;
    case 1: return m.name;
    case 2: return m.province ? Value(*m.province) : Value(nullptr);
    case 3: return m.population ? Value(*m.population) : Value(nullptr);
    case 4: return m.care_office_region ? Value(*m.care_office_region) : Value(nullptr);
    case 5: return m.youth_region ? Value(*m.youth_region) : Value(nullptr);
    case 6: return m.source;
    case 7: return m.reference_date ? Value(m.reference_date->ToString()) : Value(nullptr);
    case 8: return core::SearchFold(m.name);
    default: return ToMillis(now);
  }
}

void UpsertMunicipalityOn(Connection& c, const Municipality& m, core::Instant now) {
  std::vector<Value> params;
  for (std::size_t i = 0; i < 10; ++i) params.push_back(MunicipalityParams(m, i, now));
  c.Execute(sql::kUpsertMunicipality, params);
}

/// Columns from `at`: id, kind, name, municipality_code, seats, inhabitants, total_seats,
/// website, province.
constexpr std::size_t kOrganisationColumnCount = 9;
Organisation OrganisationFrom(const Row& r, std::size_t at = 0) {
  return Organisation{
      .id = r.Int(at),
      .kind = ParseOrganisationKind(r.Text(at + 1)).value_or(OrganisationKind::kOther),
      .name = r.Text(at + 2),
      .municipality_code = r.OptionalText(at + 3),
      .seats = SeatsFrom(r.Text(at + 4)),
      .facts = {.inhabitants = r.IsNull(at + 5) ? std::nullopt : std::optional(r.Int(at + 5)),
                .total_seats = r.IsNull(at + 6) ? std::nullopt
                                                : std::optional(static_cast<int>(r.Int(at + 6))),
                .website = r.Text(at + 7),
                .province = r.Text(at + 8)}};
}

/// Columns from `at`: as kPositionColumns.
Position PositionFrom(const Row& r, std::size_t at = 0) {
  Position p;
  p.id = r.Int(at);
  p.person_id = r.Int(at + 1);
  p.organisation_id = r.Int(at + 2);
  p.kind = ParsePositionKind(r.Text(at + 3)).value_or(PositionKind::kPartnerRole);
  p.title = r.Text(at + 4);
  p.party = r.Text(at + 5);
  p.portfolios = ListFrom(r.Text(at + 6));
  p.domains = ListFrom(r.Text(at + 7));
  p.committees = ListFrom(r.Text(at + 8));
  p.started_on = core::CivilDate::Parse(r.Text(at + 9)).value_or(core::CivilDate{});
  if (!r.IsNull(at + 10)) p.ended_on = core::CivilDate::Parse(r.Text(at + 10));
  return p;
}

CouncilTerm TermFrom(const Row& r) {
  CouncilTerm t{.id = r.Int(0), .organisation_id = r.Int(1)};
  if (!r.IsNull(2)) t.election_date = core::CivilDate::Parse(r.Text(2));
  t.installation_date = core::CivilDate::Parse(r.Text(3)).value_or(core::CivilDate{});
  t.seats = SeatsFrom(r.Text(4));
  return t;
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
  UpsertMunicipalityOn(*lease, m, now);
}

void SqlWhoIsWhoRepository::UpsertMunicipalities(std::span<const Municipality> municipalities,
                                                 core::Instant now) {
  db_.Transaction([&](Connection& c) {
    for (const Municipality& m : municipalities) UpsertMunicipalityOn(c, m, now);
  });
}

std::vector<District> SqlWhoIsWhoRepository::DistrictsOf(std::string_view municipality_code) {
  auto lease = db_.Acquire();
  std::vector<District> out;
  for (const Row& r : lease->Query(sql::kDistrictsOf, {std::string(municipality_code)})) {
    out.push_back({.code = r.Text(0), .name = r.Text(1), .municipality_code = r.Text(2)});
  }
  return out;
}

namespace {
std::vector<MunicipalityLink> Links(Database& db, std::string_view query, std::string_view code) {
  auto lease = db.Acquire();
  std::vector<MunicipalityLink> out;
  for (const Row& r : lease->Query(query, {std::string(code)})) {
    out.push_back({.code = r.Text(0),
                   .name = r.Text(1),
                   .effective_on = core::CivilDate::Parse(r.Text(2)).value_or(core::CivilDate{})});
  }
  return out;
}
}  // namespace

std::vector<MunicipalityLink> SqlWhoIsWhoRepository::Predecessors(std::string_view code) {
  return Links(db_, sql::kPredecessors, code);
}

std::vector<MunicipalityLink> SqlWhoIsWhoRepository::Successors(std::string_view code) {
  return Links(db_, sql::kSuccessors, code);
}

std::vector<Municipality> SqlWhoIsWhoRepository::AllMunicipalities() {
  auto lease = db_.Acquire();
  std::vector<Municipality> out;
  for (const Row& r : lease->Query(
           std::string(sql::kMunicipalityColumns) + std::string(sql::kAllMunicipalities), {})) {
    out.push_back(MunicipalityFrom(r));
  }
  return out;
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
           {ContainsPattern(core::SearchFold(text)), static_cast<std::int64_t>(limit)})) {
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

std::vector<std::pair<std::int64_t, std::string>> SqlWhoIsWhoRepository::PersonNames(
    std::int64_t ws) {
  auto lease = db_.Acquire();
  std::vector<std::pair<std::int64_t, std::string>> out;
  for (const Row& r :
       lease->Query("SELECT id, name FROM people WHERE workspace_id = $1 ORDER BY id", {ws})) {
    out.emplace_back(r.Int(0), r.Text(1));
  }
  return out;
}

std::vector<Person> SqlWhoIsWhoRepository::ListPeople(std::int64_t ws, const PeopleQuery& query) {
  const bool by_position =
      query.organisation_id || query.kind || !query.party.empty() || !query.domain.empty();
  ScoreRange power, interest;
  if (query.quadrant) std::tie(power, interest) = QuadrantRanges(*query.quadrant);
  const std::string domain =
      query.domain.empty() ? "" : ContainsPattern(nlohmann::json(query.domain).dump());
  auto lease = db_.Acquire();
  std::vector<Person> out;
  for (const Row& r : lease->Query(
           sql::kListPeople,
           {ws, ContainsPattern(query.name_contains), std::int64_t{by_position ? 1 : 0},
            query.today.ToString(),
            query.organisation_id ? Value(*query.organisation_id) : Value(nullptr),
            query.kind ? std::string(ToString(*query.kind)) : std::string(), query.party, domain,
            std::int64_t{query.quadrant ? 1 : 0}, std::int64_t{power.low}, std::int64_t{power.high},
            std::int64_t{interest.low}, std::int64_t{interest.high},
            static_cast<std::int64_t>(query.limit), static_cast<std::int64_t>(query.offset)})) {
    out.push_back(Person{.id = r.Int(0),
                         .name = r.Text(1),
                         .fictional = r.Int(2) != 0,
                         .created_at = FromMillis(r.Int(3)),
                         .updated_at = FromMillis(r.Int(4))});
  }
  return out;
}

std::vector<Person> SqlWhoIsWhoRepository::PeopleWithEmail(std::int64_t ws) {
  auto lease = db_.Acquire();
  std::vector<Person> out;
  for (const Row& r : lease->Query("SELECT id, name, email_sealed FROM people "
                                   "WHERE workspace_id = $1 AND email_sealed IS NOT NULL",
                                   {ws})) {
    out.push_back(Person{
        .id = r.Int(0), .name = r.Text(1), .email = Open(r.OptionalText(2), "person.email", ws)});
  }
  return out;
}

std::vector<Person> SqlWhoIsWhoRepository::PeopleNamed(std::int64_t ws,
                                                       std::span<const std::string> keys) {
  static const std::string kQuery =
      "SELECT id, name, email_sealed, phone_sealed, NULL, fictional, created_at, updated_at "
      "FROM people WHERE workspace_id = $1 AND name_key IN " +
      InList(2) + " ORDER BY id";
  auto lease = db_.Acquire();
  std::vector<Person> out;
  ForEachChunk(keys, ws, [&](const std::vector<Value>& params) {
    for (const Row& r : lease->Query(kQuery, params)) out.push_back(PersonFrom(r, ws));
  });
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
  static const std::string kQuery = std::string(sql::kPositionColumns) +
                                    "WHERE workspace_id = $1 AND person_id IN " + InList(2) +
                                    " ORDER BY started_on, id";
  auto lease = db_.Acquire();
  std::vector<Position> out;
  ForEachChunk(person_ids, ws, [&](const std::vector<Value>& params) {
    for (const Row& r : lease->Query(kQuery, params)) out.push_back(PositionFrom(r));
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

std::vector<ExportLine> SqlWhoIsWhoRepository::CurrentLines(
    std::int64_t ws, core::CivilDate today, std::optional<std::int64_t> organisation_id) {
  auto lease = db_.Acquire();
  std::vector<ExportLine> out;
  for (const Row& r : lease->Query(
           sql::kCurrentLines,
           {ws, today.ToString(), organisation_id ? Value(*organisation_id) : Value(nullptr)})) {
    // Organisation, then position (11 columns), then person.
    constexpr std::size_t kPosition = kOrganisationColumnCount;
    constexpr std::size_t kPerson = kPosition + 11;
    out.push_back(
        ExportLine{.organisation = OrganisationFrom(r, 0),
                   .person = Person{.id = r.Int(kPerson),
                                    .name = r.Text(kPerson + 1),
                                    .email = Open(r.OptionalText(kPerson + 2), "person.email", ws),
                                    .phone = Open(r.OptionalText(kPerson + 3), "person.phone", ws),
                                    .fictional = r.Int(kPerson + 4) != 0,
                                    .created_at = FromMillis(r.Int(kPerson + 5)),
                                    .updated_at = FromMillis(r.Int(kPerson + 6))},
                   .position = PositionFrom(r, kPosition)});
  }
  return out;
}

// ---- council terms ----

std::set<std::int64_t> SqlWhoIsWhoRepository::PeopleMetSince(std::int64_t ws, core::Instant since) {
  auto lease = db_.Acquire();
  std::set<std::int64_t> out;
  for (const Row& r : lease->Query(sql::kPeopleMetSince, {ws, core::ToMillis(since)})) {
    out.insert(r.Int(0));
  }
  return out;
}

std::vector<CouncilTerm> SqlWhoIsWhoRepository::CouncilTerms(std::int64_t ws,
                                                             std::int64_t organisation_id) {
  auto lease = db_.Acquire();
  std::vector<CouncilTerm> out;
  for (const Row& r : lease->Query(sql::kCouncilTerms, {ws, organisation_id})) {
    out.push_back(TermFrom(r));
  }
  return out;
}

CouncilTerm SqlWhoIsWhoRepository::RecordElection(std::int64_t ws, const CouncilTerm& term,
                                                  std::span<const PositionEnding> endings,
                                                  core::Instant now) {
  return db_.Transaction([&](Connection& c) {
    auto row =
        c.QueryOne(sql::kUpsertTerm,
                   {ws, term.organisation_id, DateOrNull(term.election_date),
                    term.installation_date.ToString(), SeatsJson(term.seats), ToMillis(now)});
    if (!term.seats.empty()) {
      c.Execute(sql::kSetSeats, {ws, term.organisation_id, SeatsJson(term.seats), ToMillis(now)});
    }
    for (const PositionEnding& e : endings) {
      c.Execute(sql::kSetPositionEnd, {ws, e.position_id, e.ended_on.ToString(), ToMillis(now)});
    }
    CouncilTerm stored = term;
    stored.id = row->Int(0);
    return stored;
  });
}

// ---- imports ----

void SqlWhoIsWhoRepository::ApplyImport(std::int64_t ws, const ImportPlan& plan,
                                        core::Instant now) {
  db_.Transaction([&](Connection& c) {
    std::vector<std::int64_t> organisation_ids;
    for (const Organisation& org : plan.new_organisations) {
      auto row = c.QueryOne(sql::kInsertOrganisation,
                            {ws, std::string(ToString(org.kind)), org.name,
                             OptionalText(org.municipality_code), ToMillis(now)});
      organisation_ids.push_back(row->Int(0));
    }
    std::vector<std::int64_t> person_ids;
    for (const Person& p : plan.new_people) {
      auto row = c.QueryOne(sql::kInsertPerson,
                            {ws, p.name, NameKey(p.name), Seal(p.email, "person.email", ws),
                             Seal(p.phone, "person.phone", ws), Seal(p.notes, "person.notes", ws),
                             std::int64_t{p.fictional ? 1 : 0}, ToMillis(now), ToMillis(now)});
      person_ids.push_back(row->Int(0));
    }
    auto resolve = [](const PlanRef& ref, const std::vector<std::int64_t>& created) {
      return ref.new_index >= 0 ? created.at(static_cast<std::size_t>(ref.new_index)) : ref.id;
    };
    for (const Person& p : plan.contact_updates) {
      c.Execute(sql::kUpdateContacts, {ws, p.id, Seal(p.email, "person.email", ws),
                                       Seal(p.phone, "person.phone", ws), ToMillis(now)});
    }
    for (const auto& n : plan.new_positions) {
      const Position& p = n.position;
      c.Execute(sql::kInsertPosition,
                {ws, resolve(n.person, person_ids), resolve(n.organisation, organisation_ids),
                 std::string(ToString(p.kind)), p.title, p.party, JsonList(p.portfolios),
                 JsonList(p.domains), JsonList(p.committees), p.started_on.ToString(),
                 DateOrNull(p.ended_on), ToMillis(now)});
    }
    for (const PositionEnding& e : plan.position_endings) {
      c.Execute(sql::kSetPositionEnd, {ws, e.position_id, e.ended_on.ToString(), ToMillis(now)});
    }
    for (const auto& u : plan.municipality_updates) {
      const std::int64_t id = resolve(u.organisation, organisation_ids);
      if (u.seats) c.Execute(sql::kSetSeats, {ws, id, SeatsJson(*u.seats), ToMillis(now)});
      if (u.facts) {
        const auto& f = *u.facts;
        c.Execute(sql::kSetFacts,
                  {ws, id, f.inhabitants ? Value(*f.inhabitants) : Value(nullptr),
                   f.total_seats ? Value(std::int64_t{*f.total_seats}) : Value(nullptr), f.website,
                   f.province, ToMillis(now)});
      }
    }
  });
}

// ---- assessments ----

Assessment SqlWhoIsWhoRepository::AddAssessment(std::int64_t ws, const Assessment& a,
                                                std::int64_t user_id) {
  auto lease = db_.Acquire();
  const std::optional<std::string> note =
      a.note.empty() ? std::nullopt : std::optional<std::string>(a.note);
  auto row = lease->QueryOne(
      sql::kInsertAssessment,
      {ws, a.person_id, a.assessed_on.ToString(), std::int64_t{a.scores.power},
       std::int64_t{a.scores.interest}, std::int64_t{a.scores.attitude},
       Seal(note, "assessment.note", ws), UserOrNull(user_id), ToMillis(a.created_at)});
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
  static const std::string kQuery = std::string(sql::kAssessmentColumns) +
                                    "WHERE workspace_id = $1 AND person_id IN " + InList(2) +
                                    " ORDER BY person_id, assessed_on, id";
  auto lease = db_.Acquire();
  std::vector<Assessment> out;
  ForEachChunk(person_ids, ws, [&](const std::vector<Value>& params) {
    for (const Row& r : lease->Query(kQuery, params)) {
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
  lease->Execute(sql::kInsertAudit, {ws, UserOrNull(user_id), std::string(action),
                                     std::string(subject), ToMillis(now)});
}

}  // namespace aantafel::storage

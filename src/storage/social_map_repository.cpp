#include "storage/social_map_repository.hpp"

#include <nlohmann/json.hpp>

namespace aantafel::storage {

using core::FromMillis;
using core::ToMillis;
using namespace core::social_map;

namespace {

/// The code at `code_at`, then year, inhabitants, aged 65+ and households from `at`.
AreaFigures FiguresFrom(const Row& r, std::size_t code_at, std::size_t at) {
  auto count = [&](std::size_t i) {
    return r.IsNull(i) ? std::nullopt : std::optional<std::int64_t>(r.Int(i));
  };
  return AreaFigures{.code = r.Text(code_at),
                     .year = static_cast<int>(r.Int(at)),
                     .inhabitants = count(at + 1),
                     .aged_65_plus = count(at + 2),
                     .households = count(at + 3)};
}

namespace sql {

constexpr std::string_view kUpsertArea =
    "INSERT INTO areas (workspace_id, code, name, municipality_code) VALUES ($1, $2, $3, $4) "
    "ON CONFLICT (workspace_id, code) DO UPDATE SET name = excluded.name";
// The workspace's own areas, and the districts and neighbourhoods of the register and of imported
// boundary files it has not renamed (an imported name wins over the register's): of one
// municipality, or of every municipality the workspace works with.
// Each with its CBS key figures when imported.
constexpr std::string_view kAreas =
    "SELECT x.code, x.name, x.municipality_code, x.register, f.year, f.inhabitants, "
    "f.aged_65_plus, f.households FROM ("
    "SELECT code, name, municipality_code, 0 AS register FROM areas WHERE workspace_id = $1 AND "
    "(CAST($2 AS TEXT) IS NULL OR municipality_code = $2) "
    "UNION ALL SELECT d.code, d.name, d.municipality_code, 1 FROM districts d WHERE "
    "(d.municipality_code = $2 OR (CAST($2 AS TEXT) IS NULL AND d.municipality_code IN (SELECT "
    "o.municipality_code FROM organisations o WHERE o.workspace_id = $1 AND o.municipality_code "
    "IS NOT NULL))) AND NOT EXISTS (SELECT 1 FROM areas a WHERE a.workspace_id = $1 AND a.code = "
    "d.code) AND NOT EXISTS (SELECT 1 FROM area_boundaries b WHERE b.code = d.code) "
    "UNION ALL SELECT b.code, b.name, b.municipality_code, 1 FROM area_boundaries b WHERE "
    "b.code NOT LIKE 'GM%' AND (b.municipality_code = $2 OR (CAST($2 AS TEXT) IS NULL AND "
    "b.municipality_code IN (SELECT o.municipality_code FROM organisations o WHERE "
    "o.workspace_id = $1 AND o.municipality_code IS NOT NULL))) AND NOT EXISTS (SELECT 1 FROM "
    "areas a WHERE a.workspace_id = $1 AND a.code = b.code)"
    ") x LEFT JOIN area_figures f ON f.code = x.code ORDER BY 1 LIMIT 5000";
constexpr std::string_view kAllFigures =
    "SELECT code, year, inhabitants, aged_65_plus, households FROM area_figures";
constexpr std::string_view kUpsertFigures =
    "INSERT INTO area_figures (code, year, inhabitants, aged_65_plus, households, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (code) DO UPDATE SET year = excluded.year, "
    "inhabitants = excluded.inhabitants, aged_65_plus = excluded.aged_65_plus, households = "
    "excluded.households, updated_at = excluded.updated_at WHERE area_figures.year <= "
    "excluded.year";
constexpr std::string_view kAllBoundaries =
    "SELECT code, name, year, geometry FROM area_boundaries";
constexpr std::string_view kBoundariesOf =
    "SELECT code, name, year, geometry FROM area_boundaries WHERE municipality_code = $1 ORDER BY "
    "code";
constexpr std::string_view kMunicipalityBoundaries =
    "SELECT code, name, year, geometry FROM area_boundaries WHERE code LIKE 'GM%' ORDER BY code";
constexpr std::string_view kUpsertBoundary =
    "INSERT INTO area_boundaries (code, name, municipality_code, year, geometry, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (code) DO UPDATE SET name = excluded.name, "
    "municipality_code = excluded.municipality_code, year = excluded.year, geometry = "
    "excluded.geometry, updated_at = excluded.updated_at WHERE area_boundaries.year <= "
    "excluded.year";
constexpr std::string_view kBoundariesVersion =
    "SELECT version FROM reference_versions WHERE name = 'boundaries'";
constexpr std::string_view kSetBoundariesVersion =
    "INSERT INTO reference_versions (name, version, applied_at) VALUES ('boundaries', $1, $2) ON "
    "CONFLICT (name) DO UPDATE SET version = excluded.version, applied_at = excluded.applied_at";
constexpr std::string_view kEndedMunicipalities =
    "SELECT code FROM municipalities WHERE ended_on IS NOT NULL AND ended_on < $1 ORDER BY code";
constexpr std::string_view kDeleteArea = "DELETE FROM areas WHERE workspace_id = $1 AND code = $2";
constexpr std::string_view kInsertService =
    "INSERT INTO services (workspace_id, organisation_id, name, domain, law, target_groups, "
    "contact, capacity_note, waiting_weeks, published, created_at, updated_at) VALUES "
    "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id";
constexpr std::string_view kUpdateService =
    "UPDATE services SET organisation_id = $3, name = $4, domain = $5, law = $6, "
    "target_groups = $7, contact = $8, capacity_note = $9, waiting_weeks = $10, published = $11, "
    "updated_at = $12 WHERE workspace_id = $1 AND id = $2";
#define SERVICE_SELECT                                                                    \
  "SELECT s.id, s.organisation_id, o.name, s.name, s.domain, s.law, s.target_groups, "    \
  "s.contact, s.capacity_note, s.waiting_weeks, s.published, s.created_at, s.updated_at " \
  "FROM services s JOIN organisations o ON o.workspace_id = s.workspace_id AND "          \
  "o.id = s.organisation_id "
constexpr std::string_view kService = SERVICE_SELECT "WHERE s.workspace_id = $1 AND s.id = $2";
// A service works in a municipality when one of its areas has the municipality's number.
constexpr std::string_view kServices = SERVICE_SELECT
    "WHERE s.workspace_id = $1 AND (CAST($2 AS BIGINT) IS NULL OR s.organisation_id = $2) AND "
    "(CAST($3 AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM service_areas a WHERE "
    "a.workspace_id = s.workspace_id AND a.service_id = s.id AND "
    "substr(a.code, 3, 4) = substr($3, 3, 4))) AND "
    "(CAST($4 AS TEXT) IS NULL OR s.domain = $4) AND "
    "(CAST($5 AS BIGINT) IS NULL OR s.published = $5) ORDER BY o.name, s.name, s.id LIMIT 5000";
#undef SERVICE_SELECT
constexpr std::string_view kDeleteService =
    "DELETE FROM services WHERE workspace_id = $1 AND id = $2";
constexpr std::string_view kDeleteServiceAreas =
    "DELETE FROM service_areas WHERE workspace_id = $1 AND service_id = $2";
constexpr std::string_view kInsertServiceArea =
    "INSERT INTO service_areas (workspace_id, service_id, code) VALUES ($1, $2, $3)";
constexpr std::string_view kServiceAreas =
    "SELECT code FROM service_areas WHERE workspace_id = $1 AND service_id = $2 ORDER BY code";
constexpr std::string_view kInsertConsortium =
    "INSERT INTO consortia (workspace_id, name, municipality_code, contact_organisation_id, "
    "contact_sealed, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
constexpr std::string_view kUpdateConsortium =
    "UPDATE consortia SET name = $3, municipality_code = $4, contact_organisation_id = $5, "
    "contact_sealed = $6 WHERE workspace_id = $1 AND id = $2";
#define CONSORTIUM_COLUMNS                                                 \
  "id, name, municipality_code, contact_organisation_id, contact_sealed, " \
  "share_token_hash IS NOT NULL, created_at, workspace_id"
constexpr std::string_view kConsortium =
    "SELECT " CONSORTIUM_COLUMNS " FROM consortia WHERE workspace_id = $1 AND id = $2";
constexpr std::string_view kConsortia =
    "SELECT " CONSORTIUM_COLUMNS " FROM consortia WHERE workspace_id = $1 ORDER BY name, id";
constexpr std::string_view kSharedConsortium =
    "SELECT " CONSORTIUM_COLUMNS " FROM consortia WHERE share_token_hash = $1";
#undef CONSORTIUM_COLUMNS
constexpr std::string_view kDeleteConsortium =
    "DELETE FROM consortia WHERE workspace_id = $1 AND id = $2";
constexpr std::string_view kSetShare =
    "UPDATE consortia SET share_token_hash = $3 WHERE workspace_id = $1 AND id = $2";
constexpr std::string_view kDeleteMembers =
    "DELETE FROM consortium_members WHERE workspace_id = $1 AND consortium_id = $2";
constexpr std::string_view kInsertMember =
    "INSERT INTO consortium_members (workspace_id, consortium_id, organisation_id) "
    "VALUES ($1, $2, $3)";
constexpr std::string_view kMembers =
    "SELECT organisation_id FROM consortium_members WHERE workspace_id = $1 AND "
    "consortium_id = $2 ORDER BY organisation_id";
constexpr std::string_view kOrganisations =
    "SELECT id, name FROM organisations WHERE workspace_id = $1 ORDER BY name, id";
constexpr std::string_view kMunicipality = "SELECT name FROM municipalities WHERE code = $1";

}  // namespace sql

std::string Context(std::int64_t ws) { return "consortium.contact/ws:" + std::to_string(ws); }

Service ServiceFrom(const Row& r) {
  Service s;
  s.id = r.Int(0);
  s.organisation_id = r.Int(1);
  s.organisation_name = r.Text(2);
  s.name = r.Text(3);
  s.domain = ParseDomain(r.Text(4)).value_or(Domain::kOther);
  s.law = ParseLaw(r.Text(5)).value_or(Law::kFree);
  const auto groups = nlohmann::json::parse(r.Text(6), nullptr, false);
  if (groups.is_array()) {
    for (const auto& g : groups) {
      if (g.is_string()) s.target_groups.push_back(g.get<std::string>());
    }
  }
  s.contact = r.Text(7);
  s.capacity_note = r.Text(8);
  if (!r.IsNull(9)) s.waiting_weeks = static_cast<int>(r.Int(9));
  s.published = r.Int(10) != 0;
  s.created_at = FromMillis(r.Int(11));
  s.updated_at = FromMillis(r.Int(12));
  return s;
}

std::vector<Value> ServiceValues(const Service& s) {
  return {s.organisation_id,
          s.name,
          std::string(ToString(s.domain)),
          std::string(ToString(s.law)),
          nlohmann::json(s.target_groups).dump(),
          s.contact,
          s.capacity_note,
          s.waiting_weeks ? Value(static_cast<std::int64_t>(*s.waiting_weeks)) : Value(nullptr),
          std::int64_t{s.published ? 1 : 0}};
}

}  // namespace

void SqlSocialMapRepository::UpsertAreas(std::int64_t ws, const std::vector<Area>& areas) {
  db_.Transaction([&](Connection& c) {
    for (const Area& a : areas) {
      c.Execute(sql::kUpsertArea, {ws, a.code, a.name, a.municipality_code});
    }
    return 0;
  });
}

std::vector<Area> SqlSocialMapRepository::ListAreas(
    std::int64_t ws, const std::optional<std::string>& municipality_code) {
  auto lease = db_.Acquire();
  std::vector<Area> out;
  for (const Row& r : lease->Query(sql::kAreas, {ws, OptionalText(municipality_code)})) {
    Area area{r.Text(0), r.Text(1), r.Text(2), r.Int(3) == 1};
    if (!r.IsNull(4)) area.figures = FiguresFrom(r, 0, 4);
    out.push_back(std::move(area));
  }
  return out;
}

std::map<std::string, AreaFigures> SqlSocialMapRepository::AllFigures() {
  auto lease = db_.Acquire();
  std::map<std::string, AreaFigures> out;
  for (const Row& r : lease->Query(sql::kAllFigures)) out.emplace(r.Text(0), FiguresFrom(r, 0, 1));
  return out;
}

void SqlSocialMapRepository::UpsertFigures(const std::vector<AreaFigures>& figures,
                                           core::Instant at) {
  const std::int64_t now = ToMillis(at);
  auto count = [](const std::optional<std::int64_t>& n) { return n ? Value(*n) : Value(nullptr); };
  db_.Transaction([&](Connection& c) {
    for (const AreaFigures& f : figures) {
      c.Execute(sql::kUpsertFigures, {f.code, std::int64_t{f.year}, count(f.inhabitants),
                                      count(f.aged_65_plus), count(f.households), now});
    }
    return 0;
  });
}

namespace {
AreaBoundary BoundaryFrom(const Row& r) {
  return {.code = r.Text(0),
          .name = r.Text(1),
          .year = static_cast<int>(r.Int(2)),
          .geometry = r.Text(3)};
}
}  // namespace

std::map<std::string, AreaBoundary> SqlSocialMapRepository::AllBoundaries() {
  auto lease = db_.Acquire();
  std::map<std::string, AreaBoundary> out;
  for (const Row& r : lease->Query(sql::kAllBoundaries)) out.emplace(r.Text(0), BoundaryFrom(r));
  return out;
}

void SqlSocialMapRepository::UpsertBoundaries(const std::vector<AreaBoundary>& boundaries,
                                              core::Instant at) {
  const std::int64_t now = ToMillis(at);
  db_.Transaction([&](Connection& c) {
    for (const AreaBoundary& b : boundaries) {
      c.Execute(sql::kUpsertBoundary, {b.code, b.name, core::social_map::MunicipalityOf(b.code),
                                       std::int64_t{b.year}, b.geometry, now});
    }
    // A version that moves on even when two imports share a millisecond.
    std::int64_t version = now;
    for (const Row& r : c.Query(sql::kBoundariesVersion)) {
      version = std::max<std::int64_t>(version, std::stoll(r.Text(0)) + 1);
    }
    c.Execute(sql::kSetBoundariesVersion, {std::to_string(version), now});
    return 0;
  });
}

std::vector<AreaBoundary> SqlSocialMapRepository::BoundariesOf(
    const std::string& municipality_code) {
  auto lease = db_.Acquire();
  std::vector<AreaBoundary> out;
  for (const Row& r : lease->Query(sql::kBoundariesOf, {municipality_code})) {
    out.push_back(BoundaryFrom(r));
  }
  return out;
}

std::vector<AreaBoundary> SqlSocialMapRepository::MunicipalityBoundaries() {
  auto lease = db_.Acquire();
  std::vector<AreaBoundary> out;
  for (const Row& r : lease->Query(sql::kMunicipalityBoundaries)) out.push_back(BoundaryFrom(r));
  return out;
}

std::int64_t SqlSocialMapRepository::BoundariesVersion() {
  auto lease = db_.Acquire();
  for (const Row& r : lease->Query(sql::kBoundariesVersion)) return std::stoll(r.Text(0));
  return 0;
}

std::vector<std::string> SqlSocialMapRepository::EndedMunicipalities(const std::string& date) {
  auto lease = db_.Acquire();
  std::vector<std::string> out;
  for (const Row& r : lease->Query(sql::kEndedMunicipalities, {date})) out.push_back(r.Text(0));
  return out;
}

bool SqlSocialMapRepository::DeleteArea(std::int64_t ws, const std::string& code) {
  auto lease = db_.Acquire();
  return lease->Execute(sql::kDeleteArea, {ws, code}) > 0;
}

std::int64_t SqlSocialMapRepository::InsertService(Connection& c, std::int64_t ws,
                                                   const Service& s) {
  std::vector<Value> values{ws};
  for (auto& v : ServiceValues(s)) values.push_back(std::move(v));
  values.emplace_back(ToMillis(s.created_at));
  values.emplace_back(ToMillis(s.updated_at));
  Service stored = s;
  stored.id = c.Query(sql::kInsertService, std::span<const Value>(values)).front().Int(0);
  WriteServiceAreas(c, ws, stored);
  return stored.id;
}

void SqlSocialMapRepository::WriteServiceAreas(Connection& c, std::int64_t ws, const Service& s) {
  c.Execute(sql::kDeleteServiceAreas, {ws, s.id});
  for (const auto& code : s.areas) c.Execute(sql::kInsertServiceArea, {ws, s.id, code});
}

void SqlSocialMapRepository::LoadAreas(Connection& c, std::int64_t ws,
                                       std::vector<Service>& services) {
  for (Service& s : services) {
    for (const Row& r : c.Query(sql::kServiceAreas, {ws, s.id})) s.areas.push_back(r.Text(0));
  }
}

Service SqlSocialMapRepository::AddService(std::int64_t ws, const Service& service) {
  return db_.Transaction([&](Connection& c) {
    Service stored = service;
    stored.id = InsertService(c, ws, service);
    return stored;
  });
}

void SqlSocialMapRepository::AddServices(std::int64_t ws, const std::vector<Service>& services) {
  db_.Transaction([&](Connection& c) {
    for (const Service& s : services) InsertService(c, ws, s);
    return 0;
  });
}

bool SqlSocialMapRepository::UpdateService(std::int64_t ws, const Service& s) {
  return db_.Transaction([&](Connection& c) {
    std::vector<Value> values{ws, s.id};
    for (auto& v : ServiceValues(s)) values.push_back(std::move(v));
    values.emplace_back(ToMillis(s.updated_at));
    if (c.Execute(sql::kUpdateService, std::span<const Value>(values)) == 0) return false;
    WriteServiceAreas(c, ws, s);
    return true;
  });
}

std::optional<Service> SqlSocialMapRepository::FindService(std::int64_t ws, std::int64_t id) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(sql::kService, {ws, id});
  if (!row) return std::nullopt;
  std::vector<Service> one{ServiceFrom(*row)};
  LoadAreas(*lease, ws, one);
  return one.front();
}

std::vector<Service> SqlSocialMapRepository::ListServices(std::int64_t ws,
                                                          const ServiceQuery& query) {
  auto lease = db_.Acquire();
  std::vector<Service> out;
  const Value published =
      query.published ? Value(std::int64_t{*query.published ? 1 : 0}) : Value(nullptr);
  const Value domain = query.domain ? Value(std::string(ToString(*query.domain))) : Value(nullptr);
  for (const Row& r :
       lease->Query(sql::kServices, {ws, OptionalInt(query.organisation_id),
                                     OptionalText(query.municipality_code), domain, published})) {
    out.push_back(ServiceFrom(r));
  }
  LoadAreas(*lease, ws, out);
  return out;
}

bool SqlSocialMapRepository::DeleteService(std::int64_t ws, std::int64_t id) {
  auto lease = db_.Acquire();
  return lease->Execute(sql::kDeleteService, {ws, id}) > 0;
}

void SqlSocialMapRepository::WriteMembers(Connection& c, std::int64_t ws,
                                          const Consortium& consortium) {
  c.Execute(sql::kDeleteMembers, {ws, consortium.id});
  for (const auto id : consortium.member_ids)
    c.Execute(sql::kInsertMember, {ws, consortium.id, id});
}

Consortium SqlSocialMapRepository::ConsortiumFrom(Connection& c, std::int64_t ws, const Row& r) {
  Consortium out;
  out.id = r.Int(0);
  out.name = r.Text(1);
  out.municipality_code = r.Text(2);
  if (!r.IsNull(3)) out.contact_organisation_id = r.Int(3);
  const std::string sealed = r.Text(4);
  out.contact = sealed.empty() ? "" : cipher_.Open(sealed, Context(ws)).value_or("");
  out.shared = r.Int(5) != 0;
  out.created_at = FromMillis(r.Int(6));
  for (const Row& m : c.Query(sql::kMembers, {ws, out.id})) out.member_ids.push_back(m.Int(0));
  return out;
}

Consortium SqlSocialMapRepository::AddConsortium(std::int64_t ws, const Consortium& consortium) {
  const std::string sealed =
      consortium.contact.empty() ? "" : cipher_.Seal(consortium.contact, Context(ws));
  return db_.Transaction([&](Connection& c) {
    Consortium stored = consortium;
    stored.id =
        c.QueryOne(sql::kInsertConsortium, {ws, consortium.name, consortium.municipality_code,
                                            OptionalInt(consortium.contact_organisation_id), sealed,
                                            ToMillis(consortium.created_at)})
            ->Int(0);
    WriteMembers(c, ws, stored);
    return stored;
  });
}

bool SqlSocialMapRepository::UpdateConsortium(std::int64_t ws, const Consortium& consortium) {
  const std::string sealed =
      consortium.contact.empty() ? "" : cipher_.Seal(consortium.contact, Context(ws));
  return db_.Transaction([&](Connection& c) {
    if (c.Execute(sql::kUpdateConsortium,
                  {ws, consortium.id, consortium.name, consortium.municipality_code,
                   OptionalInt(consortium.contact_organisation_id), sealed}) == 0) {
      return false;
    }
    WriteMembers(c, ws, consortium);
    return true;
  });
}

std::optional<Consortium> SqlSocialMapRepository::FindConsortium(std::int64_t ws, std::int64_t id) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(sql::kConsortium, {ws, id});
  if (!row) return std::nullopt;
  return ConsortiumFrom(*lease, ws, *row);
}

std::vector<Consortium> SqlSocialMapRepository::ListConsortia(std::int64_t ws) {
  auto lease = db_.Acquire();
  std::vector<Consortium> out;
  for (const Row& r : lease->Query(sql::kConsortia, {ws})) {
    out.push_back(ConsortiumFrom(*lease, ws, r));
  }
  return out;
}

bool SqlSocialMapRepository::DeleteConsortium(std::int64_t ws, std::int64_t id) {
  auto lease = db_.Acquire();
  return lease->Execute(sql::kDeleteConsortium, {ws, id}) > 0;
}

bool SqlSocialMapRepository::SetShareToken(std::int64_t ws, std::int64_t id,
                                           const std::optional<std::string>& token_hash) {
  auto lease = db_.Acquire();
  return lease->Execute(sql::kSetShare, {ws, id, OptionalText(token_hash)}) > 0;
}

std::optional<SharedConsortium> SqlSocialMapRepository::FindSharedConsortium(
    const std::string& token_hash) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(sql::kSharedConsortium, {token_hash});
  if (!row) return std::nullopt;
  const std::int64_t ws = row->Int(7);
  return SharedConsortium{ws, ConsortiumFrom(*lease, ws, *row)};
}

std::vector<std::pair<std::int64_t, std::string>> SqlSocialMapRepository::Organisations(
    std::int64_t ws) {
  auto lease = db_.Acquire();
  std::vector<std::pair<std::int64_t, std::string>> out;
  for (const Row& r : lease->Query(sql::kOrganisations, {ws}))
    out.emplace_back(r.Int(0), r.Text(1));
  return out;
}

std::optional<std::string> SqlSocialMapRepository::MunicipalityName(const std::string& code) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(sql::kMunicipality, {code});
  if (!row) return std::nullopt;
  return row->Text(0);
}

}  // namespace aantafel::storage

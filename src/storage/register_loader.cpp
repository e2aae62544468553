#include "storage/register_loader.hpp"

#include <algorithm>
#include <string>

#include "core/validation.hpp"

namespace aantafel::storage {

using core::whoiswho::Register;

namespace {

namespace sql {
constexpr std::string_view kVersion =
    "SELECT version FROM reference_versions WHERE name = 'municipal_register'";
constexpr std::string_view kSetVersion =
    "INSERT INTO reference_versions (name, version, applied_at) VALUES ('municipal_register', $1, "
    "$2) ON CONFLICT (name) DO UPDATE SET version = excluded.version, applied_at = "
    "excluded.applied_at";
// Rows are written in batches of this many, one statement each: a register has thousands of
// districts, and one round trip per row would make every start on PostgreSQL slow.
constexpr std::size_t kBatch = 200;
constexpr std::string_view kUpsertMunicipalitiesHead =
    "INSERT INTO municipalities (code, name, province, care_office_region, youth_region, source, "
    "reference_date, search_key, updated_at) VALUES ";
// A later description (a newer import) wins; regions the register does not know are kept.
constexpr std::string_view kUpsertMunicipalitiesTail =
    " ON CONFLICT (code) DO UPDATE SET name = excluded.name, province = excluded.province, "
    "care_office_region = COALESCE(excluded.care_office_region, "
    "municipalities.care_office_region), youth_region = COALESCE(excluded.youth_region, "
    "municipalities.youth_region), source = excluded.source, reference_date = "
    "excluded.reference_date, search_key = excluded.search_key, updated_at = excluded.updated_at "
    "WHERE municipalities.reference_date IS NULL OR municipalities.reference_date <= "
    "excluded.reference_date";
constexpr std::string_view kUpsertDistrictsHead =
    "INSERT INTO districts (code, name, municipality_code, source, reference_date) VALUES ";
constexpr std::string_view kUpsertDistrictsTail =
    " ON CONFLICT (code) DO UPDATE SET name = excluded.name, municipality_code = "
    "excluded.municipality_code, source = excluded.source, reference_date = "
    "excluded.reference_date WHERE districts.reference_date IS NULL OR districts.reference_date "
    "<= excluded.reference_date";
// Districts an older built-in register had and this one has not.
constexpr std::string_view kDropOldDistricts =
    "DELETE FROM districts WHERE source = 'register' AND reference_date < $1";
constexpr std::string_view kEnsureEnded =
    "INSERT INTO municipalities (code, name, source, reference_date, search_key, updated_at) "
    "VALUES ($1, $2, 'register', $3, $4, $5) ON CONFLICT (code) DO NOTHING";
constexpr std::string_view kSetEnded =
    "UPDATE municipalities SET ended_on = $2, updated_at = $3 WHERE code = $1 AND (ended_on IS "
    "NULL OR ended_on <> $2)";
constexpr std::string_view kSuccession =
    "INSERT INTO municipality_successions (predecessor_code, successor_code, effective_on) VALUES "
    "($1, $2, $3) ON CONFLICT (predecessor_code, successor_code) DO UPDATE SET effective_on = "
    "excluded.effective_on";
// Positions at the ending municipality's organisations, in every workspace, that are open on
// its last day (or end after it) end on that day.
constexpr std::string_view kEndPositions =
    "UPDATE positions SET ended_on = $2, updated_at = $3 WHERE started_on <= $2 AND (ended_on IS "
    "NULL OR ended_on > $2) AND EXISTS (SELECT 1 FROM organisations o WHERE o.workspace_id = "
    "positions.workspace_id AND o.id = positions.organisation_id AND o.municipality_code = $1)";
// Organisations of a municipality that a reorganisation creates or enlarges: its first day is
// their merger date (the Beleidskalender's extra election and first cycle), unless a user set one.
constexpr std::string_view kSetMergedOn =
    "UPDATE organisations SET merged_on = $2, updated_at = $3 WHERE municipality_code = $1 AND "
    "merged_on IS NULL";
constexpr std::string_view kFindReference =
    "SELECT version, applied_at FROM reference_versions WHERE name = $1";
constexpr std::string_view kSaveReference =
    "INSERT INTO reference_versions (name, version, applied_at) VALUES ($1, $2, $3) ON CONFLICT "
    "(name) DO UPDATE SET version = excluded.version, applied_at = excluded.applied_at";
}  // namespace sql

std::string Placeholders(std::size_t rows, std::size_t columns) {
  std::string out;
  std::size_t n = 0;
  for (std::size_t r = 0; r < rows; ++r) {
    out += r == 0 ? "(" : ", (";
    for (std::size_t c = 0; c < columns; ++c) {
      out += (c == 0 ? "$" : ", $") + std::to_string(++n);
    }
    out += ")";
  }
  return out;
}

}  // namespace

RegisterLoad LoadRegister(Database& db, const Register& register_, core::Instant now) {
  RegisterLoad load;
  {
    auto lease = db.Acquire();
    auto row = lease->QueryOne(sql::kVersion);
    if (row && row->Text(0) == register_.version) return load;
  }
  const std::int64_t millis = core::ToMillis(now);
  db.Transaction([&](Connection& c) {
    const auto& ms = register_.municipalities;
    for (std::size_t at = 0; at < ms.size(); at += sql::kBatch) {
      const std::size_t n = std::min(sql::kBatch, ms.size() - at);
      std::vector<Value> params;
      for (std::size_t i = at; i < at + n; ++i) {
        params.insert(params.end(),
                      {ms[i].code, ms[i].name, OptionalText(ms[i].province),
                       OptionalText(ms[i].care_office_region), OptionalText(ms[i].youth_region),
                       std::string("register"), register_.reference_date,
                       core::SearchFold(ms[i].name), millis});
      }
      c.Execute(std::string(sql::kUpsertMunicipalitiesHead) + Placeholders(n, 9) +
                    std::string(sql::kUpsertMunicipalitiesTail),
                params);
      load.municipalities += static_cast<int>(n);
    }
    const auto& ds = register_.districts;
    for (std::size_t at = 0; at < ds.size(); at += sql::kBatch) {
      const std::size_t n = std::min(sql::kBatch, ds.size() - at);
      std::vector<Value> params;
      for (std::size_t i = at; i < at + n; ++i) {
        params.insert(params.end(), {ds[i].code, ds[i].name, ds[i].municipality_code,
                                     std::string("register"), register_.reference_date});
      }
      c.Execute(std::string(sql::kUpsertDistrictsHead) + Placeholders(n, 5) +
                    std::string(sql::kUpsertDistrictsTail),
                params);
      load.districts += static_cast<int>(n);
    }
    c.Execute(sql::kDropOldDistricts, {register_.reference_date});
    for (const auto& change : register_.reorganisations) {
      const std::string effective_on = change.effective_on.ToString();
      const std::string last_day = change.effective_on.AddDays(-1).ToString();
      for (const auto& code : core::whoiswho::EndingMunicipalities(change)) {
        if (auto name = change.names.find(code); name != change.names.end()) {
          c.Execute(sql::kEnsureEnded, {code, name->second, register_.reference_date,
                                        core::SearchFold(name->second), millis});
        }
        c.Execute(sql::kSetEnded, {code, last_day, millis});
        load.positions_ended +=
            static_cast<int>(c.Execute(sql::kEndPositions, {code, last_day, millis}));
      }
      for (const auto& to : change.to) c.Execute(sql::kSetMergedOn, {to, effective_on, millis});
      for (const auto& from : change.from) {
        for (const auto& to : change.to) {
          if (from != to) c.Execute(sql::kSuccession, {from, to, effective_on});
        }
      }
      ++load.reorganisations;
    }
    c.Execute(sql::kSetVersion, {register_.version, millis});
  });
  load.loaded = true;
  return load;
}

std::optional<ReferenceVersion> FindReferenceVersion(Database& db, std::string_view name) {
  auto lease = db.Acquire();
  auto row = lease->QueryOne(sql::kFindReference, {std::string(name)});
  if (!row) return std::nullopt;
  return ReferenceVersion{.version = row->Text(0), .checked_at = core::FromMillis(row->Int(1))};
}

void SaveReferenceVersion(Database& db, std::string_view name, const ReferenceVersion& version) {
  auto lease = db.Acquire();
  lease->Execute(sql::kSaveReference,
                 {std::string(name), version.version, core::ToMillis(version.checked_at)});
}

}  // namespace aantafel::storage

#include "storage/migrations.hpp"

namespace aantafel::storage {

namespace {

constexpr std::string_view kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)";
// An arbitrary, fixed key for PostgreSQL's advisory lock around migrations.
constexpr std::int64_t kMigrationLockKey = 0x61616e746166656c;  // "aantafel"

int CurrentVersion(Connection& c) {
  auto row = c.QueryOne("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  return row ? static_cast<int>(row->Int(0)) : 0;
}

int Latest(const std::vector<Migration>& migrations) {
  return migrations.empty() ? 0 : migrations.back().version;
}

void RefuseNewer(int database_version, int binary_version) {
  if (database_version > binary_version) {
    throw StorageError(StorageError::Kind::kSchemaTooNew,
                       "database schema version " + std::to_string(database_version) +
                           " is newer than this aantafel (knows up to " +
                           std::to_string(binary_version) + "); upgrade aantafel first");
  }
}

}  // namespace

int SchemaVersion(Database& db) {
  auto lease = db.Acquire();
  lease->ExecuteScript(kCreateTable);
  return CurrentVersion(*lease);
}

void CheckSchemaNotNewer(Database& db, const std::vector<Migration>& migrations) {
  RefuseNewer(SchemaVersion(db), Latest(migrations));
}

MigrationReport Migrate(Database& db, const std::vector<Migration>& migrations) {
  auto lease = db.Acquire();
  Connection& c = *lease;
  const bool postgres = c.dialect() == Dialect::kPostgres;
  if (postgres) c.Query("SELECT pg_advisory_lock($1)", {kMigrationLockKey});
  MigrationReport report;
  try {
    c.ExecuteScript(kCreateTable);
    report.from_version = CurrentVersion(c);
    RefuseNewer(report.from_version, Latest(migrations));
    for (const Migration& m : migrations) {
      if (m.version <= report.from_version) continue;
      c.Begin();
      try {
        // Another instance may have applied it between our read and our lock (SQLite).
        if (CurrentVersion(c) >= m.version) {
          c.Rollback();
          continue;
        }
        c.ExecuteScript(m.sql);
        c.Execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
            {static_cast<std::int64_t>(m.version), m.name,
             static_cast<std::int64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                           std::chrono::system_clock::now().time_since_epoch())
                                           .count())});
        c.Commit();
      } catch (...) {
        if (c.Healthy()) c.Rollback();
        throw;
      }
      report.applied.push_back(m.version);
    }
    report.to_version = CurrentVersion(c);
  } catch (...) {
    if (postgres && c.Healthy()) c.Query("SELECT pg_advisory_unlock($1)", {kMigrationLockKey});
    throw;
  }
  if (postgres) c.Query("SELECT pg_advisory_unlock($1)", {kMigrationLockKey});
  return report;
}

}  // namespace aantafel::storage

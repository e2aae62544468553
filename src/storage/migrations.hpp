#pragma once

#include <string>
#include <vector>

#include "storage/database.hpp"

namespace aantafel::storage {

/// One numbered schema change.
struct Migration {
  int version;
  std::string name;
  std::string sql;
};

/// The migrations compiled into this binary for `dialect`, in version order.
std::vector<Migration> EmbeddedMigrations(Dialect dialect);

/// What `Migrate` did.
struct MigrationReport {
  int from_version = 0;
  int to_version = 0;
  std::vector<int> applied;
};

/// The highest applied version (0 for an empty database).
int SchemaVersion(Database& db);

/// Applies every migration newer than the database, each in its own transaction, recorded in
/// schema_migrations. Safe when several instances start at once. Throws kSchemaTooNew when the
/// database has a version this binary does not know.
MigrationReport Migrate(Database& db, const std::vector<Migration>& migrations);

/// Throws kSchemaTooNew when the database is newer than `migrations`.
void CheckSchemaNotNewer(Database& db, const std::vector<Migration>& migrations);

}  // namespace aantafel::storage

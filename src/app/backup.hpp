#pragma once

#include <string>

namespace aantafel::app {

/// What a backup or restore did, for the command line.
struct BackupReport {
  bool ok = false;
  std::string message;  ///< in the user's words: what went wrong, or where the copy is
};

/// An online, consistent copy of the database in `file`: SQLite with VACUUM INTO (a snapshot in
/// one read transaction, writers keep going), PostgreSQL with pg_dump (custom format). Refuses to
/// overwrite an existing file.
BackupReport BackupDatabase(const std::string& database_url, const std::string& file);

/// Puts a backup back: SQLite checks the copy (PRAGMA integrity_check, schema not newer than this
/// binary) and writes it in place of the database with VACUUM INTO — stop the server first;
/// PostgreSQL runs pg_restore --clean into the database. Refuses to replace an existing SQLite
/// database unless `force`.
BackupReport RestoreDatabase(const std::string& database_url, const std::string& file, bool force);

}  // namespace aantafel::app

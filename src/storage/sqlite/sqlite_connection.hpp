#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "storage/database.hpp"

namespace aantafel::storage {

/// Opens a SQLite file (creating its directory) in WAL mode with foreign keys on,
/// synchronous=FULL (an acknowledged write survives power loss) and a busy timeout.
/// A new database file is created with mode 0600 first (its -wal and -shm files take the
/// database's mode), so personal data is never readable by other users of the machine.
std::unique_ptr<Connection> OpenSqlite(const std::string& path, std::chrono::milliseconds busy);

/// Creates an empty file readable and writable by its owner only (0600); false when it exists
/// already or cannot be created. For databases and backups.
bool CreatePrivateFile(const std::string& path);

}  // namespace aantafel::storage

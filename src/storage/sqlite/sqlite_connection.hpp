#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "storage/database.hpp"

namespace aantafel::storage {

/// Opens a SQLite file (creating its directory) in WAL mode with foreign keys on,
/// synchronous=FULL (an acknowledged write survives power loss) and a busy timeout.
std::unique_ptr<Connection> OpenSqlite(const std::string& path, std::chrono::milliseconds busy);

}  // namespace aantafel::storage

#pragma once

#include <string>
#include <vector>

#include "core/clock.hpp"
#include "storage/database.hpp"

namespace aantafel::storage {

/// The ids of the data keys that have sealed data in this database (oldest first).
std::vector<std::string> KnownKeyIds(Database& db);
/// Records that `key_id` seals data from now on (no-op when known).
void RememberKeyId(Database& db, const std::string& key_id, core::Instant now);

}  // namespace aantafel::storage

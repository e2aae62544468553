#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/whoiswho/register.hpp"
#include "storage/database.hpp"

namespace aantafel::storage {

/// What loading a register changed.
struct RegisterLoad {
  bool loaded = false;  ///< false: this version was loaded before, nothing written
  int municipalities = 0;
  int districts = 0;
  int reorganisations = 0;
  int positions_ended = 0;
};

/// Loads `register_` into the shared reference tables (municipalities, districts,
/// municipality_successions) in one transaction, unless this version is loaded already. A row
/// describing a later date (a newer CBS import) is never replaced. Municipalities that a
/// reorganisation ends get their last day, and the positions held there in every workspace end
/// on that day (a municipality that no longer exists has no mayor or council).
RegisterLoad LoadRegister(Database& db, const core::whoiswho::Register& register_,
                          core::Instant now);

/// What the server last noted of an outside source of reference data (e.g. "almanak": the
/// Last-Modified of the export, and when it was last checked).
struct ReferenceVersion {
  std::string version;
  core::Instant checked_at{};
};
std::optional<ReferenceVersion> FindReferenceVersion(Database& db, std::string_view name);
void SaveReferenceVersion(Database& db, std::string_view name, const ReferenceVersion& version);

}  // namespace aantafel::storage

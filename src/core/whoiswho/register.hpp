#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/result.hpp"
#include "core/whoiswho/model.hpp"

namespace aantafel::core::whoiswho {

// The municipal register (gemeentelijke indeling): every municipality of one CBS year with its
// province, regions and districts, and the reorganisations that year lists. Built into the
// binary (knowledge/municipal_register.json, made from the CBS / Kadaster boundary files by
// knowledge/tools/make_register.py) and loaded into the shared reference tables at migrate.

struct Province {
  std::string code;  ///< PVnn
  std::string name;
  bool operator==(const Province&) const = default;
};

/// A district (wijk) of a municipality: WKggggww.
struct District {
  std::string code;
  std::string name;
  std::string municipality_code;
  bool operator==(const District&) const = default;
};

/// Municipalities `from` are succeeded by `to` on `effective_on` (the first day of the new
/// division): a merger (several → one, possibly one of them living on), a split (one → several),
/// or a boundary change that moves part of one municipality into another.
struct Reorganisation {
  CivilDate effective_on;
  std::vector<std::string> from;
  std::vector<std::string> to;
  /// Names of codes in `from` that the register itself no longer lists.
  std::map<std::string, std::string> names;
  bool operator==(const Reorganisation&) const = default;
};

/// A municipality that existed on `effective_on` - 1 day and ends with a reorganisation.
/// Codes in `from` that also stand in `to` live on (an annexation); the others end.
std::vector<std::string> EndingMunicipalities(const Reorganisation& reorganisation);

struct Register {
  int year = 0;
  std::string reference_date;  ///< YYYY-MM-DD: the division this register describes
  std::string source;
  std::string licence;
  std::string attribution;     ///< the credit line maps must show
  std::string regions_source;  ///< where care-office and youth regions come from; empty: none
  std::vector<Province> provinces;
  std::vector<Municipality> municipalities;  ///< province as its name
  std::vector<District> districts;
  std::vector<Reorganisation> reorganisations;
  /// Identifies this content (year and a hash of the file), to load it only once.
  std::string version;
};

/// Parses and checks a register file: codes well formed and unique, every municipality in a
/// known province, every district in a known municipality, reorganisations between known or
/// earlier codes. Errors name the place ("municipalities[3].code").
Result<Register> ParseRegister(std::string_view text);

/// The register compiled into the binary (parsed once; a broken built-in file is a build error
/// caught by RegisterFile tests).
const Register& BuiltInRegister();

/// The name of a province code in `register`, or the code itself when unknown.
std::string ProvinceName(const Register& register_, std::string_view code);

}  // namespace aantafel::core::whoiswho

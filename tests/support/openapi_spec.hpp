#pragma once

#include <set>
#include <string>

namespace aantafel::testing {

/// Operations of an OpenAPI file as "METHOD /path/{param}", read from the keys under `paths:`
/// (path keys at two spaces, method keys at four) — enough for api/openapi.yaml's layout.
using Operations = std::set<std::string>;
Operations SpecOperations(const std::string& file);

}  // namespace aantafel::testing

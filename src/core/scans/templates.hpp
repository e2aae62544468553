#pragma once

#include <string_view>

#include "core/result.hpp"
#include "core/scans/model.hpp"

namespace aantafel::core::scans {

/// Reads knowledge/scan_templates.json strictly: every problem named by its path
/// ("templates[1].dimensions[0].statements[2].action.nl"), unknown keys refused, ids unique,
/// every template's source known and at least one statement per dimension.
Result<ScanKnowledge> ParseScanKnowledge(std::string_view json_text);

}  // namespace aantafel::core::scans

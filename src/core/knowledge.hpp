#pragma once

#include <string_view>

namespace aantafel::knowledge {

/// The text of knowledge/NAME.json as built into the binary; empty when there is no such file.
std::string_view Text(std::string_view name);

}  // namespace aantafel::knowledge

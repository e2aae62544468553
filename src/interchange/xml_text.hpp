#pragma once

#include <string>
#include <string_view>

namespace aantafel::interchange {

/// Appends `text` to `out` as XML character data or attribute value (&, <, >, " and ' escaped).
/// Characters XML 1.0 does not allow (C0 controls other than tab, line feed and carriage return)
/// are left out.
void AppendXmlEscaped(std::string& out, std::string_view text);

}  // namespace aantafel::interchange

#pragma once

#include <string>
#include <string_view>

namespace aantafel::core {

/// `text` safe inside HTML content and quoted attribute values (& < > " ' escaped).
std::string HtmlEscape(std::string_view text);

}  // namespace aantafel::core

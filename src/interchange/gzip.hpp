#pragma once

#include <string>
#include <string_view>

namespace aantafel::interchange {

/// `data` compressed in the gzip format (RFC 1952). The default, the best level (9), suits
/// responses made once and served many times; per-request compression uses a faster level.
std::string Gzip(std::string_view data, int level = 9);

}  // namespace aantafel::interchange

#pragma once

#include <string>
#include <string_view>

namespace aantafel::interchange {

/// `data` compressed in the gzip format (RFC 1952) at the best compression level: for responses
/// that are made once and served many times.
std::string Gzip(std::string_view data);

}  // namespace aantafel::interchange

#pragma once

#include <cstddef>
#include <string_view>

namespace aantafel::fuzz {

/// The fuzz input as text, byte for byte.
inline std::string_view AsText(const unsigned char* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace aantafel::fuzz

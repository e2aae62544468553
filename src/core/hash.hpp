#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace aantafel::core {

/// FNV-1a, 64 bits: a fast fingerprint of content (ETags, data versions), the same on every
/// instance and every platform. Not for secrets: use SHA-256 (`Crypto`) there.
constexpr std::uint64_t Fnv1a64(std::string_view data) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (const char c : data) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return hash;
}

/// The fingerprint as 16 lower-case hex digits.
inline std::string Fnv1a64Hex(std::string_view data) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::uint64_t h = Fnv1a64(data);
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<std::size_t>(i)] = kHex[h & 15U];
  return out;
}

}  // namespace aantafel::core

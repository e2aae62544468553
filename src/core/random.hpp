#pragma once

#include <cstddef>
#include <span>
#include <string>

namespace aantafel::core {

/// Port: random bytes. Production uses the OS CSPRNG; tests inject a seeded generator.
class Random {
 public:
  virtual ~Random() = default;
  /// Fills `out` with random bytes.
  virtual void Fill(std::span<unsigned char> out) = 0;
};

/// A URL-safe random token of `bytes` random bytes (base64url without padding).
std::string RandomToken(Random& random, std::size_t bytes = 32);

/// Base64url without padding (RFC 4648 §5).
std::string Base64Url(std::span<const unsigned char> data);

}  // namespace aantafel::core

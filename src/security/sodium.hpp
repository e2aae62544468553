#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/accounts/ports.hpp"
#include "core/random.hpp"

namespace aantafel::security {

/// Argon2id cost. `Interactive` is libsodium's recommendation for logins; `Minimal` is for tests.
struct PasswordCost {
  unsigned long long ops_limit;
  std::size_t mem_limit;
  static PasswordCost Interactive();
  static PasswordCost Minimal();
};

/// Initialises libsodium once; throws if the library cannot start.
void InitSodium();

/// Crypto port on libsodium: Argon2id passwords, SHA-256 digests, constant-time compare.
class SodiumCrypto final : public core::accounts::Crypto {
 public:
  explicit SodiumCrypto(PasswordCost cost = PasswordCost::Interactive());
  std::string HashPassword(std::string_view password) override;
  bool VerifyPassword(std::string_view hash, std::string_view password) override;
  std::string Sha256Hex(std::string_view data) override;
  bool Equal(std::string_view a, std::string_view b) override;
  std::string HmacSha256Hex(std::string_view key, std::string_view data) override;

 private:
  PasswordCost cost_;
};

/// Random port on the OS CSPRNG (libsodium randombytes).
class SodiumRandom final : public core::Random {
 public:
  SodiumRandom();
  void Fill(std::span<unsigned char> out) override;
};

}  // namespace aantafel::security

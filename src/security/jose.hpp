#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace aantafel::security {

/// The outcome of checking a compact JWS against a key set.
struct JwsCheck {
  std::optional<std::string> payload;  ///< the verified payload (JSON text), when valid
  std::string problem;                 ///< why not: "alg_not_allowed", "unknown_key", …
  bool unknown_key = false;            ///< no key with the token's kid (refresh the key set)
};

/// Verifies a compact JWS (an ID token) against a JSON Web Key Set with cjose. Only RS256 (an
/// RSA key) and ES256 (an EC P-256 key, signature exactly 64 bytes) are accepted; the key is
/// chosen by `kid` and must not say another `use` or `alg`. "none", HMAC and any other algorithm
/// are refused before a key is touched. No claims are checked here (core does that).
JwsCheck VerifyJws(std::string_view compact, std::string_view jwks_json);

}  // namespace aantafel::security

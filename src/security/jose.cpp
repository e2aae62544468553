#include "security/jose.hpp"

#include <cjose/cjose.h>

#include <memory>
#include <nlohmann/json.hpp>

namespace aantafel::security {

namespace {

struct JwkRelease {
  void operator()(cjose_jwk_t* k) const { cjose_jwk_release(k); }
};
struct JwsRelease {
  void operator()(cjose_jws_t* j) const { cjose_jws_release(j); }
};
using JwkPtr = std::unique_ptr<cjose_jwk_t, JwkRelease>;
using JwsPtr = std::unique_ptr<cjose_jws_t, JwsRelease>;

JwsCheck Refuse(std::string problem) {
  JwsCheck check;
  check.problem = std::move(problem);
  return check;
}

/// Bytes of a base64url segment (without padding); nullopt when it is not base64url.
std::optional<std::size_t> DecodedLength(std::string_view segment) {
  for (const char c : segment) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return std::nullopt;
  }
  if (segment.size() % 4 == 1) return std::nullopt;
  return segment.size() / 4 * 3 + (segment.size() % 4 == 0 ? 0 : segment.size() % 4 - 1);
}

}  // namespace

JwsCheck VerifyJws(std::string_view compact, std::string_view jwks_json) {
  if (compact.size() > 16 * 1024) return Refuse("token_too_long");
  const auto last_dot = compact.rfind('.');
  if (last_dot == std::string_view::npos || compact.find('.') == last_dot) {
    return Refuse("not_a_jws");
  }
  cjose_err err{};
  JwsPtr jws(cjose_jws_import(compact.data(), compact.size(), &err));
  if (!jws) return Refuse("not_a_jws");
  cjose_header_t* header = cjose_jws_get_protected(jws.get());  // owned by the JWS
  const char* alg_text = header ? cjose_header_get(header, CJOSE_HDR_ALG, &err) : nullptr;
  const char* kid_text = header ? cjose_header_get(header, CJOSE_HDR_KID, &err) : nullptr;
  const std::string alg = alg_text ? alg_text : "";
  const std::string kid = kid_text ? kid_text : "";

  std::string kty;
  std::string crv;
  if (alg == "RS256") {
    kty = "RSA";
  } else if (alg == "ES256") {
    kty = "EC";
    crv = "P-256";
    // JWS (RFC 7518 3.4): R and S as 32 bytes each, nothing else. OpenSSL would also accept
    // zero-padded halves, which makes signatures malleable.
    if (DecodedLength(compact.substr(last_dot + 1)) != 64) return Refuse("bad_signature");
  } else {
    return Refuse("alg_not_allowed");
  }

  const auto jwks = nlohmann::json::parse(jwks_json, nullptr, false);
  if (!jwks.is_object() || !jwks.contains("keys") || !jwks["keys"].is_array()) {
    return Refuse("key_set_unreadable");
  }
  bool any_key = false;
  for (const auto& key : jwks["keys"]) {
    if (!key.is_object() || key.value("kty", "") != kty) continue;
    if (!crv.empty() && key.value("crv", "") != crv) continue;
    if (!kid.empty() && key.value("kid", "") != kid) continue;
    if (key.contains("use") && key["use"] != "sig") continue;
    if (key.contains("alg") && key["alg"] != alg) continue;
    any_key = true;
    const std::string key_json = key.dump();
    JwkPtr jwk(cjose_jwk_import(key_json.data(), key_json.size(), &err));
    if (!jwk) continue;
    if (!cjose_jws_verify(jws.get(), jwk.get(), &err)) continue;
    std::uint8_t* plain = nullptr;  // owned by the JWS
    std::size_t length = 0;
    if (!cjose_jws_get_plaintext(jws.get(), &plain, &length, &err)) return Refuse("bad_payload");
    JwsCheck check;
    check.payload = std::string(reinterpret_cast<const char*>(plain), length);
    return check;
  }
  if (!any_key) {
    JwsCheck check = Refuse("unknown_key");
    check.unknown_key = true;
    return check;
  }
  return Refuse("bad_signature");
}

}  // namespace aantafel::security

#include "http/cookies.hpp"

#include "core/validation.hpp"
#include "http/types.hpp"

namespace aantafel::http {

std::optional<std::string_view> FindCookie(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const auto semi = header.find(';');
    const std::string_view pair = core::TrimAscii(header.substr(0, semi));
    header = semi == std::string_view::npos ? std::string_view{} : header.substr(semi + 1);
    const auto eq = pair.find('=');
    if (eq == std::string_view::npos) continue;
    if (core::TrimAscii(pair.substr(0, eq)) == name) {
      std::string_view value = core::TrimAscii(pair.substr(eq + 1));
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        value = value.substr(1, value.size() - 2);
      }
      return value;
    }
  }
  return std::nullopt;
}

std::string SetCookieValue(const CookieSpec& spec) {
  std::string out = spec.name + "=" + spec.value +
                    "; Path=/; Max-Age=" + std::to_string(spec.max_age.count()) + "; SameSite=Lax";
  if (spec.http_only) out += "; HttpOnly";
  if (spec.secure) out += "; Secure";
  return out;
}

std::optional<std::string_view> BearerToken(std::string_view authorization) {
  authorization = core::TrimAscii(authorization);
  if (authorization.size() <= 7 || !EqualsIgnoreCase(authorization.substr(0, 7), "Bearer ")) {
    return std::nullopt;
  }
  std::string_view token = core::TrimAscii(authorization.substr(7));
  if (token.empty()) return std::nullopt;
  return token;
}

}  // namespace aantafel::http

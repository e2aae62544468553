#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace aantafel::http {

/// The value of cookie `name` in a Cookie header ("a=1; b=2").
std::optional<std::string_view> FindCookie(std::string_view cookie_header, std::string_view name);

/// Attributes of a cookie that aantafel sets.
struct CookieSpec {
  std::string name;
  std::string value;
  std::chrono::seconds max_age{0};
  bool http_only = true;
  bool secure = false;
};

/// A Set-Cookie value with Path=/ and SameSite=Lax.
std::string SetCookieValue(const CookieSpec& spec);

/// The bearer token in an Authorization header, if it has that form.
std::optional<std::string_view> BearerToken(std::string_view authorization);

}  // namespace aantafel::http

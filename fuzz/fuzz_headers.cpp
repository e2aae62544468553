// Request headers the application reads itself: Cookie (FindCookie), Authorization
// (BearerToken), Accept-Language (NegotiateLanguage) and Content-Type (MediaType), then the
// whole application for GET /api/v1/session with those headers (session and token lookup).
// Input: the header values separated by '\n', in that order.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "http/cookies.hpp"
#include "http/language.hpp"
#include "http/types.hpp"
#include "support/app_fixture.hpp"

namespace {

std::string_view NextLine(std::string_view& rest) {
  const auto end = rest.find('\n');
  const std::string_view line = rest.substr(0, end);
  rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
  return line;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace aantafel::http;
  std::string_view rest = aantafel::fuzz::AsText(data, size);
  const std::string_view cookie = NextLine(rest);
  const std::string_view authorization = NextLine(rest);
  const std::string_view accept_language = NextLine(rest);
  const std::string_view content_type = NextLine(rest);

  for (const char* name : {"aantafel_session", "aantafel_csrf", "a", ""}) {
    (void)FindCookie(cookie, name);
  }
  if (auto token = BearerToken(authorization); token && token->empty()) __builtin_trap();
  (void)ToTag(NegotiateLanguage(accept_language));

  HttpRequest request;
  request.method = "GET";
  request.target = request.path = "/api/v1/session";
  // The server only passes headers that were sent; an empty line stands for "not sent".
  if (!cookie.empty()) request.headers.Set("Cookie", std::string(cookie));
  if (!authorization.empty()) request.headers.Set("Authorization", std::string(authorization));
  request.headers.Set("Accept-Language", std::string(accept_language));
  request.headers.Set("Content-Type", std::string(content_type));
  (void)MediaType(request);
  request.remote_address = "192.0.2.3";
  (void)aantafel::fuzz::Handle(request);
  return 0;
}

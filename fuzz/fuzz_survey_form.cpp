// The public survey pages' POST bodies: application/x-www-form-urlencoded (ParseFormBody) or
// JSON, decoded into answers by the real handlers of POST /f/{token} (NPS feedback) and
// POST /s/{token} (scan), through http::App as the server calls it. The tokens are unknown, so
// a decoded answer ends in "not found" without writing anything.
#include <cstddef>
#include <cstdint>
#include <string>

#include "http/types.hpp"
#include "support/app_fixture.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using aantafel::http::HttpRequest;
  std::string_view input = aantafel::fuzz::AsText(data, size);

  (void)aantafel::http::ParseFormBody(input);

  // First byte: which page and which Content-Type; the rest is the body.
  unsigned char selector = 0;
  if (!input.empty()) {
    selector = static_cast<unsigned char>(input.front());
    input.remove_prefix(1);
  }
  static constexpr const char* kMediaTypes[] = {
      "application/x-www-form-urlencoded",
      "application/json",
      "application/x-www-form-urlencoded; charset=UTF-8",
      "Application/JSON ; charset=utf-8",
  };
  HttpRequest request;
  request.method = "POST";
  request.target = request.path =
      (selector & 0x10) != 0 ? "/s/onbekend-token" : "/f/onbekend-token";
  request.headers.Set("Content-Type", kMediaTypes[selector % 4]);
  request.headers.Set("Origin", "https://aantafel.example");
  request.body = std::string(input);
  request.remote_address = "192.0.2.1";
  (void)aantafel::fuzz::Handle(request);
  return 0;
}

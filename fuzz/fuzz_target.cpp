// Request targets: ParseTarget (what the server does with every request line), PercentDecode,
// SplitPath, the router's matching over the real route table, and the whole application for a
// GET of that target without credentials (routing, middleware, public pages, static files).
#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "http/router.hpp"
#include "http/types.hpp"
#include "support/app_fixture.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace aantafel::http;
  const std::string_view input = aantafel::fuzz::AsText(data, size);

  (void)PercentDecode(input, false);
  (void)PercentDecode(input, true);
  (void)SplitPath(input);

  HttpRequest request;
  request.method = "GET";
  request.target = std::string(input);
  if (!ParseTarget(request.target, request.path, request.query)) return 0;  // server: 400
  for (const auto& [name, value] : request.query) (void)request.Query(name);

  auto& fixture = aantafel::fuzz::FuzzApp::Get();
  for (const char* method : {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"}) {
    const auto match = fixture.app().router().Match(method, request.path);
    if (const auto* found = std::get_if<RouteMatch>(&match); found && found->route == nullptr) {
      __builtin_trap();  // a match must name its route
    }
  }
  request.remote_address = "192.0.2.2";
  (void)aantafel::fuzz::Handle(request);
  return 0;
}

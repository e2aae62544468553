// Every body-taking API route of a workspace (POST, PUT, PATCH under /api/v1/workspaces/{slug}),
// through http::App with an owner's API token: the handlers' own DTO decoding (JsonObjectReader
// field by field, nested lists, CSV uploads), then core's validation and the SQLite repositories.
// Input: one selector byte (low 7 bits: route, AANTAFEL_FUZZ_VERBOSE=1 lists them; high bit:
// text/csv instead of application/json), then the body.
//
// The database keeps what earlier inputs created (this is a stateful target): a crash found
// here may need the inputs before it to replay; scripts/fuzz keeps the crash file either way.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "http/types.hpp"
#include "support/app_fixture.hpp"

namespace {

struct Endpoint {
  std::string method;
  std::string path;
};

// Route patterns with their parameters filled in. Left out: members and tokens (they could take
// the fuzzer's own access away) and simulations (CPU-bound by design, fuzzed in fuzz_json_body).
std::vector<Endpoint> Endpoints() {
  std::vector<Endpoint> out;
  const std::string prefix = "/api/v1/workspaces/{slug}/";
  for (const auto& route : aantafel::fuzz::FuzzApp::Get().app().router().routes()) {
    if (route.method != "POST" && route.method != "PUT" && route.method != "PATCH") continue;
    if (!route.pattern.starts_with(prefix)) continue;
    if (route.pattern.find("/members") != std::string::npos ||
        route.pattern.find("/tokens") != std::string::npos ||
        route.pattern.find("/simulations") != std::string::npos) {
      continue;
    }
    for (const char* kind : {"people_csv", "almanak"}) {
      std::string path;
      for (const auto& segment : route.segments) {
        path += '/';
        if (segment == "{slug}") {
          path += aantafel::fuzz::FuzzApp::slug();
        } else if (segment == "{kind}") {
          path += kind;
        } else if (segment.starts_with('{')) {
          path += '1';
        } else {
          path += segment;
        }
      }
      if (!out.empty() && out.back().method == route.method && out.back().path == path) continue;
      out.push_back({route.method, path});
    }
  }
  if (std::getenv("AANTAFEL_FUZZ_VERBOSE") != nullptr) {
    for (std::size_t i = 0; i < out.size(); ++i) {
      std::fprintf(stderr, "fuzz: selector %zu: %s %s\n", i, out[i].method.c_str(),
                   out[i].path.c_str());
    }
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using aantafel::http::HttpRequest;
  static const std::vector<Endpoint> endpoints = Endpoints();
  auto& fixture = aantafel::fuzz::FuzzApp::Get();
  if (size == 0) return 0;
  const Endpoint& endpoint = endpoints[(data[0] & 0x7F) % endpoints.size()];

  HttpRequest request;
  request.method = endpoint.method;
  request.target = request.path = endpoint.path;
  request.headers.Set("Authorization", "Bearer " + fixture.bearer());
  request.headers.Set("Content-Type",
                      (data[0] & 0x80) != 0 ? "text/csv; charset=utf-8" : "application/json");
  request.body = std::string(aantafel::fuzz::AsText(data + 1, size - 1));
  request.remote_address = "192.0.2.4";
  (void)aantafel::fuzz::Handle(request);
  return 0;
}

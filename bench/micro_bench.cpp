// Micro-benchmarks of the per-request building blocks of aantafel's HTTP layer, each next to
// a "floor" where one exists (e.g. bare nlohmann::json::parse next to JsonObjectReader).
//
// Run: build/release/bench/aantafel_micro_bench   (bash bench/http_load.sh runs it too)
#include <benchmark/benchmark.h>

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <variant>

#include "core/validation.hpp"
#include "http/json_body.hpp"
#include "http/language.hpp"
#include "http/router.hpp"
#include "http/types.hpp"
#include "security/data_key.hpp"
#include "security/sodium.hpp"

namespace {

using aantafel::http::Access;
using aantafel::http::HttpRequest;
using aantafel::http::HttpResponse;
using aantafel::http::RequestContext;
using aantafel::http::RouteMatch;
using aantafel::http::RouteOptions;
using aantafel::http::Router;

HttpResponse Dummy(RequestContext&) { return HttpResponse{}; }

/// The route table of src/http/handlers/*.cpp in App's registration order (system, session,
/// workspaces, tokens, Wie is wie), with dummy handlers. The router scans routes in order, so
/// keep this in step when routes are added there.
Router RealRouteTable() {
  const RouteOptions open{.access = Access::kPublic};
  const RouteOptions member{.access = Access::kWorkspace};
  Router router;
  router.Add("GET", "/healthz", Dummy, open);
  router.Add("GET", "/readyz", Dummy, open);
  router.Add("POST", "/api/v1/session", Dummy, open);
  router.Add("GET", "/api/v1/session", Dummy);
  router.Add("DELETE", "/api/v1/session", Dummy);
  router.Add("GET", "/api/v1/workspaces", Dummy);
  router.Add("GET", "/api/v1/workspaces/{slug}", Dummy, member);
  router.Add("PATCH", "/api/v1/workspaces/{slug}", Dummy, member);
  router.Add("GET", "/api/v1/workspaces/{slug}/members", Dummy, member);
  router.Add("POST", "/api/v1/workspaces/{slug}/members", Dummy, member);
  router.Add("PATCH", "/api/v1/workspaces/{slug}/members/{user_id}", Dummy, member);
  router.Add("DELETE", "/api/v1/workspaces/{slug}/members/{user_id}", Dummy, member);
  router.Add("GET", "/api/v1/workspaces/{slug}/tokens", Dummy, member);
  router.Add("POST", "/api/v1/workspaces/{slug}/tokens", Dummy, member);
  router.Add("DELETE", "/api/v1/workspaces/{slug}/tokens/{token_id}", Dummy, member);
  router.Add("GET", "/api/v1/municipalities", Dummy);
  router.Add("GET", "/api/v1/workspaces/{slug}/organisations", Dummy, member);
  router.Add("POST", "/api/v1/workspaces/{slug}/organisations", Dummy, member);
  router.Add("POST", "/api/v1/workspaces/{slug}/organisations/{organisation_id}/elections", Dummy,
             member);
  router.Add("GET", "/api/v1/workspaces/{slug}/people", Dummy, member);
  router.Add("POST", "/api/v1/workspaces/{slug}/people", Dummy, member);
  router.Add("GET", "/api/v1/workspaces/{slug}/people/{person_id}", Dummy, member);
  router.Add("GET", "/api/v1/workspaces/{slug}/people/{person_id}/export", Dummy, member);
  router.Add("PATCH", "/api/v1/workspaces/{slug}/people/{person_id}", Dummy, member);
  router.Add("DELETE", "/api/v1/workspaces/{slug}/people/{person_id}", Dummy, member);
  router.Add("POST", "/api/v1/workspaces/{slug}/people/{person_id}/positions", Dummy, member);
  router.Add("PATCH", "/api/v1/workspaces/{slug}/positions/{position_id}", Dummy, member);
  router.Add("DELETE", "/api/v1/workspaces/{slug}/positions/{position_id}", Dummy, member);
  router.Add("POST", "/api/v1/workspaces/{slug}/people/{person_id}/assessments", Dummy, member);
  return router;
}

void BM_RouterMatchWorkspace(benchmark::State& state) {
  const Router router = RealRouteTable();
  for (auto _ : state) {
    auto match = router.Match("GET", "/api/v1/workspaces/demo");
    benchmark::DoNotOptimize(match);
  }
  if (!std::holds_alternative<RouteMatch>(router.Match("GET", "/api/v1/workspaces/demo"))) {
    state.SkipWithError("route did not match");
  }
}
BENCHMARK(BM_RouterMatchWorkspace);

void BM_RouterMatchMember(benchmark::State& state) {
  const Router router = RealRouteTable();
  for (auto _ : state) {
    auto match = router.Match("PATCH", "/api/v1/workspaces/demo/members/42");
    benchmark::DoNotOptimize(match);
  }
}
BENCHMARK(BM_RouterMatchMember);

// The last route registered: the scan passes every other route first.
void BM_RouterMatchLast(benchmark::State& state) {
  const Router router = RealRouteTable();
  for (auto _ : state) {
    auto match = router.Match("POST", "/api/v1/workspaces/demo/people/7/assessments");
    benchmark::DoNotOptimize(match);
  }
}
BENCHMARK(BM_RouterMatchLast);

void BM_RouterNotFound(benchmark::State& state) {
  const Router router = RealRouteTable();
  for (auto _ : state) {
    auto match = router.Match("GET", "/api/v1/nothing/here");
    benchmark::DoNotOptimize(match);
  }
}
BENCHMARK(BM_RouterNotFound);

constexpr std::string_view kLoginBody =
    R"({"email":"demo@aantafel.example","password":"welkom-aan-tafel"})";

void BM_JsonObjectReaderLogin(benchmark::State& state) {
  HttpRequest request;
  request.method = "POST";
  request.target = request.path = "/api/v1/session";
  request.headers.Add("Content-Type", "application/json; charset=utf-8");
  request.body = std::string(kLoginBody);
  for (auto _ : state) {
    auto reader = aantafel::http::JsonObjectReader::Parse(request);
    if (!reader) {
      state.SkipWithError("parse failed");
      break;
    }
    auto email = reader->String("email", true, 1024);
    auto password = reader->String("password", true, 4096);
    auto done = reader->Finish();
    benchmark::DoNotOptimize(email);
    benchmark::DoNotOptimize(password);
    benchmark::DoNotOptimize(done);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(kLoginBody.size()));
}
BENCHMARK(BM_JsonObjectReaderLogin);

// Floor for the reader above: nlohmann's parser alone on the same body.
void BM_NlohmannParseLogin(benchmark::State& state) {
  const std::string body(kLoginBody);
  for (auto _ : state) {
    auto parsed = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
    benchmark::DoNotOptimize(parsed);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(body.size()));
}
BENCHMARK(BM_NlohmannParseLogin);

void BM_NegotiateLanguage(benchmark::State& state) {
  const std::string_view header = "de-DE,de;q=0.9,en-GB;q=0.8,en;q=0.7,nl;q=0.6";
  for (auto _ : state) {
    auto language = aantafel::http::NegotiateLanguage(header);
    benchmark::DoNotOptimize(language);
  }
}
BENCHMARK(BM_NegotiateLanguage);

void BM_NegotiateLanguageEmpty(benchmark::State& state) {
  for (auto _ : state) {
    auto language = aantafel::http::NegotiateLanguage("");
    benchmark::DoNotOptimize(language);
  }
}
BENCHMARK(BM_NegotiateLanguageEmpty);

/// 1 KiB of mostly-ASCII Dutch text with some two- and three-byte sequences.
std::string Utf8Text() {
  const std::string sample =
      "Overleg met de gemeente over zorg en welzijn: één café, "
      "geïnde bijdrage, cliënten — €12,50 per uur. ";
  std::string text;
  while (text.size() + sample.size() <= 1024) text += sample;
  text.append(1024 - text.size(), 'x');
  return text;
}

void BM_IsValidUtf8_1KiB(benchmark::State& state) {
  const std::string text = Utf8Text();
  if (!aantafel::core::IsValidUtf8(text)) state.SkipWithError("sample text is not valid UTF-8");
  for (auto _ : state) {
    bool valid = aantafel::core::IsValidUtf8(text);
    benchmark::DoNotOptimize(valid);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_IsValidUtf8_1KiB);

// What every API-token request pays before the database: SHA-256 (hex) of the bearer token.
void BM_Sha256HexBearerToken(benchmark::State& state) {
  aantafel::security::SodiumCrypto crypto;
  const std::string token = "aat_" + std::string(43, 'A');  // same length as a real token
  for (auto _ : state) {
    auto digest = crypto.Sha256Hex(token);
    benchmark::DoNotOptimize(digest);
  }
}
BENCHMARK(BM_Sha256HexBearerToken);

// What a survey answer's open text costs at rest (decision 36): sealing at submit, opening when
// a list or a quote is read. A typical answer of about 120 characters.
const std::string kAnswer =
    "De begeleiding is prima, maar ik wacht al drie weken op een nieuwe afspraak. Bel mij gerust "
    "terug, liefst in de ochtend.";

void BM_SealAnswer(benchmark::State& state) {
  aantafel::security::SodiumRandom random;
  aantafel::security::SodiumFieldCipher cipher(aantafel::security::DataKey{}, random);
  for (auto _ : state) {
    auto sealed = cipher.Seal(kAnswer, "feedback.why/ws:12");
    benchmark::DoNotOptimize(sealed);
  }
}
BENCHMARK(BM_SealAnswer);

void BM_OpenAnswer(benchmark::State& state) {
  aantafel::security::SodiumRandom random;
  aantafel::security::SodiumFieldCipher cipher(aantafel::security::DataKey{}, random);
  const std::string sealed = cipher.Seal(kAnswer, "feedback.why/ws:12");
  for (auto _ : state) {
    auto opened = cipher.Open(sealed, "feedback.why/ws:12");
    benchmark::DoNotOptimize(opened);
  }
}
BENCHMARK(BM_OpenAnswer);

}  // namespace

// JSON request bodies: the decode path every API handler uses (JsonObjectReader::Parse and its
// typed field readers) and the body decoders of core that handlers call directly: the
// Bekostiging scenario (POST …/financing/simulations, saved scenarios), the scan value case
// (POST and PUT …/value-cases) and the survey questions (stored JSON).
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "core/civil_date.hpp"
#include "core/feedback/model.hpp"
#include "core/financing/scenario_json.hpp"
#include "core/scans/value_case.hpp"
#include "http/json_body.hpp"
#include "support/text.hpp"

namespace {

using aantafel::http::HttpRequest;
using aantafel::http::JsonObjectReader;
using nlohmann::json;

struct Named {
  std::string name;
  std::int64_t id = 0;
};

// Reads every field of the body with the reader a handler would pick for it; the kind of read
// is chosen from the key so that each reader meets every JSON type.
void ReadAllFields(JsonObjectReader& reader, const json& object) {
  for (const auto& [key, value] : object.items()) {
    switch (key.size() % 8) {
      case 0: {
        if (auto text = reader.String(key, false, 64)) {
          (void)aantafel::core::ParseDateTime(*text);  // as relations read "occurred_at"
        }
        break;
      }
      case 1: (void)reader.Integer(key, false); break;
      case 2: (void)reader.Boolean(key, false); break;
      case 3: (void)reader.StringList(key, false, 4, 16); break;
      case 4: (void)reader.IntegerList(key, 4); break;
      case 5: (void)reader.Object(key, false); break;
      case 6:
        (void)reader.ObjectList<Named>(key, 4, [](JsonObjectReader& item) -> std::optional<Named> {
          Named out;
          out.name = item.String("name").value_or("");
          if (item.IsNull("id")) return std::nullopt;
          out.id = item.Integer("id", false).value_or(0);
          return out;
        });
        break;
      default: (void)reader.Has(key); break;
    }
  }
  (void)reader.Finish();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  HttpRequest request;
  request.method = "POST";
  request.target = request.path = "/api/v1/fuzz";
  request.headers.Set("Content-Type", "application/json; charset=utf-8");
  request.body = std::string(aantafel::fuzz::AsText(data, size));

  auto reader = JsonObjectReader::Parse(request);
  if (!reader) return 0;  // handlers answer the error (400/415); nothing else happens

  // Only a body that passed Parse reaches the decoders below, exactly as in the handlers.
  const json body = json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  ReadAllFields(*reader, body);

  // POST /financing/simulations: CheckedRequest(json::parse(body)).
  (void)aantafel::core::financing::ParseScenarioObject(body);
  // Saved scenarios: the "scenario" member (JsonObjectReader::Object), then ScenarioService
  // checks it and stores scenario.dump().
  if (auto it = body.find("scenario"); it != body.end() && it->is_object()) {
    if (aantafel::core::financing::ParseScenarioObject(*it)) (void)it->dump();
  }
  // POST/PUT …/value-cases (ReadValueCase): ParseValueCase(json::parse(body)).
  (void)aantafel::core::scans::ParseValueCase(body);
  // Survey questions are stored as JSON and decoded on every read.
  (void)aantafel::core::feedback::DecodeQuestions(request.body);
  return 0;
}

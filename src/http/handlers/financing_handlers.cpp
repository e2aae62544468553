// Bekostiging: compare contract variants by simulation (JSON, or a stream with progress that
// stops when the client goes away), saved scenarios per workspace, and their exports (summary as
// CSV/XLSX, comparison chart as SVG). The computation is pure (core/financing).
#include <nlohmann/json.hpp>

#include "core/financing/scenario_json.hpp"
#include "core/financing/scenarios.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/views.hpp"
#include "http/json_body.hpp"
#include "interchange/financing_report.hpp"

namespace aantafel::http {

using core::financing::SavedScenario;
using core::financing::SavedScenarioInput;
using core::financing::ScenarioRequest;
using core::financing::ScenarioService;
using nlohmann::json;

namespace {

// Computing changes nothing the workspace shares, so viewers may ask too.
const RouteOptions kCompute{.access = Access::kWorkspace, .readers_may_post = true};
const RouteOptions kMember{.access = Access::kWorkspace};
constexpr std::int64_t kMaxHttpRuns = 200'000;  // about a second of both cores

core::Result<ScenarioRequest> CheckedRequest(const json& object) {
  auto request = core::financing::ParseScenarioObject(object);
  if (!request) return request.error();
  if (request->runs > kMaxHttpRuns) {
    return core::Error::Field("runs", core::FieldIssue::kTooLong, static_cast<int>(kMaxHttpRuns));
  }
  return request;
}

bool WantsStream(const HttpRequest& request) {
  return request.headers.Get("Accept").value_or("").find("text/event-stream") != std::string::npos;
}

json SavedView(const SavedScenario& s) {
  json scenario = json::parse(s.scenario_json, nullptr, false);
  return {{"id", s.id},
          {"name", s.name},
          {"description", s.description},
          {"municipality_code", s.municipality_code ? json(*s.municipality_code) : json(nullptr)},
          {"municipality_name", s.municipality_name ? json(*s.municipality_name) : json(nullptr)},
          {"plan_id", s.plan_id ? json(*s.plan_id) : json(nullptr)},
          {"plan_title", s.plan_title ? json(*s.plan_title) : json(nullptr)},
          {"scenario", scenario.is_discarded() ? json::object() : scenario},
          {"created_at", FormatTimestamp(s.created_at)},
          {"updated_at", FormatTimestamp(s.updated_at)}};
}

core::Result<SavedScenarioInput> ReadSaved(const HttpRequest& request) {
  auto body = JsonObjectReader::Parse(request);
  if (!body) return body.error();
  SavedScenarioInput input;
  input.name = body->String("name", true, 4096).value_or("");
  input.description = body->String("description", false, 64 * 1024).value_or("");
  if (!body->IsNull("municipality_code")) {
    input.municipality_code = body->String("municipality_code", false, 64);
  }
  if (!body->IsNull("plan_id")) input.plan_id = body->Integer("plan_id", false);
  input.scenario = body->Object("scenario").value_or(json());
  if (auto done = body->Finish(); !done) return done.error();
  return input;
}

std::string FileName(const std::string& text) {
  std::string out;
  for (const char c : text) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (plain) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "scenario" : out.substr(0, 60);
}

/// What an export needs: the saved scenario and a run of its simulation.
struct FinancingDeps {
  ScenarioService& scenarios;
  SimulationRunner& simulations;
};

HttpResponse SimulateFinancing(SimulationRunner& simulations, RequestContext& ctx) {
  // Content type, UTF-8, nesting depth and syntax are checked like every other body.
  if (auto checked = JsonObjectReader::Parse(ctx.request); !checked) {
    return Fail(ctx, checked.error());
  }
  auto request = CheckedRequest(json::parse(ctx.request.body, nullptr, false));
  if (!request) return Fail(ctx, request.error());
  if (WantsStream(ctx.request)) {
    HttpResponse response;
    response.headers.Set("Content-Type", "text/event-stream; charset=utf-8");
    response.headers.Set("Cache-Control", "no-store");
    response.headers.Set("X-Accel-Buffering", "no");
    response.stream = std::make_shared<EventStream>();
    if (auto started = simulations.Start(std::move(*request), response.stream, ctx.language);
        !started) {
      return Fail(ctx, started.error());
    }
    return response;
  }
  auto summary = simulations.RunNow(*request);
  if (!summary) return Fail(ctx, summary.error());
  return JsonResponse(200, core::financing::SummaryJson(*summary));
}

HttpResponse ListFinancingScenarios(ScenarioService& scenarios, RequestContext& ctx) {
  core::FieldErrors errors;
  core::financing::ScenarioQuery query;
  if (auto code = ctx.request.Query("municipality_code"); code && !code->empty()) {
    query.municipality_code = std::string(*code);
  }
  query.plan_id = QueryId(ctx.request, "plan_id", errors);
  if (!errors.empty()) return Fail(ctx, std::move(errors).ToError());
  json items = json::array();
  for (const auto& s : scenarios.List(*ctx.workspace, query)) items.push_back(SavedView(s));
  return JsonResponse(200, {{"items", items}});
}

HttpResponse SaveFinancingScenario(ScenarioService& scenarios, RequestContext& ctx) {
  auto input = ReadSaved(ctx.request);
  if (!input) return Fail(ctx, input.error());
  auto saved = scenarios.Save(*ctx.workspace, *input);
  if (!saved) return Fail(ctx, saved.error());
  return JsonResponse(201, SavedView(*saved));
}

HttpResponse GetFinancingScenario(ScenarioService& scenarios, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "scenario_id");
  if (!id) return Fail(ctx, id.error());
  auto found = scenarios.Get(*ctx.workspace, *id);
  if (!found) return Fail(ctx, found.error());
  return JsonResponse(200, SavedView(*found));
}

HttpResponse ReplaceFinancingScenario(ScenarioService& scenarios, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "scenario_id");
  if (!id) return Fail(ctx, id.error());
  auto input = ReadSaved(ctx.request);
  if (!input) return Fail(ctx, input.error());
  auto saved = scenarios.Replace(*ctx.workspace, *id, *input);
  if (!saved) return Fail(ctx, saved.error());
  return JsonResponse(200, SavedView(*saved));
}

HttpResponse DeleteFinancingScenario(ScenarioService& scenarios, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "scenario_id");
  if (!id) return Fail(ctx, id.error());
  if (auto done = scenarios.Delete(*ctx.workspace, *id); !done) {
    return Fail(ctx, done.error());
  }
  return HttpResponse::NoContent();
}

HttpResponse ExportFinancingScenario(const FinancingDeps& deps, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "scenario_id");
  if (!id) return Fail(ctx, id.error());
  const std::string format(ctx.request.Query("format").value_or("csv"));
  if (format != "csv" && format != "xlsx" && format != "svg") {
    return Fail(ctx, core::Error::Field("format", core::FieldIssue::kInvalidChoice));
  }
  const auto output =
      interchange::ParseFinancingOutput(ctx.request.Query("output").value_or("margin"));
  if (!output) return Fail(ctx, core::Error::Field("output", core::FieldIssue::kInvalidChoice));
  auto saved = deps.scenarios.Get(*ctx.workspace, *id);
  if (!saved) return Fail(ctx, saved.error());
  auto request = core::financing::RequestOf(*saved);
  if (!request) return Fail(ctx, request.error());
  request->runs = std::min(request->runs, kMaxHttpRuns);
  auto summary = deps.simulations.RunNow(*request);
  if (!summary) return Fail(ctx, summary.error());
  const auto language = ExportLanguageOf(ctx);
  const std::string name = "bekostiging-" + FileName(saved->name);
  if (format == "svg") {
    HttpResponse response;
    response.body = interchange::FinancingChartSvg(*summary, *output, saved->name, language);
    response.headers.Set("Content-Type", "image/svg+xml; charset=utf-8");
    response.headers.Set("Content-Disposition", AttachmentDisposition(name + ".svg"));
    return response;
  }
  return FileResponse(interchange::FinancingSummaryTable(*summary, saved->name, language), format,
                      name);
}

}  // namespace

void RegisterFinancingRoutes(Router& router, ScenarioService& scenarios,
                             SimulationRunner& simulations) {
  const std::string base = "/api/v1/workspaces/{slug}/financing";

  const auto bind = HandlerBinder(std::ref(scenarios));
  const auto bind_simulations = HandlerBinder(std::ref(simulations));
  const auto bind_deps = HandlerBinder(FinancingDeps{scenarios, simulations});
  router.Add("POST", base + "/simulations", bind_simulations(SimulateFinancing), kCompute);
  router.Add("GET", base + "/scenarios", bind(ListFinancingScenarios), kMember);
  router.Add("POST", base + "/scenarios", bind(SaveFinancingScenario), kMember);
  router.Add("GET", base + "/scenarios/{scenario_id}", bind(GetFinancingScenario), kMember);
  router.Add("PUT", base + "/scenarios/{scenario_id}", bind(ReplaceFinancingScenario), kMember);
  router.Add("DELETE", base + "/scenarios/{scenario_id}", bind(DeleteFinancingScenario), kMember);
  router.Add("GET", base + "/scenarios/{scenario_id}/export", bind_deps(ExportFinancingScenario),
             kMember);
}

}  // namespace aantafel::http
